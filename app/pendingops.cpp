// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "pendingops.h"

#include "logging.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Hubbub {

namespace {
bool run(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qCWarning(lcApp) << "history (pending operations):" << q.lastError().text();
    return false;
}
} // namespace

PendingOps::PendingOps(const QString &connectionName)
    : m_connectionName(connectionName)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS pending_ops (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " room TEXT NOT NULL, id TEXT NOT NULL UNIQUE, envelope TEXT NOT NULL)")))
        qCWarning(lcApp) << "history (pending operations):" << q.lastError().text();
}

bool PendingOps::add(const Op &op)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO pending_ops (room, id, envelope) VALUES (?, ?, ?)"));
    q.addBindValue(op.room);
    q.addBindValue(op.id);
    q.addBindValue(QString::fromUtf8(QJsonDocument(op.envelope).toJson(QJsonDocument::Compact)));
    return run(q);
}

bool PendingOps::remove(const QString &opId)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM pending_ops WHERE id = ?"));
    q.addBindValue(opId);
    return run(q) && q.numRowsAffected() > 0;
}

bool PendingOps::removeRoom(const QString &room)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM pending_ops WHERE room = ?"));
    q.addBindValue(room);
    return run(q);
}

QList<PendingOps::Op> PendingOps::all() const
{
    QList<Op> out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT room, id, envelope FROM pending_ops ORDER BY seq"));
    if (!run(q))
        return out;
    while (q.next()) {
        const QJsonObject envelope = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        if (!envelope.isEmpty())
            out.append({q.value(0).toString(), q.value(1).toString(), envelope});
    }
    return out;
}

} // namespace Hubbub
