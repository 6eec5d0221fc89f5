// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Who this app instance is in the rooms: the service's userId, the display name sent in
//! envelopes, and the instance id that tells this process's presence from the user's other windows.
//!
//! The AppController owns the one LocalUser (updated when a connection says who we are); the
//! Inbox, Outbox and PresenceTracker read it.
#pragma once

#include <QString>

namespace Hubbub {

struct LocalUser
{
    QString userId;
    QString userName;
    QString instanceId;
};

} // namespace Hubbub
