// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "frame.h"

namespace WebPubSub {

namespace {
// A frame of \a type with the fields \a fill sets (only those its type uses); the others keep
// their defaults.
template<typename Fill> Frame make(Frame::Type type, Fill fill)
{
    Frame f;
    f.type = type;
    fill(f);
    return f;
}
// What invoke and invokeResponse carry when there is a payload.
void setPayload(Frame &f, std::optional<Payload> payload)
{
    f.hasPayload = payload.has_value();
    if (payload)
        f.payload = std::move(*payload);
}
} // namespace

Frame Frame::joinGroup(const QString &group, std::optional<quint64> ackId)
{
    return make(Type::JoinGroup, [&](Frame &f) {
        f.group = group;
        f.ackId = ackId;
    });
}

Frame Frame::leaveGroup(const QString &group, std::optional<quint64> ackId)
{
    Frame f = joinGroup(group, ackId);
    f.type = Type::LeaveGroup;
    return f;
}

Frame Frame::sendToGroup(const QString &group, const Payload &payload, std::optional<quint64> ackId,
                         bool noEcho)
{
    return make(Type::SendToGroup, [&](Frame &f) {
        f.group = group;
        setPayload(f, payload);
        f.ackId = ackId;
        f.noEcho = noEcho;
    });
}

Frame Frame::sendEvent(const QString &event, const Payload &payload, std::optional<quint64> ackId)
{
    return make(Type::Event, [&](Frame &f) {
        f.event = event;
        setPayload(f, payload);
        f.ackId = ackId;
    });
}

Frame Frame::sequenceAck(quint64 sequenceId)
{
    return make(Type::SequenceAck, [&](Frame &f) { f.sequenceId = sequenceId; });
}

Frame Frame::ping()
{
    return make(Type::Ping, [](Frame &) {});
}

Frame Frame::invoke(const QString &invocationId, const QString &event, std::optional<Payload> payload)
{
    return make(Type::Invoke, [&](Frame &f) {
        f.invocationId = invocationId;
        f.event = event;
        setPayload(f, std::move(payload));
    });
}

Frame Frame::cancelInvocation(const QString &invocationId)
{
    return make(Type::CancelInvocation, [&](Frame &f) { f.invocationId = invocationId; });
}

Frame Frame::ack(quint64 ackId, std::optional<ErrorDetail> error)
{
    return make(Type::Ack, [&](Frame &f) {
        f.ackId = ackId;
        f.success = !error.has_value();
        f.error = std::move(error);
    });
}

Frame Frame::groupMessage(const QString &group, std::optional<QString> fromUserId, const Payload &payload,
                          std::optional<quint64> sequenceId)
{
    return make(Type::GroupMessage, [&](Frame &f) {
        f.group = group;
        f.fromUserId = std::move(fromUserId);
        setPayload(f, payload);
        f.sequenceId = sequenceId;
    });
}

Frame Frame::serverMessage(const Payload &payload, std::optional<quint64> sequenceId)
{
    return make(Type::ServerMessage, [&](Frame &f) {
        setPayload(f, payload);
        f.sequenceId = sequenceId;
    });
}

Frame Frame::connected(const QString &connectionId, std::optional<QString> userId,
                       const QString &reconnectionToken)
{
    return make(Type::Connected, [&](Frame &f) {
        f.connectionId = connectionId;
        f.userId = std::move(userId);
        f.reconnectionToken = reconnectionToken;
    });
}

Frame Frame::disconnected(const QString &message)
{
    return make(Type::Disconnected, [&](Frame &f) { f.message = message; });
}

Frame Frame::pong()
{
    return make(Type::Pong, [](Frame &) {});
}

Frame Frame::invokeResponse(const QString &invocationId, std::optional<Payload> payload,
                            std::optional<ErrorDetail> error)
{
    return make(Type::InvokeResponse, [&](Frame &f) {
        f.invocationId = invocationId;
        f.success = !error.has_value();
        f.error = std::move(error);
        setPayload(f, std::move(payload));
    });
}

} // namespace WebPubSub
