// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Writing frames (FrameCodec::serialize); reading them is in framereader.cpp.
#include "framecodec.h"
#include "framecodec_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <utility>

namespace WebPubSub {

namespace {

using Type = Frame::Type;
using FrameCodecDetail::kTypeNames;

QLatin1StringView wireName(Type type)
{
    for (const auto &entry : kTypeNames) {
        if (entry.type == type)
            return entry.name;
    }
    return {};
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

QByteArray FrameCodec::serialize(const Frame &f)
{
    QJsonObject o;
    ExactIds ids{o, {}};
    switch (f.type) {
    case Type::GroupMessage:
    case Type::ServerMessage:
        o.insert(QLatin1StringView("type"), QStringLiteral("message"));
        if (f.type == Type::GroupMessage) {
            o.insert(QLatin1StringView("from"), QStringLiteral("group"));
            o.insert(QLatin1StringView("group"), f.group);
            o.insert(QLatin1StringView("fromUserId"),
                     f.fromUserId ? QJsonValue(*f.fromUserId) : QJsonValue());
        } else {
            o.insert(QLatin1StringView("from"), QStringLiteral("server"));
        }
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
