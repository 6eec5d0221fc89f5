// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "accesstoken.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace WebPubSub;

static const QByteArray kKey("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH");

class TestAccessToken : public QObject
{
    Q_OBJECT

    static QString b64(const QByteArray &b)
    {
        return QString::fromLatin1(
            b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }
    //! An independently built HS256 token, to check libjwt's output against the JWT spec.
    static QString handMade(const QByteArray &header, const QByteArray &payload, const QByteArray &key)
    {
        const QString signingInput = b64(header) + u'.' + b64(payload);
        const QByteArray sig =
            QMessageAuthenticationCode::hash(signingInput.toLatin1(), key, QCryptographicHash::Sha256);
        return signingInput + u'.' + b64(sig);
    }

private Q_SLOTS:
    void signsAndVerifiesClaims()
    {
        TokenClaims c;
        c.audience = QStringLiteral("http://127.0.0.1:8080/client/hubs/chat");
        c.subject = QStringLiteral("alice");
        c.roles = {QStringLiteral("webpubsub.joinLeaveGroup"), QStringLiteral("webpubsub.sendToGroup.room1")};
        c.groups = {QStringLiteral("lobby")};
        c.expiresAt = QDateTime::currentDateTimeUtc().addSecs(600);
        const QString token = AccessToken::sign(c, kKey);
        QCOMPARE(token.count(u'.'), 2);

        QString error;
        const auto v = AccessToken::verify(token, kKey, &error);
        QVERIFY2(v, qPrintable(error));
        QCOMPARE(v->audience, c.audience);
        QCOMPARE(v->subject, c.subject);
        QCOMPARE(v->roles, c.roles);
        QCOMPARE(v->groups, c.groups);
        QCOMPARE(v->expiresAt.toSecsSinceEpoch(), c.expiresAt.toSecsSinceEpoch());
        QVERIFY(v->issuedAt.isValid());

        const auto header = QJsonDocument::fromJson(
            QByteArray::fromBase64(token.section(u'.', 0, 0).toLatin1(), QByteArray::Base64UrlEncoding));
        QCOMPARE(header[QStringLiteral("alg")].toString(), QStringLiteral("HS256"));
    }
    void verifiesTokensFromOtherSigners()
    {
        // What the official SDKs send: the key's UTF-8 bytes as the HMAC key, role as an array.
        const qint64 exp = QDateTime::currentSecsSinceEpoch() + 300;
        const QString token =
            handMade("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                     QStringLiteral("{\"aud\":\"https://x/client/hubs/h\",\"exp\":%1,\"role\":[\"r\"]}")
                         .arg(exp)
                         .toUtf8(),
                     kKey);
        const auto v = AccessToken::verify(token, kKey);
        QVERIFY(v);
        QCOMPARE(v->roles, QStringList{QStringLiteral("r")});
        QVERIFY(!v->subject);
    }
    void refusesExpiryBeyondAnyDate()
    {
        // Found by fuzz_accesstoken: an `exp` beyond qint64 was converted with undefined
        // behaviour; such a token "never expires" and is refused, verified or not.
        const QString token =
            handMade("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                     "{\"aud\":\"https://x/client/hubs/h\",\"exp\":1.8446744073709552e19}", kKey);
        QString error;
        QVERIFY(!AccessToken::verify(token, kKey, &error));
        QCOMPARE(error, QStringLiteral("token has no expiry ('exp')"));
        const auto unverified = AccessToken::decodeUnverified(token);
        QVERIFY(unverified);
        QVERIFY(!unverified->expiresAt.isValid());
    }
    void refusesClaimsWithAnEmbeddedNul()
    {
        // Found by fuzz_accesstoken: libjwt reads the claims as a C string, so a signed body
        // `{…}\0{…}` verified with only its first part. The whole segment must be the claims.
        const qint64 exp = QDateTime::currentSecsSinceEpoch() + 300;
        QByteArray body =
            QStringLiteral("{\"aud\":\"https://x/client/hubs/h\",\"exp\":%1}").arg(exp).toUtf8();
        QVERIFY(AccessToken::verify(handMade("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", body, kKey), kKey));
        body += QByteArray("\0\0\0{\"role\":[\"webpubsub.sendToGroup\"]}", 37);
        QString error;
        QVERIFY(
            !AccessToken::verify(handMade("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", body, kKey), kKey, &error));
        QCOMPARE(error, QStringLiteral("malformed claims"));
    }
    void rejectsBadTokens()
    {
        TokenClaims c;
        c.audience = QStringLiteral("http://h/client/hubs/x");
        c.expiresAt = QDateTime::currentDateTimeUtc().addSecs(600);
        const QString good = AccessToken::sign(c, kKey);
        QString error;
        QVERIFY(!AccessToken::verify(good, "another key that is long enough!!", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!AccessToken::verify(QString(), kKey));
        QVERIFY(!AccessToken::verify(QStringLiteral("a.b.c"), kKey));
        QVERIFY(!AccessToken::verify(QStringLiteral("garbage"), kKey));
        // Tampered payload.
        QStringList parts = good.split(u'.');
        parts[1] = b64("{\"aud\":\"http://h/client/hubs/x\",\"exp\":99999999999,\"sub\":\"admin\"}");
        QVERIFY(!AccessToken::verify(parts.join(u'.'), kKey));
        // alg none must never pass.
        const QString none =
            b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + u'.' + b64("{\"exp\":99999999999}") + u'.';
        QVERIFY(!AccessToken::verify(none, kKey, &error));
        // HS512 is not what Web PubSub uses.
        QVERIFY(!AccessToken::verify(handMade("{\"alg\":\"HS512\"}", "{\"exp\":99999999999}", kKey), kKey));
    }
    void checksExpiryAndNotBefore()
    {
        TokenClaims c;
        c.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        QString error;
        QVERIFY(!AccessToken::verify(AccessToken::sign(c, kKey), kKey, &error));
        QCOMPARE(error, QStringLiteral("token expired"));
        // Within the clock-skew allowance it still passes.
        c.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        QVERIFY(AccessToken::verify(AccessToken::sign(c, kKey), kKey));
        c.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        c.notBefore = QDateTime::currentDateTimeUtc().addSecs(3600);
        QVERIFY(!AccessToken::verify(AccessToken::sign(c, kKey), kKey, &error));
        QCOMPARE(error, QStringLiteral("token not yet valid"));
    }
    void decodesWithoutKey()
    {
        TokenClaims c;
        c.subject = QStringLiteral("bob");
        c.expiresAt = QDateTime::fromSecsSinceEpoch(2000000000, Qt::UTC);
        const auto v = AccessToken::decodeUnverified(AccessToken::sign(c, kKey));
        QVERIFY(v);
        QCOMPARE(v->expiresAt, c.expiresAt);
        QVERIFY(!AccessToken::decodeUnverified(QStringLiteral("x.y")));
    }
    void audienceMatching_data()
    {
        QTest::addColumn<QString>("aud");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("match");
        const QString ws = QStringLiteral("ws://127.0.0.1:8080/client/hubs/chat");
        QTest::newRow("http scheme") << QStringLiteral("http://127.0.0.1:8080/client/hubs/chat") << ws
                                     << true;
        QTest::newRow("wss scheme") << QStringLiteral("wss://127.0.0.1:8080/client/hubs/chat") << ws << true;
        QTest::newRow("trailing slash")
            << QStringLiteral("http://127.0.0.1:8080/client/hubs/chat/") << ws << true;
        QTest::newRow("hub case") << QStringLiteral("http://127.0.0.1:8080/client/hubs/Chat") << ws << true;
        QTest::newRow("query ignored")
            << QStringLiteral("http://127.0.0.1:8080/api/hubs/h/:send?api-version=2024-01-01")
            << QStringLiteral("http://127.0.0.1:8080/api/hubs/h/:send") << true;
        QTest::newRow("default ports")
            << QStringLiteral("https://x.webpubsub.azure.com/client/hubs/h")
            << QStringLiteral("wss://x.webpubsub.azure.com:443/client/hubs/h") << true;
        QTest::newRow("other hub") << QStringLiteral("http://127.0.0.1:8080/client/hubs/other") << ws
                                   << false;
        QTest::newRow("other host") << QStringLiteral("http://10.0.0.1:8080/client/hubs/chat") << ws << false;
        QTest::newRow("other port") << QStringLiteral("http://127.0.0.1:9090/client/hubs/chat") << ws
                                    << false;
        QTest::newRow("missing slash")
            << QStringLiteral("http://127.0.0.1:8080client/hubs/chat") << ws << false;
        QTest::newRow("empty") << QString() << ws << false;
    }
    void audienceMatching()
    {
        QFETCH(QString, aud);
        QFETCH(QString, expected);
        QFETCH(bool, match);
        QCOMPARE(AccessToken::audienceMatches(aud, QUrl(expected)), match);
    }
};

QTEST_GUILESS_MAIN(TestAccessToken)
#include "tst_accesstoken.moc"
