// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Qt Quick Test entry point for the Hubbub.Ui components: makes the statically linked module
// importable and hands the tests a factory of real AppCore models.
#include "testdata.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QtQuickTest>

using namespace Qt::StringLiterals;

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable() { QStandardPaths::setTestModeEnabled(true); }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Qt 6.4 has no loadFromModule: the module's files live under qrc:/qt/qml.
        engine->addImportPath(u"qrc:/qt/qml"_s);
        engine->rootContext()->setContextProperty(u"testData"_s, new TestData(engine));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(hubbub_qml, Setup)

#include "tst_qml.moc"
