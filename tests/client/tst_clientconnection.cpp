// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Connecting: subprotocols, the connected handshake, credentials, malformed frames, stop() in every state.
#include "accesstoken.h"
#include "client.h"
#include "clienttestutils.h"
#include "connectionstring.h"
#include "fakepubsubservice.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPromise>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

using namespace WebPubSub;
using namespace ClientTest;
using State = Client::State;

namespace {
QStringList g_log;
QtMessageHandler g_previous = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(message);
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

class TestClientConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectsWithReliableSubprotocol();
    void jsonSubprotocol();
    void connectedOnlyAfterConnectedMessage();
    void malformedFramesAreSkipped();
    void unknownTypesAreIgnored();
    void stopWhileConnecting();
    void stopWhileConnected();
    void stopWhileRecovering();
    void stopWhileReconnectWaitsOnTimer();
    void stopWhileReconnectWaitsOnCredential();
    void stopWhileStopping();
    void providerAskedBeforeEveryNewConnectionButNotRecovery();
    void negotiateCredential();
    void connectionStringCredential();
    void tokensAreNeverLogged();
    void connectTimeoutRetries();
    void refusedConnectionIsReportedAndRetried();
    void unauthorizedHandshakeIsReportedAndRetried();

private:
    static void restartWorks(Client &client, FakePubSubService &service);
};

void TestClientConnection::restartWorks(Client &client, FakePubSubService &service)
{
    QCOMPARE(client.state(), State::Stopped);
    service.resumeAccepting();
    service.dropNewConnections = false;
    service.autoConnected = true;
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
}

void TestClientConnection::connectsWithReliableSubprotocol()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    Client client(Credential::fromUrl(service.clientUrl()), fastOptions());
    QSignalSpy connected(&client, &Client::connected);
    QSignalSpy states(&client, &Client::stateChanged);
    QCOMPARE(client.subprotocol(), QStringLiteral("json.reliable.webpubsub.azure.v1"));
    client.start();
    QCOMPARE(client.state(), State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    QCOMPARE(connected.at(0).at(0).toString(), QStringLiteral("conn-1"));
    QCOMPARE(connected.at(0).at(1).toString(), QStringLiteral("alice"));
    QCOMPARE(connected.at(0).at(2).toBool(), false);
    QCOMPARE(client.state(), State::Connected);
    QCOMPARE(client.connectionId(), QStringLiteral("conn-1"));
    QCOMPARE(client.userId(), QStringLiteral("alice"));
    QCOMPARE(service.at(0).subprotocol, QStringLiteral("json.reliable.webpubsub.azure.v1"));
    QCOMPARE(QUrlQuery(service.at(0).requestUrl).queryItemValue(QStringLiteral("access_token")),
             QStringLiteral("t0k"));
    QCOMPARE(states.first().first().value<State>(), State::Connecting);
    QCOMPARE(states.last().first().value<State>(), State::Connected);
    const Diagnostics diag = client.diagnostics();
    QCOMPARE(diag.hub, QStringLiteral("chat"));
    QCOMPARE(diag.endpointHost, QStringLiteral("127.0.0.1:%1").arg(service.port()));
    QCOMPARE(diag.subprotocol, QStringLiteral("json.reliable.webpubsub.azure.v1"));
}

void TestClientConnection::jsonSubprotocol()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    ClientOptions options = fastOptions();
    options.protocol = ClientOptions::Protocol::Json;
    Client client(Credential::fromUrl(service.clientUrl()), options);
    QSignalSpy connected(&client, &Client::connected);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    QCOMPARE(service.at(0).subprotocol, QStringLiteral("json.webpubsub.azure.v1"));
    QCOMPARE(client.subprotocol(), QStringLiteral("json.webpubsub.azure.v1"));

    // No sequence tracking without the reliable subprotocol: nothing deduplicated, nothing acked.
    QSignalSpy messages(&client, &Client::groupMessageReceived);
    service.sendGroupText(0, QStringLiteral("g"), QStringLiteral("x"), 1);
    service.sendGroupText(0, QStringLiteral("g"), QStringLiteral("x"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, 10000);
    QTest::qWait(300);
    QCOMPARE(service.frames(0, QStringLiteral("sequenceAck")).size(), 0);

    // Not reliable: a drop means a new connection, never a recovery.
    QSignalSpy recovered(&client, &Client::recovered);
    service.abortConnection(0);
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 10000);
    QVERIFY(!QUrlQuery(service.at(1).requestUrl).hasQueryItem(QStringLiteral("awps_connection_id")));
    QCOMPARE(recovered.size(), 0);
    QCOMPARE(connected.at(1).at(2).toBool(), true);
}

void TestClientConnection::connectedOnlyAfterConnectedMessage()
{
    FakePubSubService service;
    service.autoConnected = false;
    QVERIFY(service.listen());
    Client client(Credential::fromUrl(service.clientUrl()), fastOptions());
    QSignalSpy connected(&client, &Client::connected);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(service.count() == 1 && service.isOpen(0), 10000);
    QTest::qWait(200);
    QCOMPARE(client.state(), State::Connecting);
    QCOMPARE(connected.size(), 0);
    service.sendConnected(0, QStringLiteral("late"), QStringLiteral("tok"));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
    QCOMPARE(connected.size(), 1);
    QCOMPARE(client.connectionId(), QStringLiteral("late"));

    // A repeated connected frame is not a new connection.
    service.sendConnected(0, QStringLiteral("late"), QStringLiteral("tok2"));
    QTest::qWait(100);
    QCOMPARE(connected.size(), 1);
}

void TestClientConnection::malformedFramesAreSkipped()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    Client client(Credential::fromUrl(service.clientUrl()), fastOptions());
    QSignalSpy errors(&client, &Client::errorOccurred);
    QSignalSpy messages(&client, &Client::groupMessageReceived);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
    service.sendText(0, QStringLiteral("this is not json"));
    service.sendText(0, QStringLiteral("[1,2,3]"));
    service.sendText(0, QStringLiteral("{\"type\":\"ack\",\"ackId\":\"not a number\",\"success\":true}"));
    service.sendGroupText(0, QStringLiteral("g"), QStringLiteral("still alive"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 10000);
    QVERIFY(errors.size() >= 2);
    QCOMPARE(messages.at(0).at(0).value<GroupMessage>().payload.text(), QStringLiteral("still alive"));
    QCOMPARE(client.state(), State::Connected);
    QCOMPARE(service.count(), 1);
}

void TestClientConnection::unknownTypesAreIgnored()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    Client client(Credential::fromUrl(service.clientUrl()), fastOptions());
    QSignalSpy errors(&client, &Client::errorOccurred);
    QSignalSpy messages(&client, &Client::groupMessageReceived);
    QSignalSpy serverMessages(&client, &Client::serverMessageReceived);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
    service.sendText(0,
                     QStringLiteral("{\"type\":\"streamAck\",\"streamId\":\"s\",\"expectedSequenceId\":1}"));
    service.sendText(0, QStringLiteral("{\"type\":\"system\",\"event\":\"somethingNew\"}"));
    service.sendText(0,
                     QStringLiteral("{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"dataType\":"
                                    "\"json\",\"data\":{\"a\":1},\"sequenceId\":1,\"metadata\":{\"k\":\"v\"},"
                                    "\"brandNew\":true}"));
    service.sendText(0, QStringLiteral("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\","
                                       "\"data\":\"hi\",\"sequenceId\":2}"));
    QTRY_COMPARE_WITH_TIMEOUT(serverMessages.size(), 1, 10000);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).at(0).value<GroupMessage>().payload.json().toObject().value(u"a").toInt(), 1);
    QCOMPARE(serverMessages.at(0).at(0).value<ServerMessage>().payload.text(), QStringLiteral("hi"));
    QCOMPARE(errors.size(), 0);
    QCOMPARE(client.state(), State::Connected);
}

void TestClientConnection::stopWhileConnecting()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    service.pauseAccepting(); // the handshake never completes
    Client client(Credential::fromUrl(service.clientUrl()), fastOptions());
    QSignalSpy stopped(&client, &Client::stopped);
    QSignalSpy disconnected(&client, &Client::disconnected);
    client.start();
    auto pending = client.joinGroup(QStringLiteral("g"));
    QTest::qWait(100);
    QCOMPARE(client.state(), State::Connecting);
    client.stop();
    QVERIFY(waitFor(pending));
    QCOMPARE(pending.result().error.code(), Error::Code::Stopped);
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
    QCOMPARE(client.state(), State::Stopped);
    QCOMPARE(disconnected.size(), 0);
    restartWorks(client, service);
    QTest::qWait(100);
    QCOMPARE(stopped.size(), 1);
}

void TestClientConnection::stopWhileConnected()
{
    FakePubSubService service;
    service.autoAck = false;
    QVERIFY(service.listen());
    Client client(Credential::fromUrl(service.clientUrl()), fastOptions());
    QSignalSpy stopped(&client, &Client::stopped);
    QSignalSpy disconnected(&client, &Client::disconnected);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
    auto pending = client.sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("x")));
    QTRY_COMPARE_WITH_TIMEOUT(service.frames(0, QStringLiteral("sendToGroup")).size(), 1, 10000);
    client.stop();
    QCOMPARE(client.state(), State::Stopping);
    QVERIFY(waitFor(pending));
    QCOMPARE(pending.result().error.code(), Error::Code::Stopped);
    QCOMPARE(pending.result().ackId, std::optional<quint64>(1));
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected.at(0).at(0).toString(), QStringLiteral("conn-1"));
    QTRY_VERIFY_WITH_TIMEOUT(!service.isOpen(0), 10000);
    // No reconnect after stop.
    QTest::qWait(300);
    QCOMPARE(service.count(), 1);
    auto after = client.joinGroup(QStringLiteral("g"));
    QVERIFY(after.isFinished());
    QCOMPARE(after.result().error.code(), Error::Code::Stopped);
    restartWorks(client, service);
}

void TestClientConnection::stopWhileRecovering()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    Client client(Credential::fromUrl(service.clientUrl()), fastOptions());
    QSignalSpy stopped(&client, &Client::stopped);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
    service.pauseAccepting(); // recovery handshakes hang
    service.abortConnection(0);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Recovering, 10000);
    client.stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
    QCOMPARE(client.state(), State::Stopped);
    restartWorks(client, service);
    QCOMPARE(client.connectionId(), QStringLiteral("conn-2"));
}

void TestClientConnection::stopWhileReconnectWaitsOnTimer()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    ClientOptions options = fastOptions();
    options.reconnectRetry = {-1, 60000ms, 60000ms, RetryOptions::Mode::Fixed, 0.0};
    Client client(Credential::fromUrl(service.clientUrl()), options);
    QSignalSpy stopped(&client, &Client::stopped);
    QSignalSpy scheduled(&client, &Client::reconnectScheduled);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
    service.rejectRecovery = true;
    service.dropNewConnections = true;
    service.abortConnection(0);
    QTRY_COMPARE_WITH_TIMEOUT(scheduled.size(), 1, 10000);
    QCOMPARE(client.state(), State::Reconnecting);
    QCOMPARE(scheduled.at(0).at(1).toLongLong(), 60000);
    QVERIFY(client.diagnostics().nextReconnectAt.isValid());
    auto pending = client.sendEvent(QStringLiteral("e"), Payload::fromText(QStringLiteral("x")));
    QVERIFY(!pending.isFinished()); // waits in the outbox
    client.stop();
    QVERIFY(waitFor(pending));
    QCOMPARE(pending.result().error.code(), Error::Code::Stopped);
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
    restartWorks(client, service);
}

void TestClientConnection::stopWhileReconnectWaitsOnCredential()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    int calls = 0;
    auto hanging = std::make_shared<QPromise<UrlResult>>();
    const QUrl url = service.clientUrl();
    Credential credential = Credential::fromProvider([&calls, hanging, url]() -> QFuture<UrlResult> {
        ++calls;
        if (calls == 2) {
            hanging->start();
            return hanging->future(); // never answered
        }
        QPromise<UrlResult> p;
        p.start();
        p.addResult(UrlResult{url, {}});
        p.finish();
        return p.future();
    });
    Client client(credential, fastOptions());
    QSignalSpy stopped(&client, &Client::stopped);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
    client.forceReconnect();
    QTRY_COMPARE_WITH_TIMEOUT(calls, 2, 10000);
    QCOMPARE(client.state(), State::Reconnecting);
    client.stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
    QCOMPARE(client.state(), State::Stopped);
    hanging->addResult(UrlResult{url, {}}); // a late answer must not resurrect the client
    hanging->finish();
    QTest::qWait(200);
    QCOMPARE(client.state(), State::Stopped);
    QCOMPARE(service.count(), 1);
    restartWorks(client, service);
    QCOMPARE(calls, 3);
}

void TestClientConnection::stopWhileStopping()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    Client client(Credential::fromUrl(service.clientUrl()), fastOptions());
    QSignalSpy stopped(&client, &Client::stopped);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
    client.stop();
    QCOMPARE(client.state(), State::Stopping);
    client.stop();
    // Changed deliberately ("Truth under failure" item 4): start() while Stopping used to be a
    // no-op, so `stop` then `start` left the client stopped. It now restarts once stopped.
    client.start();
    QCOMPARE(client.state(), State::Stopping);
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
    // A stop() after the start() cancels the pending restart.
    client.stop();
    client.start();
    client.stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 2, 10000);
    QTest::qWait(200);
    QCOMPARE(stopped.size(), 2);
    QCOMPARE(client.state(), State::Stopped);
    client.stop(); // a no-op when Stopped
    QTest::qWait(50);
    QCOMPARE(stopped.size(), 2);
    restartWorks(client, service);
}

void TestClientConnection::providerAskedBeforeEveryNewConnectionButNotRecovery()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    int calls = 0;
    Credential credential = Credential::fromProvider([&calls, &service]() -> QFuture<UrlResult> {
        ++calls;
        QPromise<UrlResult> p;
        p.start();
        p.addResult(
            UrlResult{service.clientUrl(QStringLiteral("chat"), QStringLiteral("tok%1").arg(calls)), {}});
        p.finish();
        return p.future();
    });
    Client client(credential, fastOptions());
    QSignalSpy connected(&client, &Client::connected);
    QSignalSpy recovered(&client, &Client::recovered);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    QCOMPARE(calls, 1);

    client.dropConnection(); // recovery: reuses the last URL
    QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, 10000);
    QCOMPARE(calls, 1);
    QCOMPARE(QUrlQuery(service.at(1).requestUrl).queryItemValue(QStringLiteral("access_token")),
             QStringLiteral("tok1"));

    client.forceReconnect(); // new connection: fresh URL
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 10000);
    QCOMPARE(calls, 2);
    QCOMPARE(QUrlQuery(service.at(2).requestUrl).queryItemValue(QStringLiteral("access_token")),
             QStringLiteral("tok2"));

    service.closeConnection(2, QWebSocketProtocol::CloseCodePolicyViolated); // 1008: no recovery
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 3, 10000);
    QCOMPARE(calls, 3);

    client.stop();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Stopped, 10000);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 4, 10000);
    QCOMPARE(calls, 4);
    QCOMPARE(connected.at(3).at(2).toBool(), false);
}

void TestClientConnection::negotiateCredential()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    QHttpServer http;
    // bind() makes the QHttpServer the QTcpServer's parent: it must live on the heap.
    auto *tcp = new QTcpServer(&http);
    QVERIFY(tcp->listen(QHostAddress::LocalHost, 0));
    int requests = 0;
    http.route(QStringLiteral("/negotiate"), [&requests, &service] {
        ++requests;
        if (requests == 1)
            return QHttpServerResponse(QByteArray("busy"),
                                       QHttpServerResponse::StatusCode::ServiceUnavailable);
        return QHttpServerResponse(QJsonObject{{QStringLiteral("url"), service.clientUrl().toString()}});
    });
    http.bind(tcp);

    QUrl negotiate(QStringLiteral("http://127.0.0.1/negotiate"));
    negotiate.setPort(tcp->serverPort());
    Client client(Credential::fromNegotiateUrl(negotiate), fastOptions());
    QSignalSpy errors(&client, &Client::errorOccurred);
    QSignalSpy scheduled(&client, &Client::reconnectScheduled);
    client.start();
    // The first answer is an error: reported, then retried by the reconnect policy.
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
    QCOMPARE(requests, 2);
    QCOMPARE(errors.size(), 1);
    QVERIFY(scheduled.size() >= 1);
    QCOMPARE(service.count(), 1);
}

void TestClientConnection::connectionStringCredential()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    QString error;
    const auto cs = ConnectionString::parse(
        QStringLiteral("Endpoint=http://"
                       "127.0.0.1:%1;AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH;Version=1.0;")
            .arg(service.port()),
        &error);
    QVERIFY2(cs, qPrintable(error));
    ClientTokenOptions tokenOptions;
    tokenOptions.userId = QStringLiteral("carol");
    Client client(Credential::fromConnectionString(*cs, QStringLiteral("chat"), tokenOptions), fastOptions());
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
    const QUrl url = service.at(0).requestUrl;
    QCOMPARE(url.path(), QStringLiteral("/client/hubs/chat"));
    const QString token = QUrlQuery(url).queryItemValue(QStringLiteral("access_token"));
    QVERIFY(!token.isEmpty());
    const auto claims = AccessToken::verify(token, cs->accessKey().toUtf8());
    QVERIFY(claims);
    QCOMPARE(claims->subject, std::optional<QString>(QStringLiteral("carol")));
    const QDateTime expires = client.diagnostics().tokenExpiresAt;
    QVERIFY(expires.isValid());
    const qint64 secs = QDateTime::currentDateTimeUtc().secsTo(expires);
    QVERIFY2(secs > 3000 && secs <= 3700, qPrintable(QString::number(secs)));
}

void TestClientConnection::tokensAreNeverLogged()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    QLoggingCategory::setFilterRules(QStringLiteral("hubbub.*=true"));
    g_log.clear();
    g_previous = qInstallMessageHandler(captureLog);
    {
        Client client(
            Credential::fromUrl(service.clientUrl(QStringLiteral("chat"), QStringLiteral("SECRETTOKEN"))),
            fastOptions());
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
        client.dropConnection();
        QTRY_VERIFY_WITH_TIMEOUT(client.diagnostics().recoveries == 1, 10000);
        service.sendText(0, QStringLiteral("garbage"));
        client.stop();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Stopped, 10000);
    }
    qInstallMessageHandler(g_previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(!g_log.isEmpty());
    const QString all = g_log.join(u'\n');
    QVERIFY(!all.contains(QStringLiteral("SECRETTOKEN")));
    QVERIFY(!all.contains(QStringLiteral("token/+=1")));
    QVERIFY(!all.contains(QStringLiteral("token%2F%2B%3D1")));
    QVERIFY(all.contains(QStringLiteral("REDACTED")) || all.contains(QStringLiteral("opening")));
}

void TestClientConnection::refusedConnectionIsReportedAndRetried()
{
    QTcpServer closed; // a port nobody listens on
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    QUrl url(QStringLiteral("ws://127.0.0.1/client/hubs/chat?access_token=x"));
    url.setPort(port);
    Client client(Credential::fromUrl(url), fastOptions());
    QSignalSpy errors(&client, &Client::errorOccurred);
    QSignalSpy scheduled(&client, &Client::reconnectScheduled);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(scheduled.size() >= 2, 10000);
    QVERIFY(errors.size() >= 1);
    QCOMPARE(errors.at(0).at(0).value<Error>().code(), Error::Code::NotConnected);
    QCOMPARE(client.state(), State::Connecting);
    client.stop();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Stopped, 10000);
}

void TestClientConnection::unauthorizedHandshakeIsReportedAndRetried()
{
    // A service that answers the upgrade with 401, as Azure does for an expired token.
    QHttpServer http;
    auto *tcp = new QTcpServer(&http);
    QVERIFY(tcp->listen(QHostAddress::LocalHost, 0));
    int handshakes = 0;
    http.route(QStringLiteral("/client/hubs/chat"), [&handshakes] {
        ++handshakes;
        return QHttpServerResponse(QByteArray("bad token"), QHttpServerResponse::StatusCode::Unauthorized);
    });
    http.bind(tcp);
    QUrl url(QStringLiteral("ws://127.0.0.1/client/hubs/chat?access_token=expired"));
    url.setPort(tcp->serverPort());
    Client client(Credential::fromUrl(url), fastOptions());
    QSignalSpy errors(&client, &Client::errorOccurred);
    QSignalSpy scheduled(&client, &Client::reconnectScheduled);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(scheduled.size() >= 2 && handshakes >= 2, 10000);
    QVERIFY(errors.size() >= 1);
    QCOMPARE(errors.at(0).at(0).value<Error>().code(), Error::Code::NotConnected);
    QCOMPARE(client.state(), State::Connecting);
    client.stop();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Stopped, 10000);
}

void TestClientConnection::connectTimeoutRetries()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    service.pauseAccepting();
    ClientOptions options = fastOptions();
    options.connectTimeout = 300ms;
    Client client(Credential::fromUrl(service.clientUrl()), options);
    QSignalSpy scheduled(&client, &Client::reconnectScheduled);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(scheduled.size() >= 1, 10000);
    QCOMPARE(client.state(), State::Connecting);
    QCOMPARE(scheduled.at(0).at(0).toInt(), 2);
    service.resumeAccepting();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 15000);
}

QTEST_GUILESS_MAIN(TestClientConnection)
#include "tst_clientconnection.moc"
