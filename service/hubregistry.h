// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The hubs of hubbub-service: which connections each hub holds and which groups each user
//! was added to (REST `users/{user}/groups/{group}`), with the lookups the client protocol and the
//! REST API share.
//!
//! Hub names are case-insensitive (NameRules::hubKey); connection ids, users and groups are not.
//! Lookups answer plain lists (snapshots): a caller whose loop calls out (close, deliver) walks
//! them guarded(), since a finished connection leaves the registry at once.
#pragma once

#include <frame.h>

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>

namespace Hubbub {

class ClientConnection;

class HubRegistry
{
public:
    //! Adds \a c to its hub; it also joins the groups its user was added to.
    void add(ClientConnection *c);
    //! Removes \a c from its hub (an emptied hub goes); false when it was not there.
    bool remove(ClientConnection *c);
    //! Empties the hubs and hands back every connection they held (the users' groups stay).
    QList<ClientConnection *> takeAll();
    int count() const { return m_count; }

    QList<ClientConnection *> connectionsOf(const QString &hub) const;
    ClientConnection *connection(const QString &hub, const QString &connectionId) const;
    QList<ClientConnection *> userConnections(const QString &hub, const QString &userId) const;
    QList<ClientConnection *> groupConnections(const QString &hub, const QString &group) const;
    //! Every connection of every hub, as guarded pointers: what a loop that calls out (close,
    //! abort, deliver, keep-alive) walks, since each of those may remove connections and hubs.
    QList<QPointer<ClientConnection>> allConnections() const;
    //! \a connections as guarded pointers, for loops whose body may finish one of them.
    static QList<QPointer<ClientConnection>> guarded(const QList<ClientConnection *> &connections);
    //! Delivers \a message to each of \a targets (serialised once); one that a delivery closes
    //! (a slow client) is skipped. What REST `:send` and Service::announce() share.
    static void deliver(const QList<ClientConnection *> &targets, const WebPubSub::Frame &message);

    void addUserToGroup(const QString &hub, const QString &userId, const QString &group);
    void removeUserFromGroup(const QString &hub, const QString &userId, const QString &group);
    void removeUserFromAllGroups(const QString &hub, const QString &userId);

private:
    QHash<QString, QHash<QString, ClientConnection *>> m_hubs;  // hub key → connectionId → connection
    QHash<QString, QHash<QString, QSet<QString>>> m_userGroups; // hub key → userId → groups
    int m_count = 0;
};

} // namespace Hubbub
