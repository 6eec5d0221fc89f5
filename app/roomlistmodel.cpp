// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "roomlistmodel.h"

namespace Hubbub {

RoomListModel::RoomListModel(QObject *parent)
    : AppListModel({{NameRole, "name"},
                    {UnreadCountRole, "unreadCount"},
                    {MutedRole, "muted"},
                    {LastMessageTextRole, "lastMessageText"},
                    {LastActivityRole, "lastActivity"},
                    {IsCurrentRole, "isCurrent"}},
                   parent)
{}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const Room &r = m_rooms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case UnreadCountRole:
        return r.unreadCount;
    case MutedRole:
        return r.muted;
    case LastMessageTextRole:
        return r.lastMessageText;
    case LastActivityRole:
        return r.lastActivity.isValid() ? QVariant(r.lastActivity.toLocalTime()) : QVariant(QDateTime());
    case IsCurrentRole:
        return r.name == m_current;
    default:
        return {};
    }
}

bool RoomListModel::addRoom(const Room &room)
{
    if (room.name.isEmpty() || contains(room.name))
        return false;
    const int row = int(m_rooms.size());
    beginInsertRows({}, row, row);
    m_rooms.append(room);
    endInsertRows();
    Q_EMIT countChanged();
    recomputeTotal();
    return true;
}

bool RoomListModel::removeRoom(const QString &name)
{
    const int row = indexOf(name);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_rooms.removeAt(row);
    endRemoveRows();
    if (m_current == name)
        m_current.clear();
    Q_EMIT countChanged();
    recomputeTotal();
    return true;
}

int RoomListModel::indexOf(const QString &name) const
{
    for (int i = 0; i < m_rooms.size(); ++i) {
        if (m_rooms.at(i).name == name)
            return i;
    }
    return -1;
}

QStringList RoomListModel::roomNames() const
{
    QStringList names;
    names.reserve(m_rooms.size());
    for (const Room &r : m_rooms)
        names.append(r.name);
    return names;
}

const RoomListModel::Room *RoomListModel::room(const QString &name) const
{
    const int row = indexOf(name);
    return row < 0 ? nullptr : &m_rooms.at(row);
}

void RoomListModel::setCurrentRoom(const QString &name)
{
    if (m_current == name)
        return;
    const int oldRow = indexOf(m_current);
    m_current = name;
    if (oldRow >= 0)
        changed(oldRow, {IsCurrentRole});
    const int row = indexOf(name);
    if (row >= 0)
        changed(row, {IsCurrentRole});
}

void RoomListModel::setUnreadCount(const QString &name, int count)
{
    const int row = indexOf(name);
    if (row < 0 || m_rooms.at(row).unreadCount == count)
        return;
    m_rooms[row].unreadCount = qMax(0, count);
    changed(row, {UnreadCountRole});
    recomputeTotal();
    Q_EMIT roomChanged(name);
}

void RoomListModel::incrementUnread(const QString &name, int by)
{
    setUnreadCount(name, unreadCount(name) + by);
}

int RoomListModel::unreadCount(const QString &name) const
{
    const Room *r = room(name);
    return r ? r->unreadCount : 0;
}

void RoomListModel::setMuted(const QString &name, bool muted)
{
    const int row = indexOf(name);
    if (row < 0 || m_rooms.at(row).muted == muted)
        return;
    m_rooms[row].muted = muted;
    changed(row, {MutedRole});
    Q_EMIT roomChanged(name);
}

bool RoomListModel::isMuted(const QString &name) const
{
    const Room *r = room(name);
    return r && r->muted;
}

void RoomListModel::setLastMessage(const QString &name, const QString &text, const QDateTime &when)
{
    const int row = indexOf(name);
    if (row < 0)
        return;
    Room &r = m_rooms[row];
    r.lastMessageText = text;
    r.lastActivity = when;
    changed(row, {LastMessageTextRole, LastActivityRole});
}

QString RoomListModel::nextUnreadRoom() const
{
    if (m_rooms.isEmpty())
        return {};
    const int start = indexOf(m_current);
    for (int step = 1; step <= m_rooms.size(); ++step) {
        const Room &r = m_rooms.at((start + step + int(m_rooms.size())) % int(m_rooms.size()));
        if (r.unreadCount > 0 && r.name != m_current)
            return r.name;
    }
    return {};
}

void RoomListModel::recomputeTotal()
{
    int total = 0;
    for (const Room &r : m_rooms)
        total += r.unreadCount;
    if (total != m_totalUnread) {
        m_totalUnread = total;
        Q_EMIT totalUnreadChanged();
    }
}

void RoomListModel::changed(int row, const QList<int> &roles)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, roles);
}

} // namespace Hubbub
