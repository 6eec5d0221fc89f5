// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The messages of one room, as the message list shows them.
//!
//! Rows are kept in arrival order (the service orders messages within a group). Grouping by
//! sender, day separators and the "new messages" divider are computed from neighbouring rows in
//! data(), so an append costs O(batch) and never touches the rest of the model: a room of 100,000
//! messages stays fast. Messages are deduplicated by their envelope id.
#pragma once

#include "applistmodel.h"

#include "chatmessage.h"

#include <QHash>
#include <QList>

namespace Hubbub {

class MessageModel : public AppListModel
{
    Q_OBJECT
    //! Whether older history may exist (loadOlder() would add rows).
    Q_PROPERTY(bool canLoadOlder READ canLoadOlder NOTIFY canLoadOlderChanged)
    //! The room these messages belong to.
    Q_PROPERTY(QString room READ room CONSTANT)
public:
    enum Roles {
        MessageIdRole = Qt::UserRole + 1, //!< envelope id (UUID or derived for plain text)
        SenderIdRole,                     //!< the sender's userId (the service's fromUserId)
        SenderNameRole,                   //!< the display name the sender gave (vetted on arrival)
        TextRole,                         //!< plain text body
        TimestampRole,                    //!< QDateTime (local time) of the message
        OwnRole,                          //!< sent by this user
        DeliveryStatusRole,               //!< "sending" | "sent" | "failed" | "received"
        ShowSenderRole,                   //!< first of a run by the same sender (or first of a day)
        DaySeparatorRole, //!< non-empty on the first message of a day: "Today", "Yesterday", …
        FirstUnreadRole,  //!< the "new messages" divider goes above this row
        LinksRole,        //!< QStringList: the http(s) links in the text, offered as "open in browser"
        //! What names the sender: their userId, or "anonymous" (never a payload name).
        SenderLabelRole,
        //! The display name shown beside the label, visibly secondary: empty when none or when it
        //! only repeats the userId.
        SecondaryNameRole,
        //! Which of the 12 avatar colours names the sender (Avatar::colourIndex of the userId).
        AvatarIndexRole,
        //! One or two initials of the sender's label, drawn in the avatar.
        InitialsRole,
        //! The last message of a run (the next row starts a new run or there is none).
        LastOfRunRole,
        //! "message" | "gap": a gap marker row says where messages may be missing (TextRole has
        //! its sentence; it has no sender).
        RowKindRole,
        //! The userId of the member who relayed this message after a gap, "" when received
        //! directly: then the sender is only that member's claim.
        RelayedByRole,
        // Edits, deletes and reactions (issue 10):
        EditedRole,    //!< bool: the text is the sender's edit
        DeletedRole,   //!< bool: deleted for everyone (a tombstone; TextRole is empty)
        ReactionsRole, //!< list of {emoji, count, users (userIds), mine (bool)}, in order of first use
        // Issue 10, replies and mentions:
        //! The id of the message this one replies to, "" when it is not a reply.
        ReplyToIdRole,
        //! The replied-to sender as the replier claimed it (shown only when the original is not
        //! in local history, and then as a claim).
        ReplyToSenderRole,
        //! The replied-to first line as the replier claimed it (same caveat), cleaned plain text.
        ReplyToTextRole,
        //! The text names the local user (`@userId`, Mentions::mentions()).
        MentionsMeRole,
        //! Issue 10: for a picture message, its image://hubbub/<room>/<id> URL (Pictures::source()),
        //! served from local history by the app's image provider; else "".
        PictureSourceRole,
    };
    Q_ENUM(Roles)

    explicit MessageModel(const QString &room = {}, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int count() const override { return int(m_rows.size()); }
    bool canLoadOlder() const { return m_canLoadOlder; }
    void setCanLoadOlder(bool can);
    QString room() const { return m_room; }

    //! Appends \a messages (one beginInsertRows); those whose id is already present are skipped.
    //! Returns how many were added.
    int appendMessages(const QList<ChatMessage> &messages);
    bool appendMessage(const ChatMessage &message) { return appendMessages({message}) == 1; }
    //! Inserts older \a messages (oldest first) above the current rows, skipping known ids.
    int prependMessages(const QList<ChatMessage> &messages);
    bool contains(const QString &messageId) const { return m_rowKeyById.contains(messageId); }
    //! Row of \a messageId, -1 if absent.
    int rowOf(const QString &messageId) const;
    //! The message in \a row (valid rows only).
    const ChatMessage &at(int row) const;
    //! Updates the delivery status of \a messageId; false when absent.
    bool setDeliveryStatus(const QString &messageId, DeliveryStatus status);
    //! Replaces the text of \a messageId and marks it edited; false when absent or deleted.
    bool applyEdit(const QString &messageId, const QString &text);
    //! Makes \a messageId a tombstone (text and reactions gone); false when absent.
    bool applyDelete(const QString &messageId);
    //! Sets the reactions shown under \a messageId; false when absent.
    bool setReactions(const QString &messageId, const QList<MessageReaction> &reactions);
    //! Removes \a messageId (O(n): only for deleting a failed own message).
    bool removeMessage(const QString &messageId);
    void clear();

    //! Appends a gap marker for the window [\a lostAt, \a restoredAt] (nothing filled yet) and
    //! returns its row id.
    QString addGapMarker(const QDateTime &lostAt, const QDateTime &restoredAt);
    //! Inserts relayed \a messages just after the gap marker \a gapId, among the relayed rows
    //! already there, ordered by timestamp (the caller clamps them into the window); known ids
    //! are skipped. Adds the count to the marker's filled count. Returns how many were added.
    int insertRelayed(const QString &gapId, const QList<ChatMessage> &messages);
    //! "Disconnected 10:02–10:03 — some messages may be missing" / "… — N messages filled from peers".
    static QString gapText(const QDateTime &lostAt, const QDateTime &restoredAt, int filled);

    //! Puts the "new messages" divider above the \a unreadCount-th last row (0 = no divider). It
    //! stays on that message while more rows arrive, until set again.
    void setUnreadDivider(int unreadCount);
    //! Row with the divider, -1 when none.
    int firstUnreadRow() const;

    //! "Today", "Yesterday", a weekday within the last week, else "Monday 3 March" (+ year if not
    //! this year); \a today is injectable for tests.
    static QString dayLabel(const QDate &day, const QDate &today);

Q_SIGNALS:
    void canLoadOlderChanged();

private:
    //! Whether \a m starts a new run after \a prev (other sender, other day, or > 5 min later).
    static bool startsRun(const ChatMessage &prev, const ChatMessage &m);
    QList<ChatMessage> unseen(const QList<ChatMessage> &messages) const;
    static QStringList linksIn(const QString &text);
    int rowForKey(qint64 key) const { return int(key - m_firstKey); }
    void emitRowChanged(int row, const QList<int> &roles);
    void insertAt(int row, const QList<ChatMessage> &messages);

    QString m_room;
    QList<ChatMessage> m_rows;
    // id → stable key; row = key - m_firstKey. Prepends lower m_firstKey, so no rekeying.
    QHash<QString, qint64> m_rowKeyById;
    qint64 m_firstKey = 0;
    qint64 m_firstUnreadKey = -1;
    bool m_hasFirstUnread = false;
    bool m_canLoadOlder = false;
};

} // namespace Hubbub
