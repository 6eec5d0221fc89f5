// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "messagemutations.h"

#include "historystore.h"
#include "localuser.h"
#include "logging.h"
#include "messagemodel.h"
#include "roomdirectory.h"
#include "roomlistmodel.h"
#include "senderpolicy.h"

namespace Hubbub {

using Kind = MessageEnvelope::Kind;

MessageMutations::MessageMutations(HistoryStore *history, RoomDirectory *rooms, const LocalUser *self,
                                   QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_rooms(rooms)
    , m_self(self)
    , m_store(history->connectionName())
    , m_held(history->connectionName())
{}

void MessageMutations::handle(const QString &room, const QString &fromUserId, const MessageEnvelope &env)
{
    if (!env.isMutation())
        return;
    if (apply(room, fromUserId, env) == Outcome::Held)
        hold(room, fromUserId, env);
}

bool MessageMutations::applyOwn(const QString &room, const MessageEnvelope &env)
{
    return env.isMutation() && apply(room, m_self->userId, env) == Outcome::Applied;
}

MessageMutations::Outcome MessageMutations::drop(const QString &room, const QString &fromUserId,
                                                 const MessageEnvelope &env, const QString &reason)
{
    // fromUserId is the service's; the rest is the sender's claim, logged as data only.
    qCInfo(lcApp).noquote() << "dropped" << MessageEnvelope::kindName(env.kind) << env.id << "on"
                            << env.target << "in" << room << "from" << SenderPolicy::label(fromUserId) << ":"
                            << reason;
    Q_EMIT dropped(room, env.id, reason);
    return Outcome::Dropped;
}

std::optional<MutationStore::Target> MessageMutations::findTarget(const QString &room,
                                                                  const QString &messageId) const
{
    // The model first: it also holds what an unwritable history could not store.
    if (MessageModel *model = m_rooms->findMessages(room)) {
        const int row = model->rowOf(messageId);
        if (row >= 0) {
            const ChatMessage &m = model->at(row);
            return MutationStore::Target{m.senderId, m.relayedBy, m.own, m.deleted, m.gapMarker};
        }
    }
    return m_history->isOpen() ? m_store.target(room, messageId) : std::nullopt;
}

MessageMutations::Outcome MessageMutations::apply(const QString &room, const QString &fromUserId,
                                                  const MessageEnvelope &env)
{
    if (fromUserId.isEmpty())
        return drop(room, fromUserId, env, QStringLiteral("no service identity"));
    if (m_store.isApplied(room, env.id))
        return drop(room, fromUserId, env, QStringLiteral("duplicate"));
    // Older than the applied ids are remembered (MutationStore::kKeepApplied): it may be a resend.
    if (MutationStore::isStale(env.timestamp))
        return drop(room, fromUserId, env, QStringLiteral("too old"));
    QString targetId = env.target;
    auto target = findTarget(room, targetId);
    // A message whose id another sender had taken first is kept under an id scoped to its sender
    // (SenderPolicy::receivedId): the sender's own edit names the plain id.
    if (env.kind != Kind::Reaction && target && target->senderId != fromUserId) {
        const QString scoped = SenderPolicy::scopedId(fromUserId, env.target);
        if (auto own = findTarget(room, scoped)) {
            target = own;
            targetId = scoped;
        }
    }
    if (!target)
        return Outcome::Held;
    if (target->gapMarker)
        return drop(room, fromUserId, env, QStringLiteral("not a message"));
    if (target->deleted) {
        m_store.markApplied(room, env.id);
        return drop(room, fromUserId, env, QStringLiteral("the message is deleted"));
    }
    MessageModel *model = m_rooms->findMessages(room);
    switch (env.kind) {
    case Kind::Edit:
    case Kind::Delete:
        if (target->senderId != fromUserId)
            return drop(room, fromUserId, env, QStringLiteral("not the sender of the message"));
        if (!target->relayedBy.isEmpty())
            return drop(room, fromUserId, env, QStringLiteral("the message was relayed"));
        if (env.kind == Kind::Edit) {
            m_store.setEdited(room, targetId, env.body);
            if (model)
                model->applyEdit(targetId, env.body);
        } else {
            m_store.setDeleted(room, targetId);
            if (model)
                model->applyDelete(targetId);
        }
        break;
    case Kind::Reaction:
        m_store.setReaction(room, targetId, env.emoji, fromUserId, env.on);
        refreshReactions(room, targetId);
        break;
    default:
        return Outcome::Dropped;
    }
    m_store.markApplied(room, env.id);
    if (env.kind != Kind::Reaction && model)
        updatePreview(room, model, targetId);
    Q_EMIT applied(room, targetId, env.id);
    return Outcome::Applied;
}

void MessageMutations::updatePreview(const QString &room, MessageModel *model, const QString &messageId)
{
    // The room list previews the last message: an edit or a tombstone there shows in it too.
    for (int row = model->count() - 1; row >= 0; --row) {
        const ChatMessage &m = model->at(row);
        if (m.gapMarker)
            continue;
        if (m.id == messageId)
            m_rooms->list()->setLastMessage(room, m.deleted ? tr("message deleted") : m.text, m.timestamp);
        return;
    }
}

void MessageMutations::hold(const QString &room, const QString &fromUserId, const MessageEnvelope &env)
{
    // Bounded (HeldOps): a flood of operations on ids that never arrive cannot grow without end.
    if (m_held.add(room, fromUserId, env))
        qCDebug(lcApp) << "held" << MessageEnvelope::kindName(env.kind) << env.id << "until" << env.target
                       << "arrives in" << room;
}

void MessageMutations::messageArrived(const QString &room, const QString &messageId)
{
    // Taken out first: applying emits signals whose handlers may hold or arrive more.
    const QList<HeldOps::Op> ready = m_held.take(room, [&messageId](const HeldOps::Op &h) {
        return h.env.target == messageId || SenderPolicy::scopedId(h.fromUserId, h.env.target) == messageId;
    });
    // In arrival order: a delete held before an edit still wins, the last edit still wins. The
    // same checks as live (the fromUserId held is the service's); the row goes once it is settled.
    for (const HeldOps::Op &h : ready) {
        if (apply(room, h.fromUserId, h.env) == Outcome::Held)
            m_held.restore(h);
        else
            m_held.erase(room, h.env.id);
    }
}

QList<MessageReaction> MessageMutations::summarize(const QList<std::pair<QString, QString>> &pairs,
                                                   const QString &selfId)
{
    QList<MessageReaction> out;
    for (const auto &pair : pairs) {
        // Named copies, not a structured binding: clang 14 cannot capture those in a lambda.
        const QString &emoji = pair.first;
        const QString &user = pair.second;
        auto it =
            std::find_if(out.begin(), out.end(), [&](const MessageReaction &r) { return r.emoji == emoji; });
        if (it == out.end()) {
            out.append({emoji, {}, false});
            it = out.end() - 1;
        }
        if (!it->users.contains(user))
            it->users.append(user);
        it->mine = it->mine || (!selfId.isEmpty() && user == selfId);
    }
    return out;
}

void MessageMutations::refreshReactions(const QString &room, const QString &messageId)
{
    if (MessageModel *model = m_rooms->findMessages(room)) {
        const auto pairs = m_store.reactions(room, {messageId}).value(messageId);
        model->setReactions(messageId, summarize(pairs, m_self->userId));
    }
}

void MessageMutations::decorate(const QString &room, const QStringList &messageIds)
{
    MessageModel *model = m_rooms->findMessages(room);
    if (!model || !m_history->isOpen())
        return;
    const auto byMessage = m_store.reactions(room, messageIds);
    for (auto it = byMessage.cbegin(); it != byMessage.cend(); ++it)
        model->setReactions(it.key(), summarize(it.value(), m_self->userId));
}

} // namespace Hubbub
