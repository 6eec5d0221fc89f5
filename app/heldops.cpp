// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "heldops.h"

#include "logging.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Hubbub {

namespace {
// An error is logged and the op stays held in memory: it still applies this session.
bool run(QSqlQuery &q)
{
    const bool ok = q.exec();
    if (!ok)
        qCWarning(lcApp) << "history (held operations):" << q.lastError().text();
    return ok;
}

QDateTime expiry(const QDateTime &now)
{
    return now.addSecs(-std::chrono::duration_cast<std::chrono::seconds>(HeldOps::kMaxAge).count());
}
} // namespace

HeldOps::HeldOps(const QString &connectionName)
    : m_connectionName(connectionName)
{
    if (!persistent())
        return;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    for (const char *sql : {"CREATE TABLE IF NOT EXISTS held_ops (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " room TEXT NOT NULL, id TEXT NOT NULL, from_user_id TEXT NOT NULL,"
                            " kind TEXT NOT NULL, target TEXT NOT NULL, envelope TEXT NOT NULL,"
                            " arrived INTEGER NOT NULL, UNIQUE(room, id))",
                            "CREATE INDEX IF NOT EXISTS held_ops_arrived ON held_ops(arrived)"}) {
        if (!q.exec(QString::fromLatin1(sql)))
            qCWarning(lcApp) << "history (held operations):" << q.lastError().text();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    q.prepare(QStringLiteral("DELETE FROM held_ops WHERE arrived < ?"));
    q.addBindValue(expiry(now).toMSecsSinceEpoch());
    run(q);
    q.prepare(QStringLiteral("SELECT room, id, from_user_id, envelope, arrived FROM held_ops ORDER BY seq"));
    if (!run(q))
        return;
    QHash<QString, QStringList> unreadable;
    while (q.next()) {
        const QString room = q.value(0).toString();
        // Parsed again like a received envelope: a row that no longer reads as an op is dropped.
        const auto env =
            MessageEnvelope::fromJson(QJsonDocument::fromJson(q.value(3).toByteArray()).object());
        if (!env || !env->isMutation() || env->id != q.value(1).toString()) {
            unreadable[room].append(q.value(1).toString());
            continue;
        }
        m_held[room].append({room, q.value(2).toString(), *env,
                             QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC)});
    }
    for (auto it = unreadable.cbegin(); it != unreadable.cend(); ++it)
        eraseRows(it.key(), it.value());
    const QStringList rooms = m_held.keys();
    for (const QString &room : rooms)
        trim(room, now);
}

bool HeldOps::persistent() const
{
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

bool HeldOps::add(const QString &room, const QString &fromUserId, const MessageEnvelope &env,
                  const QDateTime &arrived)
{
    QList<Op> &held = m_held[room];
    for (const Op &op : std::as_const(held)) {
        if (op.env.id == env.id)
            return false; // a resend of one already waiting
    }
    held.append({room, fromUserId, env, arrived.toUTC()});
    if (persistent()) {
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        q.prepare(
            QStringLiteral("INSERT OR IGNORE INTO held_ops (room, id, from_user_id, kind, target, envelope,"
                           " arrived) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(room);
        q.addBindValue(env.id);
        q.addBindValue(fromUserId);
        q.addBindValue(MessageEnvelope::kindName(env.kind));
        q.addBindValue(env.target);
        q.addBindValue(QString::fromUtf8(QJsonDocument(env.toJson()).toJson(QJsonDocument::Compact)));
        q.addBindValue(arrived.toMSecsSinceEpoch());
        run(q);
    }
    trim(room, QDateTime::currentDateTimeUtc());
    return true;
}

void HeldOps::trim(const QString &room, const QDateTime &now)
{
    const auto it = m_held.find(room);
    if (it == m_held.end())
        return;
    // Oldest first, so both bounds cut from the front.
    QStringList gone;
    const QDateTime cutoff = expiry(now);
    while (!it->isEmpty() && (it->size() > kMaxPerRoom || it->constFirst().arrived < cutoff))
        gone.append(it->takeFirst().env.id);
    if (it->isEmpty())
        m_held.erase(it);
    if (!gone.isEmpty()) {
        qCInfo(lcApp) << gone.size() << "held operations dropped in" << room << "(bound or age)";
        eraseRows(room, gone);
    }
}

QList<HeldOps::Op> HeldOps::take(const QString &room, const std::function<bool(const Op &)> &ready)
{
    QList<Op> out;
    const auto it = m_held.find(room);
    if (it == m_held.end())
        return out;
    for (qsizetype i = 0; i < it->size();) {
        if (ready(it->at(i)))
            out.append(it->takeAt(i));
        else
            ++i;
    }
    if (it->isEmpty())
        m_held.erase(it);
    return out;
}

void HeldOps::restore(const Op &op)
{
    QList<Op> &held = m_held[op.room];
    for (const Op &h : std::as_const(held)) {
        if (h.env.id == op.env.id)
            return;
    }
    held.append(op);
}

void HeldOps::erase(const QString &room, const QString &opId)
{
    eraseRows(room, {opId});
}

void HeldOps::eraseRows(const QString &room, const QStringList &opIds)
{
    if (!persistent() || opIds.isEmpty())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const bool tx = db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM held_ops WHERE room = ? AND id = ?"));
    for (const QString &id : opIds) {
        q.bindValue(0, room);
        q.bindValue(1, id);
        run(q);
    }
    if (tx)
        db.commit();
}

void HeldOps::removeRoom(const QString &room)
{
    m_held.remove(room);
    if (!persistent())
        return;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM held_ops WHERE room = ?"));
    q.addBindValue(room);
    run(q);
}

} // namespace Hubbub
