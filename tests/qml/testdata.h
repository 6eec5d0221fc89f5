// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Builds real AppCore models (MessageModel, RoomListModel, MemberModel) filled with test
//! data for the Qt Quick component tests, each wrapped in QAbstractItemModelTester before it gets data.
#pragma once

#include <QObject>
#include <QVariantList>

namespace Hubbub {
class MessageModel;
}

class TestData : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    //! A MessageModel for room "test" from maps {id, sender, senderId (default: sender), text, own,
    //! status, minutesAgo, relayedBy, edited, deleted, reactions: [{emoji, users, mine}], replyToId,
    //! replyToSender, replyToText, mentionsMe, picture}.
    Q_INVOKABLE QObject *messageModel(const QVariantList &messages);
    //! Appends \a count generated messages ("prefix N") from "bob" to \a model.
    Q_INVOKABLE void appendGenerated(QObject *model, int count, const QString &prefix);
    //! Puts the "new messages" divider above the last \a unreadCount rows.
    Q_INVOKABLE void setUnreadDivider(QObject *model, int unreadCount);
    //! Sets the delivery status ("sending", "sent", "failed") of \a messageId.
    Q_INVOKABLE bool setStatus(QObject *model, const QString &messageId, const QString &status);
    //! A RoomListModel from maps {name, unread, muted, last}.
    Q_INVOKABLE QObject *roomModel(const QVariantList &rooms);
    //! Sets the unread count of \a room.
    Q_INVOKABLE void setUnread(QObject *model, const QString &room, int count);
    //! A NoticeModel (the Notices place) from maps {text, dataType (default "text"), minutesAgo}.
    Q_INVOKABLE QObject *noticeModel(const QVariantList &notices);
    //! Appends a text notice to a noticeModel().
    Q_INVOKABLE void appendNotice(QObject *model, const QString &text);
    //! A MemberModel from maps {id, name, presence ("online"|"away"|"offline"), typing}.
    Q_INVOKABLE QObject *memberModel(const QVariantList &members);
    //! A ConnectionController that is never started (secrets in memory), for the connect dialog:
    //! connectTo() reports an unusable value through errorShown before it saves or connects.
    Q_INVOKABLE QObject *connectionController();
};
