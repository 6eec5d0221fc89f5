// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The `notices` table of a profile's history database: server notices kept across
//! restarts, deduplicated by their id (INSERT OR IGNORE), bounded to the newest kMaxStored.
//!
//! It shares the HistoryStore's SQLite file and connection (HistoryStore::connectionName()) so a
//! profile stays one file; only prepared statements with bound values.
#pragma once

#include "notice.h"

#include <QList>
#include <QString>

namespace Hubbub {

class HistoryStore;

class NoticeStore
{
public:
    //! The most notices kept on disk; older ones are deleted as new ones arrive.
    static constexpr int kMaxStored = 1000;

    //! Creates the table if needed; \a history must outlive this.
    explicit NoticeStore(const HistoryStore *history);

    bool isOpen() const;
    //! Stores \a notice; false when its id is already stored (a redelivery) or on error.
    bool insert(const Notice &notice);
    //! Up to \a limit newest notices, oldest first.
    QList<Notice> latest(int limit) const;
    int unreadCount() const;
    void markAllRead();
    int count() const;

private:
    QString m_connectionName;
};

} // namespace Hubbub
