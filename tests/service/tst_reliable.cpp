// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The reliable subprotocol (protocol.md §4): sequence ids, buffering, recovery, 1008.
#include "servicetestsupport.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace TestSupport;
using namespace std::chrono_literals;

namespace {
const QString Hub = QStringLiteral("chat");
const QStringList AllRoles = {QStringLiteral("webpubsub.joinLeaveGroup"),
                              QStringLiteral("webpubsub.sendToGroup")};

QUrl recoveryUrl(const TestClient &client, const QString &connectionId, const QString &token)
{
    QUrl url = client.url;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("awps_connection_id"), connectionId);
    query.addQueryItem(QStringLiteral("awps_reconnection_token"), token);
    url.setQuery(query);
    return url;
}

QList<qint64> sequenceIds(const QList<QJsonObject> &messages)
{
    QList<qint64> out;
    for (const QJsonObject &m : messages)
        out.append(m.value(u"sequenceId").toInteger());
    return out;
}
} // namespace

class TestReliable : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Hubbub::Service> service;
    RestClient *rest = nullptr;

    void start(Hubbub::ServiceOptions options = defaultOptions())
    {
        service = std::make_unique<Hubbub::Service>(options);
        QVERIFY(service->start());
        delete rest;
        rest = new RestClient(*service);
    }
    void sendToConnection(const QString &id, const QByteArray &text)
    {
        QCOMPARE(
            rest->call("POST",
                       QStringLiteral("/api/hubs/chat/connections/%1/:send?api-version=2024-01-01").arg(id),
                       text, "text/plain")
                .status,
            202);
    }

private Q_SLOTS:
    void cleanup()
    {
        delete rest;
        rest = nullptr;
        service.reset();
    }

    void sequenceIdsAndReplayAfterAbort()
    {
        start();
        TestClient client;
        QVERIFY(client.connectTo(
            clientUrl(*service, Hub, clientToken(*service, Hub, QStringLiteral("u"), AllRoles)), Reliable));
        const QString id = client.connectionId;
        const QString token = client.reconnectionToken;
        client.sendJson({{QStringLiteral("type"), QStringLiteral("joinGroup")},
                         {QStringLiteral("group"), QStringLiteral("g")},
                         {QStringLiteral("ackId"), 1}});
        QVERIFY(client.waitAck(1));
        for (int i = 1; i <= 3; ++i)
            sendToConnection(id, "m" + QByteArray::number(i));
        QTRY_COMPARE_WITH_TIMEOUT(client.messages().size(), 3, 10000);
        QCOMPARE(sequenceIds(client.messages()), (QList<qint64>{1, 2, 3}));
        client.sendJson(
            {{QStringLiteral("type"), QStringLiteral("sequenceAck")}, {QStringLiteral("sequenceId"), 2}});
        QTest::qWait(100);

        client.socket.abort(); // link lost, no close frame
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 10000);
        // While dropped, messages are buffered (group membership kept).
        QCOMPARE(
            rest->call("POST", QStringLiteral("/api/hubs/chat/groups/g/:send"), "m4", "text/plain").status,
            202);
        QCOMPARE(rest->call("HEAD", QStringLiteral("/api/hubs/chat/connections/%1").arg(id)).status, 200);

        TestClient recovered;
        recovered.open(recoveryUrl(client, id, token), Reliable);
        QTRY_COMPARE_WITH_TIMEOUT(recovered.messages().size(), 2, 10000);
        QCOMPARE(sequenceIds(recovered.messages()), (QList<qint64>{3, 4}));
        QCOMPARE(recovered.messages().at(0).value(u"data").toString(), u"m3");
        QCOMPARE(recovered.messages().at(1).value(u"group").toString(), u"g");
        QVERIFY(!recovered.closed);
        // ackIds are remembered across recovery.
        recovered.sendJson({{QStringLiteral("type"), QStringLiteral("joinGroup")},
                            {QStringLiteral("group"), QStringLiteral("g")},
                            {QStringLiteral("ackId"), 1}});
        const auto dup = recovered.waitAck(1);
        QVERIFY(dup);
        QCOMPARE(dup->value(u"error").toObject().value(u"name").toString(), u"Duplicate");
        sendToConnection(id, "m5");
        QTRY_COMPARE_WITH_TIMEOUT(recovered.messages().size(), 3, 10000);
        QCOMPARE(recovered.messages().at(2).value(u"sequenceId").toInteger(), 5);
        QCOMPARE(service->connectionCount(), 1);
    }

    void recoveryWithExpiredAccessTokenStillWorks()
    {
        start();
        TestClient client;
        // The original token expires within the skew window; recovery must not look at it.
        QVERIFY(client.connectTo(
            clientUrl(*service, Hub, clientToken(*service, Hub, std::nullopt, {}, {}, 1)), Reliable));
        client.socket.abort();
        QVERIFY(client.waitClosed());
        QUrl url = recoveryUrl(client, client.connectionId, client.reconnectionToken);
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("access_token"));
        query.addQueryItem(QStringLiteral("access_token"), QStringLiteral("expired.or.garbage"));
        url.setQuery(query);
        TestClient recovered;
        recovered.open(url, Reliable);
        QTRY_VERIFY_WITH_TIMEOUT(recovered.opened, 10000);
        QTest::qWait(300);
        QVERIFY(!recovered.closed);
        sendToConnection(client.connectionId, "after");
        QVERIFY(recovered.waitMessage());
    }

    void badRecoveryCloses1008_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("bad token") << QStringLiteral("token");
        QTest::newRow("unknown id") << QStringLiteral("id");
        QTest::newRow("too late") << QStringLiteral("late");
        QTest::newRow("after normal close") << QStringLiteral("closed");
    }
    void badRecoveryCloses1008()
    {
        QFETCH(QString, kind);
        Hubbub::ServiceOptions options = defaultOptions();
        options.recoveryWindow = 300ms;
        start(options);
        TestClient client;
        QVERIFY(client.connectTo(clientUrl(*service, Hub, clientToken(*service, Hub)), Reliable));
        QString id = client.connectionId;
        QString token = client.reconnectionToken;
        if (kind == u"closed") {
            client.socket.close(); // 1000 from the client gives up recovery
        } else {
            client.socket.abort();
        }
        QVERIFY(client.waitClosed());
        if (kind == u"token")
            token = clientToken(*service, Hub); // valid JWT, wrong audience
        else if (kind == u"id")
            id = QStringLiteral("nosuchconnection");
        if (kind == u"late" || kind == u"closed")
            QTRY_COMPARE_WITH_TIMEOUT(service->connectionCount(), 0, 10000);
        TestClient recovered;
        recovered.open(recoveryUrl(client, id, token), Reliable);
        QVERIFY(recovered.waitClosed());
        QVERIFY(recovered.opened); // the upgrade is accepted, then closed
        QCOMPARE(recovered.closeCode, 1008);
        QCOMPARE(recovered.closeReason, u"The connection can no longer be recovered.");
    }

    void bufferOverflowClosesUnrecoverably()
    {
        Hubbub::ServiceOptions options = defaultOptions();
        options.maxUnackedMessages = 20;
        start(options);
        TestClient client;
        QVERIFY(client.connectTo(clientUrl(*service, Hub, clientToken(*service, Hub)), Reliable));
        for (int i = 0; i < 21; ++i)
            sendToConnection(client.connectionId, "x");
        QVERIFY(client.waitClosed());
        QCOMPARE(client.closeCode, 1008);
        QVERIFY(client.waitFrame(
            [](const QJsonObject &f) { return f.value(u"event").toString() == u"disconnected"; }));
        QTRY_COMPARE_WITH_TIMEOUT(service->connectionCount(), 0, 10000);
    }

    void ackedClientNeverOverflows()
    {
        Hubbub::ServiceOptions options = defaultOptions();
        options.maxUnackedMessages = 20;
        start(options);
        TestClient client;
        QVERIFY(client.connectTo(clientUrl(*service, Hub, clientToken(*service, Hub)), Reliable));
        for (int i = 1; i <= 60; ++i) {
            sendToConnection(client.connectionId, "x");
            if (i % 10 == 0) {
                QTRY_COMPARE_WITH_TIMEOUT(client.messages().size(), i, 10000);
                client.sendJson({{QStringLiteral("type"), QStringLiteral("sequenceAck")},
                                 {QStringLiteral("sequenceId"), i}});
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(client.messages().size(), 60, 10000);
        QVERIFY(!client.closed);
    }

    void nonReadingClientIsDropped()
    {
        // A JSON client that stops reading: the service's write queue is bounded too.
        Hubbub::ServiceOptions options = defaultOptions();
        options.maxUnackedBytes = 1024 * 1024;
        start(options);
        QTcpSocket silent;
        silent.setReadBufferSize(1); // never drain the kernel buffer beyond a byte
        silent.connectToHost(QHostAddress::LocalHost, service->port());
        QVERIFY(silent.waitForConnected(10000));
        silent.write("GET /client/hubs/chat?access_token=" +
                     clientToken(*service, Hub, QStringLiteral("slow")).toUtf8() +
                     " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Protocol: json.webpubsub.azure.v1\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(service->connectionCount(), 1, 10000);
        const QByteArray chunk(512 * 1024, 'x');
        for (int i = 0; i < 80 && service->connectionCount() > 0; ++i)
            QCOMPARE(
                rest->call("POST", QStringLiteral("/api/hubs/chat/users/slow/:send"), chunk, "text/plain")
                    .status,
                202);
        QTRY_COMPARE_WITH_TIMEOUT(service->connectionCount(), 0, 15000);
    }

    void droppedConnectionOverflowsWhileAway()
    {
        Hubbub::ServiceOptions options = defaultOptions();
        options.maxUnackedMessages = 5;
        start(options);
        TestClient client;
        QVERIFY(client.connectTo(clientUrl(*service, Hub, clientToken(*service, Hub)), Reliable));
        client.socket.abort();
        QVERIFY(client.waitClosed());
        for (int i = 0; i < 6; ++i)
            sendToConnection(client.connectionId, "x");
        QTRY_COMPARE_WITH_TIMEOUT(service->connectionCount(), 0, 10000);
        TestClient recovered;
        recovered.open(recoveryUrl(client, client.connectionId, client.reconnectionToken), Reliable);
        QVERIFY(recovered.waitClosed());
        QCOMPARE(recovered.closeCode, 1008);
    }
};

QTEST_GUILESS_MAIN(TestReliable)
#include "tst_reliable.moc"
