// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "preferences.h"

#include "accesskeyfile.h"

namespace Hubbub {

namespace {
const auto kDarkThemeKey = QStringLiteral("ui/darkTheme");
const auto kTypingKey = QStringLiteral("ui/typingIndicators");
const auto kMentionsMutedKey = QStringLiteral("notifications/mentionsInMutedRooms");
const auto kCurrentRoomKey = QStringLiteral("ui/currentRoom");
const auto kSeededKey = QStringLiteral("rooms/seeded");
const auto kKindKey = QStringLiteral("connection/kind");
const auto kHubKey = QStringLiteral("connection/hub");
const auto kUserKey = QStringLiteral("connection/user");
const auto kDeviceKey = QStringLiteral("connection/guestDevice");
} // namespace

Preferences::Preferences(const QString &settingsPath)
    : m_settings(settingsPath, QSettings::IniFormat)
{}

bool Preferences::darkTheme() const
{
    return m_settings.value(kDarkThemeKey, false).toBool();
}

void Preferences::setDarkTheme(bool dark)
{
    m_settings.setValue(kDarkThemeKey, dark);
}

bool Preferences::typingIndicators() const
{
    return m_settings.value(kTypingKey, true).toBool();
}

void Preferences::setTypingIndicators(bool enabled)
{
    m_settings.setValue(kTypingKey, enabled);
}

bool Preferences::mentionsInMutedRooms() const
{
    return m_settings.value(kMentionsMutedKey, true).toBool();
}

void Preferences::setMentionsInMutedRooms(bool notify)
{
    m_settings.setValue(kMentionsMutedKey, notify);
}

QString Preferences::currentRoom() const
{
    return m_settings.value(kCurrentRoomKey).toString();
}

void Preferences::setCurrentRoom(const QString &room)
{
    m_settings.setValue(kCurrentRoomKey, room);
}

bool Preferences::roomsSeeded() const
{
    return m_settings.value(kSeededKey, false).toBool();
}

void Preferences::setRoomsSeeded()
{
    m_settings.setValue(kSeededKey, true);
}

Preferences::ConnectionChoice Preferences::connectionChoice() const
{
    return {m_settings.value(kKindKey).toString(), m_settings.value(kHubKey).toString(),
            m_settings.value(kUserKey).toString()};
}

void Preferences::setConnectionChoice(const ConnectionChoice &choice)
{
    m_settings.setValue(kKindKey, choice.kind);
    m_settings.setValue(kHubKey, choice.hub);
    m_settings.setValue(kUserKey, choice.user);
}

void Preferences::setLocalChoice()
{
    m_settings.setValue(kKindKey, QStringLiteral("local"));
    m_settings.remove(kHubKey);
    m_settings.remove(kUserKey);
}

QString Preferences::guestDeviceKey()
{
    QString key = m_settings.value(kDeviceKey).toString();
    if (key.size() < 16) {
        // The same generator as the service's access key (random, URL-safe): one place for both.
        key = AccessKeyFile::generate();
        m_settings.setValue(kDeviceKey, key);
    }
    return key;
}

} // namespace Hubbub
