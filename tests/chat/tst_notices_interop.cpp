// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Issue 10, feature 9 "as a user would use it": an app server using the OFFICIAL server SDK
// (@azure/web-pubsub, node, tests/interop/sendservermessages.mjs) sends through the REST API of a
// real hubbub-service process — sendToAll (JSON and text), sendToUser, sendToConnection (binary) —
// and the Hubbub app (an AppController connected by connection string) shows each as a notice.
#include "appcontroller.h"
#include "apptestfixture.h"
#include "client.h"
#include "noticemodel.h"
#include "notices.h"
#include "serviceprocess.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Hubbub;

namespace {
constexpr int kTimeout = 30000;
}

class TestNoticesInterop : public QObject
{
    Q_OBJECT
    ServiceProcess m_service;

private Q_SLOTS:
    void initTestCase()
    {
        HubbubTest::isolateAppPaths(QStringLiteral("hubbub-tst-chat-notices-interop"));
        QString error;
        QVERIFY2(m_service.start(QStringLiteral(HUBBUB_SERVICE_PATH), &error), qPrintable(error));
    }
    void cleanupTestCase() { m_service.stop(); }

    void officialServerSdkToNotices()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "node was not found: run scripts/setup.sh");
        const QString interop = QStringLiteral(HUBBUB_INTEROP_DIR);
        // Fail loudly rather than skip, as the interop tests do.
        QVERIFY2(QFileInfo::exists(interop + QStringLiteral("/node_modules/@azure/web-pubsub/package.json")),
                 "tests/interop/node_modules lacks @azure/web-pubsub: run scripts/setup.sh");

        AppOptions options = HubbubTest::localAppOptions(QStringLiteral("alice"), QStringLiteral("alice"));
        options.endpoint = AppOptions::Endpoint::ConnectionString;
        options.connectionString = m_service.connectionString();
        options.hub = QStringLiteral("chat");
        AppController alice(options);
        QAbstractItemModelTester tester(alice.notices()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        alice.start();
        QTRY_VERIFY_WITH_TIMEOUT(alice.connection()->isConnected(), kTimeout);
        const QString connectionId = alice.connection()->client()->connectionId();
        QVERIFY(!connectionId.isEmpty());

        QProcess sdk;
        sdk.setWorkingDirectory(interop);
        sdk.setProcessChannelMode(QProcess::MergedChannels);
        sdk.start(node, {QStringLiteral("sendservermessages.mjs"), m_service.connectionString(),
                         QStringLiteral("chat"), QStringLiteral("alice"), connectionId});
        // The event loop must run meanwhile: the app receives while node sends.
        QTRY_VERIFY_WITH_TIMEOUT(sdk.state() == QProcess::NotRunning, kTimeout);
        const QByteArray output = sdk.readAll();
        QVERIFY2(sdk.exitStatus() == QProcess::NormalExit && sdk.exitCode() == 0, output.constData());

        NoticeModel *model = alice.notices()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->count(), 4, kTimeout);
        QCOMPARE(model->at(0).text, QStringLiteral("Maintenance tonight at 22:00"));
        QCOMPARE(model->at(0).dataType, QStringLiteral("json"));
        QCOMPARE(model->at(1).text, QStringLiteral("<b>plain</b> words"));
        QCOMPARE(model->at(1).dataType, QStringLiteral("text"));
        QCOMPARE(model->at(2).text, QStringLiteral("for you only"));
        QCOMPARE(model->at(3).text, QStringLiteral("[binary, 4 bytes]"));
        QCOMPARE(alice.notices()->unreadCount(), 4);
        // Reliable protocol: each carries a sequence id, the dedupe key is connection + sequence id.
        QVERIFY(model->at(0).sequenceId.has_value());
        QVERIFY(model->at(0).id.startsWith(connectionId + QLatin1Char('/')));
        // Nothing was shown in a room.
        for (const QString &room : alice.directory()->names())
            QCOMPARE(alice.directory()->openMessages(room)->count(), 0);
    }
};

QTEST_MAIN(TestNoticesInterop)
#include "tst_notices_interop.moc"
