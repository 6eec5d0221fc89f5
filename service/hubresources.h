// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The REST resources of a hub (protocol.md §6), one handler each: the hub itself (send,
//! close, add to / remove from groups, tokens), a connection, a user, a group and a permission.
//!
//! RestApi checks the path, api-version and bearer token, then hands a HubRequest to handle().
#pragma once

#include <QHttpServerResponse>
#include <QString>

#include <functional>
#include <optional>

namespace Hubbub {

class ClientConnection;
class HubRequest;
class ServicePrivate;

class HubResources
{
public:
    explicit HubResources(ServicePrivate *service);

    //! Routes \a request to its resource; 404 when no resource has its path.
    QHttpServerResponse handle(const HubRequest &request) const;

private:
    //! `/:send`, `/:closeConnections`, `/:addToGroups`, `/:removeFromGroups`, `/:generateToken`
    QHttpServerResponse hub(const HubRequest &request) const;
    QHttpServerResponse changeGroups(const HubRequest &request) const;
    QHttpServerResponse generateToken(const HubRequest &request) const;
    //! `/connections/{id}[/:send|/groups]`
    QHttpServerResponse connection(const HubRequest &request) const;
    //! `/users/{user}[/:send|/:closeConnections|/groups[/{group}]]`
    QHttpServerResponse user(const HubRequest &request) const;
    //! `/groups/{group}[/:send|/:closeConnections|/connections[/{id}]]`
    QHttpServerResponse group(const HubRequest &request) const;
    QHttpServerResponse listGroupConnections(const HubRequest &request, const QString &group) const;
    //! PUT (\a put, 404 without the connection) or DELETE (\a remove, if it exists) on the
    //! connection of segment 3; nullopt for other methods.
    std::optional<QHttpServerResponse>
    putOrDelete(const HubRequest &request, const std::function<void(ClientConnection *)> &put,
                const std::function<void(ClientConnection *)> &remove) const;
    //! `/permissions/{permission}/connections/{id}`
    QHttpServerResponse permission(const HubRequest &request) const;

    ServicePrivate *d;
};

} // namespace Hubbub
