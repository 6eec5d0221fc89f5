// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "connectionrouter.h"

#include "logging_p.h"
#include "pendingconnectionserver.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocketServer>

namespace Hubbub {

namespace {
constexpr qint64 MaxHeadSize = 32 * 1024;
constexpr int HeadTimeoutMs = 15000;
constexpr qint64 MaxBodySize = 16 * 1024 * 1024;

std::optional<RequestHead> parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty())
        return std::nullopt;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3)
        return std::nullopt;
    RequestHead out;
    out.method = requestLine.at(0);
    out.target = QUrl::fromEncoded(requestLine.at(1));
    if (!out.target.isValid())
        return std::nullopt;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        out.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return out;
}
} // namespace

ConnectionRouter::ConnectionRouter(QWebSocketServer *webSockets, PendingConnectionServer *http,
                                   UpgradeHandler handler, QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_webSockets(webSockets)
    , m_http(http)
    , m_handler(std::move(handler))
{
    m_server->setMaxPendingConnections(1024);
    connect(m_server, &QTcpServer::newConnection, this, &ConnectionRouter::onNewConnection);
}

ConnectionRouter::~ConnectionRouter() = default;

bool ConnectionRouter::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server->listen(address, port))
        return true;
    if (error) {
        if (m_server->serverError() == QAbstractSocket::AddressInUseError)
            *error = QStringLiteral("port %1 is already in use").arg(port);
        else
            *error = QStringLiteral("cannot listen on %1 port %2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(m_server->errorString());
    }
    return false;
}

void ConnectionRouter::close()
{
    m_server->close();
    const auto routing = m_routing;
    for (QTcpSocket *socket : routing)
        socket->abort();
}

bool ConnectionRouter::isListening() const
{
    return m_server->isListening();
}

quint16 ConnectionRouter::port() const
{
    return m_server->serverPort();
}

void ConnectionRouter::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_routing.insert(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (m_routing.remove(socket))
                socket->deleteLater();
        });
        // A client that connects and never sends a request must not hold a socket forever.
        QTimer::singleShot(HeadTimeoutMs, socket, [this, socket] {
            if (m_routing.contains(socket))
                socket->abort();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void ConnectionRouter::detach(QTcpSocket *socket)
{
    m_routing.remove(socket);
    disconnect(socket, nullptr, this, nullptr);
}

void ConnectionRouter::onReadyRead(QTcpSocket *socket)
{
    if (!m_routing.contains(socket))
        return;
    const QByteArray peeked = socket->peek(MaxHeadSize);
    const qsizetype end = peeked.indexOf("\r\n\r\n");
    if (end < 0) {
        if (peeked.size() >= MaxHeadSize) {
            detach(socket);
            reject(socket, 431, "Request Header Fields Too Large");
        }
        return;
    }
    const std::optional<RequestHead> head = parseHead(peeked.left(end));
    if (!head) {
        detach(socket);
        reject(socket, 400, "Bad Request");
        return;
    }
    detach(socket);
    if (head->isWebSocketUpgrade() && head->path().startsWith(u"/client")) {
        m_handler(socket, *head);
        return;
    }
    // QtHttpServer buffers whole bodies; refuse absurd ones before they are read (a REST send
    // carries at most one message, and a client frame may not exceed 1 MB).
    if (head->header("content-length").toLongLong() > MaxBodySize) {
        reject(socket, 413, "Payload Too Large", true);
        return;
    }
    m_http->feed(socket);
}

void ConnectionRouter::acceptWebSocket(QTcpSocket *socket)
{
    // handleConnection re-emits readyRead itself when the request head is already buffered.
    m_webSockets->handleConnection(socket);
}

void ConnectionRouter::reject(QTcpSocket *socket, int status, const QByteArray &reason, bool bodyFollows)
{
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                  "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    socket->readAll(); // the request head that routing only peeked
    if (!bodyFollows) {
        socket->disconnectFromHost();
        return;
    }
    // Closing with unread bytes makes the kernel reset the connection, and the peer may lose the
    // answer: discard what is still coming for a moment, then close.
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
    QTimer::singleShot(1000, socket, [socket] { socket->disconnectFromHost(); });
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
}

} // namespace Hubbub
