// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "replyresolver.h"

#include "historystore.h"
#include "logging.h"
#include "messagemodel.h"
#include "roomdirectory.h"
#include "senderpolicy.h"

namespace Hubbub {

ReplyResolver::ReplyResolver(HistoryStore *history, RoomDirectory *rooms, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_rooms(rooms)
{}

void ReplyResolver::noteChanged()
{
    ++m_revision;
    Q_EMIT revisionChanged();
}

std::optional<ChatMessage> ReplyResolver::find(const QString &room, const QString &messageId) const
{
    if (messageId.isEmpty())
        return std::nullopt;
    // The model first: it is what the user sees, and holds messages the history may lack (none
    // when the history is unavailable).
    if (const MessageModel *model = m_rooms->findMessages(room)) {
        const int row = model->rowOf(messageId);
        if (row >= 0)
            return model->at(row);
    }
    return m_history->isOpen() ? m_history->message(room, messageId) : std::nullopt;
}

ReplyResolver::Quote ReplyResolver::resolve(const QString &room, const ReplyRef &claim) const
{
    Quote q;
    q.messageId = claim.id;
    const auto original = find(room, claim.id);
    if (original && !original->gapMarker) {
        q.inHistory = true;
        q.senderId = original->senderId;
        q.senderLabel = SenderPolicy::label(original->senderId);
        // Deleted for everyone: the quote says so, never the text the claim may still carry.
        q.text = original->deleted ? tr("message deleted") : ReplyRef::cleanSnippet(original->text);
        q.relayedBy = original->relayedBy;
        if (claim.sender != original->senderId || claim.text != q.text)
            qCDebug(lcApp) << "reply quote of" << claim.id << "differs from the stored original";
        return q;
    }
    // Not ours to verify: the claim, cleaned again (it may come from an older store or a test).
    q.senderId = ReplyRef::cleanSender(claim.sender);
    q.senderLabel = q.senderId;
    q.text = ReplyRef::cleanSnippet(claim.text);
    return q;
}

QVariantMap ReplyResolver::quote(const QString &room, const QString &replyToId, const QString &claimedSender,
                                 const QString &claimedText, int) const
{
    const Quote q = resolve(room, {replyToId, claimedSender, claimedText});
    return {{QStringLiteral("inHistory"), q.inHistory}, {QStringLiteral("messageId"), q.messageId},
            {QStringLiteral("senderId"), q.senderId},   {QStringLiteral("senderLabel"), q.senderLabel},
            {QStringLiteral("text"), q.text},           {QStringLiteral("relayedBy"), q.relayedBy}};
}

ReplyRef ReplyResolver::reference(const QString &room, const QString &messageId) const
{
    const auto original = find(room, messageId);
    if (!original || original->gapMarker)
        return {};
    return {original->id, ReplyRef::cleanSender(original->senderId), ReplyRef::cleanSnippet(original->text)};
}

int ReplyResolver::locate(const QString &room, const QString &messageId)
{
    if (!m_rooms->contains(room) || messageId.isEmpty())
        return -1;
    MessageModel *model = m_rooms->openMessages(room);
    int row = model->rowOf(messageId);
    // Paging through history is only worth it when the history holds the message at all.
    if (row >= 0 || !m_history->contains(room, messageId))
        return row;
    for (int page = 0; page < kMaxLocatePages && row < 0; ++page) {
        if (m_rooms->loadOlder(room) == 0)
            break;
        row = model->rowOf(messageId);
    }
    return row;
}

} // namespace Hubbub
