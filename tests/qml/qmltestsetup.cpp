// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "qmltestsetup.h"

#include "chattestdata.h"
#include "testdata.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QStandardPaths>

void QmlTestSetup::applicationAvailable()
{
    QStandardPaths::setTestModeEnabled(true);
}

void QmlTestSetup::qmlEngineAvailable(QQmlEngine *engine)
{
    // Qt 6.4 has no loadFromModule: the module's files live under qrc:/qt/qml.
    engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine->rootContext()->setContextProperty(QStringLiteral("testData"), new TestData(engine));
    engine->rootContext()->setContextProperty(QStringLiteral("chatTestData"), new ChatTestData(engine));
    addContextProperties(engine);
}

void QmlTestSetup::addContextProperties(QQmlEngine *)
{}
