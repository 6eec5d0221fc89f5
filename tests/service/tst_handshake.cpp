// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The client endpoint's handshake: tokens, audiences, hub names and subprotocols.
#include "servicetestsupport.h"

#include <QDateTime>
#include <QTest>
#include <QUrlQuery>

using namespace TestSupport;
using namespace WebPubSub;

class TestHandshake : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Hubbub::Service> service;
    QByteArray target(const QString &hub, const QString &token)
    {
        return "/client/hubs/" + hub.toUtf8() + "?access_token=" + token.toUtf8();
    }

private Q_SLOTS:
    void init()
    {
        service = std::make_unique<Hubbub::Service>(defaultOptions());
        QString error;
        QVERIFY2(service->start(&error), qPrintable(error));
    }
    void cleanup() { service.reset(); }

    void validTokenUpgrades()
    {
        QCOMPARE(rawHandshakeStatus(service->port(), target(QStringLiteral("chat"),
                                                            clientToken(*service, QStringLiteral("chat")))),
                 101);
    }

    void refusedWith401_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind :
             {"missing", "garbage", "expired", "forged", "other hub", "other host", "missing slash"})
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }
    void refusedWith401()
    {
        QFETCH(QString, kind);
        const QString hub = QStringLiteral("chat");
        TokenClaims claims;
        claims.audience = service->endpoint().toString() + QStringLiteral("/client/hubs/chat");
        claims.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        QString token;
        if (kind == u"garbage")
            token = QStringLiteral("not.a.jwt");
        else if (kind == u"expired")
            token = clientToken(*service, hub, std::nullopt, {}, {}, -3600);
        else if (kind == u"forged")
            token = AccessToken::sign(claims, "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ");
        else if (kind == u"other hub")
            token = clientToken(*service, QStringLiteral("other"));
        else if (kind == u"other host") {
            claims.audience = QStringLiteral("http://example.com/client/hubs/chat");
            token = AccessToken::sign(claims, AccessKey.toUtf8());
        } else if (kind == u"missing slash") {
            claims.audience = service->endpoint().toString() + QStringLiteral("client/hubs/chat");
            token = AccessToken::sign(claims, AccessKey.toUtf8());
        }
        QCOMPARE(rawHandshakeStatus(service->port(), target(hub, token)), 401);
        // Nothing was admitted.
        QCOMPARE(service->connectionCount(), 0);
    }

    void audienceSchemeAndHubCaseIgnored()
    {
        TokenClaims claims;
        claims.audience = QStringLiteral("wss://127.0.0.1:%1/client/hubs/Chat").arg(service->port());
        claims.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        const QString token = AccessToken::sign(claims, AccessKey.toUtf8());
        QCOMPARE(rawHandshakeStatus(service->port(), target(QStringLiteral("chat"), token)), 101);
        // "localhost" names the same service as 127.0.0.1 (Host header the client used).
        claims.audience = QStringLiteral("https://localhost:%1/client/hubs/chat").arg(service->port());
        QCOMPARE(rawHandshakeStatus(service->port(), target(QStringLiteral("chat"),
                                                            AccessToken::sign(claims, AccessKey.toUtf8()))),
                 101);
    }

    void hostHeaderAudienceAccepted()
    {
        // A client behind a port-forward signs for the address it uses; the Host header names it.
        // (A loopback service answers only loopback names in Host: a local port-forward.)
        TokenClaims claims;
        claims.audience = QStringLiteral("http://localhost:9999/client/hubs/chat");
        claims.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        const QString token = AccessToken::sign(claims, AccessKey.toUtf8());
        QTcpSocket socket;
        QCOMPARE(rawHandshakeStatus(service->port(), target(QStringLiteral("chat"), token)), 401);
        // rawHandshakeStatus sends Host: 127.0.0.1; a second Host header is not how HTTP works, so
        // build the request by hand.
        socket.connectToHost(QHostAddress::LocalHost, service->port());
        QVERIFY(socket.waitForConnected(10000));
        socket.write("GET " + target(QStringLiteral("chat"), token) +
                     " HTTP/1.1\r\nHost: localhost:9999\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        QByteArray answer;
        QVERIFY(waitFor([&] {
            answer += socket.readAll();
            return answer.contains("\r\n");
        }));
        QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.constData());
    }

    void authorizationHeaderAndQueryHubForm()
    {
        const QString token = clientToken(*service, QStringLiteral("chat"));
        QCOMPARE(rawHandshakeStatus(service->port(), "/client/hubs/chat",
                                    {"Authorization: Bearer " + token.toUtf8()}),
                 101);
        QCOMPARE(rawHandshakeStatus(service->port(), "/client/?hub=chat&access_token=" + token.toUtf8()),
                 101);
    }

    void badHubName()
    {
        QCOMPARE(rawHandshakeStatus(service->port(), target(QStringLiteral("9chat"),
                                                            clientToken(*service, QStringLiteral("9chat")))),
                 400);
    }

    void subprotocolsSelectClientKind()
    {
        TestClient json;
        QVERIFY(json.connectTo(
            clientUrl(*service, QStringLiteral("chat"), clientToken(*service, QStringLiteral("chat"))),
            Json));
        QCOMPARE(json.socket.subprotocol(), Json);
        const QJsonObject connected = json.frames.first();
        QCOMPARE(connected.value(u"type").toString(), u"system");
        QCOMPARE(connected.value(u"event").toString(), u"connected");
        QVERIFY(connected.value(u"userId").isNull());
        QVERIFY(!connected.contains(u"reconnectionToken"));

        TestClient reliable;
        QVERIFY(reliable.connectTo(
            clientUrl(*service, QStringLiteral("chat"),
                      clientToken(*service, QStringLiteral("chat"), QStringLiteral("alice"))),
            Reliable));
        QCOMPARE(reliable.socket.subprotocol(), Reliable);
        QCOMPARE(reliable.frames.first().value(u"userId").toString(), u"alice");
        QVERIFY(!reliable.reconnectionToken.isEmpty());

        TestClient simple;
        QVERIFY(simple.connectTo(
            clientUrl(*service, QStringLiteral("chat"), clientToken(*service, QStringLiteral("chat"))),
            QString()));
        QTest::qWait(200);
        QVERIFY(simple.texts.isEmpty()); // simple clients get no connected frame
        QTRY_COMPARE_WITH_TIMEOUT(service->connectionCount(), 3, 10000);
    }

    void plainHttpOnSamePort()
    {
        RestClient rest(*service);
        QCOMPARE(rest.call("HEAD", QStringLiteral("/api/health")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestHandshake)
#include "tst_handshake.moc"
