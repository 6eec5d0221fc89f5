// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The "Notices" place: server messages (what an app server sends through the REST API —
//! sendToAll, sendToUser, sendToConnection: announcements, bots, moderation) kept apart from the
//! rooms, with their own unread count, history and notification.
//!
//! A server message has no sender identity, so a notice is never shown as a room member's
//! message. Its text is reduced to bounded plain text (displayText()); it is stored once per
//! dedupe key (connection + sequence id under the reliable protocol), so a message redelivered
//! after a recovery is not shown twice.
#pragma once

#include "noticemodel.h"
#include "noticestore.h"

#include <QObject>

namespace WebPubSub {
class Payload;
struct ServerMessage;
} // namespace WebPubSub

namespace Hubbub {

class HistoryStore;
class NotificationPolicy;

class Notices : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Hubbub::NoticeModel *model READ model CONSTANT)
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY unreadCountChanged)
    //! Set by the UI while the Notices place is shown: unread is cleared, new notices arrive read.
    Q_PROPERTY(bool open READ isOpen WRITE setOpen NOTIFY openChanged)
public:
    //! The longest text kept for one notice (characters); longer ones are cut with "…".
    static constexpr int kMaxTextLength = 4000;

    //! \a history and \a notifications must outlive this.
    Notices(const HistoryStore *history, NotificationPolicy *notifications, QObject *parent = nullptr);

    NoticeModel *model() const { return m_model; }
    int unreadCount() const { return m_unread; }
    bool isOpen() const { return m_open; }
    void setOpen(bool open);

    //! A server message the client delivered on connection \a connectionId.
    void receive(const WebPubSub::ServerMessage &message, const QString &connectionId);
    //! Clears the unread count (the place is in view).
    Q_INVOKABLE void markRead();

    //! What a notice shows for \a payload: text as is; JSON as its compact text or, for an object
    //! with a string "text", that text; binary as "[binary, N bytes]". Cut to kMaxTextLength.
    static QString displayText(const WebPubSub::Payload &payload);

Q_SIGNALS:
    void unreadCountChanged();
    void openChanged();
    //! A new notice was stored and added to the model.
    void noticeAdded(const QString &noticeId);

private:
    bool inView() const;

    NoticeStore m_store;
    NotificationPolicy *m_notifications;
    NoticeModel *m_model;
    int m_unread = 0;
    bool m_open = false;
};

} // namespace Hubbub
