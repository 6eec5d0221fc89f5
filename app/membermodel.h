// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Who is in a room, with presence and typing, built from group messages only.
//!
//! The service keeps no presence, so each client announces itself (presence envelopes) and this
//! model tracks, per userId, every instance (one per connection of the app) with the time it was
//! last heard. A user is online while any instance is fresh, away when every fresh instance says
//! away, and offline once all have said goodbye or expired (~2.5 heartbeats of silence). Time is
//! passed in by the caller so tests need no sleeping.
#pragma once

#include "applistmodel.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <chrono>

namespace Hubbub {

class MemberModel : public AppListModel
{
    Q_OBJECT
    //! Members online or away.
    Q_PROPERTY(int onlineCount READ onlineCount NOTIFY onlineCountChanged)
public:
    enum Roles {
        UserIdRole = Qt::UserRole + 1, //!< the member's userId: their identity, what names them
        //! The display name from their announcements, shown only beside the userId: empty when
        //! they gave none, it repeats the userId, or it equals another member's userId or name.
        DisplayNameRole,
        PresenceRole,    //!< "online" | "away" | "offline"
        TypingRole,      //!< currently typing in this room
        AvatarIndexRole, //!< which of the 12 avatar colours (Avatar::colourIndex of the userId)
        InitialsRole,    //!< one or two initials of the userId, drawn in the avatar
    };
    Q_ENUM(Roles)

    enum class Presence { Offline, Away, Online };

    explicit MemberModel(const QString &room = {}, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int count() const override { return int(m_members.size()); }
    int onlineCount() const;
    QString room() const { return m_room; }

    //! An instance older than this (no heartbeat) is gone. Default 75 s (2.5 × 30 s).
    void setExpiry(std::chrono::milliseconds expiry) { m_expiry = expiry; }
    std::chrono::milliseconds expiry() const { return m_expiry; }

    //! \a instanceId of \a userId was heard (announce, heartbeat, who-answer, any message) at
    //! \a now, saying it is \a away or not.
    void heard(const QString &userId, const QString &displayName, const QString &instanceId, bool away,
               const QDateTime &now);
    //! \a instanceId of \a userId said goodbye.
    void goodbye(const QString &userId, const QString &instanceId);
    //! Drops instances not heard since now - expiry() and expired typing; returns true if any
    //! member changed.
    bool expire(const QDateTime &now);
    //! \a userId is typing until \a until (or stopped, if \a until is invalid or past).
    void setTyping(const QString &userId, const QString &displayName, const QDateTime &until);
    //! Clears every typing flag (the "show typing" setting was turned off).
    void clearTyping();
    //! Every instance of every member is forgotten (our own connection was replaced).
    void markAllOffline();

    Presence presence(const QString &userId) const;
    static QString presenceName(Presence p);
    bool isTyping(const QString &userId) const;
    //! The display name \a userId announced last (as given; see shownName()).
    QString displayName(const QString &userId) const;
    //! What DisplayNameRole shows for \a userId: their display name unless it repeats their
    //! userId or passes for another member (userId or display name, case-insensitively).
    QString shownName(const QString &userId) const;
    //! Whether \a name, claimed by \a userId, equals another member's userId or display name.
    bool nameCollides(const QString &userId, const QString &name) const;
    //! The userIds (identities, never payload names) of the members typing now, except \a exceptUserId.
    QStringList typingNames(const QString &exceptUserId = {}) const;

Q_SIGNALS:
    void onlineCountChanged();
    void typingChanged();

private:
    struct Member
    {
        QString userId;
        QString displayName;
        QHash<QString, QDateTime> instances; // instanceId → last heard
        QHash<QString, bool> instanceAway;
        QDateTime typingUntil;
        bool typing = false;
        Presence presence = Presence::Offline;
    };
    int ensureMember(const QString &userId, const QString &displayName);
    void refresh(int row, const QList<int> &roles = {});
    // Names are shown only when they collide with nobody: one change can change every row.
    void refreshAllNames();
    QString shownName(const Member &m) const;
    static Presence computePresence(const Member &m);

    QString m_room;
    QList<Member> m_members;
    std::chrono::milliseconds m_expiry{75000};
    int m_onlineCount = 0;
};

} // namespace Hubbub
