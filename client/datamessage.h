// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file datamessage.h
//! \brief A message delivered to the client: from a group or from the server.
#pragma once

#include "payload.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace WebPubSub {

struct GroupMessage
{
    QString group;
    std::optional<QString> fromUserId; //!< empty when the sender is anonymous or a REST call
    Payload payload;
    std::optional<quint64> sequenceId; //!< reliable subprotocol only
    QDateTime receivedAt;
};

struct ServerMessage
{
    Payload payload;
    std::optional<quint64> sequenceId;
    QDateTime receivedAt;
};

} // namespace WebPubSub

Q_DECLARE_METATYPE(WebPubSub::GroupMessage)
Q_DECLARE_METATYPE(WebPubSub::ServerMessage)
