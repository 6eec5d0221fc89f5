// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "pendingconnectionserver.h"

#include <QTcpSocket>

namespace Hubbub {

void PendingConnectionServer::feed(QTcpSocket *socket)
{
    m_queue.append(socket);
    // QHttpServer (6.4) listens to pendingConnectionAvailable, a private signal that only the
    // base class queue emits; the meta-object can still raise it. newConnection covers versions
    // that listen to that instead (a second wake-up finds the queue empty). Either way the HTTP
    // server connects to the socket's readyRead before this returns.
    QMetaObject::invokeMethod(this, "pendingConnectionAvailable", Qt::DirectConnection);
    Q_EMIT newConnection();
}

bool PendingConnectionServer::hasPendingConnections() const
{
    return !m_queue.isEmpty();
}

QTcpSocket *PendingConnectionServer::nextPendingConnection()
{
    return m_queue.isEmpty() ? nullptr : m_queue.takeFirst();
}

} // namespace Hubbub
