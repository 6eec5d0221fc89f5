// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The profile's settings file (AppOptions::settingsPath()), one QSettings for the whole app.
//!
//! Every non-secret choice the app remembers between runs goes through here under a named
//! accessor, so the keys are written in one place: UI preferences, the current room, whether the
//! first start seeded a room, the chosen connection (its secret lives in the keychain, see
//! EndpointFactory) and the guest device key for LAN-hosted services.
#pragma once

#include <QSettings>
#include <QString>

namespace Hubbub {

class Preferences
{
public:
    explicit Preferences(const QString &settingsPath);

    bool darkTheme() const;
    void setDarkTheme(bool dark);
    bool typingIndicators() const;
    void setTypingIndicators(bool enabled);
    //! "Notify me of mentions in muted rooms" (default on).
    bool mentionsInMutedRooms() const;
    void setMentionsInMutedRooms(bool notify);
    QString currentRoom() const;
    void setCurrentRoom(const QString &room);
    //! True once a first start has put the user into a room (done once per profile).
    bool roomsSeeded() const;
    void setRoomsSeeded();

    //! The saved connection choice without its secret: kind ("local", "negotiate", "url",
    //! "connectionString" or empty when none was made), hub and user.
    struct ConnectionChoice
    {
        QString kind;
        QString hub;
        QString user;
    };
    ConnectionChoice connectionChoice() const;
    void setConnectionChoice(const ConnectionChoice &choice);
    //! Back to the local service: kind "local", no hub or user.
    void setLocalChoice();

    //! The random key this profile gives a LAN-hosted service's /negotiate to hold its guest name
    //! (created and saved on first use).
    QString guestDeviceKey();

private:
    QSettings m_settings;
};

} // namespace Hubbub
