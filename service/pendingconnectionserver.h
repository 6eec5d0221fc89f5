// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief A QTcpServer that never listens: ConnectionRouter feeds it the sockets that carry plain
//! HTTP so that QHttpServer (which only takes connections from a QTcpServer) can serve them on the
//! router's single port.
#pragma once

#include <QTcpServer>

namespace Hubbub {

class PendingConnectionServer : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

    //! Queues \a socket (whose request head is still unread in its buffer) for the bound server.
    void feed(QTcpSocket *socket);
};

} // namespace Hubbub
