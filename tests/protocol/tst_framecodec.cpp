// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Every frame of protocol.md §2–3 through FrameCodec, both directions, plus the malformed ones.
#include "framecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace WebPubSub;
using Type = Frame::Type;

class TestFrameCodec : public QObject
{
    Q_OBJECT

private:
    static Frame parseOk(const char *json)
    {
        const auto r = FrameCodec::parse(QByteArray(json));
        if (!r.ok())
            qWarning() << "parse failed:" << r.error << json;
        return r.frame.value_or(Frame{});
    }
    static QJsonObject serialized(const Frame &f)
    {
        return QJsonDocument::fromJson(FrameCodec::serialize(f)).object();
    }

private Q_SLOTS:
    void textDataReadsTheSameWhateverItsEscapes()
    {
        // Text data is kept as the parser's UTF-8 when it is valid; escapes that spell lone
        // surrogates, and everything else, must read as Payload::fromText() of the decoded string,
        // and survive a second trip through the codec unchanged (the service relays our frames).
        for (
            const char *json : {
                R"({"type":"message","from":"group","group":"g","dataType":"text","data":"h\u00e9llo \ud83d\ude00"})",
                R"({"type":"message","from":"group","group":"g","dataType":"text","data":"\ud800"})",
                R"({"type":"message","from":"group","group":"g","dataType":"text","data":"x\udc00y"})",
                R"({"type":"message","from":"group","group":"g","dataType":"text","data":"\ud7ff\ue000"})",
                R"({"type":"message","from":"group","group":"g","dataType":"text","data":""})",
            }) {
            const auto r = FrameCodec::parse(QByteArray(json));
            if (!r.ok()) { // simdjson refuses a lone surrogate outright: a clear error, nothing stored
                QVERIFY2(r.error.startsWith(QStringLiteral("not JSON")), qPrintable(r.error));
                continue;
            }
            const Payload &p = r.frame->payload;
            QCOMPARE(p, Payload::fromText(p.text()));
            const auto again = FrameCodec::parse(FrameCodec::serialize(*r.frame));
            QVERIFY2(again.ok(), qPrintable(again.error));
            QCOMPARE(again.frame->payload, p);
            // The same frame as QWebSocket hands it over.
            const auto asText = FrameCodec::parseText(QString::fromUtf8(json));
            QVERIFY2(asText.ok(), qPrintable(asText.error));
            QCOMPARE(asText.frame->payload, p);
            QCOMPARE(asText.frame->group, QStringLiteral("g"));
        }
    }
    void recentGroupAndSenderAreNotConfused()
    {
        // Group and sender names are reused from the previous frame when they are the same bytes;
        // they must never leak from one frame into another.
        const char *frames[] = {
            R"({"type":"message","from":"group","group":"a","fromUserId":"alice","dataType":"text","data":"1"})",
            R"({"type":"message","from":"group","group":"a","fromUserId":"alice","dataType":"text","data":"2"})",
            R"({"type":"message","from":"group","group":"b","dataType":"text","data":"3"})",
            R"({"type":"message","from":"group","group":"ab","fromUserId":"al","dataType":"text","data":"4"})",
            R"({"type":"message","from":"group","group":"a","fromUserId":"","dataType":"text","data":"5"})",
        };
        const QStringList groups = {QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("b"),
                                    QStringLiteral("ab"), QStringLiteral("a")};
        const QList<std::optional<QString>> senders = {QStringLiteral("alice"), QStringLiteral("alice"),
                                                       std::nullopt, QStringLiteral("al"), QString()};
        for (int i = 0; i < 5; ++i) {
            const Frame f = parseOk(frames[i]);
            QCOMPARE(f.type, Frame::Type::GroupMessage);
            QCOMPARE(f.group, groups.at(i));
            QCOMPARE(f.fromUserId.has_value(), senders.at(i).has_value());
            if (senders.at(i))
                QCOMPARE(*f.fromUserId, *senders.at(i));
        }
    }
    void typesAreMatchedIgnoringAsciiCaseOnly()
    {
        QCOMPARE(parseOk(R"({"type":"MESSAGE","from":"server","dataType":"text","data":"x"})").type,
                 Frame::Type::ServerMessage);
        QCOMPARE(parseOk(R"({"type":"Ack","ackId":1,"success":true})").type, Frame::Type::Ack);
        // Not a letter: '@' and '`' differ by the case bit but are not cases of each other.
        QCOMPARE(parseOk(R"({"type":"@ck","ackId":1,"success":true})").type, Frame::Type::Unknown);
        // Members repeated: the first one counts.
        const Frame f = parseOk(R"({"type":"joinGroup","group":"first","group":"second","ackId":3})");
        QCOMPARE(f.group, QStringLiteral("first"));
    }
    void parsesServiceFrames()
    {
        Frame f = parseOk("{\"type\":\"system\",\"event\":\"connected\",\"userId\":\"u1\",\"connectionId\":"
                          "\"c1\",\"reconnectionToken\":\"rt\"}");
        QCOMPARE(f.type, Type::Connected);
        QCOMPARE(f.connectionId, QStringLiteral("c1"));
        QCOMPARE(f.userId, std::optional<QString>(QStringLiteral("u1")));
        QCOMPARE(f.reconnectionToken, QStringLiteral("rt"));

        f = parseOk("{\"type\":\"system\",\"event\":\"connected\",\"userId\":null,\"connectionId\":\"c2\"}");
        QCOMPARE(f.type, Type::Connected);
        QVERIFY(!f.userId.has_value());
        QVERIFY(f.reconnectionToken.isEmpty());

        f = parseOk("{\"type\":\"system\",\"event\":\"disconnected\",\"message\":\"Service reload\"}");
        QCOMPARE(f.type, Type::Disconnected);
        QCOMPARE(f.message, QStringLiteral("Service reload"));

        f = parseOk("{\"type\":\"ack\",\"ackId\":3,\"success\":false,\"error\":{\"name\":\"Forbidden\","
                    "\"message\":\"no\"}}");
        QCOMPARE(f.type, Type::Ack);
        QCOMPARE(f.ackId, std::optional<quint64>(3));
        QVERIFY(!f.success);
        QCOMPARE(f.error->name, QStringLiteral("Forbidden"));
        QCOMPARE(f.error->message, QStringLiteral("no"));

        f = parseOk("{\"sequenceId\":7,\"type\":\"message\",\"from\":\"group\",\"group\":\"g\","
                    "\"fromUserId\":\"bob\",\"dataType\":\"json\",\"data\":{\"a\":[1,2]}}");
        QCOMPARE(f.type, Type::GroupMessage);
        QCOMPARE(f.group, QStringLiteral("g"));
        QCOMPARE(f.fromUserId, std::optional<QString>(QStringLiteral("bob")));
        QCOMPARE(f.sequenceId, std::optional<quint64>(7));
        QCOMPARE(f.payload.dataType(), DataType::Json);
        QCOMPARE(f.payload.text(), QStringLiteral("{\"a\":[1,2]}"));

        f = parseOk("{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"fromUserId\":null,"
                    "\"dataType\":\"binary\",\"data\":\"AAEC\"}");
        QVERIFY(!f.fromUserId.has_value());
        QVERIFY(!f.sequenceId.has_value());
        QCOMPARE(f.payload.bytes(), QByteArray("\x00\x01\x02", 3));

        f = parseOk("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\"hi\","
                    "\"sequenceId\":2}");
        QCOMPARE(f.type, Type::ServerMessage);
        QCOMPARE(f.payload.text(), QStringLiteral("hi"));

        f = parseOk("{\"type\":\"pong\"}");
        QCOMPARE(f.type, Type::Pong);

        f = parseOk("{\"type\":\"invokeResponse\",\"invocationId\":\"9\",\"success\":true,\"dataType\":"
                    "\"text\",\"data\":\"pong\"}");
        QCOMPARE(f.type, Type::InvokeResponse);
        QVERIFY(f.success && f.hasPayload);
        QCOMPARE(f.payload.text(), QStringLiteral("pong"));

        f = parseOk("{\"type\":\"invokeResponse\",\"invocationId\":\"9\",\"success\":false,\"error\":{"
                    "\"name\":\"BadRequest\",\"message\":\"oops\"}}");
        QVERIFY(!f.success && !f.hasPayload);
        QCOMPARE(f.error->name, QStringLiteral("BadRequest"));
    }

    void parsesClientFrames()
    {
        Frame f = parseOk("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":1}");
        QCOMPARE(f.type, Type::JoinGroup);
        QCOMPARE(f.ackId, std::optional<quint64>(1));
        f = parseOk("{\"type\":\"leaveGroup\",\"group\":\"g\"}");
        QCOMPARE(f.type, Type::LeaveGroup);
        QVERIFY(!f.ackId);
        f = parseOk("{\"type\":\"sendToGroup\",\"group\":\"g\",\"noEcho\":true,\"data\":{\"x\":1}}");
        QCOMPARE(f.type, Type::SendToGroup);
        QVERIFY(f.noEcho);
        QCOMPARE(f.payload.dataType(), DataType::Json); // json is the default dataType
        f = parseOk("{\"type\":\"event\",\"event\":\"e\",\"dataType\":\"text\",\"data\":\"t\",\"ackId\":5}");
        QCOMPARE(f.type, Type::Event);
        QCOMPARE(f.event, QStringLiteral("e"));
        f = parseOk("{\"type\":\"sequenceAck\",\"sequenceId\":0}");
        QCOMPARE(f.sequenceId, std::optional<quint64>(0));
        f = parseOk("{\"type\":\"ping\"}");
        QCOMPARE(f.type, Type::Ping);
        f = parseOk("{\"type\":\"invoke\",\"invocationId\":\"1\",\"target\":\"event\",\"event\":\"e\"}");
        QCOMPARE(f.type, Type::Invoke);
        QVERIFY(!f.hasPayload);
        f = parseOk("{\"type\":\"cancelInvocation\",\"invocationId\":\"1\"}");
        QCOMPARE(f.type, Type::CancelInvocation);
        // The emulator matches type case-insensitively; so do we.
        f = parseOk("{\"type\":\"JOINGROUP\",\"group\":\"g\"}");
        QCOMPARE(f.type, Type::JoinGroup);
    }

    void roundTripsEveryFrame_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < 15; ++i)
            QTest::addRow("%d", i) << i;
    }
    void roundTripsEveryFrame()
    {
        QFETCH(int, index);
        const Frame frames[] = {
            Frame::joinGroup(QStringLiteral("g"), 1),
            Frame::leaveGroup(QStringLiteral("g"), std::nullopt),
            Frame::sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("hé")), 2, true),
            Frame::sendEvent(QStringLiteral("e"), Payload::fromBinary(QByteArray("\xff\x00", 2)), 3),
            Frame::sequenceAck(42),
            Frame::ping(),
            Frame::invoke(QStringLiteral("i1"), QStringLiteral("e"),
                          Payload::fromJson(QJsonObject{{QStringLiteral("k"), 1}})),
            Frame::cancelInvocation(QStringLiteral("i1")),
            Frame::ack(4, ErrorDetail{QStringLiteral("Duplicate"), QStringLiteral("done")}),
            Frame::groupMessage(QStringLiteral("g"), std::nullopt, Payload::fromText(QStringLiteral("t")), 5),
            Frame::serverMessage(Payload::fromJson(QJsonValue(3.5)), std::nullopt),
            Frame::connected(QStringLiteral("c"), QStringLiteral("u"), QStringLiteral("tok")),
            Frame::disconnected(QStringLiteral("bye")),
            Frame::pong(),
            Frame::invokeResponse(QStringLiteral("i1"), Payload::fromText(QStringLiteral("r"))),
        };
        const Frame &in = frames[index];
        const auto r = FrameCodec::parse(FrameCodec::serialize(in));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Frame &out = *r.frame;
        QCOMPARE(out.type, in.type);
        QCOMPARE(out.group, in.group);
        QCOMPARE(out.ackId, in.ackId);
        QCOMPARE(out.noEcho, in.noEcho);
        QCOMPARE(out.hasPayload, in.hasPayload);
        if (in.hasPayload)
            QVERIFY(out.payload == in.payload);
        QCOMPARE(out.event, in.event);
        QCOMPARE(out.sequenceId, in.sequenceId);
        QCOMPARE(out.invocationId, in.invocationId);
        QCOMPARE(out.success, in.success);
        QCOMPARE(out.error, in.error);
        QCOMPARE(out.fromUserId, in.fromUserId);
        QCOMPARE(out.connectionId, in.connectionId);
        QCOMPARE(out.userId, in.userId);
        QCOMPARE(out.reconnectionToken, in.reconnectionToken);
        QCOMPARE(out.message, in.message);
    }

    void writesTheWireShape()
    {
        QJsonObject o = serialized(
            Frame::sendToGroup(QStringLiteral("room"), Payload::fromText(QStringLiteral("hi")), 7, false));
        QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("sendToGroup"));
        QCOMPARE(o.value(QStringLiteral("dataType")).toString(), QStringLiteral("text"));
        QCOMPARE(o.value(QStringLiteral("data")).toString(), QStringLiteral("hi"));
        QCOMPARE(o.value(QStringLiteral("ackId")).toInteger(), 7);
        QCOMPARE(o.value(QStringLiteral("noEcho")).toBool(true), false);
        o = serialized(Frame::groupMessage(QStringLiteral("g"), std::nullopt,
                                           Payload::fromText(QStringLiteral("x")), 1));
        QCOMPARE(o.value(QStringLiteral("from")).toString(), QStringLiteral("group"));
        QVERIFY(o.value(QStringLiteral("fromUserId")).isNull());
        o = serialized(Frame::ack(1));
        QCOMPARE(o.value(QStringLiteral("success")).toBool(), true);
        QVERIFY(!o.contains(QStringLiteral("error")));
        // fire-and-forget: no ackId at all
        o = serialized(Frame::sendEvent(QStringLiteral("e"), Payload::fromJson(QJsonValue(1)), std::nullopt));
        QVERIFY(!o.contains(QStringLiteral("ackId")));
        // reliable-only field omitted on the plain subprotocol
        o = serialized(Frame::connected(QStringLiteral("c"), std::nullopt));
        QVERIFY(!o.contains(QStringLiteral("reconnectionToken")));
        QVERIFY(o.value(QStringLiteral("userId")).isNull());
    }

    void keeps64BitIdsExact()
    {
        const quint64 big = (quint64(1) << 53) + 1; // not representable as a double
        Frame f = parseOk("{\"type\":\"ack\",\"ackId\":9007199254740993,\"success\":true}");
        QCOMPARE(*f.ackId, big);
        f = parseOk("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\"x\","
                    "\"sequenceId\":9223372036854775807}");
        QCOMPARE(*f.sequenceId, quint64(9223372036854775807ULL));
        // The whole uint64 range parses exactly.
        f = parseOk("{\"type\":\"sequenceAck\",\"sequenceId\":18446744073709551615}");
        QCOMPARE(*f.sequenceId, std::numeric_limits<quint64>::max());
        f = parseOk("{\"type\":\"ack\",\"ackId\":9223372036854775809,\"success\":true}");
        QCOMPARE(*f.ackId, quint64(9223372036854775809ULL));
        const QByteArray out = FrameCodec::serialize(Frame::sequenceAck(big));
        QVERIFY2(out.contains("9007199254740993"), out.constData());
    }

    // JSON.stringify(2**64) is "18446744073709552000": valid JSON that a browser or SDK peer may send
    // in `data`, and what Qt's writer makes of such a double when our service forwards it. simdjson
    // alone refuses it (found by fuzz.framecodec_text).
    void readsIntegersBeyond64Bits()
    {
        Frame f = parseOk(
            "{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"fromUserId\":\"u\","
            "\"dataType\":\"json\",\"data\":{\"n\":18446744073709552000,\"m\":[-100000000000000000000,"
            "1],\"s\":\"x\"},\"sequenceId\":9007199254740993}");
        QCOMPARE(f.type, Type::GroupMessage);
        QCOMPARE(*f.sequenceId, quint64(9007199254740993ULL)); // ids stay exact beside a big number
        const QJsonObject data = f.payload.json().toObject();
        QCOMPARE(data.value(QLatin1StringView("n")).toDouble(), 18446744073709551616.0);
        QCOMPARE(data.value(QLatin1StringView("m")).toArray().at(0).toDouble(), -1e20);
        QCOMPARE(data.value(QLatin1StringView("s")).toString(), QStringLiteral("x"));

        // What we write of it reads back the same, as the service forwards it to our own clients.
        const QByteArray once = FrameCodec::serialize(f);
        const auto again = FrameCodec::parse(once);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(FrameCodec::serialize(*again.frame), once);

        // The peer's own text cannot pose as one of the fallback's markers, escaped or not.
        for (const char *json : {"{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"json\",\"data\":["
                                 "\"hubbub.bignumber.0\","
                                 "1e400000000000000000000]}",
                                 "{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"json\",\"data\":["
                                 "\"hubbub\\u002ebignumber.0\","
                                 "100000000000000000000]}"}) {
            const auto r = FrameCodec::parse(QByteArray(json));
            QVERIFY2(!r.ok(), json);
            QVERIFY(!r.error.isEmpty());
        }
        // An id that Qt could only round is refused rather than read inexactly.
        const auto r =
            FrameCodec::parse(QByteArray("{\"type\":\"sequenceAck\",\"sequenceId\":18446744073709551616,"
                                         "\"x\":100000000000000000000}"));
        QVERIFY(!r.ok());
    }

    void ignoresUnknownTypesAndFields()
    {
        Frame f = parseOk("{\"type\":\"streamAck\",\"streamId\":\"s\"}");
        QCOMPARE(f.type, Type::Unknown);
        QCOMPARE(f.rawType, QStringLiteral("streamAck"));
        // A system event, a message from elsewhere, a data type we do not know: each an Unknown frame.
        for (const char *json :
             {"{\"type\":\"system\",\"event\":\"somethingNew\"}",
              "{\"type\":\"message\",\"from\":\"elsewhere\",\"data\":1}",
              "{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"hologram\",\"data\":\"x\"}"})
            QCOMPARE(parseOk(json).type, Type::Unknown);
        f = parseOk("{\"type\":\"ack\",\"ackId\":1,\"success\":true,\"future\":{\"x\":1}}");
        QCOMPARE(f.type, Type::Ack);
    }

    void rejectsMalformedFrames_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("{type:");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no type") << QByteArray("{\"ackId\":1}");
        QTest::newRow("type not string") << QByteArray("{\"type\":5}");
        QTest::newRow("ack without id") << QByteArray("{\"type\":\"ack\",\"success\":true}");
        QTest::newRow("negative ackId") << QByteArray("{\"type\":\"ack\",\"ackId\":-1,\"success\":true}");
        QTest::newRow("fractional id") << QByteArray("{\"type\":\"sequenceAck\",\"sequenceId\":1.5}");
        QTest::newRow("string id") << QByteArray("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":\"1\"}");
        QTest::newRow("join without group") << QByteArray("{\"type\":\"joinGroup\"}");
        QTest::newRow("empty group") << QByteArray("{\"type\":\"joinGroup\",\"group\":\"\"}");
        QTest::newRow("send without data") << QByteArray("{\"type\":\"sendToGroup\",\"group\":\"g\"}");
        QTest::newRow("text data not string")
            << QByteArray("{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"text\",\"data\":1}");
        QTest::newRow("bad base64") << QByteArray(
            "{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"binary\",\"data\":\"@@@\"}");
        QTest::newRow("unknown dataType in request")
            << QByteArray("{\"type\":\"event\",\"event\":\"e\",\"dataType\":\"x\",\"data\":1}");
        QTest::newRow("connected without id") << QByteArray("{\"type\":\"system\",\"event\":\"connected\"}");
        QTest::newRow("group message without group")
            << QByteArray("{\"type\":\"message\",\"from\":\"group\",\"data\":1}");
        QTest::newRow("message without data")
            << QByteArray("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\"}");
        QTest::newRow("leading zero") << QByteArray("{\"type\":\"sequenceAck\",\"sequenceId\":01}");
        QTest::newRow("bare minus") << QByteArray("{\"type\":\"ack\",\"ackId\":1,\"success\":true,\"x\":-}");
        QTest::newRow("invokeResponse without success")
            << QByteArray("{\"type\":\"invokeResponse\",\"invocationId\":\"1\"}");
    }
    void rejectsMalformedFrames()
    {
        QFETCH(QByteArray, json);
        const auto r = FrameCodec::parse(json);
        QVERIFY(!r.ok());
        QVERIFY(!r.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFrameCodec)
#include "tst_framecodec.moc"
