// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// EventWriter's line format: one compact JSON object per line, `event` first, payloads encoded as
// the contract says (base64 for binary, the JSON value for json, a string for text).
#include "eventwriter.h"

#include "datamessage.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Hubbub::Cli::EventWriter;

namespace {
//! The group-message line the contract wants, as a JSON object.
QJsonObject groupMessage(const QString &group, const QJsonValue &fromUserId, const QString &dataType,
                         const QJsonValue &data, const QJsonValue &sequenceId)
{
    return QJsonObject{{u"event"_s, u"group-message"_s}, {u"group"_s, group}, {u"fromUserId"_s, fromUserId},
                       {u"dataType"_s, dataType},        {u"data"_s, data},   {u"sequenceId"_s, sequenceId}};
}
} // namespace

class TestEventWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneCompactLinePerEvent();
    void payloadEncodings();
    void errorsAndNulls();
    void groupMessages();
};

void TestEventWriter::oneCompactLinePerEvent()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    EventWriter writer(&buffer);
    writer.write(u"stopped"_s);
    writer.write(u"connected"_s,
                 {{u"connectionId"_s, u"c1"_s}, {u"userId"_s, QJsonValue::Null}, {u"reconnect"_s, false}});
    writer.write(u"odd \"name\""_s, {{u"event"_s, u"ignored"_s}, {u"text"_s, u"line\nbreak"_s}});

    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.size(), 4); // three lines and the empty rest after the last newline
    QCOMPARE(lines.at(3), QByteArray());
    QCOMPARE(lines.at(0), QByteArray(R"({"event":"stopped"})"));
    QVERIFY(lines.at(1).startsWith(R"({"event":"connected",)"));
    const QJsonObject connected = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(connected.size(), 4);
    QCOMPARE(connected.value(u"connectionId"_s).toString(), u"c1"_s);
    QVERIFY(connected.value(u"userId"_s).isNull());
    QCOMPARE(connected.value(u"reconnect"_s), QJsonValue(false));
    // Names and values are escaped, and the event name cannot be overridden by a field.
    const QJsonObject odd = QJsonDocument::fromJson(lines.at(2)).object();
    QCOMPARE(odd.value(u"event"_s).toString(), u"odd \"name\""_s);
    QCOMPARE(odd.value(u"text"_s).toString(), u"line\nbreak"_s);
}

void TestEventWriter::payloadEncodings()
{
    QJsonObject text;
    EventWriter::addPayload(text, WebPubSub::Payload::fromText(u"héllo"_s));
    QCOMPARE(text.value(u"dataType"_s).toString(), u"text"_s);
    QCOMPARE(text.value(u"data"_s).toString(), u"héllo"_s);

    QJsonObject json;
    EventWriter::addPayload(json, WebPubSub::Payload::fromJson(QJsonArray{1, u"two"_s}));
    QCOMPARE(json.value(u"dataType"_s).toString(), u"json"_s);
    QCOMPARE(json.value(u"data"_s).toArray(), (QJsonArray{1, u"two"_s}));

    QJsonObject binary;
    EventWriter::addPayload(binary, WebPubSub::Payload::fromBinary(QByteArray("\x00\xff\x10", 3)));
    QCOMPARE(binary.value(u"dataType"_s).toString(), u"binary"_s);
    QCOMPARE(binary.value(u"data"_s).toString(), u"AP8Q"_s);
}

void TestEventWriter::errorsAndNulls()
{
    const QJsonObject error = EventWriter::errorObject(WebPubSub::Error(u"Forbidden"_s, u"no"_s));
    QCOMPARE(error, (QJsonObject{{u"name"_s, u"Forbidden"_s}, {u"message"_s, u"no"_s}}));
    const QJsonObject timeout =
        EventWriter::errorObject(WebPubSub::Error::fromCode(WebPubSub::Error::Code::Timeout, u"late"_s));
    QCOMPARE(timeout.value(u"name"_s).toString(), u"Timeout"_s);
    QVERIFY(EventWriter::stringOrNull(QString()).isNull());
    QCOMPARE(EventWriter::stringOrNull(u"x"_s).toString(), u"x"_s);
}

void TestEventWriter::groupMessages()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    EventWriter writer(&buffer);
    WebPubSub::GroupMessage text{
        u"g \"1\""_s, u"bob"_s, WebPubSub::Payload::fromText(u"hi\n\u2028😀"_s), 7, {}};
    WebPubSub::GroupMessage json{
        u"g"_s, std::nullopt, WebPubSub::Payload::fromJson(QJsonObject{{u"a"_s, 1}}), std::nullopt, {}};
    WebPubSub::GroupMessage binary{
        u"g"_s, u"x"_s, WebPubSub::Payload::fromBinary(QByteArray("\x00\xff", 2)), 9, {}};
    writer.writeGroupMessage(text);
    writer.writeGroupMessage(json);
    writer.writeGroupMessage(binary);

    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith(R"({"event":"group-message",)"));
    QCOMPARE(QJsonDocument::fromJson(lines.at(0)).object(),
             groupMessage(u"g \"1\""_s, u"bob"_s, u"text"_s, u"hi\n\u2028😀"_s, 7));
    QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object(),
             groupMessage(u"g"_s, QJsonValue::Null, u"json"_s, QJsonObject{{u"a"_s, 1}}, QJsonValue::Null));
    QCOMPARE(QJsonDocument::fromJson(lines.at(2)).object(),
             groupMessage(u"g"_s, u"x"_s, u"binary"_s, u"AP8="_s, 9));
}

QTEST_GUILESS_MAIN(TestEventWriter)
#include "tst_eventwriter.moc"
