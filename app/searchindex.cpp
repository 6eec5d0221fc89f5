// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "searchindex.h"

#include "logging.h"
#include "searchquery.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Hubbub {

SearchIndex::SearchIndex(const QString &connectionName)
    : m_connectionName(connectionName)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen()) {
        m_lastError = QStringLiteral("history not open");
        return;
    }
    QSqlQuery probe(db);
    const bool exists = probe.exec(QStringLiteral(
                            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'messages_fts'")) &&
                        probe.next();
    probe.finish();
    const bool tx = !exists && db.transaction();
    // remove_diacritics 2: "Grüße" is found by "gruße" and "grusse" is not (ß is a letter of its own);
    // case-insensitive for all scripts.
    bool ok = exists ||
              exec(QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(text, content = 'messages',"
                                  " content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2')"));
    // External content: a delete must name the exact text that was indexed, hence old.text; gap
    // markers were never indexed, so they are never "deleted" either.
    ok = ok && exec(QStringLiteral("CREATE TRIGGER IF NOT EXISTS messages_fts_insert AFTER INSERT ON messages"
                                   " WHEN new.gap_end IS NULL BEGIN"
                                   " INSERT INTO messages_fts(rowid, text) VALUES (new.seq, new.text); END"));
    ok = ok && exec(QStringLiteral("CREATE TRIGGER IF NOT EXISTS messages_fts_delete AFTER DELETE ON messages"
                                   " WHEN old.gap_end IS NULL BEGIN"
                                   " INSERT INTO messages_fts(messages_fts, rowid, text)"
                                   " VALUES ('delete', old.seq, old.text); END"));
    // Only a change of the text (an edit, a tombstone) re-indexes; status updates do not.
    ok = ok && exec(QStringLiteral("CREATE TRIGGER IF NOT EXISTS messages_fts_update"
                                   " AFTER UPDATE OF text, gap_end ON messages BEGIN"
                                   " INSERT INTO messages_fts(messages_fts, rowid, text)"
                                   " SELECT 'delete', old.seq, old.text WHERE old.gap_end IS NULL;"
                                   " INSERT INTO messages_fts(rowid, text)"
                                   " SELECT new.seq, new.text WHERE new.gap_end IS NULL; END"));
    if (ok && !exists) {
        QSqlQuery fill(db);
        ok = fill.exec(QStringLiteral("INSERT INTO messages_fts(rowid, text)"
                                      " SELECT seq, text FROM messages WHERE gap_end IS NULL"));
        if (ok)
            m_migrated = fill.numRowsAffected();
        else
            m_lastError = fill.lastError().text();
    }
    if (tx) {
        if (ok)
            db.commit();
        else
            db.rollback();
    }
    m_available = ok;
    if (!ok)
        qCWarning(lcApp) << "search index unavailable:" << m_lastError;
    else if (m_migrated > 0)
        qCInfo(lcApp) << "search index built for" << m_migrated << "stored messages";
}

bool SearchIndex::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(sql)) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

QList<SearchHit> SearchIndex::search(const SearchQuery &query, int limit) const
{
    QList<SearchHit> hits;
    if (!m_available || query.isEmpty() || limit <= 0)
        return hits;
    const QString fts = query.ftsExpression();
    const QStringList likes = query.likePatterns();
    // The inner query takes the most recently stored matches (FTS5 walks its rowids, = messages.seq,
    // backwards and stops early: ~20 ms instead of ~300 ms for a word in all of 100k messages); the
    // outer one orders them by time. A window twice the limit keeps relayed (backfilled) messages,
    // stored after newer ones, in their place by time.
    QString inner =
        fts.isEmpty()
            // No word to give FTS5 (emoji, punctuation): a literal scan, newest first.
            ? QStringLiteral("SELECT m.seq FROM messages m WHERE m.gap_end IS NULL")
            : QStringLiteral("SELECT m.seq FROM messages_fts JOIN messages m ON m.seq = messages_fts.rowid"
                             " WHERE messages_fts MATCH ? AND m.gap_end IS NULL");
    for (qsizetype i = 0; i < likes.size(); ++i)
        inner += QStringLiteral(" AND m.text LIKE ? ESCAPE '\\'");
    inner += QStringLiteral(" AND m.room IN (SELECT name FROM rooms) ORDER BY ") +
             (fts.isEmpty() ? QStringLiteral("m.seq") : QStringLiteral("messages_fts.rowid")) +
             QStringLiteral(" DESC LIMIT ?");
    const QString sql = QStringLiteral("SELECT m.room, m.id, m.sender_id, m.text, m.ts FROM (") + inner +
                        QStringLiteral(") hits JOIN messages m ON m.seq = hits.seq"
                                       " ORDER BY m.ts DESC, m.seq DESC LIMIT ?");
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(sql);
    if (!fts.isEmpty())
        q.addBindValue(fts);
    for (const QString &like : likes)
        q.addBindValue(like);
    q.addBindValue(limit * 2);
    q.addBindValue(limit);
    if (!q.exec()) {
        // Cannot happen for a well-formed expression; logged, never shown as an error to the user.
        m_lastError = q.lastError().text();
        qCWarning(lcApp) << "search failed:" << m_lastError;
        return hits;
    }
    while (q.next()) {
        SearchHit hit;
        hit.room = q.value(0).toString();
        hit.messageId = q.value(1).toString();
        hit.senderId = q.value(2).toString();
        hit.text = q.value(3).toString();
        hit.timestamp = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
        hit.ranges = query.matches(hit.text);
        hit.snippet = SearchQuery::snippet(hit.text, &hit.ranges);
        hits.append(hit);
    }
    return hits;
}

} // namespace Hubbub
