// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "frame.h"

namespace WebPubSub {

Frame Frame::joinGroup(const QString &group, std::optional<quint64> ackId)
{
    Frame f;
    f.type = Type::JoinGroup;
    f.group = group;
    f.ackId = ackId;
    return f;
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
    Frame f;
    f.type = Type::SendToGroup;
    f.group = group;
    f.payload = payload;
    f.hasPayload = true;
    f.ackId = ackId;
    f.noEcho = noEcho;
    return f;
}

Frame Frame::sendEvent(const QString &event, const Payload &payload, std::optional<quint64> ackId)
{
    Frame f;
    f.type = Type::Event;
    f.event = event;
    f.payload = payload;
    f.hasPayload = true;
    f.ackId = ackId;
    return f;
}

Frame Frame::sequenceAck(quint64 sequenceId)
{
    Frame f;
    f.type = Type::SequenceAck;
    f.sequenceId = sequenceId;
    return f;
}

Frame Frame::ping()
{
    Frame f;
    f.type = Type::Ping;
    return f;
}

Frame Frame::invoke(const QString &invocationId, const QString &event, std::optional<Payload> payload)
{
    Frame f;
    f.type = Type::Invoke;
    f.invocationId = invocationId;
    f.event = event;
    if (payload) {
        f.payload = *payload;
        f.hasPayload = true;
    }
    return f;
}

Frame Frame::cancelInvocation(const QString &invocationId)
{
    Frame f;
    f.type = Type::CancelInvocation;
    f.invocationId = invocationId;
    return f;
}

Frame Frame::ack(quint64 ackId, std::optional<ErrorDetail> error)
{
    Frame f;
    f.type = Type::Ack;
    f.ackId = ackId;
    f.success = !error.has_value();
    f.error = std::move(error);
    return f;
}

Frame Frame::groupMessage(const QString &group, std::optional<QString> fromUserId, const Payload &payload,
                          std::optional<quint64> sequenceId)
{
    Frame f;
    f.type = Type::GroupMessage;
    f.group = group;
    f.fromUserId = std::move(fromUserId);
    f.payload = payload;
    f.hasPayload = true;
    f.sequenceId = sequenceId;
    return f;
}

Frame Frame::serverMessage(const Payload &payload, std::optional<quint64> sequenceId)
{
    Frame f;
    f.type = Type::ServerMessage;
    f.payload = payload;
    f.hasPayload = true;
    f.sequenceId = sequenceId;
    return f;
}

Frame Frame::connected(const QString &connectionId, std::optional<QString> userId,
                       const QString &reconnectionToken)
{
    Frame f;
    f.type = Type::Connected;
    f.connectionId = connectionId;
    f.userId = std::move(userId);
    f.reconnectionToken = reconnectionToken;
    return f;
}

Frame Frame::disconnected(const QString &message)
{
    Frame f;
    f.type = Type::Disconnected;
    f.message = message;
    return f;
}

Frame Frame::pong()
{
    Frame f;
    f.type = Type::Pong;
    return f;
}

Frame Frame::invokeResponse(const QString &invocationId, std::optional<Payload> payload,
                            std::optional<ErrorDetail> error)
{
    Frame f;
    f.type = Type::InvokeResponse;
    f.invocationId = invocationId;
    f.success = !error.has_value();
    f.error = std::move(error);
    if (payload) {
        f.payload = *payload;
        f.hasPayload = true;
    }
    return f;
}

} // namespace WebPubSub
