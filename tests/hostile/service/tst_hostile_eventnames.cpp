// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 3: a client's event name used to go unescaped into the `ce-type`/`ce-eventName`
// headers and the `{event}` of the handler URL: CR/LF injected headers, `../` left the handler's
// path. Against a real HTTP handler: such names are refused with a BadRequest ack (or dropped when
// fire-and-forget), nothing of them reaches the handler, and a valid name still arrives.
#include "recordinghandler.h"
#include "servicetestsupport.h"

#include <namerules.h>
#include <upstream.h>

#include <QTest>

using namespace TestSupport;

namespace {
const QString Hub = QStringLiteral("chat");

QJsonObject eventFrame(const QString &name, std::optional<qint64> ackId)
{
    QJsonObject frame{{QStringLiteral("type"), QStringLiteral("event")},
                      {QStringLiteral("event"), name},
                      {QStringLiteral("dataType"), QStringLiteral("text")},
                      {QStringLiteral("data"), QStringLiteral("payload")}};
    if (ackId)
        frame.insert(QStringLiteral("ackId"), *ackId);
    return frame;
}
} // namespace

class TestHostileEventNames : public QObject
{
    Q_OBJECT

    std::unique_ptr<RecordingHandler> handler;
    std::unique_ptr<Hubbub::Service> service;

    //! No request the handler saw carries anything of the hostile names.
    void verifyNothingInjected()
    {
        for (const RecordedRequest &r : std::as_const(handler->requests)) {
            QVERIFY2(!r.headers.contains("x-injected"), r.path.constData());
            QVERIFY2(!r.path.contains("admin"), r.path.constData());
            QVERIFY2(r.path.startsWith("/events/chat/"), r.path.constData());
            for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it)
                QVERIFY2(!it.value().contains("Injected"), it.key().constData());
        }
    }

private Q_SLOTS:
    void init()
    {
        handler = std::make_unique<RecordingHandler>();
        QVERIFY(handler->start());
        service = std::make_unique<Hubbub::Service>(handler->upstreamOptions());
        QVERIFY(service->start());
    }
    void cleanup()
    {
        service.reset();
        handler.reset();
    }

    void nameRule_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("word") << QStringLiteral("chat_message2") << true;
        QTest::newRow("128 chars") << QString(128, u'e') << true;
        QTest::newRow("129 chars") << QString(129, u'e') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("CRLF header") << QStringLiteral("a\r\nX-Injected: 1") << false;
        QTest::newRow("trailing LF") << QStringLiteral("abc\n") << false;
        QTest::newRow("dot-dot path") << QStringLiteral("../../admin") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("query") << QStringLiteral("a?b=c") << false;
        QTest::newRow("space") << QStringLiteral("a b") << false;
        QTest::newRow("non-ASCII letter") << QStringLiteral("caf\u00e9") << false;
    }
    void nameRule()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(Hubbub::NameRules::isValidEventName(name), valid);
    }

    void urlTemplateIsPercentEncoded()
    {
        const Hubbub::Upstream upstream(QStringLiteral("http://127.0.0.1:9/api/{hub}/x/{event}"), "k",
                                        QStringLiteral("127.0.0.1"));
        const QUrl url = upstream.urlFor(QStringLiteral("Chat"), QStringLiteral("../../a/b?c#d e"));
        QCOMPARE(url.path(QUrl::FullyEncoded), QStringLiteral("/api/chat/x/..%2F..%2Fa%2Fb%3Fc%23d%20e"));
        QVERIFY(!url.hasQuery());
        QVERIFY(!url.hasFragment());
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    }

    void hostileNamesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("CRLF header injection") << QStringLiteral("a\r\nX-Injected: 1");
        QTest::newRow("path escape") << QStringLiteral("../../admin");
        QTest::newRow("encoded path escape") << QStringLiteral("..%2F..%2Fadmin");
        QTest::newRow("bare LF") << QStringLiteral("x\nX-Injected: 1");
    }
    void hostileNamesAreRefused()
    {
        QFETCH(QString, name);
        TestClient client;
        QVERIFY(client.connectTo(
            clientUrl(*service, Hub, clientToken(*service, Hub, QStringLiteral("mallory"))), Json));
        QTRY_COMPARE_WITH_TIMEOUT(handler->ofType("azure.webpubsub.sys.connected").size(), 1, 10000);

        client.sendJson(eventFrame(name, 1));
        const auto ack = client.waitAck(1);
        QVERIFY(ack);
        QCOMPARE(ack->value(u"success").toBool(), false);
        QCOMPARE(ack->value(u"error").toObject().value(u"name").toString(), QStringLiteral("BadRequest"));

        // Fire-and-forget: dropped (no ack to give); invoke: an error invokeResponse.
        client.sendJson(eventFrame(name, std::nullopt));
        client.sendJson(QJsonObject{{QStringLiteral("type"), QStringLiteral("invoke")},
                                    {QStringLiteral("invocationId"), QStringLiteral("inv1")},
                                    {QStringLiteral("event"), name},
                                    {QStringLiteral("dataType"), QStringLiteral("text")},
                                    {QStringLiteral("data"), QStringLiteral("x")}});
        const auto response = client.waitFrame([](const QJsonObject &f) {
            return f.value(u"type").toString() == u"invokeResponse" &&
                   f.value(u"invocationId").toString() == u"inv1";
        });
        QVERIFY(response);
        QCOMPARE(response->value(u"success").toBool(), false);
        QCOMPARE(response->value(u"error").toObject().value(u"name").toString(),
                 QStringLiteral("BadRequest"));

        // A valid name afterwards still arrives: every earlier frame was handled, none was posted.
        client.sendJson(eventFrame(QStringLiteral("valid_name"), 2));
        const auto ok = client.waitAck(2);
        QVERIFY(ok);
        QCOMPARE(ok->value(u"success").toBool(), true);
        const QList<RecordedRequest> events = handler->ofType("azure.webpubsub.user.valid_name");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().path, QByteArray("/events/chat/valid_name"));
        QCOMPARE(events.first().headers.value("ce-eventname"), QByteArray("valid_name"));
        QCOMPARE(events.first().body, QByteArray("payload"));
        int userEvents = 0;
        for (const RecordedRequest &r : std::as_const(handler->requests))
            userEvents += r.headers.value("ce-type").startsWith("azure.webpubsub.user.") ? 1 : 0;
        QCOMPARE(userEvents, 1);
        QVERIFY(client.socket.state() == QAbstractSocket::ConnectedState);
        verifyNothingInjected();
    }

    void userIdCannotInjectHeaders()
    {
        // The user id comes from the token's `sub` (and /negotiate signs any userId it is given):
        // it must not smuggle a header into the connect event either. The handshake is refused.
        const QString token = clientToken(*service, Hub, QStringLiteral("bob\r\nX-Injected: 1"));
        TestClient client;
        QVERIFY(!client.connectTo(clientUrl(*service, Hub, token), Json));
        QVERIFY(client.closed);
        QTest::qWait(200);
        verifyNothingInjected();
        QCOMPARE(handler->posts().size(), 0);
    }
};

QTEST_MAIN(TestHostileEventNames)
#include "tst_hostile_eventnames.moc"
