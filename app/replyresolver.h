// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Replies as the user sees them: what the quote above a reply shows, what a new reply
//! names, and finding the replied-to message in its room's timeline.
//!
//! A reply's `replyTo` is the replier's claim. When the original is in local history (the room's
//! model or the HistoryStore) the quote shows the original: its real sender (the service's
//! fromUserId as stored) and its current text, whatever the claim says, so a forged quote cannot
//! put words in someone's mouth. Only when the original is unknown does the quote fall back to the
//! claimed snippet, flagged as not in history, for the UI to show as a claim.
#pragma once

#include "chatmessage.h"
#include "replyref.h"

#include <QObject>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace Hubbub {

class HistoryStore;
class RoomDirectory;

class ReplyResolver : public QObject
{
    Q_OBJECT
    //! Changes whenever messages were added to a room: QML bindings of quotes pass it to quote()
    //! so a quote re-resolves when its original arrives (e.g. backfill, or a page loaded).
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
public:
    //! At most this many older pages are loaded by locate().
    static constexpr int kMaxLocatePages = 200;

    //! What the quote shows.
    struct Quote
    {
        bool inHistory = false; //!< the original was found locally: the fields below are its own
        QString messageId;
        QString senderId;    //!< inHistory: the stored sender; else the claim
        QString senderLabel; //!< what names the sender (SenderPolicy::label), or the claim
        QString text;        //!< one cleaned line (ReplyRef::cleanSnippet)
        //! inHistory and the original was itself relayed after a gap: its sender is a claim too.
        QString relayedBy;
    };

    //! Both must outlive this.
    ReplyResolver(HistoryStore *history, RoomDirectory *rooms, QObject *parent = nullptr);

    int revision() const { return m_revision; }
    //! Messages were added or changed somewhere: quotes may resolve differently now.
    void noteChanged();

    //! The quote for \a claim in \a room.
    Quote resolve(const QString &room, const ReplyRef &claim) const;
    //! resolve() for QML: {inHistory, messageId, senderId, senderLabel, text, relayedBy}.
    //! \a revision is only there so a binding re-evaluates when it changes.
    Q_INVOKABLE QVariantMap quote(const QString &room, const QString &replyToId, const QString &claimedSender,
                                  const QString &claimedText, int revision = 0) const;
    //! What a reply to \a messageId of \a room carries: its id, stored sender and first line;
    //! empty when the message is unknown (or a gap marker, or not yet sent by us and failed).
    ReplyRef reference(const QString &room, const QString &messageId) const;
    //! Makes \a messageId of \a room a row of the room's model, loading older pages of history
    //! until it is there (at most kMaxLocatePages; nothing is loaded when the history does not hold
    //! it). Returns its row, or -1.
    Q_INVOKABLE int locate(const QString &room, const QString &messageId);

Q_SIGNALS:
    void revisionChanged();

private:
    std::optional<ChatMessage> find(const QString &room, const QString &messageId) const;

    HistoryStore *m_history;
    RoomDirectory *m_rooms;
    int m_revision = 0;
};

} // namespace Hubbub
