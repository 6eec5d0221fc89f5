// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief @mentions: whether a message names a user, where (for the highlight), completion of
//! `@prefix` from the room's members, and the "notify me of mentions in muted rooms" preference.
//!
//! A mention of `alice` is `@alice` as a whole word, case-insensitively: the `@` starts a word (not
//! `bob@alice.com`), and the name ends there (`@alicex` and `@alice.bob` name someone else; a
//! sentence's `@alice.` or `@alice,` still names alice). Detection and the highlight are pure
//! functions, so the Inbox (detection on arrival), the QML delegate (highlight, through UiHelper)
//! and the tests share one definition.
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Hubbub {

class NotificationPolicy;
class Preferences;

class Mentions : public QObject
{
    Q_OBJECT
    //! A mention notifies even in a muted room (default on); off: muted means silent.
    Q_PROPERTY(bool notifyInMutedRooms READ notifyInMutedRooms WRITE setNotifyInMutedRooms NOTIFY
                   notifyInMutedRoomsChanged)
public:
    //! Where `@userId` is in a text: [start, start + length), the `@` included.
    struct Span
    {
        qsizetype start = 0;
        qsizetype length = 0;
        bool operator==(const Span &) const = default;
    };

    //! Reads the preference from \a preferences and applies it to \a notifications (both must
    //! outlive this).
    Mentions(Preferences *preferences, NotificationPolicy *notifications, QObject *parent = nullptr);

    bool notifyInMutedRooms() const { return m_notifyInMutedRooms; }
    void setNotifyInMutedRooms(bool notify);

    //! Whether \a text mentions \a userId (never when \a userId is empty).
    static bool mentions(QStringView text, QStringView userId);
    //! Every mention of \a userId in \a text, in order.
    static QList<Span> spans(QStringView text, QStringView userId);
    //! \a text as Text.StyledText markup that shows it literally (every character HTML-escaped,
    //! line breaks and runs of spaces kept) with only the mentions of \a userId wrapped in bold
    //! and \a color (a colour name or #rgb; anything else is not used).
    static QString highlighted(const QString &text, const QString &userId, const QString &color);
    //! The \a userIds that start with \a prefix (case-insensitively), \a exclude left out, sorted
    //! case-insensitively, at most \a max.
    static QStringList complete(const QStringList &userIds, const QString &prefix,
                                const QString &exclude = {}, int max = 8);

Q_SIGNALS:
    void notifyInMutedRoomsChanged();

private:
    Preferences *m_preferences;
    NotificationPolicy *m_notifications;
    bool m_notifyInMutedRooms = true;
};

} // namespace Hubbub
