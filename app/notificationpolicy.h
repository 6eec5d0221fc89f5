// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Decides whether a message deserves a desktop notification and asks the UI to show it.
//!
//! QtWidgets (QSystemTrayIcon) is deliberately not linked: the QML side shows the message with
//! Qt.labs.platform's SystemTrayIcon when notificationRequested() fires. This class holds the
//! policy (not the room in view while the window is active, not muted, not own) and rate-limits
//! bursts so a busy room does not flood the tray.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>

namespace Hubbub {

class NotificationPolicy : public QObject
{
    Q_OBJECT
public:
    explicit NotificationPolicy(QObject *parent = nullptr);

    //! Considers a message; returns true (and emits notificationRequested) if it should notify.
    //! A message that \a mentionsMe notifies in a muted room too (unless mentionsInMutedRooms is
    //! off) and is not held back by the rate limit.
    bool consider(const QString &room, const QString &sender, const QString &text, bool own, bool muted,
                  bool roomInView, bool mentionsMe = false);
    //! Whether mentions break through a room's mute (the user's preference; default on).
    void setMentionsInMutedRooms(bool notify) { m_mentionsInMutedRooms = notify; }
    bool mentionsInMutedRooms() const { return m_mentionsInMutedRooms; }
    //! Considers a server notice (the Notices place, no room, no sender): it notifies unless the
    //! Notices place is in view, at most once per minimum interval like a room.
    bool considerNotice(const QString &text, bool noticesInView);
    //! At most one notification per room in this many ms (default 2000); 0 = no limit.
    void setMinimumInterval(int ms) { m_minimumIntervalMs = ms; }

    //! The title and body of the desktop notification for a message from \a sender in \a room,
    //! HTML-escaped: notification servers may interpret markup, and all three come from others.
    static QString systemTitle(const QString &room, const QString &sender);
    static QString systemBody(const QString &text);

Q_SIGNALS:
    //! For the in-window toast (plain-text labels): the raw strings. A server notice has an empty
    //! \a room and "Server notice" as \a sender.
    void notificationRequested(const QString &room, const QString &sender, const QString &text);
    //! For the system tray: systemTitle() and systemBody(), already escaped.
    void systemNotificationRequested(const QString &title, const QString &body);

private:
    QHash<QString, QDateTime> m_lastShown;
    int m_minimumIntervalMs = 2000;
    bool m_mentionsInMutedRooms = true;
};

} // namespace Hubbub
