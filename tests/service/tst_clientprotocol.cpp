// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The JSON client protocol (protocol.md §2–3) against an in-process service.
#include "servicetestsupport.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

using namespace TestSupport;

namespace {
const QString Hub = QStringLiteral("chat");
const QStringList AllRoles = {QStringLiteral("webpubsub.joinLeaveGroup"),
                              QStringLiteral("webpubsub.sendToGroup")};

QJsonObject join(const QString &group, qint64 ackId)
{
    return {{QStringLiteral("type"), QStringLiteral("joinGroup")},
            {QStringLiteral("group"), group},
            {QStringLiteral("ackId"), ackId}};
}

QJsonObject sendTo(const QString &group, const QJsonValue &data, qint64 ackId, bool noEcho = false,
                   const QString &dataType = QStringLiteral("json"))
{
    return {{QStringLiteral("type"), QStringLiteral("sendToGroup")},
            {QStringLiteral("group"), group},
            {QStringLiteral("ackId"), ackId},
            {QStringLiteral("noEcho"), noEcho},
            {QStringLiteral("dataType"), dataType},
            {QStringLiteral("data"), data}};
}

bool succeeded(const std::optional<QJsonObject> &ack)
{
    return ack && ack->value(u"success").toBool();
}

QString errorName(const std::optional<QJsonObject> &ack)
{
    return ack ? ack->value(u"error").toObject().value(u"name").toString() : QStringLiteral("<no ack>");
}
} // namespace

class TestClientProtocol : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Hubbub::Service> service;

    std::unique_ptr<TestClient> connect(std::optional<QString> user, const QStringList &roles = AllRoles,
                                        const QStringList &groups = {}, const QString &subprotocol = Json)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->connectTo(clientUrl(*service, Hub, clientToken(*service, Hub, user, roles, groups)),
                               subprotocol))
            return nullptr;
        return client;
    }

private Q_SLOTS:
    void init()
    {
        service = std::make_unique<Hubbub::Service>(defaultOptions());
        QVERIFY(service->start());
    }
    void cleanup() { service.reset(); }

    void joinSendLeave()
    {
        auto alice = connect(QStringLiteral("alice"));
        auto bob = connect(QStringLiteral("bob"));
        QVERIFY(alice && bob);
        alice->sendJson(join(QStringLiteral("room"), 1));
        bob->sendJson(join(QStringLiteral("room"), 1));
        QVERIFY(succeeded(alice->waitAck(1)));
        QVERIFY(succeeded(bob->waitAck(1)));

        alice->sendJson(sendTo(QStringLiteral("room"),
                               QJsonObject{{QStringLiteral("hello"), QStringLiteral("world")}}, 2));
        QVERIFY(succeeded(alice->waitAck(2)));
        const auto received = bob->waitMessage();
        QVERIFY(received);
        QCOMPARE(received->value(u"from").toString(), u"group");
        QCOMPARE(received->value(u"group").toString(), u"room");
        QCOMPARE(received->value(u"fromUserId").toString(), u"alice");
        QCOMPARE(received->value(u"dataType").toString(), u"json");
        QCOMPARE(received->value(u"data").toObject().value(u"hello").toString(), u"world");
        QVERIFY(!received->contains(u"sequenceId")); // only on the reliable protocol
        QVERIFY(alice->waitMessage());               // echo by default

        // noEcho: the sender does not get its own message.
        alice->sendJson(
            sendTo(QStringLiteral("room"), QStringLiteral("quiet"), 3, true, QStringLiteral("text")));
        QVERIFY(succeeded(alice->waitAck(3)));
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages().size(), 2, 10000);
        QCOMPARE(bob->messages().at(1).value(u"data").toString(), u"quiet");
        QCOMPARE(bob->messages().at(1).value(u"dataType").toString(), u"text");
        QTest::qWait(100);
        QCOMPARE(alice->messages().size(), 1);

        // binary round trip (base64 on the wire).
        alice->sendJson(sendTo(QStringLiteral("room"),
                               QString::fromLatin1(QByteArray("\x00\x01\xff", 3).toBase64()), 4, false,
                               QStringLiteral("binary")));
        QVERIFY(succeeded(alice->waitAck(4)));
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages().size(), 3, 10000);
        QCOMPARE(QByteArray::fromBase64(bob->messages().at(2).value(u"data").toString().toLatin1()),
                 QByteArray("\x00\x01\xff", 3));

        // After leaving, bob no longer receives.
        bob->sendJson({{QStringLiteral("type"), QStringLiteral("leaveGroup")},
                       {QStringLiteral("group"), QStringLiteral("room")},
                       {QStringLiteral("ackId"), 2}});
        QVERIFY(succeeded(bob->waitAck(2)));
        alice->sendJson(
            sendTo(QStringLiteral("room"), QStringLiteral("gone"), 5, false, QStringLiteral("text")));
        QVERIFY(succeeded(alice->waitAck(5)));
        QTRY_COMPARE_WITH_TIMEOUT(alice->messages().size(), 3, 10000);
        QTest::qWait(100);
        QCOMPARE(bob->messages().size(), 3);
    }

    void senderNeedNotBeMember()
    {
        auto sender = connect(QStringLiteral("s"));
        auto member = connect(QStringLiteral("m"), {}, {QStringLiteral("lobby")}); // joined via token claim
        QVERIFY(sender && member);
        sender->sendJson(sendTo(QStringLiteral("lobby"), 42, 1));
        QVERIFY(succeeded(sender->waitAck(1)));
        const auto message = member->waitMessage();
        QVERIFY(message);
        QCOMPARE(message->value(u"data").toInt(), 42);
    }

    void duplicateAckId()
    {
        auto alice = connect(QStringLiteral("alice"));
        auto bob = connect(QStringLiteral("bob"), {}, {QStringLiteral("room")});
        QVERIFY(alice && bob);
        alice->sendJson(sendTo(QStringLiteral("room"), 1, 7));
        QVERIFY(succeeded(alice->waitAck(7)));
        alice->frames.clear();
        alice->sendJson(sendTo(QStringLiteral("room"), 2, 7));
        const auto dup = alice->waitAck(7);
        QCOMPARE(errorName(dup), u"Duplicate");
        QVERIFY(!dup->value(u"success").toBool());
        QTest::qWait(200);
        QCOMPARE(bob->messages().size(), 1); // not executed again
    }

    void forbiddenAndRestGrant()
    {
        auto plain = connect(QStringLiteral("p"), {}); // no roles: events only
        QVERIFY(plain);
        plain->sendJson(join(QStringLiteral("room"), 1));
        QCOMPARE(errorName(plain->waitAck(1)), u"Forbidden");
        plain->sendJson(sendTo(QStringLiteral("room"), 1, 2));
        QCOMPARE(errorName(plain->waitAck(2)), u"Forbidden");
        plain->sendJson({{QStringLiteral("type"), QStringLiteral("event")},
                         {QStringLiteral("event"), QStringLiteral("x")},
                         {QStringLiteral("ackId"), 3},
                         {QStringLiteral("dataType"), QStringLiteral("text")},
                         {QStringLiteral("data"), QStringLiteral("hi")}});
        QVERIFY(succeeded(plain->waitAck(3))); // events need no role

        RestClient rest(*service);
        const QString path = QStringLiteral("/api/hubs/chat/permissions/joinLeaveGroup/connections/"
                                            "%1?targetName=room&api-version=2024-01-01")
                                 .arg(plain->connectionId);
        QCOMPARE(rest.call("HEAD", path).status, 404);
        QCOMPARE(rest.call("PUT", path).status, 200);
        QCOMPARE(rest.call("HEAD", path).status, 200);
        // A failed ackId may be retried (it was not recorded).
        plain->sendJson(join(QStringLiteral("room"), 1));
        QTRY_VERIFY_WITH_TIMEOUT(plain->frames.size() >= 5, 10000);
        QVERIFY(plain->frames.last().value(u"success").toBool());
        plain->sendJson(join(QStringLiteral("other"), 4));
        QCOMPARE(errorName(plain->waitAck(4)), u"Forbidden"); // grant was scoped to "room"
        QCOMPARE(rest.call("DELETE", path).status, 204);
        plain->sendJson(join(QStringLiteral("room"), 5));
        QCOMPARE(errorName(plain->waitAck(5)), u"Forbidden");
    }

    void scopedAndWildcardRoles()
    {
        auto c = connect(QStringLiteral("w"), {QStringLiteral("webpubsub.joinLeaveGroup.exact"),
                                               QStringLiteral("webpubsub.sendToGroups.team.*")});
        QVERIFY(c);
        c->sendJson(join(QStringLiteral("exact"), 1));
        QVERIFY(succeeded(c->waitAck(1)));
        c->sendJson(join(QStringLiteral("exactly"), 2));
        QCOMPARE(errorName(c->waitAck(2)), u"Forbidden");
        c->sendJson(sendTo(QStringLiteral("team.red"), 1, 3));
        QVERIFY(succeeded(c->waitAck(3)));
        c->sendJson(sendTo(QStringLiteral("team.red.sub"), 1, 4));
        QCOMPARE(errorName(c->waitAck(4)), u"Forbidden");
    }

    void badRequestOnInvalidGroup()
    {
        auto c = connect(QStringLiteral("x"));
        QVERIFY(c);
        c->sendJson(join(QStringLiteral("   "), 1));
        QCOMPARE(errorName(c->waitAck(1)), u"BadRequest");
    }

    void pingPongAndUnknownTypes()
    {
        auto c = connect(std::nullopt);
        QVERIFY(c);
        c->sendJson({{QStringLiteral("type"), QStringLiteral("somethingNew")}, {QStringLiteral("ackId"), 1}});
        c->sendJson({{QStringLiteral("type"), QStringLiteral("ping")}});
        QVERIFY(c->waitFrame([](const QJsonObject &f) { return f.value(u"type").toString() == u"pong"; }));
        QVERIFY(!c->closed);
        QCOMPARE(c->frames.size(), 2); // connected + pong; the unknown frame was ignored
    }

    void invokeWithoutUpstream()
    {
        auto c = connect(std::nullopt);
        QVERIFY(c);
        c->sendJson({{QStringLiteral("type"), QStringLiteral("invoke")},
                     {QStringLiteral("invocationId"), QStringLiteral("i1")},
                     {QStringLiteral("event"), QStringLiteral("echo")},
                     {QStringLiteral("dataType"), QStringLiteral("text")},
                     {QStringLiteral("data"), QStringLiteral("x")}});
        const auto response = c->waitFrame(
            [](const QJsonObject &f) { return f.value(u"type").toString() == u"invokeResponse"; });
        QVERIFY(response);
        QCOMPARE(response->value(u"invocationId").toString(), u"i1");
        QVERIFY(!response->value(u"success").toBool());
        QCOMPARE(response->value(u"error").toObject().value(u"name").toString(), u"NotImplemented");
    }

    void abuseLeavesOthersIntact_data()
    {
        QTest::addColumn<QString>("abuse");
        QTest::addColumn<int>("expectedCode");
        QTest::newRow("malformed json") << QStringLiteral("malformed") << 1007;
        QTest::newRow("binary frame") << QStringLiteral("binary") << 1003;
        QTest::newRow("oversized frame") << QStringLiteral("oversized") << 1009;
    }
    void abuseLeavesOthersIntact()
    {
        QFETCH(QString, abuse);
        QFETCH(int, expectedCode);
        auto bad = connect(QStringLiteral("bad"), AllRoles, {QStringLiteral("room")});
        auto good = connect(QStringLiteral("good"), AllRoles, {QStringLiteral("room")});
        QVERIFY(bad && good);
        if (abuse == u"malformed")
            bad->socket.sendTextMessage(QStringLiteral("{not json"));
        else if (abuse == u"binary")
            bad->socket.sendBinaryMessage(QByteArray("{\"type\":\"ping\"}"));
        else
            bad->socket.sendTextMessage(QString(2 * 1024 * 1024, u'x'));
        QVERIFY(bad->waitClosed(15000));
        QCOMPARE(bad->closeCode, expectedCode);

        good->sendJson(
            sendTo(QStringLiteral("room"), QStringLiteral("still here"), 1, false, QStringLiteral("text")));
        QVERIFY(succeeded(good->waitAck(1)));
        QVERIFY(good->waitMessage());
        QTRY_COMPARE_WITH_TIMEOUT(service->connectionCount(), 1, 10000);
    }

    void floodOfPings()
    {
        auto c = connect(std::nullopt);
        QVERIFY(c);
        for (int i = 0; i < 2000; ++i)
            c->sendJson({{QStringLiteral("type"), QStringLiteral("ping")}});
        QTRY_COMPARE_WITH_TIMEOUT(c->frames.size(), 2001, 30000);
        QVERIFY(!c->closed);
    }

    void simpleClients()
    {
        // A simple client receives raw payloads of the groups it is in.
        auto simple = connect(QStringLiteral("raw"), {}, {QStringLiteral("room")}, QString());
        auto sender = connect(QStringLiteral("s"));
        QVERIFY(simple && sender);
        sender->sendJson(
            sendTo(QStringLiteral("room"), QStringLiteral("plain text"), 1, false, QStringLiteral("text")));
        QTRY_COMPARE_WITH_TIMEOUT(simple->texts.size(), 1, 10000);
        QCOMPARE(simple->texts.first(), u"plain text");
        sender->sendJson(sendTo(QStringLiteral("room"), QJsonObject{{QStringLiteral("a"), 1}}, 2));
        QTRY_COMPARE_WITH_TIMEOUT(simple->texts.size(), 2, 10000);
        QCOMPARE(simple->texts.at(1), u"{\"a\":1}");
        sender->sendJson(
            sendTo(QStringLiteral("room"), QStringLiteral("AAE="), 3, false, QStringLiteral("binary")));
        QTRY_COMPARE_WITH_TIMEOUT(simple->binaries.size(), 1, 10000);
        QCOMPARE(simple->binaries.first(), QByteArray("\x00\x01", 2));
        // Without an event handler its first frame closes it with 1000, as the real service does.
        simple->socket.sendTextMessage(QStringLiteral("hello"));
        QVERIFY(simple->waitClosed());
        QCOMPARE(simple->closeCode, 1000);
    }

    void keepAliveDropsSilentLinks()
    {
        Hubbub::ServiceOptions options = defaultOptions();
        options.keepAliveInterval = std::chrono::milliseconds(1000);
        Hubbub::Service fast(options);
        QVERIFY(fast.start());
        TestClient c;
        QVERIFY(c.connectTo(clientUrl(fast, Hub, clientToken(fast, Hub)), Json));
        // A live client answers pings (QWebSocket does so automatically) and stays.
        QTest::qWait(4000);
        QVERIFY(!c.closed);
        QCOMPARE(fast.connectionCount(), 1);

        // A half-open peer: upgraded by hand, then never reads or answers a ping.
        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, fast.port());
        QVERIFY(silent.waitForConnected(10000));
        silent.write("GET /client/hubs/chat?access_token=" + clientToken(fast, Hub).toUtf8() +
                     " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Protocol: json.webpubsub.azure.v1\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(fast.connectionCount(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(fast.connectionCount(), 1, 20000);
        QVERIFY(!c.closed);
    }
};

QTEST_GUILESS_MAIN(TestClientProtocol)
#include "tst_clientprotocol.moc"
