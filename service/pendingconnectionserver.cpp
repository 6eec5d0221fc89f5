// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "pendingconnectionserver.h"

#include <QTcpSocket>

namespace Hubbub {

void PendingConnectionServer::feed(QTcpSocket *socket)
{
    addPendingConnection(socket);
    Q_EMIT newConnection();
    // The bytes arrived before the HTTP server connected to readyRead: nudge it to read them.
    if (socket->bytesAvailable() > 0)
        Q_EMIT socket->readyRead();
}

} // namespace Hubbub
