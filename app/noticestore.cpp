// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "noticestore.h"

#include "historystore.h"
#include "logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Hubbub {

namespace {
QSqlQuery query(const QString &connectionName)
{
    return QSqlQuery(QSqlDatabase::database(connectionName, false));
}
bool run(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qCWarning(lcApp) << "notices:" << q.lastError().text();
    return false;
}
//! The number a `SELECT COUNT(*)` \a sql answers; 0 when it fails.
int countOf(const QString &connectionName, const QString &sql)
{
    QSqlQuery q = query(connectionName);
    q.prepare(sql);
    return run(q) && q.next() ? q.value(0).toInt() : 0;
}
} // namespace

NoticeStore::NoticeStore(const HistoryStore *history)
    : m_connectionName(history->connectionName())
{
    if (!isOpen())
        return;
    QSqlQuery q = query(m_connectionName);
    q.prepare(QStringLiteral("CREATE TABLE IF NOT EXISTS notices ("
                             " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                             " id TEXT NOT NULL UNIQUE, text TEXT NOT NULL, data_type TEXT NOT NULL,"
                             " sequence_id INTEGER, received_at INTEGER NOT NULL,"
                             " read INTEGER NOT NULL DEFAULT 0)"));
    run(q);
}

bool NoticeStore::isOpen() const
{
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

bool NoticeStore::insert(const Notice &notice)
{
    if (!isOpen())
        return false;
    QSqlQuery q = query(m_connectionName);
    q.prepare(
        QStringLiteral("INSERT OR IGNORE INTO notices (id, text, data_type, sequence_id, received_at, read)"
                       " VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(notice.id);
    q.addBindValue(notice.text);
    q.addBindValue(notice.dataType);
    q.addBindValue(notice.sequenceId ? QVariant(qint64(*notice.sequenceId)) : QVariant());
    q.addBindValue(notice.receivedAt.toMSecsSinceEpoch());
    q.addBindValue(notice.read ? 1 : 0);
    if (!run(q) || q.numRowsAffected() != 1)
        return false;
    QSqlQuery prune = query(m_connectionName);
    prune.prepare(QStringLiteral("DELETE FROM notices WHERE seq <= (SELECT MAX(seq) FROM notices) - ?"));
    prune.addBindValue(kMaxStored);
    run(prune);
    return true;
}

QList<Notice> NoticeStore::latest(int limit) const
{
    QList<Notice> out;
    if (!isOpen())
        return out;
    QSqlQuery q = query(m_connectionName);
    q.prepare(QStringLiteral("SELECT id, text, data_type, sequence_id, received_at, read FROM notices"
                             " ORDER BY seq DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!run(q))
        return out;
    while (q.next()) {
        Notice n;
        n.id = q.value(0).toString();
        n.text = q.value(1).toString();
        n.dataType = q.value(2).toString();
        if (!q.value(3).isNull())
            n.sequenceId = quint64(q.value(3).toLongLong());
        n.receivedAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
        n.read = q.value(5).toInt() != 0;
        out.prepend(n);
    }
    return out;
}

int NoticeStore::unreadCount() const
{
    return isOpen() ? countOf(m_connectionName, QStringLiteral("SELECT COUNT(*) FROM notices WHERE read = 0"))
                    : 0;
}

int NoticeStore::count() const
{
    return isOpen() ? countOf(m_connectionName, QStringLiteral("SELECT COUNT(*) FROM notices")) : 0;
}

void NoticeStore::markAllRead()
{
    if (!isOpen())
        return;
    QSqlQuery q = query(m_connectionName);
    q.prepare(QStringLiteral("UPDATE notices SET read = 1 WHERE read = 0"));
    run(q);
}

} // namespace Hubbub
