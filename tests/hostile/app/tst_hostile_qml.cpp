// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Qt Quick Test entry point for the hostile plain-text tests: the Hubbub.Ui components fed with
// names and texts that are markup, plus a FetchTrap that would see any remote image being fetched.
#include "fetchtrap.h"
#include "qmltestsetup.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QtQuickTest>

class Setup : public QmlTestSetup
{
protected:
    void addContextProperties(QQmlEngine *engine) override
    {
        engine->rootContext()->setContextProperty(QStringLiteral("fetchTrap"), new FetchTrap(engine));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(hubbub_hostile_qml, Setup)
