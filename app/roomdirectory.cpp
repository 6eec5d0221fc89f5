// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "roomdirectory.h"

#include "historystore.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "roomlistmodel.h"

namespace Hubbub {

namespace {
QStringList idsOf(const QList<ChatMessage> &messages)
{
    QStringList ids;
    ids.reserve(messages.size());
    for (const ChatMessage &m : messages)
        ids.append(m.id);
    return ids;
}
} // namespace

RoomDirectory::RoomDirectory(HistoryStore *history, int pageSize, std::chrono::milliseconds memberExpiry,
                             QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_pageSize(pageSize)
    , m_memberExpiry(memberExpiry)
    , m_list(new RoomListModel(this))
    , m_emptyMessages(new MessageModel({}, this))
    , m_emptyMembers(new MemberModel({}, this))
{
    const auto saved = m_history->rooms();
    for (const HistoryStore::RoomState &r : saved) {
        RoomListModel::Room room{r.name, r.unread, r.muted, {}, {}};
        // The preview is the last message, not a gap marker that may follow it (they are stored
        // in the history too, and a quiet room's last row can be one).
        const auto recent = m_history->latest(r.name, 8);
        for (auto it = recent.crbegin(); it != recent.crend(); ++it) {
            if (it->gapMarker)
                continue;
            room.lastMessageText = it->deleted ? tr("message deleted") : it->text;
            room.lastActivity = it->timestamp;
            break;
        }
        m_list->addRoom(room);
    }
    connect(m_list, &RoomListModel::roomChanged, this, &RoomDirectory::persist);
}

bool RoomDirectory::contains(const QString &room) const
{
    return m_list->contains(room);
}

QStringList RoomDirectory::names() const
{
    return m_list->roomNames();
}

bool RoomDirectory::ensure(const QString &room)
{
    if (m_list->contains(room))
        return false;
    m_list->addRoom(room);
    m_history->saveRoom({room, 0, false});
    return true;
}

void RoomDirectory::persist(const QString &room)
{
    if (const RoomListModel::Room *r = m_list->room(room))
        m_history->saveRoom({r->name, r->unreadCount, r->muted});
}

void RoomDirectory::remove(const QString &room)
{
    if (!m_list->contains(room))
        return;
    const bool wasCurrent = m_current == room;
    m_list->removeRoom(room);
    m_history->removeRoom(room);
    if (wasCurrent) {
        m_current.clear();
        const QStringList rest = m_list->roomNames();
        if (rest.isEmpty() || !setCurrent(rest.constFirst()))
            Q_EMIT currentChanged();
    }
    // Deleted after currentChanged so QML never holds a dangling model.
    if (MessageModel *m = m_messages.take(room))
        m->deleteLater();
    if (MemberModel *m = m_members.take(room))
        m->deleteLater();
}

bool RoomDirectory::setCurrent(const QString &room)
{
    if ((!room.isEmpty() && !m_list->contains(room)) || room == m_current)
        return false;
    m_current = room;
    m_list->setCurrentRoom(room);
    if (!room.isEmpty()) {
        MessageModel *model = openMessages(room);
        openMembers(room);
        // The divider marks what arrived while the room was not viewed, and stays put while it is.
        model->setUnreadDivider(m_list->unreadCount(room));
        m_list->setUnreadCount(room, 0);
    }
    Q_EMIT currentChanged();
    return true;
}

MessageModel *RoomDirectory::openMessages(const QString &room)
{
    if (MessageModel *model = m_messages.value(room))
        return model;
    auto *model = new MessageModel(room, this);
    m_messages.insert(room, model);
    const auto page = m_history->latest(room, m_pageSize);
    model->appendMessages(page);
    model->setCanLoadOlder(page.size() >= m_pageSize);
    Q_EMIT messagesLoaded(room, idsOf(page));
    return model;
}

MessageModel *RoomDirectory::findMessages(const QString &room) const
{
    return m_messages.value(room);
}

MemberModel *RoomDirectory::openMembers(const QString &room)
{
    if (MemberModel *model = m_members.value(room))
        return model;
    auto *model = new MemberModel(room, this);
    model->setExpiry(m_memberExpiry);
    connect(model, &MemberModel::typingChanged, this, &RoomDirectory::typingChanged);
    m_members.insert(room, model);
    return model;
}

MemberModel *RoomDirectory::findMembers(const QString &room) const
{
    return m_members.value(room);
}

int RoomDirectory::loadOlder(const QString &room)
{
    MessageModel *model = room.isEmpty() ? nullptr : m_messages.value(room);
    if (!model || model->count() == 0)
        return 0;
    const QString oldest = model->at(0).id;
    const auto page = m_history->olderThan(room, oldest, m_pageSize);
    const int added = model->prependMessages(page);
    model->setCanLoadOlder(page.size() >= m_pageSize);
    Q_EMIT messagesLoaded(room, idsOf(page));
    return added;
}

int RoomDirectory::reveal(const QString &room, const QString &messageId)
{
    if (!m_list->contains(room))
        return -1;
    MessageModel *model = openMessages(room);
    if (!model->contains(messageId)) {
        const int before = qMax(1, m_pageSize / 2);
        const auto context = m_history->around(room, messageId, before, 0);
        if (context.isEmpty())
            return -1;
        const QString oldest = model->count() > 0 ? model->at(0).id : QString();
        const auto loaded = m_history->between(room, context.constFirst().id, oldest);
        model->prependMessages(loaded);
        // around() returned `before` older rows (+ the message): there may be more.
        model->setCanLoadOlder(context.size() > before);
        Q_EMIT messagesLoaded(room, idsOf(loaded)); // their reactions, like any page loaded
    }
    setCurrent(room);
    return model->rowOf(messageId);
}

} // namespace Hubbub
