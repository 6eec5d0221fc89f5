// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The full-text index of the message history: an SQLite FTS5 table over messages.text,
//! kept in step by triggers, and the query that searches it.
//!
//! `messages_fts` is an external-content FTS5 table (content = messages, rowid = messages.seq, the
//! `unicode61 remove_diacritics 2` tokenizer). Triggers on the messages table index every row that
//! is inserted (received, own, relayed by backfill, whatever the code path) and re-index or
//! unindex it on UPDATE OF text / DELETE, so other features editing or deleting messages keep the
//! index right without knowing about it. Gap markers (gap_end IS NOT NULL) are never indexed. The
//! triggers live in the database file, so even a build without this class keeps the index in sync.
//! A history from before the index gets it on open: table, triggers and every stored message in
//! one transaction.
#pragma once

#include "searchresultmodel.h"

#include <QList>
#include <QString>

namespace Hubbub {

class SearchQuery;

class SearchIndex
{
public:
    //! Creates (or migrates to) the index in the database of QSqlDatabase connection \a connectionName.
    explicit SearchIndex(const QString &connectionName);

    //! False when the SQLite library has no FTS5 or the schema could not be created (lastError()).
    bool isAvailable() const { return m_available; }
    QString lastError() const { return m_lastError; }
    //! Messages indexed when the index was built for an existing history on open (0 otherwise).
    int migratedCount() const { return m_migrated; }

    //! Up to \a limit messages matching \a query, newest first by time among the 2 × \a limit
    //! matches stored last, in rooms that are still joined (the rooms table), with their snippets.
    QList<SearchHit> search(const SearchQuery &query, int limit) const;

private:
    bool exec(const QString &sql);
    QString m_connectionName;
    bool m_available = false;
    int m_migrated = 0;
    mutable QString m_lastError;
};

} // namespace Hubbub
