// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "apptestcase.h"

#include <QCoreApplication>
#include <QTest>

namespace HubbubTest {

void AppTestCase::initTestCase()
{
    // Before anything sets it, the application name is the executable's file name.
    const QString name = QStringLiteral("hubbub-") + QCoreApplication::applicationName().replace(u'_', u'-');
    QString error;
    QVERIFY2(m_hub.setUp(name, &error), qPrintable(error));
}

void AppTestCase::cleanup()
{
    m_hub.resetWatches();
}

void AppTestCase::cleanupTestCase()
{
    m_hub.stop();
}

} // namespace HubbubTest
