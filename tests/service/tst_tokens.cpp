// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// What the service signs and checks besides client tokens: the upstream signature, HTTP payload
// mapping, and the audiences it accepts (via a live handshake matrix in tst_handshake).
#include <httppayload.h>
#include <upstream.h>

#include <accesstoken.h>

#include <QDateTime>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Hubbub;
using namespace WebPubSub;

class TestTokens : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void upstreamSignature()
    {
        // HMAC-SHA256(key = access key bytes, message = connection id), lower-case hex (§7.2).
        const QByteArray key = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";
        const QByteArray expected =
            QMessageAuthenticationCode::hash("conn1", key, QCryptographicHash::Sha256).toHex();
        QCOMPARE(Upstream::signature(key, QStringLiteral("conn1")), expected);
        QCOMPARE(expected.size(), 64);
        QCOMPARE(expected, expected.toLower());
        QVERIFY(Upstream::signature(key, QStringLiteral("conn2")) != expected);
    }

    void reconnectionTokenShape()
    {
        // The service's reconnection tokens are HS256 JWTs whose audience is the connection id;
        // a client token (other audience) must not pass for one.
        TokenClaims claims;
        claims.audience = QStringLiteral("abc123");
        claims.expiresAt = QDateTime::currentDateTimeUtc().addDays(7);
        const QString token = AccessToken::sign(claims, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH");
        const auto verified = AccessToken::verify(token, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH");
        QVERIFY(verified);
        QCOMPARE(verified->audience, u"abc123");
        QVERIFY(!AccessToken::verify(token, "ZBCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH"));
    }

    void httpPayloadMapping()
    {
        HttpPayload::Error error;
        auto json = HttpPayload::fromBody("application/json; charset=utf-8", "{\"a\":1}", &error);
        QVERIFY(json);
        QCOMPARE(json->dataType(), DataType::Json);
        QCOMPARE(json->json().toObject().value(u"a").toInt(), 1);
        auto scalar = HttpPayload::fromBody("application/json", "\"hi\"");
        QVERIFY(scalar);
        QCOMPARE(scalar->json().toString(), u"hi");
        auto text = HttpPayload::fromBody("text/plain", "hello");
        QVERIFY(text);
        QCOMPARE(text->dataType(), DataType::Text);
        auto binary = HttpPayload::fromBody({}, QByteArray("\x00\x01", 2));
        QVERIFY(binary);
        QCOMPARE(binary->dataType(), DataType::Binary);
        QCOMPARE(binary->bytes(), QByteArray("\x00\x01", 2));
        QVERIFY(!HttpPayload::fromBody("application/json", "{nope", &error));
        QCOMPARE(error, HttpPayload::Error::InvalidJson);
        QVERIFY(!HttpPayload::fromBody("image/png", "x", &error));
        QCOMPARE(error, HttpPayload::Error::UnsupportedMediaType);
        QCOMPARE(HttpPayload::contentTypeOf(Payload::fromText(QStringLiteral("x"))), "text/plain");
        QCOMPARE(HttpPayload::contentTypeOf(Payload::fromJson(QJsonObject())), "application/json");
        QCOMPARE(HttpPayload::contentTypeOf(Payload::fromBinary("x")), "application/octet-stream");
    }

    void audienceComparison()
    {
        // The primitive the service relies on: scheme ignored, host/port/path compared.
        const QUrl expected(QStringLiteral("http://127.0.0.1:8080/client/hubs/chat"));
        QVERIFY(
            AccessToken::audienceMatches(QStringLiteral("wss://127.0.0.1:8080/client/hubs/chat"), expected));
        QVERIFY(AccessToken::audienceMatches(QStringLiteral("https://127.0.0.1:8080/client/hubs/chat/"),
                                             expected));
        QVERIFY(!AccessToken::audienceMatches(QStringLiteral("http://127.0.0.1:8081/client/hubs/chat"),
                                              expected));
        QVERIFY(!AccessToken::audienceMatches(QStringLiteral("http://127.0.0.1:8080/client/hubs/other"),
                                              expected));
    }
};

QTEST_GUILESS_MAIN(TestTokens)
#include "tst_tokens.moc"
