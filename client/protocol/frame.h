// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file frame.h
//! \brief One JSON frame of the Web PubSub client protocol, in either direction.
//!
//! A flat value rather than a class hierarchy: the client and the service both parse and write
//! frames, and a flat struct keeps FrameCodec a pure function that tests can drive from fixtures.
//! Fields a frame type does not use are left at their defaults.
#pragma once

#include "payload.h"
#include "webpubsub_export.h"

#include <QString>

#include <optional>

namespace WebPubSub {

//! `error` of an `ack` or `invokeResponse`: a name (`Forbidden`, …) and a message, as the service sends them.
struct ErrorDetail
{
    QString name;
    QString message;
    friend bool operator==(const ErrorDetail &, const ErrorDetail &) = default;
};

struct WEBPUBSUB_EXPORT Frame
{
    enum class Type {
        Unknown, //!< a type this code does not know; ignored by readers (forward compatibility)
        // client -> service (§2)
        JoinGroup,
        LeaveGroup,
        SendToGroup,
        Event,
        SequenceAck,
        Ping,
        Invoke,
        CancelInvocation,
        // service -> client (§3)
        Ack,
        GroupMessage,  //!< `message` with `from: group`
        ServerMessage, //!< `message` with `from: server`
        Connected,     //!< `system` / `connected`
        Disconnected,  //!< `system` / `disconnected`
        Pong,
        InvokeResponse,
    };

    Type type = Type::Unknown;
    //! The `type` (and `event`/`from` for system/message) as received, for logs and Unknown; empty
    //! for group and server messages, which come by the thousand and never need it.
    QString rawType;

    QString group;                            //!< joinGroup, leaveGroup, sendToGroup, group message
    std::optional<quint64> ackId;             //!< requests; ack
    bool noEcho = false;                      //!< sendToGroup
    bool hasPayload = false;                  //!< whether dataType/data are present (optional for invoke)
    Payload payload;                          //!< sendToGroup, event, invoke, messages, invokeResponse
    QString event;                            //!< event, invoke
    std::optional<quint64> sequenceId;        //!< sequenceAck; messages on reliable subprotocols
    QString invocationId;                     //!< invoke, cancelInvocation, invokeResponse
    QString target = QStringLiteral("event"); //!< invoke

    bool success = false;             //!< ack, invokeResponse
    std::optional<ErrorDetail> error; //!< ack, invokeResponse

    std::optional<QString> fromUserId; //!< group message; nullopt = absent or null
    QString connectionId;              //!< connected
    std::optional<QString> userId;     //!< connected; nullopt = null (anonymous)
    QString reconnectionToken;         //!< connected, reliable subprotocols only
    QString message;                   //!< disconnected: the reason

    // Builders for the frames each side writes.
    static Frame joinGroup(const QString &group, std::optional<quint64> ackId);
    static Frame leaveGroup(const QString &group, std::optional<quint64> ackId);
    static Frame sendToGroup(const QString &group, const Payload &payload, std::optional<quint64> ackId,
                             bool noEcho);
    static Frame sendEvent(const QString &event, const Payload &payload, std::optional<quint64> ackId);
    static Frame sequenceAck(quint64 sequenceId);
    static Frame ping();
    static Frame invoke(const QString &invocationId, const QString &event, std::optional<Payload> payload);
    static Frame cancelInvocation(const QString &invocationId);
    static Frame ack(quint64 ackId, std::optional<ErrorDetail> error = std::nullopt);
    static Frame groupMessage(const QString &group, std::optional<QString> fromUserId, const Payload &payload,
                              std::optional<quint64> sequenceId);
    static Frame serverMessage(const Payload &payload, std::optional<quint64> sequenceId);
    static Frame connected(const QString &connectionId, std::optional<QString> userId,
                           const QString &reconnectionToken = {});
    static Frame disconnected(const QString &message);
    static Frame pong();
    static Frame invokeResponse(const QString &invocationId, std::optional<Payload> payload,
                                std::optional<ErrorDetail> error = std::nullopt);
};

} // namespace WebPubSub
