// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "accesstoken.h"
#include "connectionstring.h"

#include <QTest>
#include <QUrlQuery>

using namespace WebPubSub;

class TestConnectionString : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesLikeTheSdks()
    {
        auto cs = ConnectionString::parse(QStringLiteral(
            "Endpoint=http://"
            "127.0.0.1:8080;AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH;Version=1.0;"));
        QVERIFY(cs);
        QCOMPARE(cs->endpoint(), QUrl(QStringLiteral("http://127.0.0.1:8080")));
        QCOMPARE(cs->accessKey(), QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH"));
        QCOMPARE(cs->clientEndpoint(QStringLiteral("chat")),
                 QUrl(QStringLiteral("ws://127.0.0.1:8080/client/hubs/chat")));

        cs = ConnectionString::parse(
            QStringLiteral(" endpoint = x.webpubsub.azure.com/ ; accesskey=k=with=equals ; "));
        QVERIFY(cs);
        QCOMPARE(cs->endpoint(), QUrl(QStringLiteral("https://x.webpubsub.azure.com")));
        QCOMPARE(cs->accessKey(), QStringLiteral("k=with=equals"));
        QCOMPARE(cs->clientEndpoint(QStringLiteral("h")).scheme(), QStringLiteral("wss"));

        cs = ConnectionString::parse(
            QStringLiteral("Endpoint=http://localhost;AccessKey=k;Port=8081;Version=1.0;"));
        QVERIFY(cs);
        QCOMPARE(cs->endpoint().port(), 8081);
        QCOMPARE(ConnectionString::parse(cs->toString())->endpoint(), cs->endpoint());
    }
    void rejectsMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty") << QString() << QStringLiteral("Endpoint");
        QTest::newRow("no key") << QStringLiteral("Endpoint=http://h") << QStringLiteral("AccessKey");
        QTest::newRow("no endpoint") << QStringLiteral("AccessKey=k") << QStringLiteral("Endpoint");
        QTest::newRow("garbage part")
            << QStringLiteral("Endpoint=http://h;AccessKey=k;junk") << QStringLiteral("junk");
        QTest::newRow("duplicate") << QStringLiteral("Endpoint=http://h;AccessKey=k;accesskey=j")
                                   << QStringLiteral("duplicate");
        QTest::newRow("bad port") << QStringLiteral("Endpoint=http://h;AccessKey=k;Port=70000")
                                  << QStringLiteral("Port");
        QTest::newRow("ftp") << QStringLiteral("Endpoint=httpx://h;AccessKey=k")
                             << QStringLiteral("Endpoint");
    }
    void rejectsMalformed()
    {
        QFETCH(QString, text);
        QFETCH(QString, why);
        QString error;
        QVERIFY(!ConnectionString::parse(text, &error));
        QVERIFY2(error.contains(why), qPrintable(error));
    }
    void mintsVerifiableClientUrls()
    {
        const auto cs = ConnectionString::parse(
            QStringLiteral("Endpoint=http://127.0.0.1:5000;AccessKey=0123456789abcdef0123456789abcdef"));
        ClientTokenOptions options;
        options.userId = QStringLiteral("carol");
        options.roles = {QStringLiteral("webpubsub.joinLeaveGroup")};
        options.groups = {QStringLiteral("g1"), QStringLiteral("g2")};
        const QUrl url = cs->clientAccessUrl(QStringLiteral("chat"), options);
        QCOMPARE(url.adjusted(QUrl::RemoveQuery),
                 QUrl(QStringLiteral("ws://127.0.0.1:5000/client/hubs/chat")));
        const QString token = QUrlQuery(url).queryItemValue(QStringLiteral("access_token"));
        const auto claims = AccessToken::verify(token, cs->accessKey().toUtf8());
        QVERIFY(claims);
        QCOMPARE(claims->audience, QStringLiteral("http://127.0.0.1:5000/client/hubs/chat"));
        QVERIFY(AccessToken::audienceMatches(claims->audience, url));
        QCOMPARE(claims->subject, options.userId);
        QCOMPARE(claims->roles, options.roles);
        QCOMPARE(claims->groups, options.groups);
        const qint64 ttl = QDateTime::currentDateTimeUtc().secsTo(claims->expiresAt);
        QVERIFY(ttl > 3500 && ttl <= 3600);
    }
    void redactsSecrets()
    {
        const QUrl url(
            QStringLiteral("wss://user:pw@h/client/hubs/"
                           "x?access_token=SECRET&awps_connection_id=c1&awps_reconnection_token=RT"));
        const QString shown = redactedUrl(url);
        QVERIFY2(!shown.contains(QStringLiteral("SECRET")) && !shown.contains(QStringLiteral("RT&")) &&
                     !shown.endsWith(QStringLiteral("=RT")) && !shown.contains(QStringLiteral("pw")),
                 qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("awps_connection_id=c1")));
        QVERIFY(shown.contains(QStringLiteral("access_token=REDACTED")));
    }
};

QTEST_GUILESS_MAIN(TestConnectionString)
#include "tst_connectionstring.moc"
