// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Who may get a token from `/negotiate` when an invite is in force: the invite secret
//! (compared in constant time) and the guest names, each held first-come by the device that took it.
//!
//! An invite is in force when one was given (`--invite`, ServiceOptions::invite) or when the
//! service listens beyond loopback (then one is generated, 128 bits or more, once per Service).
//! Guests get ids in their own namespace (`guest:<name>`), so a guest can never obtain the id of a
//! local user, and tokens that may join and send to groups (rooms), nothing more.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Hubbub {

class InviteGate
{
public:
    enum class Claim { Granted, HeldByAnotherDevice, Full };

    static inline const QString GuestPrefix = QStringLiteral("guest:");
    static constexpr qsizetype MinInviteLength = 16;
    static constexpr qsizetype MaxNameLength = 64;
    static constexpr qsizetype MinDeviceLength = 16;
    static constexpr qsizetype MaxDeviceLength = 256;
    static constexpr qsizetype MaxGuests = 10000;

    //! \a explicitInvite: the configured invite (empty = generated when needed).
    explicit InviteGate(const QString &explicitInvite = {});

    //! The invite in force when bound to \a beyondLoopback (empty: none).
    QString invite(bool beyondLoopback);
    //! Constant-time comparison of \a given with the invite in force.
    bool inviteMatches(const QString &given, bool beyondLoopback);

    //! Why \a name cannot be a guest name (empty = acceptable): 1..64 characters after trimming,
    //! no control characters.
    static QString nameProblem(const QString &name);
    static QString deviceProblem(const QString &device);
    //! `guest:<name>`.
    static QString guestUserId(const QString &name) { return GuestPrefix + name.trimmed(); }

    //! Claims \a name for \a device (names compared case-insensitively, so "Alice" and "alice"
    //! are the same person); the same device may ask again.
    Claim claim(const QString &name, const QString &device);
    //! Frees \a name (a guest the presenter removed), so another device may take it.
    void release(const QString &name);
    //! Voids the invite in force and every name held under it: a new invite is generated (it
    //! replaces a configured one, so an invite stays in force wherever one was).
    void renew();

    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

private:
    static QString generate();

    QString m_explicit;
    QString m_generated;
    QHash<QString, QByteArray> m_holders; // folded name → SHA-256 of the device key
};

} // namespace Hubbub
