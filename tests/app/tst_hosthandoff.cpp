// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Host handoff in process: three app instances share one machine's local service; A embeds it, B
// and C join it with the shared key file. When A quits (QuitSequence) or vanishes without a
// goodbye (its service stopped and the instance destroyed), exactly one of B and C hosts a new
// service on the same port with the same key within 5 s, both are connected and in their rooms
// again, a message B queued during the outage reaches C exactly once, and A shows offline at B and
// C: at once after a goodbye, within the presence timeout without one.
#include "appcontroller.h"
#include "apptestfixture.h"
#include "client.h"
#include "hosthandoff.h"
#include "localservice.h"
#include "messagemodel.h"
#include "quitsequence.h"
#include "service.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace std::chrono_literals;

namespace {
constexpr int kTimeout = 20000;
constexpr int kHandoffMs = 5000; // the promise
const auto kRoom = QStringLiteral("lobby");

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

int countText(MessageModel *model, const QString &text)
{
    int n = 0;
    for (int row = 0; row < model->count(); ++row) {
        if (model->at(row).text == text)
            ++n;
    }
    return n;
}
} // namespace

class TestHostHandoff : public QObject
{
    Q_OBJECT
    int m_run = 0;

    AppOptions options(const QString &user, quint16 port, bool discover, std::chrono::milliseconds heartbeat)
    {
        AppOptions o;
        o.endpoint = AppOptions::Endpoint::Local;
        o.localServicePort = port;
        o.discoverLocalService = discover;
        o.user = user;
        o.profile = user + QStringLiteral("-handoff") + QString::number(m_run);
        o.useKeychain = false;
        o.whoJitterMax = 100ms;
        o.heartbeatInterval = heartbeat;
        return o;
    }

    void handoff(bool crash)
    {
        ++m_run;
        QFile::remove(LocalService::sharedSettingsPath());
        const quint16 port = freePort();
        QVERIFY(port != 0);
        // Quit: a long heartbeat, so "offline at once" can only come from the goodbye. Crash: a
        // short one (presence timeout 2.5 × 1 s), which is what takes A offline.
        const auto heartbeat = crash ? 1000ms : 60000ms;
        auto a = std::make_unique<AppController>(options(QStringLiteral("alice"), port, false, heartbeat));
        a->start();
        QTRY_VERIFY_WITH_TIMEOUT(a->connection()->isConnected(), kTimeout);
        QVERIFY(a->connection()->embedded());
        QCOMPARE(a->connection()->service()->port(), port);
        const QString key = a->connection()->service()->options().accessKey;

        AppController b(options(QStringLiteral("bob"), port, true, heartbeat));
        AppController c(options(QStringLiteral("carol"), port, true, heartbeat));
        b.start();
        c.start();
        QTRY_VERIFY_WITH_TIMEOUT(b.connection()->isConnected() && c.connection()->isConnected(), kTimeout);
        QVERIFY(!b.connection()->embedded());
        QVERIFY(!c.connection()->embedded());
        QVERIFY(b.connection()->hostHandoff()->isArmed());
        QVERIFY(c.connection()->hostHandoff()->isArmed());
        for (AppController *x : {&b, &c}) {
            QTRY_COMPARE_WITH_TIMEOUT(x->directory()->openMembers(kRoom)->presence(QStringLiteral("alice")),
                                      MemberModel::Presence::Online, kTimeout);
        }
        QTRY_COMPARE_WITH_TIMEOUT(c.directory()->openMembers(kRoom)->presence(QStringLiteral("bob")),
                                  MemberModel::Presence::Online, kTimeout);

        QElapsedTimer lost;
        if (!crash) {
            QuitSequence quit(a.get());
            quit.setExitApplication(false);
            QSignalSpy finished(&quit, &QuitSequence::finished);
            quit.start();
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeout);
            lost.start();
            // The goodbye came before the service closed: offline at once, not after a timeout.
            for (AppController *x : {&b, &c}) {
                QTRY_COMPARE_WITH_TIMEOUT(
                    x->directory()->openMembers(kRoom)->presence(QStringLiteral("alice")),
                    MemberModel::Presence::Offline, 1500);
            }
        } else {
            // No goodbye: the service goes, then the instance, while its client is not connected.
            a->connection()->service()->stop();
            lost.start();
            QTRY_VERIFY_WITH_TIMEOUT(!a->connection()->isConnected(), kTimeout);
            a.reset();
        }

        // Queued in B's outbox during the outage. B stays offline a moment (its handoff still
        // runs) so that C is back in the room when B sends: without that, B could send before C
        // rejoined, and the message would fall into C's gap (marked and backfilled elsewhere).
        b.connection()->goOffline(2000);
        const QString text = QStringLiteral("sent while the host was gone ") + QString::number(m_run);
        QVERIFY(b.sendMessageTo(kRoom, text));

        // Exactly one survivor hosts, on the same port, with the same key.
        QTRY_VERIFY_WITH_TIMEOUT(b.connection()->embedded() || c.connection()->embedded(), kHandoffMs);
        const qint64 tookOverMs = lost.elapsed();
        QVERIFY(!(b.connection()->embedded() && c.connection()->embedded()));
        AppController &host = b.connection()->embedded() ? b : c;
        QVERIFY(host.connection()->service()->isRunning());
        QCOMPARE(host.connection()->service()->port(), port);
        QCOMPARE(host.connection()->service()->options().accessKey, key);
        QVERIFY(!host.connection()->hostHandoff()->isArmed());

        // Both connected again and in the room; the queued message arrives once.
        QTRY_VERIFY_WITH_TIMEOUT(b.connection()->isConnected() && c.connection()->isConnected(), kHandoffMs);
        const qint64 reconnectedMs = lost.elapsed();
        QVERIFY(b.connection()->client()->groups().contains(kRoom));
        QVERIFY(c.connection()->client()->groups().contains(kRoom));
        QTRY_COMPARE_WITH_TIMEOUT(countText(c.directory()->openMessages(kRoom), text), 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(b.outboxIds().isEmpty(), kTimeout);
        // And the room works both ways on the new host.
        const QString reply = QStringLiteral("reply ") + QString::number(m_run);
        QVERIFY(c.sendMessageTo(kRoom, reply));
        QTRY_COMPARE_WITH_TIMEOUT(countText(b.directory()->openMessages(kRoom), reply), 1, kTimeout);
        qInfo("host %s took over after %lld ms; both connected after %lld ms", qPrintable(host.userId()),
              tookOverMs, reconnectedMs);

        if (crash) {
            // Without a goodbye, A goes offline within the presence timeout (2.5 heartbeats).
            for (AppController *x : {&b, &c}) {
                QTRY_COMPARE_WITH_TIMEOUT(
                    x->directory()->openMembers(kRoom)->presence(QStringLiteral("alice")),
                    MemberModel::Presence::Offline, 2500 + 2000);
            }
        }
        // Still exactly once, after every resend and rejoin settled.
        QTest::qWait(500);
        QCOMPARE(countText(c.directory()->openMessages(kRoom), text), 1);
        QCOMPARE(countText(b.directory()->openMessages(kRoom), text), 1);
        // The new host publishes itself for instances started later.
        QSettings shared(LocalService::sharedSettingsPath(), QSettings::IniFormat);
        QCOMPARE(QUrl(shared.value(QStringLiteral("endpoint")).toString()).port(), int(port));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A home of its own: "who hosts" is this test's alone, whatever runs beside it.
        QVERIFY(HubbubTest::isolateLocalAppPaths(QStringLiteral("hubbub-tst-hosthandoff")));
    }

    // The arbitration HostHandoff relies on: QTcpServer's SO_REUSEADDR never lets two listeners
    // share a port (on Linux it only allows binding over TIME_WAIT).
    void onePortOneListener()
    {
        const quint16 port = freePort();
        ServiceOptions so;
        so.port = port;
        so.accessKey = LocalService::readOrCreateAccessKey();
        Service first(so);
        QString error;
        QVERIFY2(first.start(&error), qPrintable(error));
        Service second(so);
        QVERIFY(!second.start(&error));
        QVERIFY2(error.contains(QStringLiteral("in use")), qPrintable(error));
        QTcpServer raw;
        QVERIFY(!raw.listen(QHostAddress::LocalHost, port));
        QTcpServer any;
        QVERIFY(!any.listen(QHostAddress::Any, port));
    }

    void eligibility()
    {
        const QString key(40, u'k');
        QVERIFY(HostHandoff::eligible(QUrl(QStringLiteral("http://127.0.0.1:8080")), key));
        QVERIFY(HostHandoff::eligible(QUrl(QStringLiteral("http://localhost:9000")), key));
        QVERIFY(!HostHandoff::eligible(QUrl(QStringLiteral("http://127.0.0.1:8080")), QString()));
        QVERIFY(!HostHandoff::eligible(QUrl(QStringLiteral("http://192.168.1.20:8080")), key));
        QVERIFY(!HostHandoff::eligible(QUrl(QStringLiteral("https://x.webpubsub.azure.com")), key));
    }

    void handoffAfterQuit() { handoff(false); }
    void handoffAfterCrash() { handoff(true); }
};

QTEST_MAIN(TestHostHandoff)
#include "tst_hosthandoff.moc"
