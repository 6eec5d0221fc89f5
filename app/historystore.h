// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The local message history of one profile: SQLite via Qt SQL, one row per message.
//!
//! The service stores nothing, so this is what makes a restart show the conversation. A message
//! id is UNIQUE per room and inserted with INSERT OR IGNORE, so a message delivered twice (outbox
//! resend, recovery) can never be stored twice. Only prepared statements with bound values.
#pragma once

#include "chatmessage.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

namespace Hubbub {

class WalCheckpointer;

class HistoryStore
{
public:
    //! Opens (creating) \a path with its own QSqlDatabase connection name.
    explicit HistoryStore(const QString &path);
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    //! `QStandardPaths::AppDataLocation/<profile>/history.sqlite`.
    static QString defaultPath(const QString &profile);

    bool isOpen() const;
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }
    //! The QSqlDatabase connection of this history, for the classes that keep their own tables in
    //! it (MutationStore, PendingOps, SearchIndex, Drafts, NoticeStore, PictureStore).
    QString connectionName() const { return m_connectionName; }

    //! Stores \a message; false if its id is already stored in its room (nothing changes then).
    bool insert(const ChatMessage &message);
    //! Stores many in one transaction; returns how many were new.
    int insertMany(const QList<ChatMessage> &messages);
    //! Stores \a messages in one transaction and returns those that were new (in order).
    QList<ChatMessage> insertNew(const QList<ChatMessage> &messages);
    bool updateStatus(const QString &room, const QString &messageId, DeliveryStatus status);
    //! Gap markers are stored with insert() (ChatMessage::gapMarker) and come back from latest()
    //! and olderThan() in their place; this records how many messages were filled into one.
    bool setGapFilled(const QString &room, const QString &markerId, int filled);
    bool remove(const QString &room, const QString &messageId);
    bool contains(const QString &room, const QString &messageId) const;
    //! The sender (userId) of the stored \a messageId in \a room; nullopt when not stored.
    std::optional<QString> senderOf(const QString &room, const QString &messageId) const;
    //! The stored message \a messageId of \a room; nullopt when not stored.
    std::optional<ChatMessage> message(const QString &room, const QString &messageId) const;
    //! Writes the WAL back into the database file (on quit), so the history on disk is complete
    //! without its -wal file. Stops the background checkpoints first (SQLite's own automatic ones
    //! take over again, for whatever is written after).
    bool checkpoint();
    //! The worker that checkpoints this history off the calling thread; null when the file is not
    //! in WAL mode, the worker could not open it, or after checkpoint().
    WalCheckpointer *checkpointer() const { return m_checkpointer.get(); }
    //! Messages stored for \a room (gap markers not counted).
    int count(const QString &room) const;

    //! Up to \a limit newest messages of \a room, oldest first.
    QList<ChatMessage> latest(const QString &room, int limit) const;
    //! Up to \a limit messages of \a room timestamped within [\a from, \a to], oldest first, that
    //! this instance saw itself: received directly (not relayed) or own and sent. What a backfill
    //! answer may carry.
    QList<ChatMessage> receivedBetween(const QString &room, const QDateTime &from, const QDateTime &to,
                                       int limit) const;
    //! Up to \a limit messages older than \a beforeMessageId (oldest first).
    QList<ChatMessage> olderThan(const QString &room, const QString &beforeMessageId, int limit) const;
    //! Up to \a before rows older than \a messageId, the message itself and up to \a after newer
    //! rows, oldest first (history order); empty when \a messageId is not stored in \a room.
    QList<ChatMessage> around(const QString &room, const QString &messageId, int before, int after) const;
    //! The rows of \a room from \a fromMessageId (inclusive) up to \a beforeMessageId (exclusive;
    //! empty: to the newest), oldest first. What fills the model from a jump target up to the
    //! page already loaded, in one query.
    QList<ChatMessage> between(const QString &room, const QString &fromMessageId,
                               const QString &beforeMessageId) const;
    //! Own messages still "sending" (the outbox of the last session), in send order.
    QList<ChatMessage> pendingOwn() const;

    // Rooms of this profile (joined rooms are rejoined on start).
    struct RoomState
    {
        QString name;
        int unread = 0;
        bool muted = false;
    };
    QList<RoomState> rooms() const;
    bool saveRoom(const RoomState &room);
    bool removeRoom(const QString &name);

private:
    //! Which way a SELECT reads its rows; the lists returned are always oldest first.
    enum class Order { OldestFirst, NewestFirst };
    bool exec(const QString &sql);
    //! Runs one SELECT of kSelectColumns rows with \a binds in order; a failure sets lastError().
    QList<ChatMessage> selectMessages(const QString &sql, const QVariantList &binds,
                                      Order order = Order::OldestFirst) const;
    QString m_path;
    QString m_connectionName;
    mutable QString m_lastError;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};

} // namespace Hubbub
