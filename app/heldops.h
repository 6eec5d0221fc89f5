// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The edits, deletes and reactions MessageMutations holds because their target has not
//! arrived yet, kept in a `held_ops` table of the history's database so that a restart keeps them
//! (issue 10: "a reaction to a message not yet seen is kept until it arrives").
//!
//! Each row is what the operation needs to be checked again when its target arrives: the room,
//! the op id (UNIQUE per room: a resend is held once), the `fromUserId` the service stamped (the
//! only authority; the envelope's own fields are claims), its kind and target, the envelope (JSON)
//! and when it arrived. At most kMaxPerRoom per room (the oldest goes first) and none older than
//! kMaxAge, so ops on ids that never arrive cannot grow the file without end. The rows are mirrored
//! in memory (every message arrival looks them up); without an open history they are memory only.
#pragma once

#include "messageenvelope.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>

namespace Hubbub {

class HeldOps
{
public:
    static constexpr int kMaxPerRoom = 1000;
    //! A held op whose target has not come in a week is dropped (on start and on the next hold).
    static constexpr std::chrono::hours kMaxAge{24 * 7};

    struct Op
    {
        QString room;
        QString fromUserId; //!< stamped by the service
        MessageEnvelope env;
        QDateTime arrived;
    };

    //! Uses the QSqlDatabase connection \a connectionName (HistoryStore::connectionName()): creates
    //! the table, drops what expired, loads the rest.
    explicit HeldOps(const QString &connectionName);

    //! Holds \a env (a mutation) from \a fromUserId in \a room; false when that op id is already held.
    bool add(const QString &room, const QString &fromUserId, const MessageEnvelope &env,
             const QDateTime &arrived = QDateTime::currentDateTimeUtc());
    //! Takes the ops of \a room that \a ready accepts out of memory, oldest first; their rows stay
    //! until erase() (dropped once applied) or restore() (still waiting).
    QList<Op> take(const QString &room, const std::function<bool(const Op &)> &ready);
    //! A taken op still waits: back in memory (its row was never removed).
    void restore(const Op &op);
    //! A taken op was applied or dropped: its row goes.
    void erase(const QString &room, const QString &opId);
    void removeRoom(const QString &room);
    int count(const QString &room) const { return int(m_held.value(room).size()); }

private:
    bool persistent() const;
    void eraseRows(const QString &room, const QStringList &opIds);
    //! Drops \a room's ops over the bound or older than kMaxAge at \a now.
    void trim(const QString &room, const QDateTime &now);

    QString m_connectionName;
    QHash<QString, QList<Op>> m_held; // room → ops, oldest first
};

} // namespace Hubbub
