// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "framecodec.h"

#include "bignumbers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <simdjson.h>

#include <cmath>
#include <limits>
#include <string_view>
#include <utility>

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

namespace dom = simdjson::dom;

QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

//! Converts an already parsed simdjson element to Qt's JSON value (for `data` of type json and
//! for `error` objects). Not a parser: simdjson has validated and decoded the text.
QJsonValue toQJson(dom::element e)
{
    switch (e.type()) {
    case dom::element_type::ARRAY: {
        QJsonArray a;
        for (dom::element child : dom::array(e))
            a.append(toQJson(child));
        return a;
    }
    case dom::element_type::OBJECT: {
        QJsonObject o;
        for (dom::key_value_pair field : dom::object(e))
            o.insert(toQString(field.key), toQJson(field.value));
        return o;
    }
    case dom::element_type::INT64:
        return QJsonValue(qint64(int64_t(e)));
    case dom::element_type::UINT64: {
        const uint64_t v = uint64_t(e);
        return v <= uint64_t(std::numeric_limits<qint64>::max()) ? QJsonValue(qint64(v))
                                                                 : QJsonValue(double(v));
    }
    case dom::element_type::DOUBLE:
        return QJsonValue(double(e));
    case dom::element_type::STRING:
        return toQString(std::string_view(e));
    case dom::element_type::BOOL:
        return QJsonValue(bool(e));
    case dom::element_type::NULL_VALUE:
        return QJsonValue(QJsonValue::Null);
    }
    return QJsonValue(QJsonValue::Null);
}

//! A field, or nullopt when absent. JSON null counts as absent where \a nullIsAbsent.
std::optional<dom::element> field(dom::object o, std::string_view key, bool nullIsAbsent = true)
{
    dom::element e;
    if (o.at_key(key).get(e) != simdjson::SUCCESS)
        return std::nullopt;
    if (nullIsAbsent && e.is_null())
        return std::nullopt;
    return e;
}

QString keyName(std::string_view key)
{
    return QString::fromLatin1(key.data(), qsizetype(key.size()));
}

// Reads a non-negative integer exactly: simdjson keeps the full uint64 range as integers, so ids
// round-trip bit for bit; a fraction or a negative value is malformed.
bool readId(dom::object o, std::string_view key, std::optional<quint64> &out, bool required, QString &error)
{
    const auto e = field(o, key);
    if (!e) {
        if (required)
            error = QStringLiteral("missing '%1'").arg(keyName(key));
        return !required;
    }
    switch (e->type()) {
    case dom::element_type::UINT64:
        out = uint64_t(*e);
        return true;
    case dom::element_type::INT64: {
        const int64_t v = int64_t(*e);
        if (v >= 0) {
            out = quint64(v);
            return true;
        }
        break;
    }
    case dom::element_type::DOUBLE: {
        const double d = double(*e);
        if (d >= 0 && d < 1.8446744073709552e19 && std::floor(d) == d) {
            out = quint64(d);
            return true;
        }
        break;
    }
    default:
        error = QStringLiteral("'%1' is not a number").arg(keyName(key));
        return false;
    }
    error = QStringLiteral("'%1' is not a non-negative integer").arg(keyName(key));
    return false;
}

bool readString(dom::object o, std::string_view key, QString &out, bool required, QString &error)
{
    const auto e = field(o, key);
    if (!e) {
        if (required)
            error = QStringLiteral("missing '%1'").arg(keyName(key));
        return !required;
    }
    std::string_view s;
    if (e->get(s) != simdjson::SUCCESS) {
        error = QStringLiteral("'%1' is not a string").arg(keyName(key));
        return false;
    }
    out = toQString(s);
    if (required && out.isEmpty()) {
        error = QStringLiteral("'%1' is empty").arg(keyName(key));
        return false;
    }
    return true;
}

bool readOptionalString(dom::object o, std::string_view key, std::optional<QString> &out, QString &error)
{
    const auto e = field(o, key);
    if (!e) {
        out.reset();
        return true;
    }
    std::string_view s;
    if (e->get(s) != simdjson::SUCCESS) {
        error = QStringLiteral("'%1' is not a string").arg(keyName(key));
        return false;
    }
    out = toQString(s);
    return true;
}

std::string_view stringOr(dom::object o, std::string_view key, std::string_view fallback = {})
{
    const auto e = field(o, key);
    std::string_view s;
    if (e && e->get(s) == simdjson::SUCCESS)
        return s;
    return fallback;
}

bool boolOr(dom::object o, std::string_view key, bool fallback)
{
    const auto e = field(o, key);
    bool b = fallback;
    if (e && e->get(b) == simdjson::SUCCESS)
        return b;
    return fallback;
}

// dataType + data. \a required: data must be present (messages, sendToGroup, event).
// Returns false with error when present but malformed.
bool readPayload(dom::object o, Frame &f, bool required, QString &error)
{
    const auto data = field(o, "data", false);
    if (!data) {
        if (required) {
            error = QStringLiteral("missing 'data'");
            return false;
        }
        return true;
    }
    DataType type = DataType::Json;
    if (const auto typeValue = field(o, "dataType")) {
        std::string_view name;
        const auto parsed =
            typeValue->get(name) == simdjson::SUCCESS ? dataTypeFromName(toQString(name)) : std::nullopt;
        if (!parsed) {
            error = QStringLiteral("unknown dataType");
            return false;
        }
        type = *parsed;
    }
    // Text and binary are by far the most frequent: build them straight from the decoded bytes
    // rather than through a QJsonValue.
    std::string_view s;
    const bool isString = data->get(s) == simdjson::SUCCESS;
    switch (type) {
    case DataType::Json:
        f.payload = Payload::fromJson(toQJson(*data));
        break;
    case DataType::Text:
        if (!isString)
            goto mismatch;
        f.payload = Payload::fromText(toQString(s));
        break;
    case DataType::Binary:
    case DataType::Protobuf: {
        if (!isString)
            goto mismatch;
        const auto decoded = QByteArray::fromBase64Encoding(QByteArray(s.data(), qsizetype(s.size())),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            goto mismatch;
        f.payload = Payload::fromBinary(*decoded, type);
        break;
    }
    }
    f.hasPayload = true;
    return true;
mismatch:
    error = QStringLiteral("'data' does not match dataType '%1'").arg(dataTypeName(type));
    return false;
}

bool readError(dom::object o, Frame &f, QString &error)
{
    const auto e = field(o, "error");
    if (!e)
        return true;
    dom::object err;
    if (e->get(err) != simdjson::SUCCESS) {
        error = QStringLiteral("'error' is not an object");
        return false;
    }
    f.error = ErrorDetail{toQString(stringOr(err, "name")), toQString(stringOr(err, "message"))};
    return true;
}

bool parseObject(dom::object o, Frame &f, QString &error)
{
    std::string_view typeView;
    const auto typeElement = field(o, "type");
    if (!typeElement || typeElement->get(typeView) != simdjson::SUCCESS) {
        error = QStringLiteral("missing 'type'");
        return false;
    }
    const QString type = toQString(typeView);
    f.rawType = type;

    if (type.compare(QLatin1StringView("message"), Qt::CaseInsensitive) == 0) {
        const std::string_view from = stringOr(o, "from");
        if (from == "group") {
            f.type = Type::GroupMessage;
            if (!readString(o, "group", f.group, true, error) ||
                !readOptionalString(o, "fromUserId", f.fromUserId, error))
                return false;
        } else if (from == "server") {
            f.type = Type::ServerMessage;
        } else {
            f.rawType = type + QLatin1Char('/') + toQString(from);
            return true; // another sender kind: forward compatible, ignored
        }
        if (!readId(o, "sequenceId", f.sequenceId, false, error))
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
        const std::string_view event = stringOr(o, "event");
        if (event == "connected") {
            f.type = Type::Connected;
            return readString(o, "connectionId", f.connectionId, true, error) &&
                   readOptionalString(o, "userId", f.userId, error) &&
                   readString(o, "reconnectionToken", f.reconnectionToken, false, error);
        }
        if (event == "disconnected") {
            f.type = Type::Disconnected;
            return readString(o, "message", f.message, false, error);
        }
        f.rawType = type + QLatin1Char('/') + toQString(event);
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
        return readString(o, "group", f.group, true, error) && readId(o, "ackId", f.ackId, false, error);
    case Type::SendToGroup:
        f.noEcho = boolOr(o, "noEcho", false);
        return readString(o, "group", f.group, true, error) && readId(o, "ackId", f.ackId, false, error) &&
               readPayload(o, f, true, error);
    case Type::Event:
        return readString(o, "event", f.event, true, error) && readId(o, "ackId", f.ackId, false, error) &&
               readPayload(o, f, true, error);
    case Type::SequenceAck:
        return readId(o, "sequenceId", f.sequenceId, true, error);
    case Type::Invoke:
        if (!readString(o, "target", f.target, false, error))
            return false;
        if (f.target.isEmpty())
            f.target = QStringLiteral("event");
        return readString(o, "invocationId", f.invocationId, true, error) &&
               readString(o, "event", f.event, f.target == QLatin1StringView("event"), error) &&
               readPayload(o, f, false, error);
    case Type::CancelInvocation:
        return readString(o, "invocationId", f.invocationId, true, error);
    case Type::Ack:
        f.success = boolOr(o, "success", false);
        return readId(o, "ackId", f.ackId, true, error) && readError(o, f, error);
    case Type::InvokeResponse: {
        const auto success = field(o, "success");
        bool ok = false;
        if (!success || success->get(ok) != simdjson::SUCCESS) {
            error = QStringLiteral("missing 'success'");
            return false;
        }
        f.success = ok;
        return readString(o, "invocationId", f.invocationId, true, error) && readError(o, f, error) &&
               readPayload(o, f, false, error);
    }
    case Type::Ping:
    case Type::Pong:
    case Type::Unknown:
    default:
        return true;
    }
}

// ackId and sequenceId are uint64 (§2.8). QJsonValue holds at most a qint64, and above that only a
// double, which rounds 2^64-1 to 1.8446744073709552e19 so that the peer's ack never matches; we do
// not rely on how Qt writes integers beyond 2^53 (where doubles stop being exact) either. Such ids
// are left out of the QJsonObject and spliced into QJsonDocument's output as their decimal digits.
struct ExactIds
{
    QJsonObject &object;
    QList<std::pair<QLatin1StringView, quint64>> spliced;

    void insert(QLatin1StringView key, quint64 id)
    {
        constexpr quint64 ExactInDouble = quint64(1) << 53;
        if (id <= ExactInDouble)
            object.insert(key, QJsonValue(qint64(id)));
        else
            spliced.append({key, id});
    }
    //! \a json is QJsonDocument's compact text of `object`; returns it with the spliced members.
    QByteArray finish(QByteArray json) const
    {
        if (spliced.isEmpty())
            return json;
        // A JSON object's member order is irrelevant: the members go right after the opening brace.
        // Keys are our fixed ASCII names, so they need no escaping; the value is plain digits.
        QByteArray members;
        for (const auto &[key, id] : spliced) {
            if (!members.isEmpty())
                members += ',';
            members += '"' + QByteArray(key.data(), key.size()) + "\":" + QByteArray::number(id);
        }
        if (json.size() > 2) // not "{}"
            members += ',';
        json.insert(1, members);
        return json;
    }
};

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
    // One parser per thread: it keeps its buffers between frames, which is most of simdjson's speed.
    thread_local dom::parser parser;
    dom::element root;
    auto code = parser.parse(utf8.data(), size_t(utf8.size())).get(root);
    std::optional<QByteArray> rewritten;
    if (code == simdjson::NUMBER_ERROR && (rewritten = BigNumbers::asDoubles(utf8)))
        code = parser.parse(rewritten->constData(), size_t(rewritten->size())).get(root);
    if (code != simdjson::SUCCESS) {
        result.error = QStringLiteral("not JSON: %1").arg(QString::fromLatin1(simdjson::error_message(code)));
        return result;
    }
    dom::object object;
    if (root.get(object) != simdjson::SUCCESS) {
        result.error = QStringLiteral("not a JSON object");
        return result;
    }
    Frame frame;
    QString error;
    if (!parseObject(object, frame, error)) {
        result.error = frame.rawType.isEmpty() ? error : QStringLiteral("%1: %2").arg(frame.rawType, error);
        return result;
    }
    result.frame = std::move(frame);
    return result;
}

QByteArray FrameCodec::serialize(const Frame &f)
{
    QJsonObject o;
    ExactIds ids{o, {}};
    switch (f.type) {
    case Type::GroupMessage:
        o.insert(QLatin1StringView("type"), QStringLiteral("message"));
        o.insert(QLatin1StringView("from"), QStringLiteral("group"));
        o.insert(QLatin1StringView("group"), f.group);
        o.insert(QLatin1StringView("fromUserId"), f.fromUserId ? QJsonValue(*f.fromUserId) : QJsonValue());
        if (f.sequenceId)
            ids.insert(QLatin1StringView("sequenceId"), *f.sequenceId);
        writePayload(o, f);
        break;
    case Type::ServerMessage:
        o.insert(QLatin1StringView("type"), QStringLiteral("message"));
        o.insert(QLatin1StringView("from"), QStringLiteral("server"));
        if (f.sequenceId)
            ids.insert(QLatin1StringView("sequenceId"), *f.sequenceId);
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
            ids.insert(QLatin1StringView("ackId"), *f.ackId);
        break;
    case Type::SendToGroup:
        o.insert(QLatin1StringView("group"), f.group);
        if (f.ackId)
            ids.insert(QLatin1StringView("ackId"), *f.ackId);
        o.insert(QLatin1StringView("noEcho"), f.noEcho);
        writePayload(o, f);
        break;
    case Type::Event:
        o.insert(QLatin1StringView("event"), f.event);
        if (f.ackId)
            ids.insert(QLatin1StringView("ackId"), *f.ackId);
        writePayload(o, f);
        break;
    case Type::SequenceAck:
        ids.insert(QLatin1StringView("sequenceId"), f.sequenceId.value_or(0));
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
        ids.insert(QLatin1StringView("ackId"), f.ackId.value_or(0));
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
    return ids.finish(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace WebPubSub
