// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The single listening port of hubbub-service: peeks each new connection's request head
//! and hands the socket to QWebSocketServer (client endpoint upgrades) or to QHttpServer (the rest).
//!
//! Peeking leaves the bytes in the socket, so the server that takes over parses the complete
//! request itself; the router only reads enough to route and to refuse a bad handshake with a
//! plain HTTP status before any WebSocket exists (QWebSocketServer cannot refuse with a 401).
#pragma once

#include "requesthead.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

namespace Hubbub {

class PendingConnectionServer;

class ConnectionRouter : public QObject
{
    Q_OBJECT
public:
    //! Called for every WebSocket upgrade on `/client…`; the callee must eventually call
    //! acceptWebSocket() or reject() for \a socket (it may do so asynchronously).
    using UpgradeHandler = std::function<void(QTcpSocket *socket, const RequestHead &head)>;

    ConnectionRouter(QWebSocketServer *webSockets, PendingConnectionServer *http, UpgradeHandler handler,
                     QObject *parent = nullptr);
    ~ConnectionRouter() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void close();
    bool isListening() const;
    quint16 port() const;

    void acceptWebSocket(QTcpSocket *socket);
    //! Writes a minimal `HTTP/1.1 <status>` response and closes the connection (after discarding
    //! the request body for a moment when \a bodyFollows, so the peer still reads the answer).
    void reject(QTcpSocket *socket, int status, const QByteArray &reason, bool bodyFollows = false);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void detach(QTcpSocket *socket);

    QTcpServer *m_server;
    QWebSocketServer *m_webSockets;
    PendingConnectionServer *m_http;
    UpgradeHandler m_handler;
    QSet<QTcpSocket *> m_routing; // sockets whose request head is still being read
};

} // namespace Hubbub
