// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The upstream event handler (protocol.md §7) against a fake handler served by QtHttpServer.
#include "servicetestsupport.h"

#include "recordinghandler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace TestSupport;

namespace {
const QString Hub = QStringLiteral("chat");

//! The script the fake handler answers CloudEvents requests from.
QHttpServerResponse scriptedAnswer(const RecordedRequest &r)
{
    using S = QHttpServerResponse::StatusCode;
    const QByteArray type = r.headers.value("ce-type");
    if (type == "azure.webpubsub.sys.connect") {
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        const QString sub = body.value(u"claims").toObject().value(u"sub").toArray().at(0).toString();
        if (sub == u"blocked")
            return QHttpServerResponse(S::Unauthorized);
        if (sub == u"renamed")
            return QHttpServerResponse(
                QJsonObject{{QStringLiteral("userId"), QStringLiteral("handler-name")},
                            {QStringLiteral("groups"), QJsonArray{QStringLiteral("hg")}},
                            {QStringLiteral("roles"), QJsonArray{QStringLiteral("webpubsub.sendToGroup")}}});
        return QHttpServerResponse(S::NoContent);
    }
    if (type == "azure.webpubsub.user.echo" || type == "azure.webpubsub.user.message")
        return QHttpServerResponse("text/plain", "echo:" + r.body);
    if (type == "azure.webpubsub.user.compute")
        return QHttpServerResponse("application/json", "{\"result\":42}");
    if (type == "azure.webpubsub.user.fail")
        return QHttpServerResponse(S::InternalServerError);
    return QHttpServerResponse(S::NoContent);
}
} // namespace

class TestUpstream : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<RecordingHandler> handler;
    std::unique_ptr<Hubbub::Service> service;

private Q_SLOTS:
    void init()
    {
        handler = std::make_unique<RecordingHandler>();
        handler->respond = scriptedAnswer;
        QVERIFY(handler->start());
        service = std::make_unique<Hubbub::Service>(handler->upstreamOptions());
        QVERIFY(service->start());
    }
    void cleanup()
    {
        service.reset();
        handler.reset();
    }

    void connectAndConnectedEvents()
    {
        TestClient client;
        QVERIFY(client.connectTo(
            clientUrl(*service, Hub, clientToken(*service, Hub, QStringLiteral("alice"))), Json));
        QTRY_COMPARE_WITH_TIMEOUT(handler->ofType("azure.webpubsub.sys.connected").size(), 1, 10000);
        const QList<RecordedRequest> connects = handler->ofType("azure.webpubsub.sys.connect");
        QCOMPARE(connects.size(), 1);
        const RecordedRequest &c = connects.first();
        QCOMPARE(c.path, QByteArrayLiteral("/events/chat/connect"));
        QCOMPARE(c.headers.value("ce-specversion"), "1.0");
        QCOMPARE(c.headers.value("ce-awpsversion"), "1.0");
        QCOMPARE(c.headers.value("ce-hub"), "chat");
        QCOMPARE(c.headers.value("ce-userid"), "alice");
        QCOMPARE(c.headers.value("ce-eventname"), "connect");
        QCOMPARE(c.headers.value("ce-connectionid"), client.connectionId.toUtf8());
        QVERIFY(!c.headers.value("webhook-request-origin").isEmpty());
        const QByteArray signature =
            "sha256=" + QMessageAuthenticationCode::hash(client.connectionId.toUtf8(), AccessKey.toUtf8(),
                                                         QCryptographicHash::Sha256)
                            .toHex();
        QCOMPARE(c.headers.value("ce-signature"), signature);
        const QJsonObject body = QJsonDocument::fromJson(c.body).object();
        QCOMPARE(body.value(u"claims").toObject().value(u"sub").toArray().at(0).toString(), u"alice");
        QCOMPARE(body.value(u"subprotocols").toArray().at(0).toString(), Json);
        QVERIFY(!body.value(u"query").toObject().contains(u"access_token")); // never forwarded
        QCOMPARE(handler->ofType("azure.webpubsub.sys.connected").first().headers.value("ce-connectionid"),
                 client.connectionId.toUtf8());
    }

    void connectHandlerRejects()
    {
        const QString token = clientToken(*service, Hub, QStringLiteral("blocked"));
        QCOMPARE(rawHandshakeStatus(service->port(), "/client/hubs/chat?access_token=" + token.toUtf8()),
                 401);
        QCOMPARE(service->connectionCount(), 0);
    }

    void connectHandlerOverrides()
    {
        TestClient client;
        QVERIFY(client.connectTo(
            clientUrl(*service, Hub, clientToken(*service, Hub, QStringLiteral("renamed"))), Json));
        QCOMPARE(client.frames.first().value(u"userId").toString(), u"handler-name");
        RestClient rest(*service);
        QCOMPARE(rest.call("HEAD", QStringLiteral("/api/hubs/chat/groups/hg")).status, 200);
        client.sendJson({{QStringLiteral("type"), QStringLiteral("sendToGroup")},
                         {QStringLiteral("group"), QStringLiteral("hg")},
                         {QStringLiteral("ackId"), 1},
                         {QStringLiteral("data"), 1}});
        const auto ack = client.waitAck(1);
        QVERIFY(ack && ack->value(u"success").toBool()); // role granted by the handler
    }

    void userEventsAndInvoke()
    {
        TestClient client;
        QVERIFY(client.connectTo(
            clientUrl(*service, Hub, clientToken(*service, Hub, QStringLiteral("alice"))), Json));
        client.sendJson({{QStringLiteral("type"), QStringLiteral("event")},
                         {QStringLiteral("event"), QStringLiteral("echo")},
                         {QStringLiteral("ackId"), 1},
                         {QStringLiteral("dataType"), QStringLiteral("text")},
                         {QStringLiteral("data"), QStringLiteral("hi")}});
        const auto ack = client.waitAck(1);
        QVERIFY(ack && ack->value(u"success").toBool());
        const auto reply = client.waitMessage();
        QVERIFY(reply);
        QCOMPARE(reply->value(u"from").toString(), u"server");
        QCOMPARE(reply->value(u"dataType").toString(), u"text");
        QCOMPARE(reply->value(u"data").toString(), u"echo:hi");
        const RecordedRequest event = handler->ofType("azure.webpubsub.user.echo").first();
        QCOMPARE(event.headers.value("content-type"), "text/plain");
        QCOMPARE(event.headers.value("ce-eventname"), "echo");
        QCOMPARE(event.body, "hi");

        client.sendJson({{QStringLiteral("type"), QStringLiteral("event")},
                         {QStringLiteral("event"), QStringLiteral("fail")},
                         {QStringLiteral("ackId"), 2},
                         {QStringLiteral("data"), QJsonObject()}});
        const auto failed = client.waitAck(2);
        QVERIFY(failed);
        QCOMPARE(failed->value(u"error").toObject().value(u"name").toString(), u"InternalServerError");

        client.sendJson({{QStringLiteral("type"), QStringLiteral("invoke")},
                         {QStringLiteral("invocationId"), QStringLiteral("inv")},
                         {QStringLiteral("event"), QStringLiteral("compute")},
                         {QStringLiteral("dataType"), QStringLiteral("json")},
                         {QStringLiteral("data"), QJsonObject{{QStringLiteral("x"), 1}}}});
        const auto response = client.waitFrame(
            [](const QJsonObject &f) { return f.value(u"type").toString() == u"invokeResponse"; });
        QVERIFY(response);
        QVERIFY(response->value(u"success").toBool());
        QCOMPARE(response->value(u"data").toObject().value(u"result").toInt(), 42);
    }

    void simpleClientMessages()
    {
        TestClient simple;
        QVERIFY(simple.connectTo(clientUrl(*service, Hub, clientToken(*service, Hub, QStringLiteral("raw"))),
                                 QString()));
        simple.socket.sendTextMessage(QStringLiteral("ping!"));
        QTRY_COMPARE_WITH_TIMEOUT(simple.texts.size(), 1, 10000);
        QCOMPARE(simple.texts.first(), u"echo:ping!");
        QVERIFY(!simple.closed);
        QCOMPARE(handler->ofType("azure.webpubsub.user.message").first().headers.value("content-type"),
                 "text/plain");
    }

    void disconnectedEvent()
    {
        TestClient client;
        QVERIFY(client.connectTo(
            clientUrl(*service, Hub, clientToken(*service, Hub, QStringLiteral("alice"))), Json));
        RestClient rest(*service);
        QCOMPARE(
            rest.call("DELETE",
                      QStringLiteral("/api/hubs/chat/connections/%1?reason=kicked").arg(client.connectionId))
                .status,
            204);
        QTRY_COMPARE_WITH_TIMEOUT(handler->ofType("azure.webpubsub.sys.disconnected").size(), 1, 10000);
        const RecordedRequest d = handler->ofType("azure.webpubsub.sys.disconnected").first();
        QCOMPARE(QJsonDocument::fromJson(d.body).object().value(u"reason").toString(), u"kicked");
        QCOMPARE(d.headers.value("ce-connectionid"), client.connectionId.toUtf8());
    }
};

QTEST_GUILESS_MAIN(TestUpstream)
#include "tst_upstream.moc"
