// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// hubbub-cli's command and event contract, end to end: the real binary against a scripted fake
// Web PubSub peer, checking the frames it writes and every line it prints.
#include "clipeertestcase.h"

#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 20000;
}

class TestCliSession : public CliPeerTestCase
{
    Q_OBJECT
public:
    // The peer's user is FakePubSubService's default, alice.
    TestCliSession() { m_extraArguments = {u"--reconnect-delay-ms"_s, u"200"_s}; }

private Q_SLOTS:
    void connectedEvent();
    void joinAndLeaveResults();
    void sendResults();
    void eventAndInvokeResults();
    void incomingMessages();
    void badCommands();
    void stateEvent();
    void dropIsRecovered();
    void stopAndStart();
    void stopThenStartAtOnce();
    void endOfInputWaitsAndStops();
};

void TestCliSession::connectedEvent()
{
    const QJsonObject connected = m_cli->firstEvent(u"connected"_s);
    QCOMPARE(connected.value(u"connectionId"_s).toString(), u"conn-1"_s);
    QCOMPARE(connected.value(u"userId"_s).toString(), u"alice"_s);
    QCOMPARE(connected.value(u"reconnect"_s), QJsonValue(false));
    QCOMPARE(m_peer->at(0).subprotocol, u"json.reliable.webpubsub.azure.v1"_s);
    QCOMPARE(m_peer->at(0).requestUrl.path(), u"/client/hubs/chat"_s);
    QCOMPARE(m_cli->events.size(), 1);
}

void TestCliSession::joinAndLeaveResults()
{
    m_cli->send({{u"op"_s, u"join"_s}, {u"group"_s, u"g1"_s}, {u"id"_s, u"j1"_s}, {u"ackId"_s, 5}});
    QTRY_VERIFY_WITH_TIMEOUT(!m_peer->firstOfType(u"joinGroup"_s).isEmpty(), Timeout);
    const QJsonObject join = m_peer->firstOfType(u"joinGroup"_s);
    QCOMPARE(join.value(u"group"_s).toString(), u"g1"_s);
    QCOMPARE(join.value(u"ackId"_s).toInteger(), 5);
    QVERIFY(!m_cli->hasResult(u"j1"_s)); // a result waits for its ack
    m_peer->sendAck(m_peer->last(), 5);
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->hasResult(u"j1"_s), Timeout);
    const QJsonObject joined = m_cli->result(u"j1"_s);
    QCOMPARE(joined.value(u"op"_s).toString(), u"join"_s);
    QCOMPARE(joined.value(u"ok"_s), QJsonValue(true));
    QCOMPARE(joined.value(u"ackId"_s).toInteger(), 5);
    QCOMPARE(joined.value(u"duplicated"_s), QJsonValue(false));
    QVERIFY(!joined.contains(u"error"_s));

    // Without an id: the result still comes, with "id": null.
    m_cli->send({{u"op"_s, u"leave"_s}, {u"group"_s, u"g1"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(!m_peer->firstOfType(u"leaveGroup"_s).isEmpty(), Timeout);
    const qint64 leaveAck = m_peer->firstOfType(u"leaveGroup"_s).value(u"ackId"_s).toInteger(-1);
    QVERIFY(leaveAck >= 0);
    m_peer->sendAck(m_peer->last(), leaveAck);
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->countEvents(u"result"_s) == 2, Timeout);
    const QJsonObject left = m_cli->events.constLast();
    QCOMPARE(left.value(u"op"_s).toString(), u"leave"_s);
    QVERIFY(left.contains(u"id"_s));
    QVERIFY(left.value(u"id"_s).isNull());
    QCOMPARE(left.value(u"ok"_s), QJsonValue(true));
    QCOMPARE(left.value(u"ackId"_s).toInteger(), leaveAck);
}

void TestCliSession::sendResults()
{
    // Duplicate is not a failure: ok, duplicated.
    m_cli->send({{u"op"_s, u"send"_s},
                 {u"id"_s, u"s1"_s},
                 {u"group"_s, u"room"_s},
                 {u"dataType"_s, u"text"_s},
                 {u"data"_s, u"hi"_s},
                 {u"ackId"_s, 42}});
    QTRY_VERIFY_WITH_TIMEOUT(m_peer->countOfType(u"sendToGroup"_s) == 1, Timeout);
    QJsonObject frame = m_peer->firstOfType(u"sendToGroup"_s);
    QCOMPARE(frame.value(u"group"_s).toString(), u"room"_s);
    QCOMPARE(frame.value(u"dataType"_s).toString(), u"text"_s);
    QCOMPARE(frame.value(u"data"_s).toString(), u"hi"_s);
    QCOMPARE(frame.value(u"ackId"_s).toInteger(), 42);
    m_peer->sendAck(m_peer->last(), 42, u"Duplicate"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->hasResult(u"s1"_s), Timeout);
    QJsonObject result = m_cli->result(u"s1"_s);
    QCOMPARE(result.value(u"ok"_s), QJsonValue(true));
    QCOMPARE(result.value(u"ackId"_s).toInteger(), 42);
    QCOMPARE(result.value(u"duplicated"_s), QJsonValue(true));

    // A service error is a failure with the service's own name; noEcho and json data reach the wire.
    const qsizetype from = m_peer->received().size();
    m_cli->send({{u"op"_s, u"send"_s},
                 {u"id"_s, u"s2"_s},
                 {u"group"_s, u"room"_s},
                 {u"dataType"_s, u"json"_s},
                 {u"data"_s, QJsonObject{{u"n"_s, 1}}},
                 {u"noEcho"_s, true}});
    QTRY_VERIFY_WITH_TIMEOUT(!m_peer->firstOfType(u"sendToGroup"_s, from).isEmpty(), Timeout);
    frame = m_peer->firstOfType(u"sendToGroup"_s, from);
    QCOMPARE(frame.value(u"noEcho"_s), QJsonValue(true));
    QCOMPARE(frame.value(u"dataType"_s).toString(), u"json"_s);
    QCOMPARE(frame.value(u"data"_s).toObject().value(u"n"_s).toInt(), 1);
    m_peer->sendAck(m_peer->last(), frame.value(u"ackId"_s).toInteger(), u"Forbidden"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->hasResult(u"s2"_s), Timeout);
    result = m_cli->result(u"s2"_s);
    QCOMPARE(result.value(u"ok"_s), QJsonValue(false));
    QCOMPARE(result.value(u"error"_s).toObject().value(u"name"_s).toString(), u"Forbidden"_s);
    QVERIFY(result.value(u"error"_s).toObject().contains(u"message"_s));

    // Binary goes out as base64; fire-and-forget has no ackId on the wire nor in the result.
    const qsizetype from2 = m_peer->received().size();
    m_cli->send({{u"op"_s, u"send"_s},
                 {u"id"_s, u"s3"_s},
                 {u"group"_s, u"room"_s},
                 {u"dataType"_s, u"binary"_s},
                 {u"data"_s, u"AAEC/w=="_s},
                 {u"fireAndForget"_s, true}});
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->hasResult(u"s3"_s), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!m_peer->firstOfType(u"sendToGroup"_s, from2).isEmpty(), Timeout);
    frame = m_peer->firstOfType(u"sendToGroup"_s, from2);
    QCOMPARE(frame.value(u"dataType"_s).toString(), u"binary"_s);
    QCOMPARE(QByteArray::fromBase64(frame.value(u"data"_s).toString().toLatin1()),
             QByteArray("\x00\x01\x02\xff", 4));
    QVERIFY(!frame.contains(u"ackId"_s));
    result = m_cli->result(u"s3"_s);
    QCOMPARE(result.value(u"ok"_s), QJsonValue(true));
    QVERIFY(!result.contains(u"ackId"_s));
}

void TestCliSession::eventAndInvokeResults()
{
    m_cli->send({{u"op"_s, u"event"_s},
                 {u"id"_s, u"e1"_s},
                 {u"event"_s, u"hello"_s},
                 {u"dataType"_s, u"json"_s},
                 {u"data"_s, QJsonObject{}}});
    QTRY_VERIFY_WITH_TIMEOUT(!m_peer->firstOfType(u"event"_s).isEmpty(), Timeout);
    const QJsonObject event = m_peer->firstOfType(u"event"_s);
    QCOMPARE(event.value(u"event"_s).toString(), u"hello"_s);
    QCOMPARE(event.value(u"dataType"_s).toString(), u"json"_s);
    m_peer->sendAck(m_peer->last(), event.value(u"ackId"_s).toInteger());
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->hasResult(u"e1"_s), Timeout);
    QCOMPARE(m_cli->result(u"e1"_s).value(u"ok"_s), QJsonValue(true));
    QCOMPARE(m_cli->result(u"e1"_s).value(u"op"_s).toString(), u"event"_s);

    m_cli->send({{u"op"_s, u"invoke"_s},
                 {u"id"_s, u"i1"_s},
                 {u"event"_s, u"echo"_s},
                 {u"dataType"_s, u"text"_s},
                 {u"data"_s, u"ping"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(!m_peer->firstOfType(u"invoke"_s).isEmpty(), Timeout);
    const QJsonObject invoke = m_peer->firstOfType(u"invoke"_s);
    QCOMPARE(invoke.value(u"event"_s).toString(), u"echo"_s);
    QCOMPARE(invoke.value(u"data"_s).toString(), u"ping"_s);
    m_peer->sendJson(m_peer->last(), {{u"type"_s, u"invokeResponse"_s},
                                      {u"invocationId"_s, invoke.value(u"invocationId"_s)},
                                      {u"success"_s, true},
                                      {u"dataType"_s, u"text"_s},
                                      {u"data"_s, u"pong"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->hasResult(u"i1"_s), Timeout);
    QJsonObject result = m_cli->result(u"i1"_s);
    QCOMPARE(result.value(u"op"_s).toString(), u"invoke"_s);
    QCOMPARE(result.value(u"ok"_s), QJsonValue(true));
    QCOMPARE(result.value(u"dataType"_s).toString(), u"text"_s);
    QCOMPARE(result.value(u"data"_s).toString(), u"pong"_s);

    const qsizetype from = m_peer->received().size();
    m_cli->send({{u"op"_s, u"invoke"_s}, {u"id"_s, u"i2"_s}, {u"event"_s, u"fail"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(!m_peer->firstOfType(u"invoke"_s, from).isEmpty(), Timeout);
    m_peer->sendJson(m_peer->last(),
                     {{u"type"_s, u"invokeResponse"_s},
                      {u"invocationId"_s, m_peer->firstOfType(u"invoke"_s, from).value(u"invocationId"_s)},
                      {u"success"_s, false},
                      {u"error"_s, QJsonObject{{u"name"_s, u"BadRequest"_s}, {u"message"_s, u"no"_s}}}});
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->hasResult(u"i2"_s), Timeout);
    result = m_cli->result(u"i2"_s);
    QCOMPARE(result.value(u"ok"_s), QJsonValue(false));
    QCOMPARE(result.value(u"error"_s).toObject().value(u"name"_s).toString(), u"BadRequest"_s);
}

void TestCliSession::incomingMessages()
{
    m_peer->sendGroupMessage(m_peer->last(), u"room"_s, u"text"_s, u"hello"_s, 1);
    m_peer->sendGroupMessage(m_peer->last(), u"room"_s, u"json"_s, QJsonObject{{u"k"_s, u"v"_s}}, 2);
    m_peer->sendGroupMessage(m_peer->last(), u"room"_s, u"binary"_s, u"AAEC"_s, 3, QJsonValue::Null);
    m_peer->sendJson(m_peer->last(), {{u"type"_s, u"message"_s},
                                      {u"from"_s, u"server"_s},
                                      {u"dataType"_s, u"text"_s},
                                      {u"data"_s, u"from server"_s},
                                      {u"sequenceId"_s, 4}});
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->countEvents(u"server-message"_s) == 1, Timeout);
    QCOMPARE(m_cli->countEvents(u"group-message"_s), 3);

    const qsizetype first = m_cli->indexOfEvent(u"group-message"_s);
    const QJsonObject text = m_cli->events.at(first);
    QCOMPARE(text.value(u"group"_s).toString(), u"room"_s);
    QCOMPARE(text.value(u"fromUserId"_s).toString(), u"bob"_s);
    QCOMPARE(text.value(u"dataType"_s).toString(), u"text"_s);
    QCOMPARE(text.value(u"data"_s).toString(), u"hello"_s);
    QCOMPARE(text.value(u"sequenceId"_s).toInteger(), 1);
    const QJsonObject json = m_cli->events.at(first + 1);
    QCOMPARE(json.value(u"dataType"_s).toString(), u"json"_s);
    QCOMPARE(json.value(u"data"_s).toObject().value(u"k"_s).toString(), u"v"_s);
    QCOMPARE(json.value(u"sequenceId"_s).toInteger(), 2);
    const QJsonObject binary = m_cli->events.at(first + 2);
    QCOMPARE(binary.value(u"dataType"_s).toString(), u"binary"_s);
    QCOMPARE(binary.value(u"data"_s).toString(), u"AAEC"_s);
    QVERIFY(binary.contains(u"fromUserId"_s));
    QVERIFY(binary.value(u"fromUserId"_s).isNull());
    const QJsonObject server = m_cli->events.at(first + 3);
    QCOMPARE(server.value(u"event"_s).toString(), u"server-message"_s);
    QCOMPARE(server.value(u"dataType"_s).toString(), u"text"_s);
    QCOMPARE(server.value(u"data"_s).toString(), u"from server"_s);
    QCOMPARE(server.value(u"sequenceId"_s).toInteger(), 4);

    // The reliable protocol's receiver side: the CLI's client acks what it got.
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            for (const QJsonObject &frame : m_peer->received()) {
                if (frame.value(u"type"_s).toString() == u"sequenceAck" &&
                    frame.value(u"sequenceId"_s).toInteger() == 4)
                    return true;
            }
            return false;
        }(),
        Timeout);
}

void TestCliSession::badCommands()
{
    auto expectBad = [this](const QByteArray &line, const QJsonValue &id, const QJsonValue &op) {
        const qsizetype before = m_cli->events.size();
        m_cli->sendLine(line);
        QTRY_VERIFY_WITH_TIMEOUT(m_cli->events.size() > before, Timeout);
        const QJsonObject result = m_cli->events.at(before);
        QCOMPARE(result.value(u"event"_s).toString(), u"result"_s);
        QCOMPARE(result.value(u"ok"_s), QJsonValue(false));
        QCOMPARE(result.value(u"error"_s).toObject().value(u"name"_s).toString(), u"BadCommand"_s);
        QVERIFY(!result.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        QCOMPARE(result.value(u"id"_s), id);
        QCOMPARE(result.value(u"op"_s), op);
    };
    const QJsonValue null(QJsonValue::Null);
    expectBad("this is not json", null, null);
    if (QTest::currentTestFailed())
        return;
    expectBad("[1,2,3]", null, null);
    expectBad(R"({"op":"fly","id":"b1"})", u"b1"_s, u"fly"_s);
    expectBad(R"({"id":"b2"})", u"b2"_s, null);
    expectBad(R"({"op":"join","id":"b3"})", u"b3"_s, u"join"_s);
    expectBad(R"({"op":"join","id":"b4","group":"g","ackId":"seven"})", u"b4"_s, u"join"_s);
    expectBad(R"({"op":"send","id":"b5","group":"g","dataType":"binary","data":"***"})", u"b5"_s, u"send"_s);
    expectBad(R"({"op":"send","id":"b6","group":"g","dataType":"xml","data":"x"})", u"b6"_s, u"send"_s);
    expectBad(R"({"op":"send","id":"b7","group":"g","dataType":"text"})", u"b7"_s, u"send"_s);
    expectBad(R"({"op":"event","id":"b8","dataType":"text","data":"x"})", u"b8"_s, u"event"_s);
    expectBad(R"({"op":"offline","id":"b9"})", u"b9"_s, u"offline"_s);
    expectBad(R"({"op":"send","id":"b10","group":"g","dataType":"text","data":"x","noEcho":"yes"})", u"b10"_s,
              u"send"_s);
    if (QTest::currentTestFailed())
        return;

    // Nothing reached the wire, and the program goes on.
    QCOMPARE(m_peer->countOfType(u"joinGroup"_s) + m_peer->countOfType(u"sendToGroup"_s) +
                 m_peer->countOfType(u"event"_s),
             0);
    m_cli->send({{u"op"_s, u"state"_s}, {u"id"_s, u"st"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->hasResult(u"st"_s), Timeout);
    QCOMPARE(m_cli->result(u"st"_s).value(u"ok"_s), QJsonValue(true));
    QCOMPARE(m_cli->process.state(), QProcess::Running);
}

void TestCliSession::stateEvent()
{
    m_cli->send({{u"op"_s, u"join"_s}, {u"group"_s, u"g1"_s}, {u"id"_s, u"j"_s}, {u"ackId"_s, 1}});
    QTRY_VERIFY_WITH_TIMEOUT(!m_peer->firstOfType(u"joinGroup"_s).isEmpty(), Timeout);
    m_peer->sendAck(m_peer->last(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->hasResult(u"j"_s), Timeout);
    m_peer->sendGroupMessage(m_peer->last(), u"g1"_s, u"text"_s, u"x"_s, 7);
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->countEvents(u"group-message"_s) == 1, Timeout);

    m_cli->send({{u"op"_s, u"state"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->countEvents(u"state"_s) == 1, Timeout);
    const QJsonObject state = m_cli->firstEvent(u"state"_s);
    QCOMPARE(state.value(u"state"_s).toString(), u"Connected"_s);
    QCOMPARE(state.value(u"connectionId"_s).toString(), u"conn-1"_s);
    QCOMPARE(state.value(u"groups"_s).toArray(), QJsonArray{u"g1"_s});
    QCOMPARE(state.value(u"lastSequenceId"_s).toInteger(), 7);
    QCOMPARE(state.value(u"pendingAcks"_s).toInt(), 0);
}

void TestCliSession::dropIsRecovered()
{
    m_cli->send({{u"op"_s, u"drop"_s}, {u"id"_s, u"d"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->countEvents(u"recovered"_s) == 1, Timeout);
    QCOMPARE(m_cli->result(u"d"_s).value(u"ok"_s), QJsonValue(true));
    QCOMPARE(m_cli->firstEvent(u"recovered"_s).value(u"connectionId"_s).toString(), u"conn-1"_s);
    QCOMPARE(m_peer->recoveries(), 1);
    const QUrlQuery query(m_peer->at(m_peer->last()).requestUrl);
    QCOMPARE(query.queryItemValue(u"awps_connection_id"_s), u"conn-1"_s);
    QCOMPARE(query.queryItemValue(u"awps_reconnection_token"_s, QUrl::FullyDecoded), u"token/+=1"_s);
    // A recovery is not a new connection.
    QCOMPARE(m_cli->countEvents(u"connected"_s), 1);
    QCOMPARE(m_cli->countEvents(u"disconnected"_s), 0);
}

void TestCliSession::stopAndStart()
{
    m_cli->send({{u"op"_s, u"stop"_s}, {u"id"_s, u"stop"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->countEvents(u"stopped"_s) == 1, Timeout);
    QCOMPARE(m_cli->result(u"stop"_s).value(u"ok"_s), QJsonValue(true));
    m_cli->send({{u"op"_s, u"state"_s}, {u"id"_s, u"st"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->countEvents(u"state"_s) == 1, Timeout);
    QCOMPARE(m_cli->firstEvent(u"state"_s).value(u"state"_s).toString(), u"Stopped"_s);
    QCOMPARE(m_cli->process.state(), QProcess::Running);

    m_cli->send({{u"op"_s, u"start"_s}, {u"id"_s, u"start"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->countEvents(u"connected"_s) == 2, Timeout);
    QCOMPARE(m_cli->result(u"start"_s).value(u"ok"_s), QJsonValue(true));
    QCOMPARE(m_cli->events.at(m_cli->indexOfEvent(u"connected"_s, m_cli->indexOfEvent(u"stopped"_s)))
                 .value(u"connectionId"_s)
                 .toString(),
             u"conn-2"_s);
}

void TestCliSession::stopThenStartAtOnce()
{
    // `start` right behind `stop`, before the close handshake is over: it used to answer ok and
    // leave the client stopped.
    m_cli->send({{u"op"_s, u"stop"_s}, {u"id"_s, u"stop"_s}});
    m_cli->send({{u"op"_s, u"start"_s}, {u"id"_s, u"start"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->countEvents(u"connected"_s) == 2, Timeout);
    const qsizetype stopped = m_cli->indexOfEvent(u"stopped"_s);
    QVERIFY(stopped >= 0);
    QVERIFY(m_cli->indexOfEvent(u"connected"_s, stopped) > stopped);
    // Stopped by `stop`: no close code.
    QCOMPARE(m_cli->events.at(stopped).value(u"code"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(m_cli->events.at(stopped).value(u"reason"_s).toString(), QString());
    m_cli->send({{u"op"_s, u"state"_s}, {u"id"_s, u"st"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->hasResult(u"st"_s), Timeout);
    QCOMPARE(m_cli->firstEvent(u"state"_s).value(u"state"_s).toString(), u"Connected"_s);
}

void TestCliSession::endOfInputWaitsAndStops()
{
    m_cli->send({{u"op"_s, u"join"_s}, {u"group"_s, u"late"_s}, {u"id"_s, u"owed"_s}, {u"ackId"_s, 9}});
    QTRY_VERIFY_WITH_TIMEOUT(!m_peer->firstOfType(u"joinGroup"_s).isEmpty(), Timeout);
    m_cli->closeInput();
    // The result is still owed: the program waits for it instead of stopping.
    QTest::qWait(300);
    QCOMPARE(m_cli->countEvents(u"stopped"_s), 0);
    m_peer->sendAck(m_peer->last(), 9);
    // Not waitForFinished(): the peer needs this event loop to write the ack.
    QTRY_COMPARE_WITH_TIMEOUT(m_cli->process.state(), QProcess::NotRunning, Timeout);
    m_cli->readOutput();
    QCOMPARE(m_cli->process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_cli->process.exitCode(), 0);
    const qsizetype result = m_cli->indexOfEvent(u"result"_s);
    const qsizetype stopped = m_cli->indexOfEvent(u"stopped"_s);
    QVERIFY(result >= 0);
    QCOMPARE(m_cli->events.at(result).value(u"id"_s).toString(), u"owed"_s);
    QCOMPARE(m_cli->events.at(result).value(u"ok"_s), QJsonValue(true));
    QVERIFY(stopped > result);
    QCOMPARE(stopped, m_cli->events.size() - 1);
    for (const QJsonObject &event : std::as_const(m_cli->events))
        QVERIFY2(!event.contains(u"invalidLine"_s), qPrintable(event.value(u"invalidLine"_s).toString()));
}

QTEST_GUILESS_MAIN(TestCliSession)
#include "tst_clisession.moc"
