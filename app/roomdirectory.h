// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The rooms the user is in, with each room's models: the floor the other app classes
//! (Outbox, Inbox, PresenceTracker) stand on.
//!
//! It owns the room list (RoomListModel), the per-room MessageModel and MemberModel, and the room
//! in view; it keeps the history's room table in step with the list. It sends nothing and knows
//! no client.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>

namespace Hubbub {

class HistoryStore;
class MemberModel;
class MessageModel;
class RoomListModel;

class RoomDirectory : public QObject
{
    Q_OBJECT
public:
    //! Loads the rooms remembered in \a history (which must outlive this). \a pageSize: messages
    //! loaded when a room's model is opened; \a memberExpiry: silence after which a member is offline.
    RoomDirectory(HistoryStore *history, int pageSize, std::chrono::milliseconds memberExpiry,
                  QObject *parent = nullptr);

    RoomListModel *list() const { return m_list; }
    bool contains(const QString &room) const;
    QStringList names() const;
    //! Adds \a room (and remembers it) unless it is there already; true when added.
    bool ensure(const QString &room);
    //! Removes \a room, its history and (deleted later, so QML never holds a dangling pointer)
    //! its models; the current room becomes the first left, if any.
    void remove(const QString &room);

    QString current() const { return m_current; }
    //! Makes \a room (known, or empty) the room in view; opens its models. False when unknown or
    //! already current.
    bool setCurrent(const QString &room);

    //! The room's message model, loaded from the history on first use (never null).
    MessageModel *openMessages(const QString &room);
    //! The room's message model if it was opened, else null (nothing is loaded).
    MessageModel *findMessages(const QString &room) const;
    //! The room's member model, created on first use (never null).
    MemberModel *openMembers(const QString &room);
    //! The room's member model if it exists, else null.
    MemberModel *findMembers(const QString &room) const;
    //! The opened message models, by room (a snapshot).
    QHash<QString, MessageModel *> openedMessages() const { return m_messages; }
    //! The existing member models (a snapshot).
    QList<MemberModel *> openedMembers() const { return m_members.values(); }
    //! Models for "no room": empty and never changed.
    MessageModel *emptyMessages() const { return m_emptyMessages; }
    MemberModel *emptyMembers() const { return m_emptyMembers; }
    //! Makes \a room current with \a messageId in its model, and returns its row (-1 when the
    //! room is unknown or the message not stored). The model stays one contiguous run up to the
    //! newest message: what lies between a page before the message and the oldest row loaded is
    //! loaded too, in one query.
    int reveal(const QString &room, const QString &messageId);
    //! Loads the page before the oldest loaded message of the current room.
    void loadOlder() { loadOlder(m_current); }
    //! Loads the page before the oldest loaded message of \a room (if opened); how many rows came.
    int loadOlder(const QString &room);

Q_SIGNALS:
    //! The current room changed (or was removed).
    void currentChanged();
    //! Someone in some room started or stopped typing.
    void typingChanged();
    //! Messages of \a room were loaded from the history into its model (first open, older page):
    //! emitted before anything else sees them, so what is kept beside them (reactions) can be added.
    void messagesLoaded(const QString &room, const QStringList &messageIds);

private:
    void persist(const QString &room);

    HistoryStore *m_history;
    int m_pageSize;
    std::chrono::milliseconds m_memberExpiry;
    RoomListModel *m_list;
    QHash<QString, MessageModel *> m_messages;
    QHash<QString, MemberModel *> m_members;
    MessageModel *m_emptyMessages;
    MemberModel *m_emptyMembers;
    QString m_current;
};

} // namespace Hubbub
