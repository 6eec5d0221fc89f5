// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The joined rooms (Web PubSub groups) with unread counts, for the room list.
#pragma once

#include "applistmodel.h"

#include <QDateTime>
#include <QList>

namespace Hubbub {

class RoomListModel : public AppListModel
{
    Q_OBJECT
    //! Sum of the unread counts of all rooms (muted ones included, as a badge shows).
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)
public:
    enum Roles {
        NameRole = Qt::UserRole + 1, //!< the room (group) name
        UnreadCountRole,             //!< messages received since the room was last read
        MutedRole,                   //!< no notifications for this room
        LastMessageTextRole,         //!< text of the newest message
        LastActivityRole,            //!< QDateTime of the newest message
        IsCurrentRole,               //!< the room shown in the message view
    };
    Q_ENUM(Roles)

    struct Room
    {
        QString name;
        int unreadCount = 0;
        bool muted = false;
        QString lastMessageText;
        QDateTime lastActivity;
    };

    explicit RoomListModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int count() const override { return int(m_rooms.size()); }
    int totalUnread() const { return m_totalUnread; }

    //! Adds \a room (kept in insertion order); false if it is already there.
    bool addRoom(const Room &room);
    bool addRoom(const QString &name) { return addRoom(Room{name, 0, false, {}, {}}); }
    bool removeRoom(const QString &name);
    bool contains(const QString &name) const { return indexOf(name) >= 0; }
    int indexOf(const QString &name) const;
    QStringList roomNames() const;
    //! The room \a name, or nullptr.
    const Room *room(const QString &name) const;

    void setCurrentRoom(const QString &name);
    QString currentRoom() const { return m_current; }
    void setUnreadCount(const QString &name, int count);
    void incrementUnread(const QString &name, int by = 1);
    int unreadCount(const QString &name) const;
    void setMuted(const QString &name, bool muted);
    bool isMuted(const QString &name) const;
    void setLastMessage(const QString &name, const QString &text, const QDateTime &when);
    //! The first room after the current one (wrapping) with unread messages; empty when none.
    QString nextUnreadRoom() const;

Q_SIGNALS:
    void totalUnreadChanged();
    //! A room's persisted state (unread count, mute) changed.
    void roomChanged(const QString &name);

private:
    void recomputeTotal();
    void changed(int row, const QList<int> &roles);

    QList<Room> m_rooms;
    QString m_current;
    int m_totalUnread = 0;
};

} // namespace Hubbub
