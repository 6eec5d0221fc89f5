// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Where hubbub-cli gets its URL: a token minted from --connection-string that the peer verifies,
// and --negotiate asked before every new connection but not before a recovery.
#include "cliprocess.h"
#include "fakepubsubservice.h"

#include "accesstoken.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 20000;
}

class TestCliCredentials : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void connectionStringMintsVerifiableToken();
    void negotiateBeforeEveryNewConnection();
};

void TestCliCredentials::connectionStringMintsVerifiableToken()
{
    FakePubSubService peer;
    peer.autoAck = false; // every ack is the test's
    peer.userId = u"bob"_s;
    QVERIFY(peer.listen());
    const QByteArray key = "cli-test-access-key-0123456789";
    const QString connectionString =
        u"Endpoint=http://127.0.0.1;Port=%1;AccessKey=%2;Version=1.0;"_s.arg(peer.port())
            .arg(QString::fromLatin1(key));

    CliProcess cli;
    cli.start({u"--connection-string"_s, connectionString, u"--hub"_s, u"lobby"_s, u"--user"_s, u"bob"_s,
               u"--role"_s, u"webpubsub.joinLeaveGroup"_s, u"--role"_s, u"webpubsub.sendToGroup.room1"_s,
               u"--group"_s, u"room1"_s, u"--protocol"_s, u"json"_s});
    QVERIFY2(cli.process.waitForStarted(30000), qPrintable(cli.process.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(cli.countEvents(u"connected"_s) == 1, Timeout);
    QCOMPARE(cli.firstEvent(u"connected"_s).value(u"userId"_s).toString(), u"bob"_s);
    QCOMPARE(peer.at(0).subprotocol, u"json.webpubsub.azure.v1"_s);

    const QUrl url = peer.at(0).requestUrl;
    QCOMPARE(url.path(), u"/client/hubs/lobby"_s);
    const QString token = QUrlQuery(url).queryItemValue(u"access_token"_s);
    QVERIFY(!token.isEmpty());
    QString why;
    const auto claims = WebPubSub::AccessToken::verify(token, key, &why);
    QVERIFY2(claims, qPrintable(why));
    QCOMPARE(claims->subject.value_or(QString()), u"bob"_s);
    QCOMPARE(claims->roles, (QStringList{u"webpubsub.joinLeaveGroup"_s, u"webpubsub.sendToGroup.room1"_s}));
    QCOMPARE(claims->groups, QStringList{u"room1"_s});
    QVERIFY(WebPubSub::AccessToken::audienceMatches(claims->audience, url));
    QVERIFY(!WebPubSub::AccessToken::verify(token, "some-other-key"));
    // The raw claims agree (the service reads `role` and `webpubsub.group` from there).
    QCOMPARE(claims->all.value(u"sub"_s).toString(), u"bob"_s);
    QVERIFY(claims->all.value(u"role"_s).toArray().contains(u"webpubsub.joinLeaveGroup"_s));
    QVERIFY(claims->all.value(u"webpubsub.group"_s).toArray().contains(u"room1"_s) ||
            claims->all.value(u"webpubsub.group"_s).toString() == u"room1"_s);

    // Tokens never leak into the event stream or the logs.
    cli.closeInput();
    QTRY_COMPARE_WITH_TIMEOUT(cli.process.state(), QProcess::NotRunning, Timeout);
    cli.readOutput();
    QCOMPARE(cli.process.exitCode(), 0);
    QCOMPARE(cli.firstEvent(u"stopped"_s).value(u"event"_s).toString(), u"stopped"_s);
    QVERIFY(!cli.errorOutput.contains(token.toLatin1()));
    QVERIFY(!cli.errorOutput.contains(key));
}

void TestCliCredentials::negotiateBeforeEveryNewConnection()
{
    FakePubSubService peer;
    peer.autoAck = false;       // every ack is the test's
    peer.userId = std::nullopt; // anonymous
    QVERIFY(peer.listen());

    QHttpServer http;
    int negotiations = 0;
    http.route(u"/negotiate"_s, [&peer, &negotiations] {
        ++negotiations;
        return QJsonObject{{u"url"_s, peer.clientUrl(u"chat"_s, u"neg-%1"_s.arg(negotiations)).toString()}};
    });
    QTcpServer tcp;
    QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
    http.bind(&tcp);

    CliProcess cli;
    cli.start({u"--negotiate"_s, u"http://127.0.0.1:%1/negotiate"_s.arg(tcp.serverPort()),
               u"--reconnect-delay-ms"_s, u"100"_s, u"--log-level"_s, u"debug"_s});
    QVERIFY2(cli.process.waitForStarted(30000), qPrintable(cli.process.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(cli.countEvents(u"connected"_s) == 1, Timeout);
    QCOMPARE(negotiations, 1);
    QCOMPARE(QUrlQuery(peer.at(0).requestUrl).queryItemValue(u"access_token"_s), u"neg-1"_s);
    QVERIFY(cli.firstEvent(u"connected"_s).value(u"userId"_s).isNull()); // anonymous

    // A recovery reuses the URL it has: no negotiation.
    cli.send({{u"op"_s, u"drop"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(cli.countEvents(u"recovered"_s) == 1, Timeout);
    QCOMPARE(negotiations, 1);

    // A connection that cannot be recovered needs a new one, and a new URL.
    peer.rejectRecovery = true;
    peer.sendJson(peer.last(),
                  {{u"type"_s, u"system"_s}, {u"event"_s, u"disconnected"_s}, {u"message"_s, u"bye"_s}});
    peer.closeConnection(peer.last(), QWebSocketProtocol::CloseCodePolicyViolated, u"gone"_s);
    QTRY_VERIFY_WITH_TIMEOUT(cli.countEvents(u"connected"_s) == 2, Timeout);
    QCOMPARE(negotiations, 2);
    QCOMPARE(QUrlQuery(peer.at(peer.last()).requestUrl).queryItemValue(u"access_token"_s), u"neg-2"_s);
    const QJsonObject second =
        cli.events.at(cli.indexOfEvent(u"connected"_s, cli.indexOfEvent(u"recovered"_s)));
    QCOMPARE(second.value(u"connectionId"_s).toString(), u"conn-2"_s);
    QCOMPARE(second.value(u"reconnect"_s), QJsonValue(true));
    QVERIFY(cli.countEvents(u"disconnected"_s) >= 1);
    QCOMPARE(cli.firstEvent(u"disconnected"_s).value(u"connectionId"_s).toString(), u"conn-1"_s);

    // Even at debug level the negotiated tokens are not logged.
    QVERIFY(!cli.errorOutput.contains("neg-1"));
    QVERIFY(!cli.errorOutput.contains("neg-2"));
}

QTEST_GUILESS_MAIN(TestCliCredentials)
#include "tst_clicredentials.moc"
