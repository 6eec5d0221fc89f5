// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 1: the keep-alive tick aborts a silent socket, which finishes the connection and
// removes it (and, when it was alone, its hub) from the service's tables. The tick used to iterate
// those very tables, so a lone non-reliable or simple client whose network died made the service
// read freed memory (valgrind: invalid reads in the tick; ASan: heap-use-after-free). Each case
// puts clients behind a proxy that blackholes the link and lets keep-alive drop them; under ASan
// or valgrind the old code fails here, the fixed one must not.
#include "faultproxy.h"
#include "servicetestsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace TestSupport;
using namespace std::chrono_literals;

class TestHostileKeepAlive : public QObject
{
    Q_OBJECT

    std::unique_ptr<Hubbub::Service> service;
    std::unique_ptr<FaultProxy> proxy;

    //! The client URL of \a hub, but through the proxy.
    QUrl proxiedUrl(const QString &hub, const QString &userId)
    {
        QUrl url = clientUrl(*service, hub, clientToken(*service, hub, userId));
        url.setPort(proxy->port());
        return url;
    }

private Q_SLOTS:
    void init()
    {
        Hubbub::ServiceOptions options = defaultOptions();
        // Ping every 250 ms, drop a peer silent for 750 ms: the tick runs often while links die,
        // and a healthy client on a loaded (or sanitised) test machine still answers in time.
        options.keepAliveInterval = 250ms;
        service = std::make_unique<Hubbub::Service>(options);
        QVERIFY(service->start());
        proxy = std::make_unique<FaultProxy>(service->port());
        QVERIFY(proxy->listen());
    }
    void cleanup()
    {
        proxy.reset();
        service.reset();
    }

    void loneClientDroppedByKeepAlive_data()
    {
        QTest::addColumn<QString>("subprotocol");
        QTest::newRow("json (non-reliable)") << Json;
        QTest::newRow("simple") << QString();
    }
    void loneClientDroppedByKeepAlive()
    {
        QFETCH(QString, subprotocol);
        TestClient client;
        // The audience names the service's own endpoint; the proxy only changes the TCP port.
        QVERIFY(client.connectTo(proxiedUrl(QStringLiteral("lonely"), QStringLiteral("alice")), subprotocol));
        QTRY_COMPARE_WITH_TIMEOUT(service->connectionCount(), 1, 10000);
        // A healthy client answers the pings: several ticks pass and it stays.
        QTest::qWait(1000);
        QCOMPARE(service->connectionCount(), 1);

        // Its network dies: nothing passes, nobody is told. Keep-alive must drop it, and with it
        // the hub it was alone in, from inside the tick.
        proxy->blackhole(60s);
        QTRY_COMPARE_WITH_TIMEOUT(service->connectionCount(), 0, 15000);
        // The service goes on ticking over the (now empty) tables and still serves newcomers.
        QTest::qWait(600);
        TestClient direct;
        QVERIFY(direct.connectTo(
            clientUrl(*service, QStringLiteral("lonely"), clientToken(*service, QStringLiteral("lonely"))),
            Json));
        QCOMPARE(service->connectionCount(), 1);
    }

    void severalSilentClientsInOneTick()
    {
        // Clients in several hubs, each hub emptied by the same tick, plus a healthy client in one
        // of them whose entry must survive the others' removal.
        std::vector<std::unique_ptr<TestClient>> silent;
        for (int i = 0; i < 6; ++i) {
            auto client = std::make_unique<TestClient>();
            const QString hub = QStringLiteral("hub%1").arg(i % 3);
            QVERIFY(
                client->connectTo(proxiedUrl(hub, QStringLiteral("u%1").arg(i)), i % 2 ? Json : QString()));
            silent.push_back(std::move(client));
        }
        TestClient healthy;
        QVERIFY(healthy.connectTo(
            clientUrl(*service, QStringLiteral("hub0"), clientToken(*service, QStringLiteral("hub0"))),
            Json));
        QTRY_COMPARE_WITH_TIMEOUT(service->connectionCount(), 7, 10000);

        proxy->blackhole(60s);
        QTRY_COMPARE_WITH_TIMEOUT(service->connectionCount(), 1, 15000);
        QTest::qWait(600);
        QCOMPARE(service->connectionCount(), 1);
        QVERIFY(!healthy.closed);
        // The survivor is still served: a ping gets its pong.
        healthy.sendJson(QJsonObject{{QStringLiteral("type"), QStringLiteral("ping")}});
        QVERIFY(
            healthy.waitFrame([](const QJsonObject &f) { return f.value(u"type").toString() == u"pong"; }));
    }
};

QTEST_MAIN(TestHostileKeepAlive)
#include "tst_hostile_keepalive.moc"
