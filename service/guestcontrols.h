// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The presenter's hold on the invited guests (the app's Present mode): who of them is
//! connected, removing one (connections closed, name released), locking the rooms to presenters
//! (guests may not send) and ending the session (every guest closed, the invite void).
//!
//! The lock is checked when a guest sends, not written into tokens or roles: so it holds for
//! connections recovered, reconnected or negotiated while it is on, and lifting it gives every
//! guest back what its token granted.
#pragma once

#include <frame.h>

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Hubbub {

class ClientConnection;
class ServicePrivate;

class GuestControls
{
public:
    explicit GuestControls(ServicePrivate *service);

    //! Whether \a c holds an id of the invite's namespace (`guest:<name>`).
    static bool isGuest(const ClientConnection *c);

    //! The names (without `guest:`) of the guests connected now, each once, sorted.
    QStringList connectedGuests() const;
    //! Remembers that guest connection \a c was admitted, for goneCount().
    void noteAdmitted(const ClientConnection *c);
    //! Guests (names, each once) by state: with a live socket; with none but a reliable connection
    //! still in its recovery window; and seen this session but without any connection now (left,
    //! removed or not recovered in time).
    struct Counts
    {
        int connected = 0;
        int recovering = 0;
        int gone = 0;
    };
    Counts counts() const;
    //! Closes every connection of guest \a name (compared case-insensitively) and releases the
    //! name; the number of connections closed.
    int remove(const QString &name);
    bool locked() const { return m_locked; }
    void setLocked(bool locked) { m_locked = locked; }
    //! Why \a c may not send to a group now (the lock), nullopt when it may.
    std::optional<WebPubSub::ErrorDetail> sendRefusal(const ClientConnection *c) const;
    //! Closes every guest connection, voids the invite (a new one is in force) and lifts the lock.
    void endSession();

private:
    ServicePrivate *d;
    bool m_locked = false;
    QSet<QString> m_seen; //!< case-folded names admitted since the session began
};

} // namespace Hubbub
