// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 2, loopback mode: a web page that reaches the loopback service by DNS rebinding
// (Host: evil.example) or from another origin gets neither a token nor a WebSocket; local tools
// (no Origin, a loopback Host, any port for proxies and port-forwards) still do.
#include "gatetestsupport.h"
#include "servicetestsupport.h"

#include <QTest>

using namespace GateSupport;
using namespace TestSupport;

class TestHostOrigin : public QObject
{
    Q_OBJECT
    std::unique_ptr<Hubbub::Service> service;

    QByteArray wsTarget() const
    {
        return "/client/hubs/chat?access_token=" + clientToken(*service, QStringLiteral("chat")).toUtf8();
    }

private Q_SLOTS:
    void init()
    {
        service = std::make_unique<Hubbub::Service>(defaultOptions());
        QVERIFY(service->start());
        QVERIFY(service->invite().isEmpty()); // loopback, no invite in force
    }
    void cleanup() { service.reset(); }

    void negotiateRefusesForeignHost()
    {
        const Answer evil = get(service->port(), "/negotiate?hub=chat&userId=alice", "evil.example");
        QCOMPARE(evil.status, 403);
        QVERIFY2(evil.body.contains("127.0.0.1, localhost or [::1]"), evil.body.constData());
        QVERIFY(!evil.body.contains("access_token"));
        QCOMPARE(get(service->port(), "/negotiate?hub=chat&userId=alice",
                     "evil.example:" + QByteArray::number(service->port()))
                     .status,
                 403);
        // A name that merely starts like a loopback one is not one.
        QCOMPARE(get(service->port(), "/negotiate?hub=chat", "localhost.evil.example").status, 403);
        QCOMPARE(get(service->port(), "/negotiate?hub=chat", "127.0.0.1.evil.example").status, 403);
    }

    void negotiateAcceptsLoopbackNamesOnAnyPort()
    {
        for (const QByteArray &host :
             {ownHost(*service), QByteArray("localhost:9999"), QByteArray("[::1]:8080"),
              QByteArray("LOCALHOST"), QByteArray("127.0.0.1")}) {
            const Answer ok = get(service->port(), "/negotiate?hub=chat&userId=alice", host);
            QVERIFY2(ok.status == 200, host.constData());
            QVERIFY(ok.json().value(u"url").toString().contains(u"access_token="));
        }
        // The token works (the hubbub-cli --negotiate path, no Origin).
        const Answer ok = get(service->port(), "/negotiate?hub=chat&userId=alice", ownHost(*service));
        TestClient client;
        QVERIFY(client.connectTo(QUrl(ok.json().value(u"url").toString())));
        QCOMPARE(client.frames.first().value(u"userId").toString(), u"alice");
    }

    void negotiateRefusesForeignOrigin()
    {
        const Answer evil = get(service->port(), "/negotiate?hub=chat&userId=alice", ownHost(*service),
                                {"Origin: http://evil.example"});
        QCOMPARE(evil.status, 403);
        QVERIFY2(evil.body.contains("other origins"), evil.body.constData());
        QCOMPARE(get(service->port(), "/negotiate?hub=chat", ownHost(*service), {"Origin: null"}).status,
                 403);
        // A page of another local web server (other port) is another origin too.
        QCOMPARE(get(service->port(), "/negotiate?hub=chat",
                     "localhost:" + QByteArray::number(service->port()), {"Origin: http://localhost:3000"})
                     .status,
                 403);
        // The service's own origin, under any of its loopback names, is fine.
        QCOMPARE(get(service->port(), "/negotiate?hub=chat", ownHost(*service),
                     {"Origin: http://" + ownHost(*service)})
                     .status,
                 200);
        QCOMPARE(get(service->port(), "/negotiate?hub=chat", ownHost(*service),
                     {"Origin: http://localhost:" + QByteArray::number(service->port())})
                     .status,
                 200);
        // Behind a local proxy, the page's origin is the address the request was sent to.
        QCOMPARE(
            get(service->port(), "/negotiate?hub=chat", "localhost:3000", {"Origin: http://localhost:3000"})
                .status,
            200);
    }

    void webSocketRefusesForeignHostAndOrigin()
    {
        const Answer evilHost = exchange(service->port(), upgradeRequest(wsTarget(), "evil.example"));
        QCOMPARE(evilHost.status, 403);
        const Answer evilOrigin = exchange(
            service->port(), upgradeRequest(wsTarget(), ownHost(*service), {"Origin: http://evil.example"}));
        QCOMPARE(evilOrigin.status, 403);
        QVERIFY2(evilOrigin.body.contains("other origins"), evilOrigin.body.constData());
        QCOMPARE(service->connectionCount(), 0);

        // A QWebSocket with a foreign origin is refused too.
        QWebSocket evil(QStringLiteral("http://evil.example"));
        bool connected = false;
        bool failed = false;
        connect(&evil, &QWebSocket::connected, this, [&] { connected = true; });
        connect(&evil, &QWebSocket::disconnected, this, [&] { failed = true; });
        evil.open(clientUrl(*service, QStringLiteral("chat"), clientToken(*service, QStringLiteral("chat"))));
        QTRY_VERIFY_WITH_TIMEOUT(failed || connected, 10000);
        QVERIFY(!connected);
        QCOMPARE(service->connectionCount(), 0);

        // Local tools (no Origin, loopback Host, also via a port-forward) still connect.
        QCOMPARE(exchange(service->port(), upgradeRequest(wsTarget(), ownHost(*service))).status, 101);
        QCOMPARE(exchange(service->port(), upgradeRequest(wsTarget(), ownHost(*service),
                                                          {"Origin: http://" + ownHost(*service)}))
                     .status,
                 101);
    }

    void restApiUnaffected()
    {
        // The data-plane API needs a signed token anyway; health stays open.
        QCOMPARE(get(service->port(), "/api/health", "evil.example").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestHostOrigin)
#include "tst_hostorigin.moc"
