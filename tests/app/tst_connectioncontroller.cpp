// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The connection status, diagnostics and endpoint choice, against real in-process services.
#include "apptestfixture.h"
#include "client.h"
#include "connectioncontroller.h"
#include "localservice.h"
#include "secretstore.h"
#include "service.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Hubbub;
using namespace std::chrono_literals;

namespace {
constexpr int kTimeout = 20000;
const auto kKey = QStringLiteral("ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefgh");
} // namespace

class TestConnectionController : public QObject
{
    Q_OBJECT

    AppOptions localOptions(bool discover = false)
    {
        AppOptions o = HubbubTest::freshLocalAppOptions(QStringLiteral("cc"));
        o.discoverLocalService = discover;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(HubbubTest::isolateLocalAppPaths(QStringLiteral("hubbub-tst-connectioncontroller")));
    }

    void stateNames()
    {
        using S = WebPubSub::Client::State;
        QCOMPARE(ConnectionController::stateName(ConnectionController::stateFor(int(S::Connected))),
                 QStringLiteral("connected"));
        QCOMPARE(ConnectionController::stateName(ConnectionController::stateFor(int(S::Connecting))),
                 QStringLiteral("connecting"));
        QCOMPARE(ConnectionController::stateName(ConnectionController::stateFor(int(S::Recovering))),
                 QStringLiteral("recovering"));
        QCOMPARE(ConnectionController::stateName(ConnectionController::stateFor(int(S::Reconnecting))),
                 QStringLiteral("reconnecting"));
        QCOMPARE(ConnectionController::stateName(ConnectionController::stateFor(int(S::Stopped))),
                 QStringLiteral("stopped"));
        QCOMPARE(ConnectionController::stateName(ConnectionController::State::Offline),
                 QStringLiteral("offline"));
    }

    void embeddedServiceDiagnosticsAndLan()
    {
        SecretStore secrets(QStringLiteral("t"), false);
        ConnectionController cc(localOptions(), &secrets);
        QAbstractItemModelTester tester(cc.transitions(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(cc.state(), ConnectionController::State::Stopped);
        cc.start();
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), kTimeout);
        QVERIFY(cc.embedded());
        QVERIFY(cc.service() && cc.service()->isRunning());
        QVERIFY2(cc.endpointDescription().contains(QStringLiteral("127.0.0.1")),
                 qPrintable(cc.endpointDescription()));
        QCOMPARE(cc.statusText(), QStringLiteral("Connected"));
        QCOMPARE(cc.reconnectCountdown(), -1);
        QVERIFY(cc.transitions()->toText().contains(QStringLiteral("connecting → connected")));
        // The embedded service's key is the one hubbub-service keeps, so a standalone run agrees.
        QVERIFY(QFile::exists(LocalService::accessKeyFilePath()));
        QCOMPARE(cc.service()->options().accessKey, LocalService::readOrCreateAccessKey());

        const QVariantMap d = cc.diagnostics();
        for (const char *key : {"state",
                                "stateSeconds",
                                "connectionId",
                                "userId",
                                "hub",
                                "subprotocol",
                                "endpointHost",
                                "lastReceivedSequenceId",
                                "lastAckedSequenceId",
                                "duplicatesDropped",
                                "pendingOperations",
                                "outboxSize",
                                "recoveries",
                                "reconnects",
                                "lastCloseCode",
                                "lastCloseReason",
                                "roundTripMs",
                                "lastMessageAgeSeconds",
                                "tokenExpiresAt",
                                "networkReachability"})
            QVERIFY2(d.contains(QString::fromLatin1(key)), key);
        QCOMPARE(d.value(QStringLiteral("state")).toString(), QStringLiteral("connected"));
        QCOMPARE(d.value(QStringLiteral("userId")).toString(), QStringLiteral("tester"));
        QCOMPARE(d.value(QStringLiteral("hub")).toString(), QStringLiteral("hubbub"));
        QVERIFY(!d.value(QStringLiteral("connectionId")).toString().isEmpty());
        QVERIFY(QDateTime::fromString(d.value(QStringLiteral("tokenExpiresAt")).toString(), Qt::ISODate)
                    .isValid());

        // Nothing secret in what "copy diagnostics" copies.
        const QString text = cc.diagnosticsText();
        QVERIFY(!text.contains(cc.service()->options().accessKey));
        QVERIFY(!text.contains(QStringLiteral("access_token=ey")));
        QVERIFY(text.contains(QStringLiteral("state: connected")));
        cc.copyDiagnostics();
        QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("state: connected")));

        // Refreshed at most every 500 ms, only while visible.
        QSignalSpy changed(&cc, &ConnectionController::diagnosticsChanged);
        QElapsedTimer elapsed;
        elapsed.start();
        cc.setDiagnosticsVisible(true);
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 3, kTimeout);
        cc.setDiagnosticsVisible(false);
        QVERIFY(changed.count() <= elapsed.elapsed() / 500 + 2);
        const int settled = changed.count();
        QTest::qWait(700);
        QCOMPARE(changed.count(), settled);

        // Host on LAN: rebinds on all interfaces, shows an address, the client comes back.
        QSignalSpy endpoint(&cc, &ConnectionController::endpointChanged);
        cc.setHostOnLan(true);
        QVERIFY(cc.hostingOnLan());
        QVERIFY2(cc.lanAddress().startsWith(QStringLiteral("http://")), qPrintable(cc.lanAddress()));
        QVERIFY(cc.lanAddress().endsWith(u':' + QString::number(cc.service()->port())));
        QVERIFY(endpoint.count() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), kTimeout);
        cc.setHostOnLan(false);
        QVERIFY(!cc.hostingOnLan());
        QVERIFY(cc.lanAddress().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), kTimeout);
    }

    void offlineCountdownAndBack()
    {
        AppOptions o = localOptions();
        // Give up recovery quickly and wait 2 s between attempts, so a countdown is visible.
        o.clientOptions.recoveryTimeout = 500ms;
        o.clientOptions.reconnectRetry.delay = 2000ms;
        o.clientOptions.reconnectRetry.maxDelay = 2000ms;
        o.clientOptions.reconnectRetry.jitter = 0;
        SecretStore secrets(QStringLiteral("t"), false);
        ConnectionController cc(o, &secrets);
        cc.start();
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), kTimeout);
        QSignalSpy states(&cc, &ConnectionController::stateChanged);
        cc.goOffline(4000);
        QTRY_COMPARE_WITH_TIMEOUT(cc.state(), ConnectionController::State::Offline, kTimeout);
        QVERIFY(!cc.isConnected());
        QTRY_VERIFY_WITH_TIMEOUT(cc.reconnectCountdown() > 0, kTimeout);
        QVERIFY2(cc.statusText().contains(QString::number(cc.reconnectCountdown())),
                 qPrintable(cc.statusText()));
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), 30000);
        QCOMPARE(cc.reconnectCountdown(), -1);
        QVERIFY(states.count() >= 2);
        QVERIFY(cc.transitions()->toText().contains(QStringLiteral("going offline for 4 s")));
        QVERIFY(cc.diagnostics().value(QStringLiteral("reconnects")).toInt() >= 1);

        // Drop (recovered) and force a new connection.
        const QString firstId = cc.client()->connectionId();
        cc.dropConnection();
        QTRY_VERIFY_WITH_TIMEOUT(cc.state() != ConnectionController::State::Connected, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), kTimeout);
        cc.forceReconnect();
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected() && cc.client()->connectionId() != firstId, kTimeout);
    }

    // The open diagnostics panel never shows a state the connection has left: a change notifies
    // with the change itself, not at the next 500 ms refresh (a screenshot test read "recovering"
    // from a connected app).
    void openDiagnosticsFollowTheStateAtOnce()
    {
        SecretStore secrets(QStringLiteral("t"), false);
        ConnectionController cc(localOptions(), &secrets);
        cc.start();
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), kTimeout);
        cc.setDiagnosticsVisible(true);
        QString shown =
            cc.diagnostics().value(QStringLiteral("state")).toString(); // what the panel read last
        QStringList changes, stale;
        connect(&cc, &ConnectionController::diagnosticsChanged, &cc,
                [&] { shown = cc.diagnostics().value(QStringLiteral("state")).toString(); });
        connect(&cc, &ConnectionController::stateChanged, &cc, [&] {
            const QString now = ConnectionController::stateName(cc.state());
            changes.append(now);
            if (shown != now)
                stale.append(now + QStringLiteral(" shown as ") + shown);
        });
        cc.dropConnection();
        QTRY_VERIFY_WITH_TIMEOUT(!cc.isConnected(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), kTimeout);
        cc.forceReconnect();
        QTRY_VERIFY_WITH_TIMEOUT(changes.size() >= 4 && cc.isConnected(), kTimeout);
        QVERIFY2(stale.isEmpty(), qPrintable(stale.join(QStringLiteral("; "))));
        // Closed: no refresh for a panel nobody sees.
        cc.setDiagnosticsVisible(false);
        QSignalSpy refreshed(&cc, &ConnectionController::diagnosticsChanged);
        cc.dropConnection();
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected() && changes.size() >= 6, kTimeout);
        QCOMPARE(refreshed.count(), 0);
    }

    void secondInstanceJoinsTheLocalService()
    {
        SecretStore secrets(QStringLiteral("t"), false);
        ConnectionController first(localOptions(true), &secrets);
        first.start();
        QTRY_VERIFY_WITH_TIMEOUT(first.isConnected(), kTimeout);
        QVERIFY(first.embedded());
        ConnectionController second(localOptions(true), &secrets);
        second.start();
        QTRY_VERIFY_WITH_TIMEOUT(second.isConnected(), kTimeout);
        QVERIFY(!second.embedded());
        QCOMPARE(first.service()->connectionCount(), 2);
        QVERIFY2(second.endpointDescription().contains(QString::number(first.service()->port())),
                 qPrintable(second.endpointDescription()));
    }

    void connectToValidatesAndKeepsSecretsOutOfSettings()
    {
        ServiceOptions so;
        so.port = 0;
        so.accessKey = kKey;
        Service service(so);
        QVERIFY(service.start());

        const AppOptions o = localOptions();
        SecretStore secrets(QStringLiteral("t"), false);
        ConnectionController cc(o, &secrets);
        QSignalSpy errors(&cc, &ConnectionController::errorShown);
        cc.connectTo(ConnectionController::Kind(42), QStringLiteral("x"));
        cc.connectTo(ConnectionController::Kind::ConnectionString, QStringLiteral("not a connection string"),
                     QStringLiteral("chat"));
        cc.connectTo(ConnectionController::Kind::ConnectionString, service.connectionString(), QString());
        cc.connectTo(ConnectionController::Kind::Url, QStringLiteral("http://example.com/"));
        cc.connectTo(ConnectionController::Kind::Negotiate, QString());
        QCOMPARE(errors.count(), 5);
        QVERIFY(!cc.client());

        cc.connectTo(ConnectionController::Kind::ConnectionString, service.connectionString(),
                     QStringLiteral("chat"), QStringLiteral("zed"));
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), kTimeout);
        QCOMPARE(cc.client()->userId(), QStringLiteral("zed"));
        QVERIFY(!cc.embedded());
        QFile settings(o.settingsPath());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray saved = settings.readAll();
        QVERIFY(saved.contains("connectionString"));
        QVERIFY(!saved.contains(kKey.toLatin1()));
        bool found = false;
        secrets.read(QStringLiteral("endpoint"), [&](bool f, const QString &) { found = f; });
        QVERIFY(found);

        // Negotiate with a bare service address (what "Host on LAN" shows).
        cc.connectTo(ConnectionController::Kind::Negotiate, service.endpoint().toString(),
                     QStringLiteral("chat"), QStringLiteral("yan"));
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected() && cc.client()->userId() == QStringLiteral("yan"),
                                 kTimeout);

        // Next start of the profile: the choice is remembered, but the secret lived in memory
        // only (no keychain here), so it says so and falls back to the local service.
        AppOptions again = o;
        again.endpoint = AppOptions::Endpoint::Default;
        SecretStore freshSecrets(QStringLiteral("t"), false);
        ConnectionController next(again, &freshSecrets);
        QSignalSpy nextErrors(&next, &ConnectionController::errorShown);
        next.start();
        QTRY_VERIFY_WITH_TIMEOUT(next.isConnected(), kTimeout);
        QCOMPARE(nextErrors.count(), 1);
        QVERIFY(next.endpointDescription().contains(QStringLiteral("Local service")));
    }
};

QTEST_MAIN(TestConnectionController)
#include "tst_connectioncontroller.moc"
