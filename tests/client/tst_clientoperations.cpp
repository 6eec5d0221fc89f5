// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Operations: frames on the wire, acks, ackIds, retries, the outbox, timeouts, invoke.
#include "client.h"
#include "clienttestutils.h"
#include "clientwaits.h"
#include "fakepubsubservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace WebPubSub;
using namespace ClientTest;
using State = Client::State;

class TestClientOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void joinAndLeaveGroups();
    void sendFramesForEveryPayload();
    void fireAndForget();
    void ackIdsAreUniqueAndSkipCallerChosenOnes();
    void serviceErrorCarriesNameAndMessage();
    void forbiddenIsNeverRetried_data();
    void forbiddenIsNeverRetried();
    void retriesUseTheSameAckId();
    void retriesExhausted();
    void duplicateIsSuccess();
    void sixtyFourBitIdsAreExact();
    void outboxFlushesInOrder();
    void outboxTimeout();
    void outboxTimeoutZeroFailsAtOnce();
    void stoppedFailsAtOnce();
    void operationTimeout();
    void invokeSuccess();
    void invokeError();
    void invokeTimeout();
    void invokeCancel();
    void diagnosticsCountOperations();
    void emptyGroupIsRejected();

private:
    struct Fixture
    {
        FakePubSubService service;
        std::unique_ptr<Client> client;
        bool start(ClientOptions options = fastOptions())
        {
            if (!service.listen())
                return false;
            client = std::make_unique<Client>(Credential::fromUrl(service.clientUrl()), options);
            return HubbubTest::startConnected({client.get()}, 10000);
        }
    };
};

void TestClientOperations::joinAndLeaveGroups()
{
    Fixture f;
    QVERIFY(f.start());
    QSignalSpy groupsChanged(f.client.get(), &Client::groupsChanged);
    auto join = f.client->joinGroup(QStringLiteral("room"));
    QVERIFY(waitFor(join));
    QVERIFY(join.result().ok());
    QCOMPARE(join.result().ackId, std::optional<quint64>(1));
    QCOMPARE(join.result().isDuplicated, false);
    QCOMPARE(f.client->groups(), QStringList{QStringLiteral("room")});
    QCOMPARE(groupsChanged.size(), 1);
    const QJsonObject frame = f.service.frames(0, QStringLiteral("joinGroup")).value(0);
    QCOMPARE(frame, (QJsonObject{{QStringLiteral("type"), QStringLiteral("joinGroup")},
                                 {QStringLiteral("group"), QStringLiteral("room")},
                                 {QStringLiteral("ackId"), 1}}));

    auto leave = f.client->leaveGroup(QStringLiteral("room"));
    QVERIFY(waitFor(leave));
    QVERIFY(leave.result().ok());
    QCOMPARE(leave.result().ackId, std::optional<quint64>(2));
    QVERIFY(f.client->groups().isEmpty());
    QCOMPARE(f.service.frames(0, QStringLiteral("leaveGroup")).value(0).value(u"group").toString(),
             QStringLiteral("room"));
}

void TestClientOperations::sendFramesForEveryPayload()
{
    Fixture f;
    QVERIFY(f.start());
    Client::SendOptions noEcho;
    noEcho.noEcho = true;
    auto text =
        f.client->sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("hello")), noEcho);
    auto json =
        f.client->sendToGroup(QStringLiteral("g"), Payload::fromJson(QJsonObject{{QStringLiteral("a"), 1}}));
    auto binary = f.client->sendToGroup(QStringLiteral("g"), Payload::fromBinary(QByteArray("xyz")));
    auto event = f.client->sendEvent(QStringLiteral("ev"), Payload::fromText(QStringLiteral("data")));
    for (const auto &future : {text, json, binary, event}) {
        QVERIFY(waitFor(future));
        QVERIFY(future.result().ok());
    }
    const auto sends = f.service.frames(0, QStringLiteral("sendToGroup"));
    QCOMPARE(sends.size(), 3);
    QCOMPARE(sends.at(0).value(u"dataType").toString(), QStringLiteral("text"));
    QCOMPARE(sends.at(0).value(u"data").toString(), QStringLiteral("hello"));
    QCOMPARE(sends.at(0).value(u"noEcho").toBool(), true);
    QCOMPARE(sends.at(1).value(u"dataType").toString(), QStringLiteral("json"));
    QCOMPARE(sends.at(1).value(u"data").toObject().value(u"a").toInt(), 1);
    QCOMPARE(sends.at(1).value(u"noEcho").toBool(true), false);
    QCOMPARE(sends.at(2).value(u"dataType").toString(), QStringLiteral("binary"));
    QCOMPARE(sends.at(2).value(u"data").toString(), QStringLiteral("eHl6"));
    const auto events = f.service.frames(0, QStringLiteral("event"));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).value(u"event").toString(), QStringLiteral("ev"));
    QCOMPARE(events.at(0).value(u"ackId").toInteger(), 4);
    QCOMPARE(events.at(0).value(u"data").toString(), QStringLiteral("data"));
}

void TestClientOperations::fireAndForget()
{
    Fixture f;
    QVERIFY(f.start());
    Client::SendOptions ff;
    ff.fireAndForget = true;
    auto send = f.client->sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("x")), ff);
    QVERIFY(waitFor(send));
    QVERIFY(send.result().ok());
    QCOMPARE(send.result().ackId, std::nullopt);
    auto event = f.client->sendEvent(QStringLiteral("e"), Payload::fromText(QStringLiteral("y")), ff);
    QVERIFY(waitFor(event));
    QVERIFY(event.result().ok());
    QTRY_COMPARE_WITH_TIMEOUT(f.service.frames(0).size(), 2, 10000);
    for (const QJsonObject &frame : f.service.frames(0))
        QVERIFY(!frame.contains(u"ackId"));
    // The next acked operation still starts at 1.
    auto acked = f.client->joinGroup(QStringLiteral("g"));
    QVERIFY(waitFor(acked));
    QCOMPARE(acked.result().ackId, std::optional<quint64>(1));
}

void TestClientOperations::ackIdsAreUniqueAndSkipCallerChosenOnes()
{
    Fixture f;
    QVERIFY(f.start());
    Client::SendOptions chosen;
    chosen.ackId = 2;
    auto a = f.client->sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("a")), chosen);
    auto b = f.client->sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("b")));
    auto c = f.client->sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("c")));
    auto d = f.client->joinGroup(QStringLiteral("g"), 7);
    auto e = f.client->leaveGroup(QStringLiteral("g"));
    for (const auto &future : {a, b, c, d, e})
        QVERIFY(waitFor(future));
    QCOMPARE(a.result().ackId, std::optional<quint64>(2));
    QCOMPARE(b.result().ackId, std::optional<quint64>(1));
    QCOMPARE(c.result().ackId, std::optional<quint64>(3));
    QCOMPARE(d.result().ackId, std::optional<quint64>(7));
    QCOMPARE(e.result().ackId, std::optional<quint64>(4));
    QList<qint64> onWire;
    for (const QJsonObject &frame : f.service.frames(0))
        onWire.append(frame.value(u"ackId").toInteger());
    QCOMPARE(onWire, (QList<qint64>{2, 1, 3, 7, 4}));
}

void TestClientOperations::serviceErrorCarriesNameAndMessage()
{
    Fixture f;
    f.service.onFrame = [&f](int i, const QJsonObject &frame) {
        f.service.sendAck(i, quint64(frame.value(u"ackId").toInteger()), QStringLiteral("NotFound"),
                          QStringLiteral("no such thing"));
        return true;
    };
    ClientOptions options = fastOptions();
    options.messageRetry.maxRetries = 0;
    QVERIFY(f.start(options));
    auto join = f.client->joinGroup(QStringLiteral("g"));
    QVERIFY(waitFor(join));
    QCOMPARE(join.result().error.code(), Error::Code::NotFound);
    QCOMPARE(join.result().error.name(), QStringLiteral("NotFound"));
    QCOMPARE(join.result().error.message(), QStringLiteral("no such thing"));
    QCOMPARE(join.result().ackId, std::optional<quint64>(1));
    QVERIFY(f.client->groups().isEmpty());
}

void TestClientOperations::forbiddenIsNeverRetried_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Error::Code>("code");
    QTest::newRow("Forbidden") << QStringLiteral("Forbidden") << Error::Code::Forbidden;
    QTest::newRow("BadRequest") << QStringLiteral("BadRequest") << Error::Code::BadRequest;
}

void TestClientOperations::forbiddenIsNeverRetried()
{
    QFETCH(QString, name);
    QFETCH(Error::Code, code);
    Fixture f;
    f.service.onFrame = [&f, name](int i, const QJsonObject &frame) {
        f.service.sendAck(i, quint64(frame.value(u"ackId").toInteger()), name,
                          QStringLiteral("no permission"));
        return true;
    };
    QVERIFY(f.start());
    auto send = f.client->sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("x")));
    QVERIFY(waitFor(send));
    QCOMPARE(send.result().error.code(), code);
    QCOMPARE(send.result().error.name(), name);
    QTest::qWait(400); // several retry delays
    QCOMPARE(f.service.frames(0, QStringLiteral("sendToGroup")).size(), 1);
}

void TestClientOperations::retriesUseTheSameAckId()
{
    Fixture f;
    int attempts = 0;
    f.service.onFrame = [&](int i, const QJsonObject &frame) {
        if (frame.value(u"type").toString() != u"sendToGroup")
            return false;
        ++attempts;
        const quint64 ackId = quint64(frame.value(u"ackId").toInteger());
        if (attempts < 3)
            f.service.sendAck(i, ackId, QStringLiteral("InternalServerError"), QStringLiteral("try again"));
        else
            f.service.sendAck(i, ackId);
        return true;
    };
    QVERIFY(f.start());
    Client::SendOptions chosen;
    chosen.ackId = 42;
    auto send = f.client->sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("x")), chosen);
    auto automatic = f.client->sendEvent(QStringLiteral("e"), Payload::fromText(QStringLiteral("y")));
    QVERIFY(waitFor(send));
    QVERIFY(send.result().ok());
    QCOMPARE(send.result().ackId, std::optional<quint64>(42));
    QVERIFY(waitFor(automatic));
    QVERIFY(automatic.result().ok());
    const auto frames = f.service.frames(0, QStringLiteral("sendToGroup"));
    QCOMPARE(frames.size(), 3);
    for (const QJsonObject &frame : frames)
        QCOMPARE(frame.value(u"ackId").toInteger(), 42);
}

void TestClientOperations::retriesExhausted()
{
    Fixture f;
    f.service.onFrame = [&f](int i, const QJsonObject &frame) {
        f.service.sendAck(i, quint64(frame.value(u"ackId").toInteger()),
                          QStringLiteral("InternalServerError"), QStringLiteral("down"));
        return true;
    };
    QVERIFY(f.start());
    auto join = f.client->joinGroup(QStringLiteral("g"));
    QVERIFY(waitFor(join));
    QCOMPARE(join.result().error.code(), Error::Code::InternalServerError);
    const auto frames = f.service.frames(0, QStringLiteral("joinGroup"));
    QCOMPARE(frames.size(), 4); // 1 + messageRetry.maxRetries
    for (const QJsonObject &frame : frames)
        QCOMPARE(frame.value(u"ackId").toInteger(), 1);
}

void TestClientOperations::duplicateIsSuccess()
{
    Fixture f;
    QVERIFY(f.start());
    Client::SendOptions chosen;
    chosen.ackId = 5;
    auto first = f.client->sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("x")), chosen);
    QVERIFY(waitFor(first));
    QVERIFY(first.result().ok());
    QCOMPARE(first.result().isDuplicated, false);
    // The caller retries by hand with the same ackId: the fake, like the service, says Duplicate.
    auto again = f.client->sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("x")), chosen);
    QVERIFY(waitFor(again));
    QVERIFY(again.result().ok());
    QCOMPARE(again.result().isDuplicated, true);
    QCOMPARE(again.result().ackId, std::optional<quint64>(5));
    QCOMPARE(f.service.frames(0).size(), 2);
}

void TestClientOperations::sixtyFourBitIdsAreExact()
{
    Fixture f;
    QVERIFY(f.start());
    // Beyond a double's 2^53 (values above 2^63 are not exact in FrameCodec: QJsonDocument reads them as
    // doubles).
    const quint64 big = 9223372036854775001ull;
    Client::SendOptions chosen;
    chosen.ackId = big;
    auto send = f.client->sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("x")), chosen);
    QVERIFY(waitFor(send));
    QVERIFY(send.result().ok());
    QCOMPARE(*send.result().ackId, big);
    QVERIFY(f.service.at(0).rawFrames.value(0).contains(QStringLiteral("\"ackId\":9223372036854775001")));

    QSignalSpy messages(f.client.get(), &Client::groupMessageReceived);
    const quint64 seq = 9007199254740993ull; // 2^53 + 1
    f.service.sendText(0,
                       QStringLiteral("{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"dataType\":"
                                      "\"text\",\"data\":\"x\",\"sequenceId\":9007199254740993}"));
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 10000);
    QCOMPARE(*messages.at(0).at(0).value<GroupMessage>().sequenceId, seq);
    QCOMPARE(quint64(f.client->diagnostics().lastReceivedSequenceId), seq);
    QTRY_VERIFY_WITH_TIMEOUT(f.service.at(0).rawFrames.last().contains(u"sequenceAck"), 10000);
    QVERIFY(f.service.at(0).rawFrames.last().contains(QStringLiteral("\"sequenceId\":9007199254740993")));
}

void TestClientOperations::outboxFlushesInOrder()
{
    FakePubSubService service;
    service.autoConnected = false;
    QVERIFY(service.listen());
    Client client(Credential::fromUrl(service.clientUrl()), fastOptions());
    client.start();
    auto join = client.joinGroup(QStringLiteral("a"));
    auto send1 = client.sendToGroup(QStringLiteral("a"), Payload::fromText(QStringLiteral("1")));
    auto event = client.sendEvent(QStringLiteral("e"), Payload::fromText(QStringLiteral("2")));
    auto send3 = client.sendToGroup(QStringLiteral("a"), Payload::fromText(QStringLiteral("3")));
    QTRY_VERIFY_WITH_TIMEOUT(service.count() == 1 && service.isOpen(0), 10000);
    QCOMPARE(client.diagnostics().outboxSize, 4);
    QTest::qWait(100);
    QCOMPARE(service.frames(0).size(), 0); // nothing before system/connected
    service.sendConnected(0, QStringLiteral("c"), QStringLiteral("t"));
    for (const auto &future : {join, send1, event, send3}) {
        QVERIFY(waitFor(future));
        QVERIFY(future.result().ok());
    }
    QStringList order;
    for (const QJsonObject &frame : service.frames(0))
        order.append(frame.value(u"type").toString() + u':' + frame.value(u"data").toString());
    QCOMPARE(order, (QStringList{QStringLiteral("joinGroup:"), QStringLiteral("sendToGroup:1"),
                                 QStringLiteral("event:2"), QStringLiteral("sendToGroup:3")}));
    QCOMPARE(client.diagnostics().outboxSize, 0);
}

void TestClientOperations::outboxTimeout()
{
    FakePubSubService service;
    service.autoConnected = false;
    QVERIFY(service.listen());
    ClientOptions options = fastOptions();
    options.outboxTimeout = 300ms;
    Client client(Credential::fromUrl(service.clientUrl()), options);
    client.start();
    auto send = client.sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("late")));
    QVERIFY(!send.isFinished());
    QVERIFY(waitFor(send));
    QCOMPARE(send.result().error.code(), Error::Code::NotConnected);
    QTRY_VERIFY_WITH_TIMEOUT(service.count() == 1 && service.isOpen(0), 10000);
    service.sendConnected(0, QStringLiteral("c"), QStringLiteral("t"));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::Connected, 10000);
    QTest::qWait(100);
    QCOMPARE(service.frames(0, QStringLiteral("sendToGroup")).size(), 0); // never sent after it failed
}

void TestClientOperations::outboxTimeoutZeroFailsAtOnce()
{
    FakePubSubService service;
    service.autoConnected = false;
    QVERIFY(service.listen());
    ClientOptions options = fastOptions();
    options.outboxTimeout = 0ms;
    Client client(Credential::fromUrl(service.clientUrl()), options);
    client.start();
    auto send = client.sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("x")));
    QVERIFY(send.isFinished());
    QCOMPARE(send.result().error.code(), Error::Code::NotConnected);
}

void TestClientOperations::stoppedFailsAtOnce()
{
    Client client(Credential::fromUrl(QUrl(QStringLiteral("ws://127.0.0.1:1/client/hubs/x"))), fastOptions());
    auto join = client.joinGroup(QStringLiteral("g"));
    QVERIFY(join.isFinished());
    QCOMPARE(join.result().error.code(), Error::Code::Stopped);
    auto invoke = client.invokeEvent(QStringLiteral("e"));
    QVERIFY(invoke.isFinished());
    QCOMPARE(invoke.result().error.code(), Error::Code::Stopped);
}

void TestClientOperations::operationTimeout()
{
    Fixture f;
    f.service.autoAck = false;
    ClientOptions options = fastOptions();
    options.operationTimeout = 300ms;
    QVERIFY(f.start(options));
    auto join = f.client->joinGroup(QStringLiteral("g"));
    QVERIFY(waitFor(join));
    QCOMPARE(join.result().error.code(), Error::Code::Timeout);
    QCOMPARE(join.result().ackId, std::optional<quint64>(1));
    // A late ack for a timed-out operation is ignored.
    f.service.sendAck(0, 1);
    QTest::qWait(100);
    QVERIFY(f.client->groups().isEmpty());
}

void TestClientOperations::invokeSuccess()
{
    Fixture f;
    f.service.onFrame = [&f](int i, const QJsonObject &frame) {
        if (frame.value(u"type").toString() != u"invoke")
            return false;
        f.service.sendJson(i, QJsonObject{{QStringLiteral("type"), QStringLiteral("invokeResponse")},
                                          {QStringLiteral("invocationId"), frame.value(u"invocationId")},
                                          {QStringLiteral("success"), true},
                                          {QStringLiteral("dataType"), QStringLiteral("text")},
                                          {QStringLiteral("data"), QStringLiteral("pong")}});
        return true;
    };
    QVERIFY(f.start());
    auto invoke = f.client->invokeEvent(QStringLiteral("ping"), Payload::fromText(QStringLiteral("hi")));
    QVERIFY(waitFor(invoke));
    QVERIFY(invoke.result().ok());
    QCOMPARE(invoke.result().invocationId, QStringLiteral("1"));
    QVERIFY(invoke.result().payload);
    QCOMPARE(invoke.result().payload->text(), QStringLiteral("pong"));
    const QJsonObject frame = f.service.frames(0, QStringLiteral("invoke")).value(0);
    QCOMPARE(frame.value(u"event").toString(), QStringLiteral("ping"));
    QCOMPARE(frame.value(u"target").toString(), QStringLiteral("event"));
    QCOMPARE(frame.value(u"data").toString(), QStringLiteral("hi"));

    Client::InvokeOptions named;
    named.invocationId = QStringLiteral("mine");
    auto second = f.client->invokeEvent(QStringLiteral("ping"), std::nullopt, named);
    QVERIFY(waitFor(second));
    QCOMPARE(second.result().invocationId, QStringLiteral("mine"));
}

void TestClientOperations::invokeError()
{
    Fixture f;
    f.service.onFrame = [&f](int i, const QJsonObject &frame) {
        f.service.sendJson(i,
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("invokeResponse")},
                                       {QStringLiteral("invocationId"), frame.value(u"invocationId")},
                                       {QStringLiteral("success"), false},
                                       {QStringLiteral("error"),
                                        QJsonObject{{QStringLiteral("name"), QStringLiteral("BadRequest")},
                                                    {QStringLiteral("message"), QStringLiteral("oops")}}}});
        return true;
    };
    QVERIFY(f.start());
    auto invoke = f.client->invokeEvent(QStringLiteral("x"));
    QVERIFY(waitFor(invoke));
    QCOMPARE(invoke.result().error.code(), Error::Code::BadRequest);
    QCOMPARE(invoke.result().error.message(), QStringLiteral("oops"));
    QTest::qWait(200);
    QCOMPARE(f.service.frames(0, QStringLiteral("invoke")).size(), 1); // never retried
}

void TestClientOperations::invokeTimeout()
{
    Fixture f;
    QVERIFY(f.start());
    Client::InvokeOptions options;
    options.timeout = 300ms;
    auto invoke = f.client->invokeEvent(QStringLiteral("slow"), std::nullopt, options);
    QVERIFY(waitFor(invoke));
    QCOMPARE(invoke.result().error.code(), Error::Code::Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(f.service.frames(0, QStringLiteral("cancelInvocation")).size(), 1, 10000);
    QCOMPARE(f.service.frames(0, QStringLiteral("cancelInvocation")).at(0).value(u"invocationId").toString(),
             invoke.result().invocationId);
}

void TestClientOperations::invokeCancel()
{
    Fixture f;
    QVERIFY(f.start());
    Client::InvokeOptions options;
    options.invocationId = QStringLiteral("invoke-abort");
    auto invoke = f.client->invokeEvent(QStringLiteral("slow"), std::nullopt, options);
    QTRY_COMPARE_WITH_TIMEOUT(f.service.frames(0, QStringLiteral("invoke")).size(), 1, 10000);
    QVERIFY(f.client->cancelInvocation(QStringLiteral("invoke-abort")));
    QVERIFY(invoke.isFinished());
    QCOMPARE(invoke.result().error.code(), Error::Code::Cancelled);
    QVERIFY(!f.client->cancelInvocation(QStringLiteral("invoke-abort")));
    QTRY_COMPARE_WITH_TIMEOUT(f.service.frames(0, QStringLiteral("cancelInvocation")).size(), 1, 10000);
    QCOMPARE(f.service.frames(0, QStringLiteral("cancelInvocation")).at(0).value(u"invocationId").toString(),
             QStringLiteral("invoke-abort"));
}

void TestClientOperations::diagnosticsCountOperations()
{
    Fixture f;
    f.service.autoAck = false;
    QVERIFY(f.start());
    QSignalSpy diagnosticsChanged(f.client.get(), &Client::diagnosticsChanged);
    for (int i = 0; i < 50; ++i)
        f.client->sendToGroup(QStringLiteral("g"), Payload::fromText(QString::number(i)));
    QCOMPARE(f.client->diagnostics().pendingOperations, 50);
    QTRY_VERIFY_WITH_TIMEOUT(diagnosticsChanged.size() >= 1, 10000);
    QTest::qWait(300);
    QVERIFY2(diagnosticsChanged.size() <= 5, qPrintable(QString::number(diagnosticsChanged.size())));
    for (quint64 id = 1; id <= 50; ++id)
        f.service.sendAck(0, id);
    QTRY_COMPARE_WITH_TIMEOUT(f.client->diagnostics().pendingOperations, 0, 10000);
}

void TestClientOperations::emptyGroupIsRejected()
{
    Fixture f;
    QVERIFY(f.start());
    auto join = f.client->joinGroup(QString());
    QVERIFY(join.isFinished());
    QCOMPARE(join.result().error.code(), Error::Code::InvalidArgument);
    QTest::qWait(50);
    QCOMPARE(f.service.frames(0).size(), 0);
}

QTEST_GUILESS_MAIN(TestClientOperations)
#include "tst_clientoperations.moc"
