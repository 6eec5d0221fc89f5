// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The Qt Quick Test setup every QML test shares: test-mode standard paths, the statically
//! linked Hubbub.Ui module importable, and `testData` (real AppCore models) in the root context.
//! A test that needs more context properties overrides addContextProperties().
#pragma once

#include <QObject>

class QQmlEngine;

class QmlTestSetup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable();
    void qmlEngineAvailable(QQmlEngine *engine);

protected:
    virtual void addContextProperties(QQmlEngine *engine);
};
