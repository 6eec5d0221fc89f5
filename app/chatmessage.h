// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief One chat message as the models and the history store keep it.
#pragma once

#include "replyref.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Hubbub {

enum class DeliveryStatus { Sending, Sent, Failed, Received };

//! "sending" | "sent" | "failed" | "received" (the MessageModel's deliveryStatus role).
QString deliveryStatusName(DeliveryStatus status);
DeliveryStatus deliveryStatusFromName(QStringView name);

//! The reactions with one emoji on a message (MessageModel's reactions role).
struct MessageReaction
{
    QString emoji;
    QStringList users; //!< userIds (the service's fromUserId of each reaction), in order of arrival
    bool mine = false; //!< the local user is among them
};

struct ChatMessage
{
    QString id; //!< the envelope id: a UUID, or derived for plain-text messages
    QString room;
    QString senderId; //!< the sender's userId (fromUserId): their identity; empty for anonymous senders
    //! The display name the sender gave, shown only beside senderId; received messages keep it only
    //! when it passed SenderPolicy (cleaned, not another member's userId or name), else "".
    QString senderName;
    QString text;
    QDateTime timestamp; //!< UTC
    bool own = false;
    DeliveryStatus status = DeliveryStatus::Received;
    //! Non-empty when the message was relayed by another member after a gap (backfill): the
    //! relayer's userId. Then senderId is only the relayer's claim and cannot be verified.
    QString relayedBy;
    //! A gap marker row (not a message): "Disconnected timestamp–gapEnd — …", gapFilled messages
    //! filled from peers so far.
    bool gapMarker = false;
    QDateTime gapEnd;
    int gapFilled = 0;
    // Edits, deletes and reactions (issue 10; app/messagemutations.h):
    bool edited = false;  //!< the text is the sender's edit of the original
    bool deleted = false; //!< deleted for everyone: a tombstone, text is empty (also in the history)
    QList<MessageReaction> reactions; //!< per emoji, in order of first reaction
    // Issue 10, replies and mentions:
    //! What this message replies to, as its sender quoted it (empty id: not a reply).
    ReplyRef replyTo;
    //! Received and its text names the local user (`@userId` as a whole word; Mentions), decided
    //! with the user's id on arrival.
    bool mentionsMe = false;
    //! A picture message (issue 10): text is its fallback ("[picture: name]"), the bytes are in the
    //! PictureStore under (room, id).
    bool picture = false;
};

} // namespace Hubbub

Q_DECLARE_METATYPE(Hubbub::ChatMessage)
