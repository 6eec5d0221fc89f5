// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The history's part for edits, deletes and reactions: applies them to the `messages`
//! table of a HistoryStore's database and keeps the reactions and the ids of applied operations.
//!
//! Tables (in the same SQLite file as the history, so a restart shows what was applied):
//! `reactions(room, message_id, emoji, user_id)` one row per reaction set, `applied_ops(room, id)`
//! the operation ids already applied (receivers deduplicate on them: an in-doubt resend never applies
//! twice, even after a newer edit). Only prepared statements with bound values.
#pragma once

#include "chatmessage.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Hubbub {

class MutationStore
{
public:
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
};

} // namespace Hubbub
