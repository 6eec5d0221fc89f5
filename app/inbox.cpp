// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "inbox.h"

#include "backfill.h"
#include "client.h"
#include "historystore.h"
#include "localuser.h"
#include "membermodel.h"
#include "mentions.h"
#include "messageenvelope.h"
#include "messagemodel.h"
#include "messagemutations.h"
#include "notificationpolicy.h"
#include "pictures.h"
#include "presencetracker.h"
#include "roomdirectory.h"
#include "roomlistmodel.h"
#include "senderpolicy.h"

#include <QGuiApplication>

namespace Hubbub {

Inbox::Inbox(HistoryStore *history, RoomDirectory *rooms, SenderPolicy *senders, const LocalUser *self,
             PresenceTracker *presence, NotificationPolicy *notifications, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_rooms(rooms)
    , m_senders(senders)
    , m_self(self)
    , m_presence(presence)
    , m_notifications(notifications)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &Inbox::flush);
}

void Inbox::receive(const WebPubSub::GroupMessage &message)
{
    const QDateTime arrival =
        message.receivedAt.isValid() ? message.receivedAt.toUTC() : QDateTime::currentDateTimeUtc();
    // A picture is validated and stored by Pictures, then handled as the message it stands for.
    if (m_pictures && message.payload.dataType() == WebPubSub::DataType::Json) {
        const QJsonValue json = message.payload.json();
        if (json.toObject().value(QLatin1String("kind")).toString() == u"image") {
            const QString from = message.fromUserId.value_or(QString());
            if (const auto picture = m_pictures->accept(message.group, from, json.toObject()))
                handleEnvelope(message.group, from, *picture, arrival);
            return;
        }
    }
    const auto env = MessageEnvelope::fromGroupMessage(message);
    if (!env)
        return;
    handleEnvelope(message.group, message.fromUserId.value_or(QString()), *env, arrival);
}

void Inbox::handleEnvelope(const QString &room, const QString &fromUserId, const MessageEnvelope &env,
                           const QDateTime &arrival)
{
    if (!m_rooms->contains(room))
        return;
    // Own echoes are recognised by the service identity plus something only this instance knows:
    // a payload's instance or id alone can be copied by anyone in the room.
    if (env.kind == MessageEnvelope::Kind::Message) {
        if (m_senders->isOwnMessageEcho(fromUserId, m_self->userId, env.id))
            return;
    } else if (SenderPolicy::isOwnPresenceEcho(fromUserId, m_self->userId, env.instance,
                                               m_self->instanceId)) {
        return;
    }
    // Presence, typing and goodbye apply to the sender's own fromUserId only. Anonymous senders
    // are told apart by instance.
    const QString userId = fromUserId.isEmpty() ? QStringLiteral("anonymous-") + env.instance : fromUserId;
    switch (env.kind) {
    case MessageEnvelope::Kind::Message:
        m_presence->messageReceived(room, userId);
        m_incoming[room].append(chatMessage(room, fromUserId, env, arrival));
        if (!m_flushTimer.isActive())
            m_flushTimer.start();
        return;
    case MessageEnvelope::Kind::Presence:
    case MessageEnvelope::Kind::Goodbye:
    case MessageEnvelope::Kind::Who:
    case MessageEnvelope::Kind::Typing:
        m_presence->handle(room, userId, SenderPolicy::cleanDisplayName(env.sender, fromUserId), env);
        return;
    case MessageEnvelope::Kind::BackfillRequest:
    case MessageEnvelope::Kind::Backfill:
        if (m_backfill)
            m_backfill->handle(room, fromUserId, env);
        return;
    case MessageEnvelope::Kind::Edit:
    case MessageEnvelope::Kind::Delete:
    case MessageEnvelope::Kind::Reaction:
        if (m_mutations)
            m_mutations->handle(room, fromUserId, env);
        return;
    case MessageEnvelope::Kind::Unknown:
        return;
    }
}

ChatMessage Inbox::chatMessage(const QString &room, const QString &fromUserId, const MessageEnvelope &env,
                               const QDateTime &arrival)
{
    // Identity is the service's fromUserId; the payload's name is only shown beside it, and not at
    // all when it passes for another member. Its timestamp is the sender's claim: the arrival time
    // is what the timeline shows (rows are in arrival order anyway).
    const QString ownId = m_self->userId;
    ChatMessage m = env.toChatMessage(room, fromUserId, !fromUserId.isEmpty() && fromUserId == ownId);
    m.id = m_senders->receivedId(fromUserId, ownId, env.id, [&](const QString &id) -> std::optional<QString> {
        if (MessageModel *model = m_rooms->findMessages(room)) {
            const int row = model->rowOf(id);
            if (row >= 0)
                return model->at(row).senderId;
        }
        for (const ChatMessage &queued : m_incoming.value(room)) {
            if (queued.id == id)
                return queued.senderId;
        }
        return m_history->senderOf(room, id);
    });
    const QString name = SenderPolicy::cleanDisplayName(env.sender, fromUserId);
    m.senderName = m_rooms->openMembers(room)->nameCollides(fromUserId, name) ? QString() : name;
    m.timestamp = arrival;
    m.mentionsMe = !m.own && Mentions::mentions(m.text, ownId);
    return m;
}

bool Inbox::roomInView(const QString &room) const
{
    if (room != m_rooms->current())
        return false;
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        const auto state = QGuiApplication::applicationState();
        return state != Qt::ApplicationHidden && state != Qt::ApplicationSuspended;
    }
    return true;
}

void Inbox::flush()
{
    const auto batches = std::exchange(m_incoming, {});
    for (auto it = batches.cbegin(); it != batches.cend(); ++it) {
        const QString &room = it.key();
        if (!m_rooms->contains(room))
            continue;
        MessageModel *model = m_rooms->openMessages(room);
        QList<ChatMessage> candidates;
        for (const ChatMessage &m : it.value()) {
            if (!model->contains(m.id))
                candidates.append(m);
        }
        if (candidates.isEmpty())
            continue;
        // History decides what is new: UNIQUE(room, id) + INSERT OR IGNORE drops redeliveries even
        // of messages no longer loaded in the model. Without a history (disk full, unwritable) the
        // model alone deduplicates.
        const QList<ChatMessage> fresh = m_history->isOpen() ? m_history->insertNew(candidates) : candidates;
        if (model->appendMessages(fresh) == 0)
            continue;
        const ChatMessage &last = fresh.constLast();
        RoomListModel *list = m_rooms->list();
        list->setLastMessage(room, last.text, last.timestamp);
        int unread = 0;
        for (const ChatMessage &m : fresh) {
            if (!m.own)
                ++unread;
        }
        const bool inView = roomInView(room);
        if (!inView && unread > 0)
            list->incrementUnread(room, unread);
        for (const ChatMessage &m : fresh) {
            if (!m.own)
                m_notifications->consider(room, SenderPolicy::label(m.senderId), m.text, m.own,
                                          list->isMuted(room), inView, m.mentionsMe);
            Q_EMIT messageAdded(room, m.id);
        }
    }
}

} // namespace Hubbub
