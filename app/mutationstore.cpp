// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "mutationstore.h"

#include "logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Hubbub {

namespace {
bool run(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qCWarning(lcApp) << "history (edits/reactions):" << q.lastError().text();
    return false;
}
} // namespace

MutationStore::MutationStore(const QString &connectionName)
    : m_connectionName(connectionName)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    // seq keeps the order reactions arrived in (chips show in that order).
    for (const char *sql :
         {"CREATE TABLE IF NOT EXISTS reactions (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
          " room TEXT NOT NULL, message_id TEXT NOT NULL, emoji TEXT NOT NULL, user_id TEXT NOT NULL,"
          " UNIQUE(room, message_id, emoji, user_id))",
          "CREATE INDEX IF NOT EXISTS reactions_message ON reactions(room, message_id)",
          "CREATE TABLE IF NOT EXISTS applied_ops (room TEXT NOT NULL, id TEXT NOT NULL,"
          " PRIMARY KEY(room, id))"}) {
        if (!q.exec(QString::fromLatin1(sql)))
            qCWarning(lcApp) << "history (edits/reactions):" << q.lastError().text();
    }
    // When each op was applied, for pruning. Ids from before this column count as applied now:
    // they are kept a full kKeepApplied more.
    bool hasAppliedAt = false;
    if (q.exec(QStringLiteral("PRAGMA table_info(applied_ops)"))) {
        while (q.next())
            hasAppliedAt = hasAppliedAt || q.value(1).toString() == u"applied_at";
    }
    if (!hasAppliedAt &&
        q.exec(QStringLiteral("ALTER TABLE applied_ops ADD COLUMN applied_at INTEGER NOT NULL"
                              " DEFAULT 0"))) {
        q.prepare(QStringLiteral("UPDATE applied_ops SET applied_at = ?"));
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        run(q);
    }
    if (!q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS applied_ops_at ON applied_ops(applied_at)")))
        qCWarning(lcApp) << "history (edits/reactions):" << q.lastError().text();
    pruneApplied();
}

int MutationStore::pruneApplied(const QDateTime &now)
{
    m_appliedSincePrune = 0;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM applied_ops WHERE applied_at < ?"));
    q.addBindValue(now.addSecs(-std::chrono::duration_cast<std::chrono::seconds>(kKeepApplied).count())
                       .toMSecsSinceEpoch());
    return run(q) ? q.numRowsAffected() : 0;
}

bool MutationStore::isStale(const QDateTime &timestamp, const QDateTime &now)
{
    // No `ts` (not a Hubbub client): nothing to go by, deduplicated by id alone.
    return timestamp.isValid() &&
           timestamp < now.addSecs(-std::chrono::duration_cast<std::chrono::seconds>(kStaleAfter).count());
}

std::optional<MutationStore::Target> MutationStore::target(const QString &room,
                                                           const QString &messageId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT sender_id, relayed_by, own, deleted, gap_end IS NOT NULL FROM messages"
                             " WHERE room = ? AND id = ?"));
    q.addBindValue(room);
    q.addBindValue(messageId);
    if (!run(q) || !q.next())
        return std::nullopt;
    return Target{q.value(0).toString(), q.value(1).toString(), q.value(2).toBool(), q.value(3).toBool(),
                  q.value(4).toBool()};
}

bool MutationStore::markApplied(const QString &room, const QString &opId)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (++m_appliedSincePrune >= kPruneEvery)
        pruneApplied();
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO applied_ops (room, id, applied_at) VALUES (?, ?, ?)"));
    q.addBindValue(room);
    q.addBindValue(opId);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return run(q) && q.numRowsAffected() > 0;
}

bool MutationStore::isApplied(const QString &room, const QString &opId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT 1 FROM applied_ops WHERE room = ? AND id = ?"));
    q.addBindValue(room);
    q.addBindValue(opId);
    return run(q) && q.next();
}

bool MutationStore::setEdited(const QString &room, const QString &messageId, const QString &text)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(
        QStringLiteral("UPDATE messages SET text = ?, edited = 1 WHERE room = ? AND id = ? AND deleted = 0"));
    q.addBindValue(text);
    q.addBindValue(room);
    q.addBindValue(messageId);
    return run(q) && q.numRowsAffected() > 0;
}

bool MutationStore::setDeleted(const QString &room, const QString &messageId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const bool tx = db.transaction();
    QSqlQuery q(db);
    // The text is gone from the file, not just hidden (an empty string: the column is NOT NULL).
    q.prepare(
        QStringLiteral("UPDATE messages SET text = '', edited = 0, deleted = 1 WHERE room = ? AND id = ?"));
    q.addBindValue(room);
    q.addBindValue(messageId);
    const bool ok = run(q) && q.numRowsAffected() > 0;
    QSqlQuery r(db);
    r.prepare(QStringLiteral("DELETE FROM reactions WHERE room = ? AND message_id = ?"));
    r.addBindValue(room);
    r.addBindValue(messageId);
    run(r);
    // A deleted picture's bytes go too (PictureStore's table, when this history has one).
    if (db.tables().contains(QStringLiteral("pictures"))) {
        QSqlQuery p(db);
        p.prepare(QStringLiteral("DELETE FROM pictures WHERE room = ? AND id = ?"));
        p.addBindValue(room);
        p.addBindValue(messageId);
        run(p);
    }
    if (tx)
        db.commit();
    return ok;
}

bool MutationStore::setReaction(const QString &room, const QString &messageId, const QString &emoji,
                                const QString &userId, bool on)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(on ? QStringLiteral("INSERT OR IGNORE INTO reactions (room, message_id, emoji, user_id)"
                                  " VALUES (?, ?, ?, ?)")
                 : QStringLiteral("DELETE FROM reactions WHERE room = ? AND message_id = ? AND emoji = ?"
                                  " AND user_id = ?"));
    q.addBindValue(room);
    q.addBindValue(messageId);
    q.addBindValue(emoji);
    q.addBindValue(userId);
    return run(q);
}

QHash<QString, QList<std::pair<QString, QString>>>
MutationStore::reactions(const QString &room, const QStringList &messageIds) const
{
    QHash<QString, QList<std::pair<QString, QString>>> out;
    if (messageIds.isEmpty())
        return out;
    // One query per chunk of ids (SQLite bounds the bound variables); ids are bound, never spliced.
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < messageIds.size(); from += kChunk) {
        const QStringList chunk = messageIds.mid(from, kChunk);
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        QStringList marks;
        for (qsizetype i = 0; i < chunk.size(); ++i)
            marks.append(QStringLiteral("?"));
        q.prepare(QStringLiteral("SELECT message_id, emoji, user_id FROM reactions WHERE room = ?"
                                 " AND message_id IN (") +
                  marks.join(u',') + QStringLiteral(") ORDER BY seq"));
        q.addBindValue(room);
        for (const QString &id : chunk)
            q.addBindValue(id);
        if (!run(q))
            return out;
        while (q.next())
            out[q.value(0).toString()].append({q.value(1).toString(), q.value(2).toString()});
    }
    return out;
}

} // namespace Hubbub
