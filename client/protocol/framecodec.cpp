// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "framecodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace WebPubSub {

namespace {

using Type = Frame::Type;

struct TypeName
{
    Type type;
    QLatin1StringView name;
};

// Request and response types whose wire name maps 1:1 to a Frame::Type. `message` and `system`
// are refined by `from` / `event` below.
constexpr TypeName kTypeNames[] = {
    {Type::JoinGroup, QLatin1StringView("joinGroup")},
    {Type::LeaveGroup, QLatin1StringView("leaveGroup")},
    {Type::SendToGroup, QLatin1StringView("sendToGroup")},
    {Type::Event, QLatin1StringView("event")},
    {Type::SequenceAck, QLatin1StringView("sequenceAck")},
    {Type::Ping, QLatin1StringView("ping")},
    {Type::Invoke, QLatin1StringView("invoke")},
    {Type::CancelInvocation, QLatin1StringView("cancelInvocation")},
    {Type::Ack, QLatin1StringView("ack")},
    {Type::Pong, QLatin1StringView("pong")},
    {Type::InvokeResponse, QLatin1StringView("invokeResponse")},
};

QLatin1StringView wireName(Type type)
{
    for (const auto &entry : kTypeNames) {
        if (entry.type == type)
            return entry.name;
    }
    return {};
}

// Reads a non-negative integer exactly. QJsonDocument keeps integers that fit in qint64 as
// integers (Qt 6), so ids up to 2^63-1 round-trip; a fraction or a negative value is malformed.
bool readId(const QJsonObject &o, QLatin1StringView key, std::optional<quint64> &out, bool required,
            QString &error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            error = QStringLiteral("missing '%1'").arg(key);
        return !required;
    }
    if (!v.isDouble()) {
        error = QStringLiteral("'%1' is not a number").arg(key);
        return false;
    }
    const qint64 asInt = v.toInteger(-1);
    if (asInt < 0) {
        const double d = v.toDouble();
        // Above 2^63 the value arrives as a double; accept it when it is integral.
        if (d >= 9.2233720368547758e18 && d < 1.8446744073709552e19 && std::floor(d) == d) {
            out = static_cast<quint64>(d);
            return true;
        }
        error = QStringLiteral("'%1' is not a non-negative integer").arg(key);
        return false;
    }
    out = static_cast<quint64>(asInt);
    return true;
}

bool readString(const QJsonObject &o, QLatin1StringView key, QString &out, bool required, QString &error)
{
    const QJsonValue v = o.value(key);
    if (v.isString()) {
        out = v.toString();
        if (required && out.isEmpty()) {
            error = QStringLiteral("'%1' is empty").arg(key);
            return false;
        }
        return true;
    }
    if (v.isUndefined() || v.isNull()) {
        if (required)
            error = QStringLiteral("missing '%1'").arg(key);
        return !required;
    }
    error = QStringLiteral("'%1' is not a string").arg(key);
    return false;
}

bool readOptionalString(const QJsonObject &o, QLatin1StringView key, std::optional<QString> &out,
                        QString &error)
{
    const QJsonValue v = o.value(key);
    if (v.isString()) {
        out = v.toString();
        return true;
    }
    if (v.isUndefined() || v.isNull()) {
        out.reset();
        return true;
    }
    error = QStringLiteral("'%1' is not a string").arg(key);
    return false;
}

// dataType + data. \a required: data must be present (messages, sendToGroup, event).
// Returns false with error when present but malformed.
bool readPayload(const QJsonObject &o, Frame &f, bool required, QString &error)
{
    const QJsonValue data = o.value(QLatin1StringView("data"));
    const QJsonValue typeValue = o.value(QLatin1StringView("dataType"));
    if (data.isUndefined()) {
        if (required) {
            error = QStringLiteral("missing 'data'");
            return false;
        }
        return true;
    }
    DataType type = DataType::Json;
    if (!typeValue.isUndefined() && !typeValue.isNull()) {
        const auto parsed = typeValue.isString() ? dataTypeFromName(typeValue.toString()) : std::nullopt;
        if (!parsed) {
            error = QStringLiteral("unknown dataType");
            return false;
        }
        type = *parsed;
    }
    const auto payload = Payload::fromWire(type, data);
    if (!payload) {
        error = QStringLiteral("'data' does not match dataType '%1'").arg(dataTypeName(type));
        return false;
    }
    f.payload = *payload;
    f.hasPayload = true;
    return true;
}

bool readError(const QJsonObject &o, Frame &f, QString &error)
{
    const QJsonValue v = o.value(QLatin1StringView("error"));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isObject()) {
        error = QStringLiteral("'error' is not an object");
        return false;
    }
    const QJsonObject e = v.toObject();
    f.error = ErrorDetail{e.value(QLatin1StringView("name")).toString(),
                          e.value(QLatin1StringView("message")).toString()};
    return true;
}

bool parseObject(const QJsonObject &o, Frame &f, QString &error)
{
    const QJsonValue typeValue = o.value(QLatin1StringView("type"));
    if (!typeValue.isString()) {
        error = QStringLiteral("missing 'type'");
        return false;
    }
    const QString type = typeValue.toString();
    f.rawType = type;

    if (type.compare(QLatin1StringView("message"), Qt::CaseInsensitive) == 0) {
        const QString from = o.value(QLatin1StringView("from")).toString();
        if (from == QLatin1StringView("group")) {
            f.type = Type::GroupMessage;
            if (!readString(o, QLatin1StringView("group"), f.group, true, error) ||
                !readOptionalString(o, QLatin1StringView("fromUserId"), f.fromUserId, error))
                return false;
        } else if (from == QLatin1StringView("server")) {
            f.type = Type::ServerMessage;
        } else {
            f.rawType = type + QLatin1Char('/') + from;
            return true; // another sender kind: forward compatible, ignored
        }
        if (!readId(o, QLatin1StringView("sequenceId"), f.sequenceId, false, error))
            return false;
        if (!readPayload(o, f, true, error)) {
            // An unknown dataType from a newer service is ignored rather than an error.
            if (error == QLatin1StringView("unknown dataType")) {
                error.clear();
                f.type = Type::Unknown;
                return true;
            }
            return false;
        }
        return true;
    }
    if (type.compare(QLatin1StringView("system"), Qt::CaseInsensitive) == 0) {
        const QString event = o.value(QLatin1StringView("event")).toString();
        if (event == QLatin1StringView("connected")) {
            f.type = Type::Connected;
            return readString(o, QLatin1StringView("connectionId"), f.connectionId, true, error) &&
                   readOptionalString(o, QLatin1StringView("userId"), f.userId, error) &&
                   readString(o, QLatin1StringView("reconnectionToken"), f.reconnectionToken, false, error);
        }
        if (event == QLatin1StringView("disconnected")) {
            f.type = Type::Disconnected;
            return readString(o, QLatin1StringView("message"), f.message, false, error);
        }
        f.rawType = type + QLatin1Char('/') + event;
        return true;
    }

    f.type = Type::Unknown;
    for (const auto &entry : kTypeNames) {
        if (type.compare(entry.name, Qt::CaseInsensitive) == 0) {
            f.type = entry.type;
            break;
        }
    }

    switch (f.type) {
    case Type::JoinGroup:
    case Type::LeaveGroup:
        return readString(o, QLatin1StringView("group"), f.group, true, error) &&
               readId(o, QLatin1StringView("ackId"), f.ackId, false, error);
    case Type::SendToGroup:
        f.noEcho = o.value(QLatin1StringView("noEcho")).toBool(false);
        return readString(o, QLatin1StringView("group"), f.group, true, error) &&
               readId(o, QLatin1StringView("ackId"), f.ackId, false, error) && readPayload(o, f, true, error);
    case Type::Event:
        return readString(o, QLatin1StringView("event"), f.event, true, error) &&
               readId(o, QLatin1StringView("ackId"), f.ackId, false, error) && readPayload(o, f, true, error);
    case Type::SequenceAck:
        return readId(o, QLatin1StringView("sequenceId"), f.sequenceId, true, error);
    case Type::Invoke:
        if (!readString(o, QLatin1StringView("target"), f.target, false, error))
            return false;
        if (f.target.isEmpty())
            f.target = QStringLiteral("event");
        return readString(o, QLatin1StringView("invocationId"), f.invocationId, true, error) &&
               readString(o, QLatin1StringView("event"), f.event, f.target == QLatin1StringView("event"),
                          error) &&
               readPayload(o, f, false, error);
    case Type::CancelInvocation:
        return readString(o, QLatin1StringView("invocationId"), f.invocationId, true, error);
    case Type::Ack:
        f.success = o.value(QLatin1StringView("success")).toBool(false);
        return readId(o, QLatin1StringView("ackId"), f.ackId, true, error) && readError(o, f, error);
    case Type::InvokeResponse: {
        const QJsonValue success = o.value(QLatin1StringView("success"));
        if (!success.isBool()) {
            error = QStringLiteral("missing 'success'");
            return false;
        }
        f.success = success.toBool();
        return readString(o, QLatin1StringView("invocationId"), f.invocationId, true, error) &&
               readError(o, f, error) && readPayload(o, f, false, error);
    }
    case Type::Ping:
    case Type::Pong:
    case Type::Unknown:
    default:
        return true;
    }
}

QJsonValue idValue(quint64 id)
{
    // Within qint64 the value is written exactly; beyond, the only JSON number Qt can write is a double.
    if (id <= quint64(std::numeric_limits<qint64>::max()))
        return QJsonValue(qint64(id));
    return QJsonValue(double(id));
}

void writePayload(QJsonObject &o, const Frame &f)
{
    if (!f.hasPayload)
        return;
    o.insert(QLatin1StringView("dataType"), dataTypeName(f.payload.dataType()));
    o.insert(QLatin1StringView("data"), f.payload.toWire());
}

void writeError(QJsonObject &o, const Frame &f)
{
    if (f.error) {
        o.insert(QLatin1StringView("error"), QJsonObject{{QLatin1StringView("name"), f.error->name},
                                                         {QLatin1StringView("message"), f.error->message}});
    }
}

} // namespace

FrameCodec::ParseResult FrameCodec::parse(QByteArrayView utf8)
{
    ParseResult result;
    if (utf8.isEmpty()) {
        result.error = QStringLiteral("empty frame");
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error =
            QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return result;
    }
    if (!doc.isObject()) {
        result.error = QStringLiteral("not a JSON object");
        return result;
    }
    Frame frame;
    QString error;
    if (!parseObject(doc.object(), frame, error)) {
        result.error = frame.rawType.isEmpty() ? error : QStringLiteral("%1: %2").arg(frame.rawType, error);
        return result;
    }
    result.frame = std::move(frame);
    return result;
}

QByteArray FrameCodec::serialize(const Frame &f)
{
    QJsonObject o;
    switch (f.type) {
    case Type::GroupMessage:
        o.insert(QLatin1StringView("type"), QStringLiteral("message"));
        o.insert(QLatin1StringView("from"), QStringLiteral("group"));
        o.insert(QLatin1StringView("group"), f.group);
        o.insert(QLatin1StringView("fromUserId"), f.fromUserId ? QJsonValue(*f.fromUserId) : QJsonValue());
        if (f.sequenceId)
            o.insert(QLatin1StringView("sequenceId"), idValue(*f.sequenceId));
        writePayload(o, f);
        break;
    case Type::ServerMessage:
        o.insert(QLatin1StringView("type"), QStringLiteral("message"));
        o.insert(QLatin1StringView("from"), QStringLiteral("server"));
        if (f.sequenceId)
            o.insert(QLatin1StringView("sequenceId"), idValue(*f.sequenceId));
        writePayload(o, f);
        break;
    case Type::Connected:
        o.insert(QLatin1StringView("type"), QStringLiteral("system"));
        o.insert(QLatin1StringView("event"), QStringLiteral("connected"));
        o.insert(QLatin1StringView("connectionId"), f.connectionId);
        o.insert(QLatin1StringView("userId"), f.userId ? QJsonValue(*f.userId) : QJsonValue());
        if (!f.reconnectionToken.isEmpty())
            o.insert(QLatin1StringView("reconnectionToken"), f.reconnectionToken);
        break;
    case Type::Disconnected:
        o.insert(QLatin1StringView("type"), QStringLiteral("system"));
        o.insert(QLatin1StringView("event"), QStringLiteral("disconnected"));
        o.insert(QLatin1StringView("message"), f.message);
        break;
    case Type::Unknown:
        o.insert(QLatin1StringView("type"), f.rawType);
        break;
    default:
        o.insert(QLatin1StringView("type"), QString(wireName(f.type)));
        break;
    }

    switch (f.type) {
    case Type::JoinGroup:
    case Type::LeaveGroup:
        o.insert(QLatin1StringView("group"), f.group);
        if (f.ackId)
            o.insert(QLatin1StringView("ackId"), idValue(*f.ackId));
        break;
    case Type::SendToGroup:
        o.insert(QLatin1StringView("group"), f.group);
        if (f.ackId)
            o.insert(QLatin1StringView("ackId"), idValue(*f.ackId));
        o.insert(QLatin1StringView("noEcho"), f.noEcho);
        writePayload(o, f);
        break;
    case Type::Event:
        o.insert(QLatin1StringView("event"), f.event);
        if (f.ackId)
            o.insert(QLatin1StringView("ackId"), idValue(*f.ackId));
        writePayload(o, f);
        break;
    case Type::SequenceAck:
        o.insert(QLatin1StringView("sequenceId"), idValue(f.sequenceId.value_or(0)));
        break;
    case Type::Invoke:
        o.insert(QLatin1StringView("invocationId"), f.invocationId);
        o.insert(QLatin1StringView("target"), f.target.isEmpty() ? QStringLiteral("event") : f.target);
        o.insert(QLatin1StringView("event"), f.event);
        writePayload(o, f);
        break;
    case Type::CancelInvocation:
        o.insert(QLatin1StringView("invocationId"), f.invocationId);
        break;
    case Type::Ack:
        o.insert(QLatin1StringView("ackId"), idValue(f.ackId.value_or(0)));
        o.insert(QLatin1StringView("success"), f.success);
        writeError(o, f);
        break;
    case Type::InvokeResponse:
        o.insert(QLatin1StringView("invocationId"), f.invocationId);
        o.insert(QLatin1StringView("success"), f.success);
        writePayload(o, f);
        writeError(o, f);
        break;
    default:
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace WebPubSub
