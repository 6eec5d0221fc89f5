// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Qt Quick Test entry point for the hostile plain-text tests: the Hubbub.Ui components fed with
// names and texts that are markup, plus a FetchTrap that would see any remote image being fetched.
#include "fetchtrap.h"
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
        engine->addImportPath(u"qrc:/qt/qml"_s);
        engine->rootContext()->setContextProperty(u"testData"_s, new TestData(engine));
        engine->rootContext()->setContextProperty(u"fetchTrap"_s, new FetchTrap(engine));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(hubbub_hostile_qml, Setup)

#include "tst_hostile_qml.moc"
