// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief A QTcpServer that never listens: ConnectionRouter feeds it the sockets that carry plain
//! HTTP so that QHttpServer (which only takes connections from a QTcpServer) can serve them on the
//! router's single port.
#pragma once

#include <QList>
#include <QPointer>
#include <QTcpServer>

namespace Hubbub {

class PendingConnectionServer : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

    //! Queues \a socket (whose request head is still unread in its buffer) for the bound server,
    //! which takes it (and connects to its readyRead) before this returns; the caller then emits
    //! readyRead so that the bytes already buffered are read.
    void feed(QTcpSocket *socket);

    // QTcpServer's own queue warns when the server is not listening; this one never listens.
    bool hasPendingConnections() const override;
    QTcpSocket *nextPendingConnection() override;

private:
    QList<QTcpSocket *> m_queue;
};

} // namespace Hubbub
