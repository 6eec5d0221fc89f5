// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What the user does to messages already sent, for QML (`controller.chat`): edit and
//! delete their own messages for everyone, set and unset reactions on any message.
//!
//! Each action is applied locally at once (MessageMutations, which also checks it is allowed) and
//! then sent as its own envelope through the Outbox: persisted, in order after the message it acts
//! on, resent with the same id until acknowledged. It also wires MessageMutations to the Inbox (what
//! arrives) and to the RoomDirectory (reactions of the pages loaded from the history).
#pragma once

#include <QObject>
#include <QString>

namespace Hubbub {

class HistoryStore;
class Inbox;
class MessageModel;
class MessageMutations;
class Outbox;
class RoomDirectory;
struct ChatMessage;
struct LocalUser;

class ChatActions : public QObject
{
    Q_OBJECT
public:
    //! All pointers must outlive this.
    ChatActions(HistoryStore *history, RoomDirectory *rooms, Outbox *outbox, Inbox *inbox,
                const LocalUser *self, QObject *parent = nullptr);

    //! Replaces the text of own message \a messageId of the current room; false when it is not an
    //! editable own message or \a text is empty or unchanged.
    Q_INVOKABLE bool edit(const QString &messageId, const QString &text);
    bool editIn(const QString &room, const QString &messageId, const QString &text);
    //! Deletes own message \a messageId of the current room for everyone (a tombstone remains).
    Q_INVOKABLE bool deleteForEveryone(const QString &messageId);
    bool deleteIn(const QString &room, const QString &messageId);
    //! Sets (\a on) or unsets the local user's \a emoji on \a messageId of the current room.
    Q_INVOKABLE bool setReaction(const QString &messageId, const QString &emoji, bool on);
    bool setReactionIn(const QString &room, const QString &messageId, const QString &emoji, bool on);
    //! The last own message of the current room that can be edited (the Up arrow), "" when none.
    Q_INVOKABLE QString lastEditableMessageId() const;
    //! Whether \a messageId of the current room is an own message that can be edited or deleted.
    Q_INVOKABLE bool canEdit(const QString &messageId) const;
    //! The text of \a messageId in the current room ("" when absent or deleted).
    Q_INVOKABLE QString textOf(const QString &messageId) const;

    MessageMutations *mutations() const { return m_mutations; }

private:
    bool isEditable(const ChatMessage &m) const;
    //! The message \a messageId of \a room's model, null when absent.
    const ChatMessage *find(const QString &room, const QString &messageId) const;

    RoomDirectory *m_rooms;
    Outbox *m_outbox;
    const LocalUser *m_self;
    MessageMutations *m_mutations;
};

} // namespace Hubbub
