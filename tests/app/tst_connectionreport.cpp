// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// What the banner and diagnostics say about a loss ("Truth under failure" item 7): the close code
// and its words, a refused connection, the last gap's window, and an outbox counted once (a message
// the client also holds while it waits for a connection is one message, not two).
#include "appcontroller.h"
#include "apptestfixture.h"
#include "client.h"
#include "connectioncontroller.h"
#include "connectionreport.h"
#include "service.h"

#include <QDir>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace Hubbub;
using namespace std::chrono_literals;

namespace {
constexpr int kTimeout = 20000;
const auto kRoom = QStringLiteral("lobby");

AppOptions localOptions()
{
    AppOptions o = HubbubTest::freshLocalAppOptions(QStringLiteral("report"));
    o.clientOptions.recoveryTimeout = 1500ms;
    return o;
}
} // namespace

class TestConnectionReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(HubbubTest::isolateLocalAppPaths(QStringLiteral("hubbub-tst-connectionreport")));
    }

    void closeCodesInWords()
    {
        QVERIFY(ConnectionReport::describeClose(0).isEmpty());
        QVERIFY(ConnectionReport::describeClose(1000).contains(QStringLiteral("normally")));
        QVERIFY(ConnectionReport::describeClose(1001).contains(QStringLiteral("host quit")));
        QVERIFY(ConnectionReport::describeClose(1006).contains(QStringLiteral("without a close")));
        QVERIFY(ConnectionReport::describeClose(1008).contains(QStringLiteral("recovery refused")));
        QVERIFY(ConnectionReport::describeClose(1009).contains(QStringLiteral("too big")));
        QVERIFY(ConnectionReport::describeClose(1011).contains(QStringLiteral("server error")));
        QVERIFY(ConnectionReport::describeClose(4000).contains(QStringLiteral("4000")));
        QVERIFY(ConnectionReport::describeClose(1001, QStringLiteral("Service is shutting down"))
                    .contains(QStringLiteral("shutting down")));
    }

    // The service goes away: the banner says so in words while the link is down, then a refused
    // connection; once back, the gap's window.
    void bannerTellsCloseRefusalAndGap()
    {
        AppOptions o = localOptions();
        {
            // A fixed port, so the service can come back where the client looks for it.
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            o.localServicePort = probe.serverPort();
        }
        AppController app(o);
        ConnectionController *cc = app.connection();
        app.start();
        QTRY_VERIFY_WITH_TIMEOUT(cc->isConnected(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(cc->client()->groups().contains(kRoom), kTimeout);
        QCOMPARE(cc->lastCloseCode(), 0);
        QVERIFY(cc->lastCloseReasonText().isEmpty());
        QCOMPARE(cc->bannerText(), QStringLiteral("Connected"));

        const quint16 port = cc->service()->port();
        cc->service()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(cc->lastCloseCode(), 1001, kTimeout);
        QVERIFY2(cc->lastCloseReasonText().contains(QStringLiteral("host quit")),
                 qPrintable(cc->lastCloseReasonText()));
        QTRY_VERIFY_WITH_TIMEOUT(cc->bannerText().contains(QStringLiteral("host quit")) ||
                                     cc->bannerText().contains(QStringLiteral("refused")),
                                 kTimeout);
        // Recovery gives up (1.5 s); new connections are refused: the banner says that.
        QTRY_VERIFY_WITH_TIMEOUT(cc->lastCloseReasonText().contains(QStringLiteral("refused")), kTimeout);
        QVERIFY2(cc->bannerText().contains(QStringLiteral("refused")), qPrintable(cc->bannerText()));
        QCOMPARE(cc->diagnostics().value(QStringLiteral("lastCloseReasonText")).toString(),
                 cc->lastCloseReasonText());

        // The service comes back on its port: a new connection, and the window messages may be missing.
        QString error;
        QVERIFY2(cc->service()->start(&error), qPrintable(error));
        QCOMPARE(cc->service()->port(), port);
        QTRY_VERIFY_WITH_TIMEOUT(cc->isConnected(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!cc->lastGapText().isEmpty(), kTimeout);
        QVERIFY2(cc->lastGapText().contains(kRoom), qPrintable(cc->lastGapText()));
        QVERIFY2(cc->bannerText().startsWith(QStringLiteral("Connected")), qPrintable(cc->bannerText()));
        QVERIFY2(cc->bannerText().contains(cc->lastGapText()), qPrintable(cc->bannerText()));
        // Connected again: the close reason is in the diagnostics, not in the banner.
        QVERIFY(!cc->bannerText().contains(QStringLiteral("refused")));
        QCOMPARE(cc->diagnostics().value(QStringLiteral("lastGap")).toString(), cc->lastGapText());
    }

    // One message pending while offline is one message: the app's outbox and the client's queue
    // both hold it, and diagnostics used to add them.
    void outboxCountedOnce()
    {
        AppController app(localOptions());
        ConnectionController *cc = app.connection();
        app.start();
        QTRY_VERIFY_WITH_TIMEOUT(cc->isConnected(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(cc->client()->groups().contains(kRoom), kTimeout);
        // Sent and dropped in the same turn: on the wire, unacknowledged, then waiting in the
        // client for a connection as well as in the app's outbox.
        QVERIFY(app.sendMessageTo(kRoom, QStringLiteral("once")));
        cc->goOffline(3000);
        QTRY_COMPARE_WITH_TIMEOUT(cc->state(), ConnectionController::State::Offline, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            cc->diagnostics().value(QStringLiteral("clientQueue")).toInt() +
                    cc->diagnostics().value(QStringLiteral("pendingOperations")).toInt() >=
                1,
            kTimeout);
        QCOMPARE(cc->outboxCount(), 1);
        QCOMPARE(cc->diagnostics().value(QStringLiteral("outboxSize")).toInt(), 1);
        qInfo("clientQueue %d pendingOperations %d",
              cc->diagnostics().value(QStringLiteral("clientQueue")).toInt(),
              cc->diagnostics().value(QStringLiteral("pendingOperations")).toInt());
        // Back: sent once, and nothing waits.
        QTRY_VERIFY_WITH_TIMEOUT(cc->isConnected(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(cc->outboxCount(), 0, kTimeout);
        QCOMPARE(cc->diagnostics().value(QStringLiteral("outboxSize")).toInt(), 0);
    }
};

QTEST_MAIN(TestConnectionReport)
#include "tst_connectionreport.moc"
