// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "hubregistry.h"

#include "clientconnection.h"
#include "namerules.h"

#include <utility>

namespace Hubbub {

void HubRegistry::add(ClientConnection *c)
{
    const QString hubKey = NameRules::hubKey(c->hub());
    if (c->userId)
        c->groups.unite(m_userGroups.value(hubKey).value(*c->userId));
    m_hubs[hubKey].insert(c->id(), c);
    ++m_count;
}

bool HubRegistry::remove(ClientConnection *c)
{
    auto hubIt = m_hubs.find(NameRules::hubKey(c->hub()));
    if (hubIt == m_hubs.end() || !hubIt->remove(c->id()))
        return false;
    if (hubIt->isEmpty())
        m_hubs.erase(hubIt);
    --m_count;
    return true;
}

QList<ClientConnection *> HubRegistry::takeAll()
{
    // Take the table first so that nothing reached from the caller's loop can see it half-torn. The
    // users' groups stay: they outlive a stop and a rebind, as a user's groups do on Azure.
    const QHash<QString, QHash<QString, ClientConnection *>> hubs = std::exchange(m_hubs, {});
    m_count = 0;
    QList<ClientConnection *> out;
    for (const auto &hub : hubs)
        out.append(hub.values());
    return out;
}

QList<ClientConnection *> HubRegistry::connectionsOf(const QString &hub) const
{
    return m_hubs.value(NameRules::hubKey(hub)).values();
}

ClientConnection *HubRegistry::connection(const QString &hub, const QString &connectionId) const
{
    return m_hubs.value(NameRules::hubKey(hub)).value(connectionId);
}

QList<ClientConnection *> HubRegistry::userConnections(const QString &hub, const QString &userId) const
{
    QList<ClientConnection *> out;
    for (ClientConnection *c : m_hubs.value(NameRules::hubKey(hub))) {
        if (c->userId && *c->userId == userId)
            out.append(c);
    }
    return out;
}

QList<ClientConnection *> HubRegistry::groupConnections(const QString &hub, const QString &group) const
{
    QList<ClientConnection *> out;
    for (ClientConnection *c : m_hubs.value(NameRules::hubKey(hub))) {
        if (c->groups.contains(group))
            out.append(c);
    }
    return out;
}

QList<QPointer<ClientConnection>> HubRegistry::allConnections() const
{
    QList<QPointer<ClientConnection>> out;
    out.reserve(m_count);
    for (const auto &hub : m_hubs) {
        for (ClientConnection *c : hub)
            out.append(c);
    }
    return out;
}

QList<QPointer<ClientConnection>> HubRegistry::guarded(const QList<ClientConnection *> &connections)
{
    return QList<QPointer<ClientConnection>>(connections.cbegin(), connections.cend());
}

void HubRegistry::deliver(const QList<ClientConnection *> &targets, const WebPubSub::Frame &message)
{
    FanOut cache;
    // deliver() may close a slow connection (and finish it): guarded, dead ones skipped.
    for (const QPointer<ClientConnection> &c : guarded(targets)) {
        if (c)
            c->deliver(message, &cache);
    }
}

void HubRegistry::addUserToGroup(const QString &hub, const QString &userId, const QString &group)
{
    // Remembered for the user, so that the user's later connections join the group as well.
    m_userGroups[NameRules::hubKey(hub)][userId].insert(group);
    for (ClientConnection *c : userConnections(hub, userId))
        c->groups.insert(group);
}

void HubRegistry::removeUserFromGroup(const QString &hub, const QString &userId, const QString &group)
{
    auto &users = m_userGroups[NameRules::hubKey(hub)];
    users[userId].remove(group);
    if (users[userId].isEmpty())
        users.remove(userId);
    for (ClientConnection *c : userConnections(hub, userId))
        c->groups.remove(group);
}

void HubRegistry::removeUserFromAllGroups(const QString &hub, const QString &userId)
{
    m_userGroups[NameRules::hubKey(hub)].remove(userId);
    for (ClientConnection *c : userConnections(hub, userId))
        c->groups.clear();
}

} // namespace Hubbub
