// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Reading frames (FrameCodec::parse, FrameCodec::parseText): simdjson's DOM, one pass over a frame's
// members, nothing decoded that the frame's kind does not need. Writing is in framecodec.cpp.
#include "bignumbers.h"
#include "framecodec.h"
#include "framecodec_p.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringEncoder>

#include <simdjson.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string_view>

namespace WebPubSub {

namespace {

using Type = Frame::Type;
using FrameCodecDetail::kTypeNames;

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

// The members a frame may carry. A frame's members are read in one pass into a table indexed by
// these keys, rather than by one linear key search per field: reading is the hottest path of the
// client (every message), and a group message has seven members read by seven lookups.
enum Key : int {
    kType,
    kFrom,
    kGroup,
    kFromUserId,
    kSequenceId,
    kData,
    kDataType,
    kEvent,
    kConnectionId,
    kUserId,
    kReconnectionToken,
    kMessage,
    kAckId,
    kNoEcho,
    kTarget,
    kInvocationId,
    kSuccess,
    kError,
    kKeyCount
};

constexpr std::string_view kKeyNames[kKeyCount] = {
    "type",     "from",   "group",        "fromUserId",   "sequenceId",        "data",
    "dataType", "event",  "connectionId", "userId",       "reconnectionToken", "message",
    "ackId",    "noEcho", "target",       "invocationId", "success",           "error",
};

class Fields
{
public:
    explicit Fields(dom::object o)
    {
        for (const dom::key_value_pair member : o) {
            const int key = keyOf(member.key);
            // A repeated member: the first one counts, as a key lookup would find it.
            if (key != kKeyCount && !m_present[key]) {
                m_values[key] = member.value;
                m_present[key] = true;
            }
        }
    }

    //! Which of ours \a name is, or kKeyCount. By length first, so that each comparison is with a
    //! literal of known size (a few loads, not a call to memcmp).
    static int keyOf(std::string_view name)
    {
        const auto is = [name](std::string_view literal) { return name == literal; };
        switch (name.size()) {
        case 4:
            return is("type") ? kType : is("from") ? kFrom : is("data") ? kData : kKeyCount;
        case 5:
            return is("group")   ? kGroup
                   : is("event") ? kEvent
                   : is("ackId") ? kAckId
                   : is("error") ? kError
                                 : kKeyCount;
        case 6:
            return is("userId") ? kUserId : is("noEcho") ? kNoEcho : is("target") ? kTarget : kKeyCount;
        case 7:
            return is("message") ? kMessage : is("success") ? kSuccess : kKeyCount;
        case 8:
            return is("dataType") ? kDataType : kKeyCount;
        case 10:
            return is("fromUserId") ? kFromUserId : is("sequenceId") ? kSequenceId : kKeyCount;
        case 12:
            return is("connectionId") ? kConnectionId : is("invocationId") ? kInvocationId : kKeyCount;
        case 17:
            return is("reconnectionToken") ? kReconnectionToken : kKeyCount;
        default:
            return kKeyCount;
        }
    }

    //! The member \a key, or nullopt when absent. JSON null counts as absent where \a nullIsAbsent.
    std::optional<dom::element> get(Key key, bool nullIsAbsent = true) const
    {
        if (!m_present[key] || (nullIsAbsent && m_values[key].is_null()))
            return std::nullopt;
        return m_values[key];
    }

private:
    dom::element m_values[kKeyCount];
    bool m_present[kKeyCount] = {};
};

QString keyName(Key key)
{
    return QString::fromLatin1(kKeyNames[key].data(), qsizetype(kKeyNames[key].size()));
}

//! ASCII case-insensitive equality of a wire name with one of ours (all ASCII).
bool sameName(std::string_view wire, QLatin1StringView name)
{
    if (wire.size() != size_t(name.size()))
        return false;
    for (size_t i = 0; i < wire.size(); ++i) {
        const char a = wire[i];
        const char b = name[qsizetype(i)].toLatin1();
        if (a != b && (a | 0x20) != (b | 0x20))
            return false;
        if (a != b && !((a | 0x20) >= 'a' && (a | 0x20) <= 'z'))
            return false;
    }
    return true;
}

// The group and the sender repeat from message to message: the last one's QString is reused
// (implicitly shared) instead of being decoded and allocated again for every frame.
struct RecentString
{
    std::string utf8;
    QString value;
};

QString recentString(RecentString &slot, std::string_view s)
{
    if (slot.value.isNull() || s != slot.utf8) {
        slot.utf8.assign(s);
        slot.value = toQString(s);
    }
    return slot.value;
}

// What reading keeps from one frame to the next, per thread. One thread_local for all of it: in a
// shared library every thread_local costs a lookup on each use.
struct ReaderState
{
    dom::parser parser; // keeps its buffers between frames, which is most of simdjson's speed
    // parseText()'s UTF-8 buffer, grown to the largest frame seen and reused.
    std::unique_ptr<char[]> buffer;
    size_t capacity = 0;
    // Stateless: a frame never continues a character begun in the previous one.
    QStringEncoder encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    RecentString recentGroup;
    RecentString recentSender;
};

ReaderState &readerState()
{
    thread_local ReaderState state;
    return state;
}

// Reads a non-negative integer exactly: simdjson keeps the full uint64 range as integers, so ids
// round-trip bit for bit; a fraction or a negative value is malformed.
bool readId(const Fields &o, Key key, std::optional<quint64> &out, bool required, QString &error)
{
    const auto e = o.get(key);
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

bool readString(const Fields &o, Key key, QString &out, bool required, QString &error,
                RecentString *recent = nullptr)
{
    const auto e = o.get(key);
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
    out = recent ? recentString(*recent, s) : toQString(s);
    if (required && out.isEmpty()) {
        error = QStringLiteral("'%1' is empty").arg(keyName(key));
        return false;
    }
    return true;
}

bool readOptionalString(const Fields &o, Key key, std::optional<QString> &out, QString &error,
                        RecentString *recent = nullptr)
{
    const auto e = o.get(key);
    if (!e) {
        out.reset();
        return true;
    }
    std::string_view s;
    if (e->get(s) != simdjson::SUCCESS) {
        error = QStringLiteral("'%1' is not a string").arg(keyName(key));
        return false;
    }
    out = recent ? recentString(*recent, s) : toQString(s);
    return true;
}

std::string_view stringOr(const Fields &o, Key key, std::string_view fallback = {})
{
    const auto e = o.get(key);
    std::string_view s;
    if (e && e->get(s) == simdjson::SUCCESS)
        return s;
    return fallback;
}

bool boolOr(const Fields &o, Key key, bool fallback)
{
    const auto e = o.get(key);
    bool b = fallback;
    if (e && e->get(b) == simdjson::SUCCESS)
        return b;
    return fallback;
}

// dataTypeFromName()'s names, read without decoding them into a QString first.
std::optional<DataType> dataTypeOf(std::string_view name)
{
    if (name == "json")
        return DataType::Json;
    if (name == "text")
        return DataType::Text;
    if (name == "binary")
        return DataType::Binary;
    if (name == "protobuf")
        return DataType::Protobuf;
    return std::nullopt;
}

//! A string member of a nested object (the `error` of an ack), or "" when absent or not a string.
std::string_view memberOr(dom::object o, std::string_view key)
{
    std::string_view s;
    if (o.at_key(key).get(s) == simdjson::SUCCESS)
        return s;
    return {};
}

// dataType + data. \a required: data must be present (messages, sendToGroup, event).
// Returns false with error when present but malformed.
bool readPayload(const Fields &o, Frame &f, bool required, QString &error)
{
    const auto data = o.get(kData, false);
    if (!data) {
        if (required) {
            error = QStringLiteral("missing 'data'");
            return false;
        }
        return true;
    }
    DataType type = DataType::Json;
    if (const auto typeValue = o.get(kDataType)) {
        std::string_view name;
        const auto parsed = typeValue->get(name) == simdjson::SUCCESS ? dataTypeOf(name) : std::nullopt;
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
        f.payload = Payload::fromTextUtf8(QByteArray(s.data(), qsizetype(s.size())));
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

bool readError(const Fields &o, Frame &f, QString &error)
{
    const auto e = o.get(kError);
    if (!e)
        return true;
    dom::object err;
    if (e->get(err) != simdjson::SUCCESS) {
        error = QStringLiteral("'error' is not an object");
        return false;
    }
    f.error = ErrorDetail{toQString(memberOr(err, "name")), toQString(memberOr(err, "message"))};
    return true;
}

// The frame's members in \a o; \a typeView its `type`. f.rawType is left empty for group and
// server messages, the frames that come by the thousand (they never need it).
bool parseMembers(const Fields &o, std::string_view typeView, Frame &f, QString &error, ReaderState &state)
{
    if (sameName(typeView, QLatin1StringView("message"))) {
        const std::string_view from = stringOr(o, kFrom);
        if (from == "group") {
            f.type = Type::GroupMessage;
            if (!readString(o, kGroup, f.group, true, error, &state.recentGroup) ||
                !readOptionalString(o, kFromUserId, f.fromUserId, error, &state.recentSender))
                return false;
        } else if (from == "server") {
            f.type = Type::ServerMessage;
        } else {
            f.rawType = toQString(typeView) + QLatin1Char('/') + toQString(from);
            return true; // another sender kind: forward compatible, ignored
        }
        if (!readId(o, kSequenceId, f.sequenceId, false, error))
            return false;
        if (!readPayload(o, f, true, error)) {
            // An unknown dataType from a newer service is ignored rather than an error.
            if (error == QLatin1StringView("unknown dataType")) {
                error.clear();
                f.type = Type::Unknown;
                f.rawType = toQString(typeView);
                return true;
            }
            return false;
        }
        return true;
    }
    if (sameName(typeView, QLatin1StringView("system"))) {
        const std::string_view event = stringOr(o, kEvent);
        if (event == "connected") {
            f.type = Type::Connected;
            return readString(o, kConnectionId, f.connectionId, true, error) &&
                   readOptionalString(o, kUserId, f.userId, error) &&
                   readString(o, kReconnectionToken, f.reconnectionToken, false, error);
        }
        if (event == "disconnected") {
            f.type = Type::Disconnected;
            return readString(o, kMessage, f.message, false, error);
        }
        f.rawType = toQString(typeView) + QLatin1Char('/') + toQString(event);
        return true;
    }

    f.rawType = toQString(typeView);
    f.type = Type::Unknown;
    for (const auto &entry : kTypeNames) {
        if (sameName(typeView, entry.name)) {
            f.type = entry.type;
            break;
        }
    }

    switch (f.type) {
    case Type::JoinGroup:
    case Type::LeaveGroup:
        return readString(o, kGroup, f.group, true, error) && readId(o, kAckId, f.ackId, false, error);
    case Type::SendToGroup:
        f.noEcho = boolOr(o, kNoEcho, false);
        return readString(o, kGroup, f.group, true, error) && readId(o, kAckId, f.ackId, false, error) &&
               readPayload(o, f, true, error);
    case Type::Event:
        return readString(o, kEvent, f.event, true, error) && readId(o, kAckId, f.ackId, false, error) &&
               readPayload(o, f, true, error);
    case Type::SequenceAck:
        return readId(o, kSequenceId, f.sequenceId, true, error);
    case Type::Invoke:
        if (!readString(o, kTarget, f.target, false, error))
            return false;
        if (f.target.isEmpty())
            f.target = QStringLiteral("event");
        return readString(o, kInvocationId, f.invocationId, true, error) &&
               readString(o, kEvent, f.event, f.target == QLatin1StringView("event"), error) &&
               readPayload(o, f, false, error);
    case Type::CancelInvocation:
        return readString(o, kInvocationId, f.invocationId, true, error);
    case Type::Ack:
        f.success = boolOr(o, kSuccess, false);
        return readId(o, kAckId, f.ackId, true, error) && readError(o, f, error);
    case Type::InvokeResponse: {
        const auto success = o.get(kSuccess);
        bool ok = false;
        if (!success || success->get(ok) != simdjson::SUCCESS) {
            error = QStringLiteral("missing 'success'");
            return false;
        }
        f.success = ok;
        return readString(o, kInvocationId, f.invocationId, true, error) && readError(o, f, error) &&
               readPayload(o, f, false, error);
    }
    case Type::Ping:
    case Type::Pong:
    case Type::Unknown:
    default:
        return true;
    }
}

bool parseObject(dom::object object, Frame &f, QString &error, ReaderState &state)
{
    const Fields o(object);
    std::string_view typeView;
    const auto typeElement = o.get(kType);
    if (!typeElement || typeElement->get(typeView) != simdjson::SUCCESS) {
        error = QStringLiteral("missing 'type'");
        return false;
    }
    if (parseMembers(o, typeView, f, error, state))
        return true;
    // The error names the frame's type ("joinGroup: missing 'group'").
    if (f.rawType.isEmpty())
        f.rawType = toQString(typeView);
    return false;
}

// \a padded: at least simdjson::SIMDJSON_PADDING readable bytes follow the text, so simdjson reads
// it in place instead of copying it into its own buffer first.
FrameCodec::ParseResult parseUtf8(QByteArrayView utf8, bool padded, ReaderState &state)
{
    FrameCodec::ParseResult result;
    if (utf8.isEmpty()) {
        result.error = QStringLiteral("empty frame");
        return result;
    }
    dom::parser &parser = state.parser;
    dom::element root;
    auto code = parser.parse(utf8.data(), size_t(utf8.size()), !padded).get(root);
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
    if (!parseObject(object, frame, error, state)) {
        result.error = frame.rawType.isEmpty() ? error : QStringLiteral("%1: %2").arg(frame.rawType, error);
        return result;
    }
    result.frame = std::move(frame);
    return result;
}

} // namespace

FrameCodec::ParseResult FrameCodec::parse(QByteArrayView utf8)
{
    return parseUtf8(utf8, false, readerState());
}

FrameCodec::ParseResult FrameCodec::parseText(QStringView text, qsizetype *utf8Size)
{
    // Encoding each frame into a fresh QByteArray cost an allocation, and simdjson then copied it
    // once more into a padded buffer of its own: one padded buffer per thread serves both.
    ReaderState &state = readerState();
    const size_t needed = size_t(state.encoder.requiredSpace(text.size())) + simdjson::SIMDJSON_PADDING;
    if (state.capacity < needed) {
        state.capacity = std::max(needed, state.capacity * 2);
        state.buffer.reset(new char[state.capacity]);
    }
    char *const end = state.encoder.appendToBuffer(state.buffer.get(), text);
    const QByteArrayView utf8(state.buffer.get(), end - state.buffer.get());
    if (utf8Size)
        *utf8Size = utf8.size();
    return parseUtf8(utf8, true, state);
}

} // namespace WebPubSub
