// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "picturestore.h"

#include "historystore.h"
#include "logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUrl>

namespace Hubbub {

PictureStore::PictureStore(const HistoryStore *history)
    : m_connectionName(history->connectionName())
{
    if (!isOpen())
        return;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS pictures ("
                               " room TEXT NOT NULL, id TEXT NOT NULL, sender_id TEXT NOT NULL,"
                               " mime TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,"
                               " name TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY(room, id))")))
        qCWarning(lcApp) << "pictures:" << q.lastError().text();
}

QString PictureStore::source(const QString &room, const QString &id)
{
    return QStringLiteral("image://hubbub/") + QString::fromLatin1(QUrl::toPercentEncoding(room)) +
           QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

bool PictureStore::parseSource(const QString &providerId, QString *room, QString *id)
{
    // The engine may hand the id percent-decoded or not; encoded parts contain no '/'.
    const QStringList parts = providerId.split(QLatin1Char('/'));
    if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return false;
    *room = QUrl::fromPercentEncoding(parts.at(0).toUtf8());
    *id = QUrl::fromPercentEncoding(parts.at(1).toUtf8());
    return true;
}

bool PictureStore::isOpen() const
{
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

bool PictureStore::insert(const Picture &p)
{
    if (!isOpen())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(
        QStringLiteral("INSERT OR IGNORE INTO pictures (room, id, sender_id, mime, width, height, name, data)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const auto notNull = [](const QString &s) { return s.isNull() ? QStringLiteral("") : s; };
    q.addBindValue(p.room);
    q.addBindValue(p.id);
    q.addBindValue(notNull(p.senderId));
    q.addBindValue(p.mime);
    q.addBindValue(p.size.width());
    q.addBindValue(p.size.height());
    q.addBindValue(notNull(p.name));
    q.addBindValue(p.bytes);
    if (!q.exec()) {
        qCWarning(lcApp) << "pictures insert:" << q.lastError().text();
        return false;
    }
    return q.numRowsAffected() > 0;
}

std::optional<PictureStore::Picture> PictureStore::find(const QString &room, const QString &id) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT sender_id, mime, width, height, name, data FROM pictures"
                             " WHERE room = ? AND id = ?"));
    q.addBindValue(room);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Picture{room,
                   id,
                   q.value(0).toString(),
                   q.value(1).toString(),
                   QSize(q.value(2).toInt(), q.value(3).toInt()),
                   q.value(4).toString(),
                   q.value(5).toByteArray()};
}

bool PictureStore::remove(const QString &room, const QString &id)
{
    if (!isOpen())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM pictures WHERE room = ? AND id = ?"));
    q.addBindValue(room);
    q.addBindValue(id);
    return q.exec();
}

} // namespace Hubbub
