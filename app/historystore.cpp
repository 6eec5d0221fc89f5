// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "historystore.h"

#include "logging.h"
#include "walcheckpointer.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace Hubbub {

namespace {
ChatMessage readMessage(const QSqlQuery &q)
{
    ChatMessage m;
    m.room = q.value(0).toString();
    m.id = q.value(1).toString();
    m.senderId = q.value(2).toString();
    m.senderName = q.value(3).toString();
    m.text = q.value(4).toString();
    m.timestamp = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC);
    m.own = q.value(6).toBool();
    m.status = deliveryStatusFromName(q.value(7).toString());
    m.relayedBy = q.value(8).toString();
    // A gap marker row: its window ends at gap_end (NULL for messages).
    m.gapMarker = !q.value(9).isNull();
    if (m.gapMarker)
        m.gapEnd = QDateTime::fromMSecsSinceEpoch(q.value(9).toLongLong(), Qt::UTC);
    m.gapFilled = q.value(10).toInt();
    m.replyTo = {q.value(11).toString(), q.value(12).toString(), q.value(13).toString()};
    m.mentionsMe = q.value(14).toBool();
    m.picture = q.value(15).toBool();
    m.edited = q.value(16).toBool();
    m.deleted = q.value(17).toBool();
    return m;
}
const auto kColumns =
    QStringLiteral("room, id, sender_id, sender_name, text, ts, own, status, relayed_by, gap_end, gap_filled,"
                   " reply_to_id, reply_to_sender, reply_to_text, mentions_me, picture");
// What is read back: the inserted columns plus those only edits and deletes change (MutationStore).
const auto kSelectColumns = kColumns + QStringLiteral(", edited, deleted");
} // namespace

HistoryStore::HistoryStore(const QString &path)
    : m_path(path)
    , m_connectionName(QStringLiteral("hubbub-history-") + QUuid::createUuid().toString(QUuid::Id128))
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        m_lastError = db.lastError().text();
        qCWarning(lcApp) << "cannot open history" << path << m_lastError;
        return;
    }
    // WAL keeps the UI responsive while writing; a crash loses at most the last transaction.
    QString journalMode;
    {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && q.next())
            journalMode = q.value(0).toString();
    }
    exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    // The checkpoints (the only syncs left in WAL mode with synchronous=NORMAL) run on a worker
    // thread instead of inside whichever commit of this (GUI) thread crosses SQLite's threshold.
    if (journalMode.compare(u"wal", Qt::CaseInsensitive) == 0) {
        m_checkpointer = std::make_unique<WalCheckpointer>(m_connectionName);
        if (!m_checkpointer->isRunning())
            m_checkpointer.reset();
    }
    exec(QStringLiteral("CREATE TABLE IF NOT EXISTS messages ("
                        " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " room TEXT NOT NULL, id TEXT NOT NULL,"
                        " sender_id TEXT NOT NULL DEFAULT '', sender_name TEXT NOT NULL DEFAULT '',"
                        " text TEXT NOT NULL, ts INTEGER NOT NULL, own INTEGER NOT NULL DEFAULT 0,"
                        " status TEXT NOT NULL DEFAULT 'received',"
                        " UNIQUE(room, id))"));
    exec(QStringLiteral("CREATE INDEX IF NOT EXISTS messages_room_seq ON messages(room, seq)"));
    // Relayed (backfilled) messages must stay marked as relayed after a restart; histories from
    // before backfill get the column, empty (= received directly).
    {
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        bool hasRelayedBy = false, hasGapEnd = false, hasEdited = false, hasReplyTo = false,
             hasPicture = false;
        if (q.exec(QStringLiteral("PRAGMA table_info(messages)"))) {
            while (q.next()) {
                hasRelayedBy = hasRelayedBy || q.value(1).toString() == u"relayed_by";
                hasGapEnd = hasGapEnd || q.value(1).toString() == u"gap_end";
                hasEdited = hasEdited || q.value(1).toString() == u"edited";
                hasReplyTo = hasReplyTo || q.value(1).toString() == u"reply_to_id";
                hasPicture = hasPicture || q.value(1).toString() == u"picture";
            }
        }
        // Replies keep their quote and mentions their highlight across restarts (issue 10).
        if (!hasReplyTo) {
            for (const char *column : {"reply_to_id", "reply_to_sender", "reply_to_text"})
                exec(QStringLiteral("ALTER TABLE messages ADD COLUMN %1 TEXT NOT NULL DEFAULT ''")
                         .arg(QLatin1StringView(column)));
            exec(QStringLiteral("ALTER TABLE messages ADD COLUMN mentions_me INTEGER NOT NULL DEFAULT 0"));
        }
        if (!hasRelayedBy)
            exec(QStringLiteral("ALTER TABLE messages ADD COLUMN relayed_by TEXT NOT NULL DEFAULT ''"));
        // Gap markers ("Disconnected 10:02–10:03 — …") are rows in the timeline too, so a restart
        // still shows where messages may be missing and how many were filled: gap_end is set
        // only on them (NULL on messages), gap_filled counts the messages filled from peers.
        if (!hasGapEnd) {
            exec(QStringLiteral("ALTER TABLE messages ADD COLUMN gap_end INTEGER"));
            exec(QStringLiteral("ALTER TABLE messages ADD COLUMN gap_filled INTEGER NOT NULL DEFAULT 0"));
        }
        // Edited text replaces `text`; a deleted message keeps only its row (text emptied).
        if (!hasEdited) {
            exec(QStringLiteral("ALTER TABLE messages ADD COLUMN edited INTEGER NOT NULL DEFAULT 0"));
            exec(QStringLiteral("ALTER TABLE messages ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0"));
        }
        // Picture messages (their bytes are in the pictures table, PictureStore).
        if (!hasPicture)
            exec(QStringLiteral("ALTER TABLE messages ADD COLUMN picture INTEGER NOT NULL DEFAULT 0"));
    }
    exec(QStringLiteral("CREATE TABLE IF NOT EXISTS rooms ("
                        " name TEXT PRIMARY KEY, unread INTEGER NOT NULL DEFAULT 0,"
                        " muted INTEGER NOT NULL DEFAULT 0, position INTEGER NOT NULL DEFAULT 0)"));
}

HistoryStore::~HistoryStore()
{
    m_checkpointer.reset(); // its connection closes before ours
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString HistoryStore::defaultPath(const QString &profile)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + profile +
           QStringLiteral("/history.sqlite");
}

bool HistoryStore::isOpen() const
{
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

bool HistoryStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(sql)) {
        m_lastError = q.lastError().text();
        qCWarning(lcApp) << "history:" << m_lastError;
        return false;
    }
    return true;
}

bool HistoryStore::insert(const ChatMessage &m)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO messages (") + kColumns +
              QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // A null QString binds as SQL NULL, which the NOT NULL columns reject, and INSERT OR IGNORE
    // would drop the message silently: an anonymous sender or a name withheld is "", not NULL.
    const auto notNull = [](const QString &s) { return s.isNull() ? QStringLiteral("") : s; };
    q.addBindValue(m.room);
    q.addBindValue(m.id);
    q.addBindValue(notNull(m.senderId));
    q.addBindValue(notNull(m.senderName));
    q.addBindValue(notNull(m.text));
    q.addBindValue(m.timestamp.toMSecsSinceEpoch());
    q.addBindValue(m.own ? 1 : 0);
    q.addBindValue(deliveryStatusName(m.status));
    q.addBindValue(notNull(m.relayedBy));
    q.addBindValue(m.gapMarker ? QVariant(m.gapEnd.toMSecsSinceEpoch())
                               : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(m.gapMarker ? m.gapFilled : 0);
    q.addBindValue(notNull(m.replyTo.id));
    q.addBindValue(notNull(m.replyTo.sender));
    q.addBindValue(notNull(m.replyTo.text));
    q.addBindValue(m.mentionsMe ? 1 : 0);
    q.addBindValue(m.picture ? 1 : 0);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        qCWarning(lcApp) << "history insert:" << m_lastError;
        return false;
    }
    return q.numRowsAffected() > 0;
}

int HistoryStore::insertMany(const QList<ChatMessage> &messages)
{
    return int(insertNew(messages).size());
}

QList<ChatMessage> HistoryStore::insertNew(const QList<ChatMessage> &messages)
{
    QList<ChatMessage> fresh;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // One transaction per batch: a burst of messages costs one fsync, not one each.
    const bool tx = db.transaction();
    for (const ChatMessage &m : messages) {
        if (insert(m))
            fresh.append(m);
    }
    if (tx)
        db.commit();
    return fresh;
}

bool HistoryStore::updateStatus(const QString &room, const QString &messageId, DeliveryStatus status)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("UPDATE messages SET status = ? WHERE room = ? AND id = ?"));
    q.addBindValue(deliveryStatusName(status));
    q.addBindValue(room);
    q.addBindValue(messageId);
    return q.exec() && q.numRowsAffected() > 0;
}

bool HistoryStore::setGapFilled(const QString &room, const QString &markerId, int filled)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral(
        "UPDATE messages SET gap_filled = ? WHERE room = ? AND id = ? AND gap_end IS NOT NULL"));
    q.addBindValue(filled);
    q.addBindValue(room);
    q.addBindValue(markerId);
    return q.exec() && q.numRowsAffected() > 0;
}

bool HistoryStore::remove(const QString &room, const QString &messageId)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM messages WHERE room = ? AND id = ?"));
    q.addBindValue(room);
    q.addBindValue(messageId);
    return q.exec() && q.numRowsAffected() > 0;
}

bool HistoryStore::contains(const QString &room, const QString &messageId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT 1 FROM messages WHERE room = ? AND id = ?"));
    q.addBindValue(room);
    q.addBindValue(messageId);
    return q.exec() && q.next();
}

std::optional<QString> HistoryStore::senderOf(const QString &room, const QString &messageId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT sender_id FROM messages WHERE room = ? AND id = ?"));
    q.addBindValue(room);
    q.addBindValue(messageId);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return std::nullopt;
}

std::optional<ChatMessage> HistoryStore::message(const QString &room, const QString &messageId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT ") + kSelectColumns +
              QStringLiteral(" FROM messages WHERE room = ? AND id = ?"));
    q.addBindValue(room);
    q.addBindValue(messageId);
    if (q.exec() && q.next())
        return readMessage(q);
    return std::nullopt;
}

bool HistoryStore::checkpoint()
{
    if (m_checkpointer) {
        // TRUNCATE needs the log to itself: the worker's connection goes first.
        m_checkpointer->stop();
        m_checkpointer.reset();
    }
    return isOpen() && exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

int HistoryStore::count(const QString &room) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE room = ? AND gap_end IS NULL"));
    q.addBindValue(room);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

QList<ChatMessage> HistoryStore::selectMessages(const QString &sql, const QVariantList &binds,
                                                Order order) const
{
    QList<ChatMessage> out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(sql);
    for (const QVariant &value : binds)
        q.addBindValue(value);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next()) {
        if (order == Order::NewestFirst)
            out.prepend(readMessage(q));
        else
            out.append(readMessage(q));
    }
    return out;
}

QList<ChatMessage> HistoryStore::latest(const QString &room, int limit) const
{
    return selectMessages(QStringLiteral("SELECT ") + kSelectColumns +
                              QStringLiteral(" FROM messages WHERE room = ? ORDER BY seq DESC LIMIT ?"),
                          {room, limit}, Order::NewestFirst);
}

QList<ChatMessage> HistoryStore::receivedBetween(const QString &room, const QDateTime &from,
                                                 const QDateTime &to, int limit) const
{
    // Only what this instance saw itself: received directly (not relayed) or own and sent; never a
    // gap marker.
    return selectMessages(
        QStringLiteral("SELECT ") + kSelectColumns +
            QStringLiteral(" FROM messages WHERE room = ? AND ts >= ? AND ts <= ? AND relayed_by = ''"
                           " AND gap_end IS NULL AND deleted = 0"
                           " AND status IN (?, ?) ORDER BY ts ASC, seq ASC LIMIT ?"),
        {room, from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch(), deliveryStatusName(DeliveryStatus::Received),
         deliveryStatusName(DeliveryStatus::Sent), limit});
}

QList<ChatMessage> HistoryStore::olderThan(const QString &room, const QString &beforeMessageId,
                                           int limit) const
{
    return selectMessages(
        QStringLiteral("SELECT ") + kSelectColumns +
            QStringLiteral(" FROM messages WHERE room = ? AND seq < (SELECT seq FROM messages WHERE room = ?"
                           " AND id = ?) ORDER BY seq DESC LIMIT ?"),
        {room, room, beforeMessageId, limit}, Order::NewestFirst);
}

QList<ChatMessage> HistoryStore::around(const QString &room, const QString &messageId, int before,
                                        int after) const
{
    // Two halves around the message's seq, each using the (room, seq) index.
    return selectMessages(
        QStringLiteral("WITH target AS (SELECT seq FROM messages WHERE room = ? AND id = ?)"
                       " SELECT * FROM (SELECT ") +
            kSelectColumns +
            QStringLiteral(", seq FROM messages WHERE room = ? AND seq <= (SELECT seq FROM target)"
                           " ORDER BY seq DESC LIMIT ?) UNION ALL SELECT * FROM (SELECT ") +
            kSelectColumns +
            QStringLiteral(", seq FROM messages WHERE room = ? AND seq > (SELECT seq FROM target)"
                           " ORDER BY seq ASC LIMIT ?) ORDER BY seq"),
        {room, messageId, room, qMax(0, before) + 1, room, qMax(0, after)});
}

QList<ChatMessage> HistoryStore::between(const QString &room, const QString &fromMessageId,
                                         const QString &beforeMessageId) const
{
    return selectMessages(
        QStringLiteral("SELECT ") + kSelectColumns +
            QStringLiteral(" FROM messages WHERE room = ?"
                           " AND seq >= (SELECT seq FROM messages WHERE room = ? AND id = ?)"
                           " AND seq < COALESCE((SELECT seq FROM messages WHERE room = ? AND id = ?),"
                           " 9223372036854775807) ORDER BY seq ASC"),
        {room, room, fromMessageId, room, beforeMessageId});
}

QList<ChatMessage> HistoryStore::pendingOwn() const
{
    return selectMessages(QStringLiteral("SELECT ") + kSelectColumns +
                              QStringLiteral(" FROM messages WHERE own = 1 AND status = ? ORDER BY seq ASC"),
                          {deliveryStatusName(DeliveryStatus::Sending)});
}

QList<HistoryStore::RoomState> HistoryStore::rooms() const
{
    QList<RoomState> out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT name, unread, muted FROM rooms ORDER BY position, name")))
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toInt(), q.value(2).toBool()});
    return out;
}

bool HistoryStore::saveRoom(const RoomState &room)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    // Keep the join order: a new room goes last, an existing one keeps its position.
    q.prepare(
        QStringLiteral("INSERT INTO rooms (name, unread, muted, position) VALUES (?, ?, ?,"
                       " (SELECT COALESCE(MAX(position), 0) + 1 FROM rooms))"
                       " ON CONFLICT(name) DO UPDATE SET unread = excluded.unread, muted = excluded.muted"));
    q.addBindValue(room.name);
    q.addBindValue(room.unread);
    q.addBindValue(room.muted ? 1 : 0);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool HistoryStore::removeRoom(const QString &name)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM rooms WHERE name = ?"));
    q.addBindValue(name);
    return q.exec();
}

} // namespace Hubbub
