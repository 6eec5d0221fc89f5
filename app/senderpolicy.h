// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Who sent a group message, as the app decides it: the service-stamped userId, never a
//! payload field another member can copy.
//!
//! Any room member can put anything in an envelope's `sender`, `instance`, `id` or `ts`. Only the
//! `fromUserId` the service stamps on a delivered message says who sent it. This class holds the
//! rules built on that: what names a sender (the userId; "anonymous" without one), which payload
//! display name may appear beside it (cleaned, and never one that passes for another member),
//! which deliveries are our own echoes (our userId AND an id this instance issued, or our own
//! presence instance), and under which id a received message is kept so that a forged copy of
//! someone else's message id neither hides nor replaces theirs.
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace Hubbub {

class SenderPolicy
{
public:
    //! At most this many own message ids are remembered for echo suppression.
    static constexpr int kMaxIssuedIds = 4096;
    //! Longest display name shown beside a userId.
    static constexpr int kMaxDisplayNameLength = 64;

    //! The label that names a sender everywhere: \a userId, or "anonymous" when the service gave none.
    static QString label(const QString &userId);
    //! \a claimed (a payload's `sender`) made fit to show beside \a userId: control, format and
    //! line-breaking characters removed, whitespace collapsed, at most kMaxDisplayNameLength
    //! characters. Empty when nothing is left or when there is no \a userId (anonymous senders
    //! show no payload name at all).
    static QString cleanDisplayName(const QString &claimed, const QString &userId);
    //! True when \a name, claimed by \a userId, equals (case-insensitively) the userId or the
    //! display name of any other member in \a others (userId → display name).
    static bool collides(const QString &name, const QString &userId, const QHash<QString, QString> &others);

    //! An own message id (sent now, or waiting in the outbox since the last session).
    void noteIssued(const QString &messageId);
    bool issued(const QString &messageId) const { return m_issued.contains(messageId); }
    //! Whether a chat message with \a messageId from \a fromUserId is our own echo (shown already):
    //! only when both the service identity is ours and we issued that id.
    bool isOwnMessageEcho(const QString &fromUserId, const QString &ownUserId,
                          const QString &messageId) const;
    //! Whether a presence/typing/who/goodbye envelope is our own: our userId and our instance.
    static bool isOwnPresenceEcho(const QString &fromUserId, const QString &ownUserId,
                                  const QString &instance, const QString &ownInstance);
    //! The id under which a received message from \a fromUserId carrying \a messageId is kept. It is
    //! \a messageId unless that id is already taken by another sender (\a senderOf tells the sender
    //! of a stored id, nullopt when unknown) or is one we issued and \a fromUserId is not us: then a
    //! stable id scoped to the sender, so redeliveries still deduplicate and nobody's message is
    //! dropped as a "duplicate" of a forgery.
    QString receivedId(const QString &fromUserId, const QString &ownUserId, const QString &messageId,
                       const std::function<std::optional<QString>(const QString &)> &senderOf) const;
    //! The sender-scoped form of \a messageId used by receivedId().
    static QString scopedId(const QString &fromUserId, const QString &messageId);

private:
    QSet<QString> m_issued;
    QList<QString> m_issuedOrder; // oldest first, to keep m_issued bounded
};

} // namespace Hubbub
