// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Applies edits, deletes and reactions — received or own — to the history and the room's
//! model, with the authority of the service's identity only (docs/message-envelope.md, "Edits,
//! deletes and reactions").
//!
//! An edit or delete applies only when its `fromUserId` is the stored original's sender and the
//! original was received directly (not relayed by a backfill); a reaction is always its
//! `fromUserId`'s own. Anything else is dropped and logged. Each operation id applies once (the ids
//! are kept in the history, so an in-doubt resend never applies twice, even after a newer edit). A
//! delete wins over any later edit; the last edit to arrive wins. An operation whose target has not
//! arrived yet is held (HeldOps: in the history, so across restarts; at most kMaxHeldPerRoom per
//! room, the oldest goes first; a week at most) and checked and applied when the message arrives,
//! live or filled in by a backfill.
#pragma once

#include "heldops.h"
#include "messageenvelope.h"
#include "mutationstore.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace Hubbub {

class HistoryStore;
class MessageModel;
class RoomDirectory;
struct LocalUser;

class MessageMutations : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxHeldPerRoom = HeldOps::kMaxPerRoom;

    //! All pointers must outlive this.
    MessageMutations(HistoryStore *history, RoomDirectory *rooms, const LocalUser *self,
                     QObject *parent = nullptr);

    //! An edit, delete or reaction delivered to \a room by \a fromUserId (the Inbox).
    void handle(const QString &room, const QString &fromUserId, const MessageEnvelope &env);
    //! The local user's own operation, applied before it is sent; false when it cannot apply (not
    //! allowed, or its target is unknown): then it must not be sent.
    bool applyOwn(const QString &room, const MessageEnvelope &env);
    //! \a messageId was added to \a room: what was held for it applies now.
    void messageArrived(const QString &room, const QString &messageId);
    //! Puts the stored reactions of \a messageIds into \a room's model (after a page is loaded).
    void decorate(const QString &room, const QStringList &messageIds);
    //! \a room was left: what was held for it is dropped.
    void forgetRoom(const QString &room) { m_held.removeRoom(room); }
    //! Operations held for messages not seen yet in \a room.
    int heldCount(const QString &room) const { return m_held.count(room); }

    //! The reactions of a message from (emoji, userId) pairs: one entry per emoji in order of first
    //! use, `mine` when \a selfId is among its users.
    static QList<MessageReaction> summarize(const QList<std::pair<QString, QString>> &pairs,
                                            const QString &selfId);

Q_SIGNALS:
    //! An operation changed \a messageId in \a room.
    void applied(const QString &room, const QString &messageId, const QString &opId);
    //! An operation was dropped: forged, relayed target, duplicate, on a deleted message, …
    void dropped(const QString &room, const QString &opId, const QString &reason);

private:
    enum class Outcome { Applied, Held, Dropped };
    Outcome apply(const QString &room, const QString &fromUserId, const MessageEnvelope &env);
    Outcome drop(const QString &room, const QString &fromUserId, const MessageEnvelope &env,
                 const QString &reason);
    //! The target as the model or the history has it; nullopt when not seen.
    std::optional<MutationStore::Target> findTarget(const QString &room, const QString &messageId) const;
    void hold(const QString &room, const QString &fromUserId, const MessageEnvelope &env);
    void refreshReactions(const QString &room, const QString &messageId);
    void updatePreview(const QString &room, MessageModel *model, const QString &messageId);

    HistoryStore *m_history;
    RoomDirectory *m_rooms;
    const LocalUser *m_self;
    MutationStore m_store;
    HeldOps m_held; // operations waiting for their target
};

} // namespace Hubbub
