// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "socketreadbuffer.h"

#include "logging_p.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QWebSocket>

namespace WebPubSub {

void SocketReadBuffer::manage(QWebSocket *socket, qint64 maximum)
{
    auto *tcp = socket->findChild<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
    if (!tcp || qobject_cast<QSslSocket *>(tcp) || maximum <= InitialLimit) {
        socket->setReadBufferSize(maximum);
        return;
    }
    socket->setReadBufferSize(InitialLimit);
    // Connected after QWebSocket's own readyRead handler (made in open()), so this runs once it
    // has taken every whole frame out of the buffer: a full buffer now holds part of one frame
    // that does not fit, and nothing more would be read. A larger limit re-enables reading.
    QObject::connect(tcp, &QIODevice::readyRead, socket, [socket, tcp, maximum] {
        const qint64 limit = socket->readBufferSize();
        if (limit == 0 || limit >= maximum || tcp->bytesAvailable() < limit)
            return;
        const qint64 grown = qMin(maximum, limit * Growth);
        qCDebug(lcSocket) << "a frame is larger than" << limit << "bytes: read buffer limit now" << grown;
        socket->setReadBufferSize(grown);
    });
}

} // namespace WebPubSub
