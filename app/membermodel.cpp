// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "membermodel.h"

#include "avatar.h"
#include "enumnames.h"
#include "senderpolicy.h"

namespace Hubbub {

MemberModel::MemberModel(const QString &room, QObject *parent)
    : AppListModel({{UserIdRole, "userId"},
                    {DisplayNameRole, "displayName"},
                    {PresenceRole, "presence"},
                    {TypingRole, "typing"},
                    {AvatarIndexRole, "avatarIndex"},
                    {InitialsRole, "initials"}},
                   parent)
    , m_room(room)
{}

QVariant MemberModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const Member &m = m_members.at(index.row());
    switch (role) {
    case UserIdRole:
        return m.userId;
    case Qt::DisplayRole:
        return m.userId;
    case DisplayNameRole:
        return shownName(m);
    case PresenceRole:
        return presenceName(m.presence);
    case TypingRole:
        return m.typing;
    case AvatarIndexRole:
        return Avatar::colourIndex(m.userId);
    case InitialsRole:
        return Avatar::initials(m.userId);
    default:
        return {};
    }
}

QString MemberModel::presenceName(Presence p)
{
    static const EnumName<Presence> names[] = {{Presence::Online, "online"}, {Presence::Away, "away"}};
    return enumName(names, p, "offline");
}

int MemberModel::onlineCount() const
{
    return m_onlineCount;
}

int MemberModel::ensureMember(const QString &userId, const QString &displayName)
{
    for (int i = 0; i < m_members.size(); ++i) {
        if (m_members.at(i).userId == userId) {
            if (!displayName.isEmpty() && m_members.at(i).displayName != displayName) {
                m_members[i].displayName = displayName;
                refreshAllNames();
            }
            return i;
        }
    }
    const int row = int(m_members.size());
    beginInsertRows({}, row, row);
    Member m;
    m.userId = userId;
    m.displayName = displayName;
    m_members.append(m);
    endInsertRows();
    Q_EMIT countChanged();
    // A newcomer's userId or name may now collide with an existing member's name.
    if (row > 0)
        refreshAllNames();
    return row;
}

MemberModel::Presence MemberModel::computePresence(const Member &m)
{
    if (m.instances.isEmpty())
        return Presence::Offline;
    for (auto it = m.instanceAway.cbegin(); it != m.instanceAway.cend(); ++it) {
        if (!it.value())
            return Presence::Online;
    }
    return Presence::Away;
}

void MemberModel::refresh(int row, const QList<int> &roles)
{
    Member &m = m_members[row];
    const Presence p = computePresence(m);
    QList<int> changedRoles = roles;
    if (p != m.presence) {
        m.presence = p;
        changedRoles.append(PresenceRole);
    }
    if (!changedRoles.isEmpty()) {
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i, changedRoles);
    }
    int online = 0;
    for (const Member &member : std::as_const(m_members))
        online += member.presence != Presence::Offline ? 1 : 0;
    if (online != m_onlineCount) {
        m_onlineCount = online;
        Q_EMIT onlineCountChanged();
    }
}

void MemberModel::heard(const QString &userId, const QString &displayName, const QString &instanceId,
                        bool away, const QDateTime &now)
{
    if (userId.isEmpty())
        return;
    const int row = ensureMember(userId, displayName);
    Member &m = m_members[row];
    const QString instance = instanceId.isEmpty() ? QStringLiteral("?") : instanceId;
    m.instances.insert(instance, now);
    m.instanceAway.insert(instance, away);
    refresh(row);
}

void MemberModel::goodbye(const QString &userId, const QString &instanceId)
{
    for (int i = 0; i < m_members.size(); ++i) {
        Member &m = m_members[i];
        if (m.userId != userId)
            continue;
        m.instances.remove(instanceId.isEmpty() ? QStringLiteral("?") : instanceId);
        m.instanceAway.remove(instanceId.isEmpty() ? QStringLiteral("?") : instanceId);
        QList<int> roles;
        if (m.instances.isEmpty() && m.typing) {
            m.typing = false;
            m.typingUntil = {};
            roles.append(TypingRole);
            Q_EMIT typingChanged();
        }
        refresh(i, roles);
        return;
    }
}

bool MemberModel::expire(const QDateTime &now)
{
    bool any = false;
    bool typingChange = false;
    const QDateTime cutoff = now.addMSecs(-m_expiry.count());
    for (int i = 0; i < m_members.size(); ++i) {
        Member &m = m_members[i];
        const Presence before = m.presence;
        for (auto it = m.instances.begin(); it != m.instances.end();) {
            if (it.value() < cutoff) {
                m.instanceAway.remove(it.key());
                it = m.instances.erase(it);
            } else {
                ++it;
            }
        }
        QList<int> roles;
        if (m.typing && (!m.typingUntil.isValid() || m.typingUntil <= now || m.instances.isEmpty())) {
            m.typing = false;
            m.typingUntil = {};
            roles.append(TypingRole);
            typingChange = true;
        }
        refresh(i, roles);
        any = any || before != m.presence || !roles.isEmpty();
    }
    if (typingChange)
        Q_EMIT typingChanged();
    return any;
}

void MemberModel::setTyping(const QString &userId, const QString &displayName, const QDateTime &until)
{
    if (userId.isEmpty())
        return;
    const int row = ensureMember(userId, displayName);
    Member &m = m_members[row];
    const bool typing = until.isValid() && until > QDateTime::currentDateTimeUtc();
    m.typingUntil = typing ? until : QDateTime();
    if (m.typing != typing) {
        m.typing = typing;
        refresh(row, {TypingRole});
        Q_EMIT typingChanged();
    }
}

void MemberModel::clearTyping()
{
    bool any = false;
    for (int i = 0; i < m_members.size(); ++i) {
        if (m_members.at(i).typing) {
            m_members[i].typing = false;
            m_members[i].typingUntil = {};
            refresh(i, {TypingRole});
            any = true;
        }
    }
    if (any)
        Q_EMIT typingChanged();
}

void MemberModel::markAllOffline()
{
    for (int i = 0; i < m_members.size(); ++i) {
        m_members[i].instances.clear();
        m_members[i].instanceAway.clear();
        refresh(i);
    }
    clearTyping();
}

MemberModel::Presence MemberModel::presence(const QString &userId) const
{
    for (const Member &m : m_members) {
        if (m.userId == userId)
            return m.presence;
    }
    return Presence::Offline;
}

bool MemberModel::isTyping(const QString &userId) const
{
    for (const Member &m : m_members) {
        if (m.userId == userId)
            return m.typing;
    }
    return false;
}

QString MemberModel::displayName(const QString &userId) const
{
    for (const Member &m : m_members) {
        if (m.userId == userId)
            return m.displayName;
    }
    return {};
}

QString MemberModel::shownName(const QString &userId) const
{
    for (const Member &m : m_members) {
        if (m.userId == userId)
            return shownName(m);
    }
    return {};
}

QString MemberModel::shownName(const Member &m) const
{
    if (m.displayName.isEmpty() || m.displayName == m.userId)
        return {};
    return nameCollides(m.userId, m.displayName) ? QString() : m.displayName;
}

bool MemberModel::nameCollides(const QString &userId, const QString &name) const
{
    QHash<QString, QString> others;
    others.reserve(m_members.size());
    for (const Member &m : m_members)
        others.insert(m.userId, m.displayName);
    return SenderPolicy::collides(name, userId, others);
}

void MemberModel::refreshAllNames()
{
    if (m_members.isEmpty())
        return;
    Q_EMIT dataChanged(index(0), index(int(m_members.size()) - 1), {DisplayNameRole});
}

QStringList MemberModel::typingNames(const QString &exceptUserId) const
{
    // Who is typing is said by identity: a display name could be anyone's.
    QStringList names;
    for (const Member &m : m_members) {
        if (m.typing && m.userId != exceptUserId)
            names.append(m.userId);
    }
    return names;
}

} // namespace Hubbub
