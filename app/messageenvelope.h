// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The JSON envelope Hubbub puts in every group message (docs/message-envelope.md).
//!
//! `{"kind":"message","id":"<uuid>","text":"…","sender":"<display name>","ts":"<ISO-8601 UTC>"}`
//! for chat; other kinds carry presence, typing and "who is here" queries. Plain `text` payloads
//! from other Web PubSub clients decode as chat messages with an id derived from the
//! connection's sequence id (or a hash), so they show and deduplicate too.
#pragma once

#include "chatmessage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace WebPubSub {
class Payload;
struct GroupMessage;
} // namespace WebPubSub

namespace Hubbub {

struct MessageEnvelope
{
    //! Version of the backfill kinds this app speaks (`v`); a receiver ignores higher versions.
    static constexpr int kBackfillVersion = 1;
    //! Bounds of one backfill answer: messages, and serialized bytes (well under the 1 MB frame).
    static constexpr int kMaxBackfillMessages = 200;
    static constexpr int kMaxBackfillBytes = 256 * 1024;

    //! One message carried by a Backfill answer: every field is the relayer's claim.
    struct Relayed
    {
        QString id;
        QString sender; //!< the userId the relayer says sent it
        QString text;
        QDateTime timestamp;
        //! A picture (issue 10): `image` {mime, width, height, name, data} as in the `image` kind,
        //! unchecked here (RelayedPictures decides from the bytes); empty for text.
        QJsonObject image{};
    };

    enum class Kind {
        Message,  //!< a chat message
        Presence, //!< announce / heartbeat / answer to "who": state is online or away
        Goodbye,  //!< the instance leaves the room (or quits)
        Who,      //!< "who is here?": everyone answers with Presence after a random delay
        Typing,   //!< the sender is typing (expires by itself)
        //! "send me what you have of this room between from and to" (after a gap; docs/message-envelope.md)
        BackfillRequest,
        Backfill, //!< an answer to a BackfillRequest: messages relayed by the sender
        Unknown,  //!< a kind from a newer version: ignored
        // Acting on an earlier message `target` (docs/message-envelope.md, "Edits, deletes and
        // reactions"); applied only when the service's fromUserId has the authority.
        Edit,     //!< the target's new text is `body`
        Delete,   //!< "delete for everyone": the target becomes a tombstone
        Reaction, //!< `emoji` set (on) or unset (off) on the target by the sender
    };

    Kind kind = Kind::Message;
    QString id;             //!< Message: UUID (no braces)
    QString text;           //!< Message
    QString sender;         //!< display name
    QDateTime timestamp;    //!< UTC; the sender's clock
    QString instance;       //!< presence/typing/who: the app instance (one per connection)
    QString state;          //!< Presence: "online" | "away"
    int version = 0;        //!< backfill kinds: `v`
    QString requestId;      //!< Backfill: the id of the request it answers
    QDateTime from;         //!< BackfillRequest: the window start (UTC)
    QDateTime to;           //!< BackfillRequest: the window end (UTC)
    int max = 0;            //!< BackfillRequest: at most this many messages
    QList<Relayed> relayed; //!< Backfill: at most kMaxBackfillMessages
    // Edit / Delete / Reaction (at the end: added for issue 10).
    QString target; //!< the id of the message acted on, as the receiver stores it
    QString body;   //!< Edit: the new text (`text` is the fallback for other clients)
    QString emoji;  //!< Reaction: any emoji (plain text, at most kMaxEmojiLength)
    bool on = true; //!< Reaction: set (true) or unset (false); idempotent, never a toggle

    //! Version of the edit/delete/reaction kinds (`v`); a receiver ignores higher versions.
    static constexpr int kMutationVersion = 1;
    //! Longest reaction emoji accepted (UTF-16 units: enough for ZWJ sequences and flags).
    static constexpr int kMaxEmojiLength = 32;
    bool isMutation() const { return kind == Kind::Edit || kind == Kind::Delete || kind == Kind::Reaction; }
    ReplyRef replyTo; //!< Message: what it replies to (`replyTo`, optional; a claim)
    //! A Message that stands for an `image` envelope (Pictures::accept()): copied to ChatMessage::picture.
    bool picture = false;

    static QString kindName(Kind kind);
    static Kind kindFromName(QStringView name);

    QJsonObject toJson() const;
    WebPubSub::Payload toPayload() const;
    //! Parses a JSON envelope; nullopt when it is not one of ours (not an object, no kind, a
    //! message without id or text).
    static std::optional<MessageEnvelope> fromJson(const QJsonObject &object);
    //! Decodes any group message: our JSON envelope, or plain text from another client (as a
    //! Message with a derived id, sender = fromUserId, ts = receive time). nullopt when it is
    //! neither (e.g. binary or foreign JSON).
    static std::optional<MessageEnvelope> fromGroupMessage(const WebPubSub::GroupMessage &message);

    static MessageEnvelope chat(const QString &text, const QString &sender,
                                const QDateTime &timestamp = QDateTime::currentDateTimeUtc());
    //! An edit of \a target to \a text (fresh id, `text` fallback "✎ <text>").
    static MessageEnvelope edit(const QString &target, const QString &text, const QString &sender);
    //! A delete for everyone of \a target (fallback "(deleted a message)").
    static MessageEnvelope deletion(const QString &target, const QString &sender);
    //! \a emoji set (\a on) or unset on \a target (fallback "reacted 👍" / "removed reaction 👍").
    static MessageEnvelope reaction(const QString &target, const QString &emoji, bool on,
                                    const QString &sender);
    //! Whether \a emoji can be a reaction: 1..kMaxEmojiLength units, no spaces, control or format
    //! characters other than the joiners and selectors emoji are built with.
    static bool isValidEmoji(const QString &emoji);
    //! A fresh message id (UUID without braces).
    static QString newId();
    //! The id of a plain-text message: "seq-<sequenceId>-<hash>" when sequenced, else a hash of
    //! sender, text and receive time.
    static QString derivedId(const WebPubSub::GroupMessage &message);

    //! As a ChatMessage of \a room from \a senderId (own = \a own).
    ChatMessage toChatMessage(const QString &room, const QString &senderId, bool own) const;
};

} // namespace Hubbub
