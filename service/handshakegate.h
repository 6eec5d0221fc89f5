// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The gate of a client WebSocket upgrade (protocol.md §1, §7.4): Host/Origin policy, hub
//! path, access token and its audience, initial groups, a recovery's reconnection parameters and
//! the blocking `connect` event; what passes is remembered until QWebSocketServer completes it.
//!
//! ConnectionRouter hands over each upgrade request head; the gate answers it (reject, or accept
//! the upgrade), and ServicePrivate takes the checked handshake when the WebSocket appears.
#pragma once

#include "requesthead.h"

#include <accesstoken.h>

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QString>

#include <optional>

class QTcpSocket;

namespace Hubbub {

class ServicePrivate;

class HandshakeGate
{
public:
    //! An upgrade that passed the gate, waiting for its WebSocket.
    struct Handshake
    {
        QString hub;
        QString connectionId;
        std::optional<WebPubSub::TokenClaims> claims;
        QString recoveryToken; //!< set on a recovery attempt
        bool recovery = false;
        QDateTime created;
    };

    explicit HandshakeGate(ServicePrivate *service);

    //! Checks the upgrade request \a head of \a socket, then rejects it or accepts the upgrade.
    void check(QTcpSocket *socket, const RequestHead &head);
    //! The checked handshake of the peer at \a address:\a port, taken out; none when it has none.
    std::optional<Handshake> take(const QHostAddress &address, quint16 port);
    void clear() { m_pending.clear(); }

private:
    void admitToken(QTcpSocket *socket, const RequestHead &head, Handshake handshake, const QString &key);
    //! The blocking `connect` event: its 4xx refuses the handshake, its answer may change the
    //! user, roles and groups.
    void askConnectHandler(QTcpSocket *socket, const RequestHead &head, Handshake handshake,
                           const QString &key);
    void accept(QTcpSocket *socket, const QString &key, const Handshake &handshake);
    static QString peerKey(const QHostAddress &address, quint16 port);

    ServicePrivate *d;
    QHash<QString, Handshake> m_pending; // peer address|port → handshake
};

} // namespace Hubbub
