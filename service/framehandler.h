// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What each message of a client means to hubbub-service (protocol.md §2–4): the JSON
//! frames of the two subprotocols (groups, events, invoke, sequence acks, ping) and the messages of
//! a simple WebSocket client, with their acks and the upstream events they raise.
#pragma once

#include "permissions.h"

#include <frame.h>

#include <QString>

#include <optional>

namespace Hubbub {

class ClientConnection;
class ServicePrivate;

class FrameHandler
{
public:
    explicit FrameHandler(ServicePrivate *service);

    void onText(ClientConnection *connection, const QString &text);
    void onBinary(ClientConnection *connection, const QByteArray &data);

private:
    void handleFrame(ClientConnection *connection, const WebPubSub::Frame &frame);
    void joinOrLeave(ClientConnection *connection, const WebPubSub::Frame &frame);
    void sendToGroup(ClientConnection *connection, const WebPubSub::Frame &frame);
    void handleUserEvent(ClientConnection *connection, const WebPubSub::Frame &frame);
    void handleInvoke(ClientConnection *connection, const WebPubSub::Frame &frame);
    void handleSimpleFrame(ClientConnection *connection, const WebPubSub::Payload &payload);
    //! Why \a c may not \a verb (`join`, ...) the group of \a frame: an invalid name or no permission.
    static std::optional<WebPubSub::ErrorDetail> groupRefusal(const ClientConnection *c,
                                                              const WebPubSub::Frame &frame,
                                                              Permissions::Action action,
                                                              const QString &verb);
    static void sendAck(ClientConnection *connection, std::optional<quint64> ackId,
                        std::optional<WebPubSub::ErrorDetail> error = std::nullopt);

    ServicePrivate *d;
};

} // namespace Hubbub
