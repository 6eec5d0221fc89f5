// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The history's part for edits, deletes and reactions: applies them to the `messages`
//! table of a HistoryStore's database and keeps the reactions and the ids of applied operations.
//!
//! Tables (in the same SQLite file as the history, so a restart shows what was applied):
//! `reactions(room, message_id, emoji, user_id)` one row per reaction set, `applied_ops(room, id)`
//! the operation ids already applied (receivers deduplicate on them: an in-doubt resend never applies
//! twice, even after a newer edit) with when they were applied, kept kKeepApplied (see there why
//! that is enough). Only prepared statements with bound values.
#pragma once

#include "chatmessage.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace Hubbub {

class MutationStore
{
public:
    //! How long an applied op id is remembered. Why that still catches every resend: a resend
    //! (the sender's Outbox retrying an in-doubt send, the client's recovery) carries the envelope
    //! unchanged, its `ts` too, and an op is applied at or after it was made, so an id pruned at
    //! `now` was applied, and made, before `now - kKeepApplied` (up to the clock skew). Receivers drop
    //! any op whose `ts` is older than kStaleAfter (MessageMutations), a day less than kKeepApplied,
    //! so a resend whose id may already be forgotten is dropped as stale instead: with sender clocks
    //! at most a day ahead, no resend can apply twice, however long its sender stayed offline
    //! (the Outbox has no time limit). The client's own recovery replays within minutes.
    static constexpr std::chrono::hours kKeepApplied{24 * 30};
    static constexpr std::chrono::hours kStaleAfter = kKeepApplied - std::chrono::hours(24);
    //! pruneApplied() runs on start and after this many ops were applied.
    static constexpr int kPruneEvery = 1000;

    //! Uses the open QSqlDatabase connection \a connectionName (HistoryStore::connectionName()).
    explicit MutationStore(const QString &connectionName);

    //! What an edit, delete or reaction needs to know of its target.
    struct Target
    {
        QString senderId;
        QString relayedBy;
        bool own = false;
        bool deleted = false;
        bool gapMarker = false;
    };
    std::optional<Target> target(const QString &room, const QString &messageId) const;

    //! Records \a opId as applied in \a room; false when it already was.
    bool markApplied(const QString &room, const QString &opId);
    bool isApplied(const QString &room, const QString &opId) const;
    //! Forgets the op ids applied before \a now - kKeepApplied; returns how many.
    int pruneApplied(const QDateTime &now = QDateTime::currentDateTimeUtc());
    //! Whether an op made at \a timestamp (the envelope's `ts`) is too old to deduplicate at \a now.
    static bool isStale(const QDateTime &timestamp, const QDateTime &now = QDateTime::currentDateTimeUtc());

    //! Replaces the stored text (edited = 1) unless the message is deleted.
    bool setEdited(const QString &room, const QString &messageId, const QString &text);
    //! Makes the message a tombstone: text removed, deleted = 1, its reactions dropped.
    bool setDeleted(const QString &room, const QString &messageId);
    //! Sets or unsets \a userId's \a emoji on the message (idempotent).
    bool setReaction(const QString &room, const QString &messageId, const QString &emoji,
                     const QString &userId, bool on);
    //! The reactions of \a messageIds in \a room, per message: emoji and userId, in insertion order.
    QHash<QString, QList<std::pair<QString, QString>>> reactions(const QString &room,
                                                                 const QStringList &messageIds) const;

private:
    QString m_connectionName;
    int m_appliedSincePrune = 0;
};

} // namespace Hubbub
