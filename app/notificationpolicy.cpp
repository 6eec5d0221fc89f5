// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "notificationpolicy.h"

namespace Hubbub {

NotificationPolicy::NotificationPolicy(QObject *parent)
    : QObject(parent)
{}

bool NotificationPolicy::consider(const QString &room, const QString &sender, const QString &text, bool own,
                                  bool muted, bool roomInView, bool mentionsMe)
{
    if (own || roomInView)
        return false;
    // Being named is the one thing a muted room still says, unless the user turned that off too.
    if (muted && !(mentionsMe && m_mentionsInMutedRooms))
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto it = m_lastShown.constFind(room);
    if (!mentionsMe && m_minimumIntervalMs > 0 && it != m_lastShown.cend() &&
        it->msecsTo(now) < m_minimumIntervalMs)
        return false;
    m_lastShown.insert(room, now);
    // A notification shows a preview, not a whole essay.
    const QString preview = text.size() > 200 ? text.left(199) + QChar(0x2026) : text;
    Q_EMIT notificationRequested(room, sender, preview);
    Q_EMIT systemNotificationRequested(systemTitle(room, sender), systemBody(preview));
    return true;
}

bool NotificationPolicy::considerNotice(const QString &text, bool noticesInView)
{
    if (noticesInView)
        return false;
    // The empty key cannot be a room's (room names are never empty).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto it = m_lastShown.constFind(QString());
    if (m_minimumIntervalMs > 0 && it != m_lastShown.cend() && it->msecsTo(now) < m_minimumIntervalMs)
        return false;
    m_lastShown.insert(QString(), now);
    const QString preview = text.size() > 200 ? text.left(199) + QChar(0x2026) : text;
    const QString title = tr("Server notice");
    Q_EMIT notificationRequested(QString(), title, preview);
    Q_EMIT systemNotificationRequested(title.toHtmlEscaped(), systemBody(preview));
    return true;
}

QString NotificationPolicy::systemTitle(const QString &room, const QString &sender)
{
    return (sender + QStringLiteral(" · #") + room).toHtmlEscaped();
}

QString NotificationPolicy::systemBody(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace Hubbub
