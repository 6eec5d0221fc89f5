// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "chatactions.h"

#include "chatmessage.h"
#include "inbox.h"
#include "localuser.h"
#include "messageenvelope.h"
#include "messagemodel.h"
#include "messagemutations.h"
#include "outbox.h"
#include "roomdirectory.h"

namespace Hubbub {

ChatActions::ChatActions(HistoryStore *history, RoomDirectory *rooms, Outbox *outbox, Inbox *inbox,
                         const LocalUser *self, QObject *parent)
    : QObject(parent)
    , m_rooms(rooms)
    , m_outbox(outbox)
    , m_self(self)
    , m_mutations(new MessageMutations(history, rooms, self, this))
{
    inbox->setMutations(m_mutations);
    connect(inbox, &Inbox::messageAdded, m_mutations, &MessageMutations::messageArrived);
    connect(rooms, &RoomDirectory::messagesLoaded, m_mutations, &MessageMutations::decorate);
}

const ChatMessage *ChatActions::find(const QString &room, const QString &messageId) const
{
    MessageModel *model = m_rooms->findMessages(room);
    const int row = model ? model->rowOf(messageId) : -1;
    return row < 0 ? nullptr : &model->at(row);
}

bool ChatActions::isEditable(const ChatMessage &m) const
{
    // Only what went (or is going) out under our identity, received directly: a failed message is
    // retried or deleted instead, a relayed one cannot be proven ours.
    return m.own && !m.gapMarker && !m.deleted && m.relayedBy.isEmpty() && m.senderId == m_self->userId &&
           (m.status == DeliveryStatus::Sent || m.status == DeliveryStatus::Sending);
}

bool ChatActions::edit(const QString &messageId, const QString &text)
{
    return editIn(m_rooms->current(), messageId, text);
}

bool ChatActions::editIn(const QString &room, const QString &messageId, const QString &rawText)
{
    const QString text = rawText.trimmed();
    const ChatMessage *m = find(room, messageId);
    if (!m || !isEditable(*m) || text.isEmpty() || text == m->text)
        return false;
    const MessageEnvelope env = MessageEnvelope::edit(messageId, text, m_self->userName);
    if (!m_mutations->applyOwn(room, env))
        return false;
    m_outbox->sendEnvelope(room, env.id, env.toJson());
    return true;
}

bool ChatActions::deleteForEveryone(const QString &messageId)
{
    return deleteIn(m_rooms->current(), messageId);
}

bool ChatActions::deleteIn(const QString &room, const QString &messageId)
{
    const ChatMessage *m = find(room, messageId);
    if (!m || !isEditable(*m))
        return false;
    const MessageEnvelope env = MessageEnvelope::deletion(messageId, m_self->userName);
    if (!m_mutations->applyOwn(room, env))
        return false;
    m_outbox->sendEnvelope(room, env.id, env.toJson());
    return true;
}

bool ChatActions::setReaction(const QString &messageId, const QString &emoji, bool on)
{
    return setReactionIn(m_rooms->current(), messageId, emoji, on);
}

bool ChatActions::setReactionIn(const QString &room, const QString &messageId, const QString &rawEmoji,
                                bool on)
{
    const QString emoji = rawEmoji.trimmed();
    const ChatMessage *m = find(room, messageId);
    if (!m || m->gapMarker || m->deleted || !MessageEnvelope::isValidEmoji(emoji))
        return false;
    for (const MessageReaction &r : m->reactions) {
        if (r.emoji == emoji && r.mine == on)
            return true; // already so: nothing to send
    }
    if (!on && std::none_of(m->reactions.cbegin(), m->reactions.cend(),
                            [&](const MessageReaction &r) { return r.emoji == emoji; }))
        return true;
    const MessageEnvelope env = MessageEnvelope::reaction(messageId, emoji, on, m_self->userName);
    if (!m_mutations->applyOwn(room, env))
        return false;
    m_outbox->sendEnvelope(room, env.id, env.toJson());
    return true;
}

QString ChatActions::lastEditableMessageId() const
{
    const MessageModel *model = m_rooms->findMessages(m_rooms->current());
    if (!model)
        return {};
    for (int row = model->count() - 1; row >= 0; --row) {
        if (isEditable(model->at(row)))
            return model->at(row).id;
    }
    return {};
}

bool ChatActions::canEdit(const QString &messageId) const
{
    const ChatMessage *m = find(m_rooms->current(), messageId);
    return m && isEditable(*m);
}

QString ChatActions::textOf(const QString &messageId) const
{
    const ChatMessage *m = find(m_rooms->current(), messageId);
    return m ? m->text : QString();
}

} // namespace Hubbub
