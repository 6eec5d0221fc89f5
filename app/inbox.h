// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What arrives in the rooms: a group message becomes an envelope; chat messages go to the
//! history (which decides what is new), the room's model, the unread count and, perhaps, a
//! notification; presence kinds go to the PresenceTracker and backfill kinds to the Backfill.
//!
//! Own echoes are dropped here (SenderPolicy). Chat messages are batched per room until the event
//! loop is free again, so a burst costs one history transaction and one model insert per room.
#pragma once

#include "chatmessage.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

namespace WebPubSub {
struct GroupMessage;
}

namespace Hubbub {

class Backfill;
class HistoryStore;
class MessageMutations;
class NotificationPolicy;
class Pictures;
class PresenceTracker;
class RoomDirectory;
class SenderPolicy;
struct LocalUser;
struct MessageEnvelope;

class Inbox : public QObject
{
    Q_OBJECT
public:
    //! All pointers must outlive this.
    Inbox(HistoryStore *history, RoomDirectory *rooms, SenderPolicy *senders, const LocalUser *self,
          PresenceTracker *presence, NotificationPolicy *notifications, QObject *parent = nullptr);

    //! Where backfill requests and answers go (set once, after construction).
    void setBackfill(Backfill *backfill) { m_backfill = backfill; }
    //! Where edits, deletes and reactions go (set once, after construction).
    void setMutations(MessageMutations *mutations) { m_mutations = mutations; }
    //! Where `image` envelopes go to be validated and stored (set once, after construction).
    void setPictures(Pictures *pictures) { m_pictures = pictures; }
    //! A message the client delivered.
    void receive(const WebPubSub::GroupMessage &message);
    //! Adds the batched chat messages to their rooms now (e.g. before a gap marker).
    void flush();
    //! \a room was left: its batch is dropped.
    void forgetRoom(const QString &room) { m_incoming.remove(room); }

Q_SIGNALS:
    //! A received message was added to \a room's model.
    void messageAdded(const QString &room, const QString &messageId);

private:
    void handleEnvelope(const QString &room, const QString &fromUserId, const MessageEnvelope &env,
                        const QDateTime &arrival);
    ChatMessage chatMessage(const QString &room, const QString &fromUserId, const MessageEnvelope &env,
                            const QDateTime &arrival);
    bool roomInView(const QString &room) const;

    HistoryStore *m_history;
    RoomDirectory *m_rooms;
    SenderPolicy *m_senders;
    const LocalUser *m_self;
    PresenceTracker *m_presence;
    NotificationPolicy *m_notifications;
    Backfill *m_backfill = nullptr;
    MessageMutations *m_mutations = nullptr;
    Pictures *m_pictures = nullptr;
    QHash<QString, QList<ChatMessage>> m_incoming; // room → batch waiting for flush()
    QTimer m_flushTimer;
};

} // namespace Hubbub
