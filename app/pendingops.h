// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The outbox's persisted entries that are not chat messages (edits, deletes, reactions):
//! a `pending_ops` table in the history's database, so an operation made offline still goes out
//! after a restart, in the order it was made, with the same envelope (and id).
//!
//! Chat messages stay in the `messages` table with status "sending" (HistoryStore::pendingOwn());
//! on a restart the Outbox sends those first, then these: an operation never overtakes the message
//! it acts on, which was made before it.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Hubbub {

class PendingOps
{
public:
    struct Op
    {
        QString room;
        QString id;
        QJsonObject envelope;
    };

    //! Uses the open QSqlDatabase connection \a connectionName (HistoryStore::connectionName()).
    explicit PendingOps(const QString &connectionName);

    bool add(const Op &op);
    bool remove(const QString &opId);
    bool removeRoom(const QString &room);
    //! Everything waiting, oldest first.
    QList<Op> all() const;

private:
    QString m_connectionName;
};

} // namespace Hubbub
