// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "connectionrouter.h"

#include "logging_p.h"
#include "pendingconnectionserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocketServer>

namespace Hubbub {

namespace {
// Chunk-size lines and trailers around a chunked body: allowed on top of the body cap.
constexpr qint64 ChunkFramingSlack = 64 * 1024;

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

//! Where the head in \a bytes ends (index of its blank line), -1 if it is incomplete. QtHttpServer
//! also takes bare LF line ends, so both count.
qsizetype headEnd(const QByteArray &bytes)
{
    const qsizetype crlf = bytes.indexOf("\r\n\r\n");
    const qsizetype lf = bytes.indexOf("\n\n");
    if (crlf < 0)
        return lf;
    return lf < 0 ? crlf : qMin(crlf, lf);
}

//! \a bytes without the blank lines a client may send between requests (QtHttpServer skips them).
QByteArray withoutLeadingBlanks(const QByteArray &bytes)
{
    qsizetype i = 0;
    while (i < bytes.size() &&
           (bytes.at(i) == '\r' || bytes.at(i) == '\n' || bytes.at(i) == ' ' || bytes.at(i) == '\t'))
        ++i;
    return i == 0 ? bytes : bytes.mid(i);
}
} // namespace

ConnectionRouter::ConnectionRouter(QWebSocketServer *webSockets, PendingConnectionServer *http,
                                   UpgradeHandler handler, QObject *parent)
    : QObject(parent)
    , m_webSockets(webSockets)
    , m_http(http)
    , m_handler(std::move(handler))
{
    createServer(nullptr);
    connect(&m_sweep, &QTimer::timeout, this, &ConnectionRouter::sweep);
    m_clock.start();
    setLimits(Limits());
}

ConnectionRouter::~ConnectionRouter() = default;

void ConnectionRouter::setLimits(const Limits &limits)
{
    m_limits = limits;
    m_limits.maxConnections = qMax(1, m_limits.maxConnections);
    // Timeouts are checked by a sweep; a quarter of the head timeout keeps them within 25 %.
    const auto interval = std::clamp<qint64>(m_limits.headTimeout.count() / 4, 25, 1000);
    m_sweep.setInterval(int(interval));
}

void ConnectionRouter::createServer(const QSslConfiguration *tls)
{
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
    }
    m_tls = tls != nullptr;
    if (!tls) {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &ConnectionRouter::onNewConnection);
    } else {
        auto *server = new QSslServer(this);
        server->setSslConfiguration(*tls);
        // A socket is pending only once its handshake is done; which of the two signals announces
        // it has changed between Qt versions, and onNewConnection() drains the queue either way.
        connect(server, &QTcpServer::newConnection, this, &ConnectionRouter::onNewConnection);
        connect(server, &QTcpServer::pendingConnectionAvailable, this, &ConnectionRouter::onNewConnection);
        // Sockets whose handshake fails or is abandoned never reach the queue: delete them here.
        connect(server, &QSslServer::startedEncryptionHandshake, this, [](QSslSocket *socket) {
            connect(socket, &QSslSocket::disconnected, socket, [socket] {
                if (!socket->isEncrypted())
                    socket->deleteLater();
            });
        });
        connect(server, &QSslServer::errorOccurred, this,
                [](QSslSocket *socket, QAbstractSocket::SocketError error) {
                    if (socket->isEncrypted())
                        return; // a routed socket: its owner handles it
                    qCInfo(lcService) << "TLS handshake failed:" << error << socket->errorString();
                    socket->abort();
                    socket->deleteLater();
                });
        m_server = server;
    }
    m_server->setMaxPendingConnections(1024);
}

void ConnectionRouter::setTlsConfiguration(const QSslConfiguration &configuration)
{
    if (configuration.isNull() && !m_tls)
        return;
    createServer(configuration.isNull() ? nullptr : &configuration);
}

void ConnectionRouter::setAuthorizer(Authorizer authorizer)
{
    m_authorizer = std::move(authorizer);
}

bool ConnectionRouter::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server->listen(address, port)) {
        m_sweep.start();
        return true;
    }
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
    m_sweep.stop();
    const QList<QTcpSocket *> held = m_tracked.keys();
    m_tracked.clear();
    for (QTcpSocket *socket : held)
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
        if (m_tracked.size() >= m_limits.maxConnections && !evictOldestStalled()) {
            qCInfo(lcService) << "connection refused: all" << m_tracked.size() << "connections are busy";
            reject(socket, 503, "Service Unavailable", false,
                   QStringLiteral("Too many connections are busy with requests; try again shortly."),
                   "Error.ServiceUnavailable");
            continue;
        }
        Tracked t;
        t.phaseSince = t.lastProgress = m_clock.elapsed();
        m_tracked.insert(socket, t);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            const auto it = m_tracked.constFind(socket);
            if (it == m_tracked.constEnd())
                return;
            // QtHttpServer deletes the sockets it serves; the router deletes those still routing.
            const bool http = it->http;
            m_tracked.erase(it);
            if (!http)
                socket->deleteLater();
        });
        connect(socket, &QObject::destroyed, this, [this, socket] { m_tracked.remove(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

bool ConnectionRouter::evictOldestStalled()
{
    QTcpSocket *oldest = nullptr;
    qint64 since = 0;
    for (auto it = m_tracked.cbegin(); it != m_tracked.cend(); ++it) {
        if (it->phase != Tracked::Phase::Head)
            continue;
        if (!oldest || it->phaseSince < since) {
            oldest = it.key();
            since = it->phaseSince;
        }
    }
    if (!oldest)
        return false;
    const Tracked t = m_tracked.value(oldest);
    qCDebug(lcService) << "evicting a stalled connection to make room";
    if (t.http && !t.headStarted) {
        // An idle keep-alive socket: no request to answer, just close it.
        untrack(oldest);
        oldest->disconnectFromHost();
        return true;
    }
    refuse(oldest, 503, "Service Unavailable",
           QStringLiteral("Closed to make room for other connections: no complete request arrived."), false);
    return true;
}

void ConnectionRouter::untrack(QTcpSocket *socket)
{
    m_tracked.remove(socket);
    disconnect(socket, nullptr, this, nullptr);
}

void ConnectionRouter::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_tracked.find(socket);
    if (it == m_tracked.end())
        return;
    Tracked &t = *it;
    t.availableBefore = socket->bytesAvailable();
    if (t.phase == Tracked::Phase::Body) {
        // Everything buffered will be read by QtHttpServer: refuse before it is, if that is too much.
        if (t.rawLimit >= 0 && t.requestBytes + t.availableBefore > t.rawLimit)
            refuse(socket, 413, "Payload Too Large",
                   QStringLiteral("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes),
                   true);
        return;
    }
    inspectHead(socket, t);
}

void ConnectionRouter::inspectHead(QTcpSocket *socket, Tracked &t)
{
    if (t.availableBefore <= 0)
        return;
    const QByteArray visible = socket->peek(MaxHeadSize + 1);
    const QByteArray combined = withoutLeadingBlanks(t.stash + visible);
    if (combined.isEmpty()) {
        t.peeked = visible;
        return;
    }
    if (!t.headStarted) {
        t.headStarted = true;
        // An idle keep-alive socket starts its head deadline now; a new one counts from connect.
        if (t.http)
            t.phaseSince = m_clock.elapsed();
    }
    const qsizetype end = headEnd(combined);
    if (end < 0) {
        if (combined.size() > MaxHeadSize)
            refuse(socket, 431, "Request Header Fields Too Large",
                   QStringLiteral("The request head is larger than %1 bytes.").arg(MaxHeadSize), false);
        else
            t.peeked = visible; // QtHttpServer will consume it all: stashed by onConsumed()
        return;
    }
    const std::optional<RequestHead> head = parseHead(combined.left(end));
    if (!head) {
        refuse(socket, 400, "Bad Request", QStringLiteral("The request line is not valid HTTP."), false);
        return;
    }
    if (head->isWebSocketUpgrade() && head->path().startsWith(u"/client")) {
        if (t.http) {
            refuse(socket, 400, "Bad Request",
                   QStringLiteral("A WebSocket upgrade must be the first request on its connection."), false);
            return;
        }
        untrack(socket);
        m_handler(socket, *head);
        return;
    }

    const QByteArray lengthHeader = head->header("content-length");
    const bool chunked = head->header("transfer-encoding").toLower().contains("chunked");
    bool lengthOk = true;
    const qint64 length = lengthHeader.isEmpty() ? 0 : lengthHeader.toLongLong(&lengthOk);
    if (!lengthOk || length < 0) {
        refuse(socket, 400, "Bad Request", QStringLiteral("Content-Length is not a valid length."), false);
        return;
    }
    const bool bodyFollows = chunked || length > 0;
    if (bodyFollows) {
        // Refused on the head alone, before one byte of the body is read or buffered.
        const QString problem = m_authorizer ? m_authorizer(*head) : QStringLiteral("no authorizer");
        if (!problem.isEmpty()) {
            refuse(socket, 401, "Unauthorized",
                   QStringLiteral("A request with a body needs a valid 'Authorization: Bearer' token: %1.")
                       .arg(problem),
                   true);
            return;
        }
        if (!chunked && length > m_limits.maxBodyBytes) {
            refuse(socket, 413, "Payload Too Large",
                   QStringLiteral("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes),
                   true);
            return;
        }
    }
    t.phase = Tracked::Phase::Body;
    t.requestBytes = t.stash.size();
    t.stash.clear();
    t.peeked.clear();
    t.rawLimit = chunked ? MaxHeadSize + m_limits.maxBodyBytes + ChunkFramingSlack : -1;
    t.phaseSince = t.lastProgress = m_clock.elapsed();
    if (t.rawLimit >= 0 && t.requestBytes + t.availableBefore > t.rawLimit) {
        refuse(socket, 413, "Payload Too Large",
               QStringLiteral("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes), true);
        return;
    }
    if (t.http)
        return; // QtHttpServer's slot runs next and reads the request
    t.http = true;
    m_http->feed(socket);
    // Connected after QtHttpServer's own slot (feed() made it), so it sees what that slot consumed.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onConsumed(socket); });
    // The bytes arrived before the HTTP server connected to readyRead: nudge it to read them.
    Q_EMIT socket->readyRead();
}

void ConnectionRouter::onConsumed(QTcpSocket *socket)
{
    const auto it = m_tracked.find(socket);
    if (it == m_tracked.end())
        return;
    Tracked &t = *it;
    const qint64 now = socket->bytesAvailable();
    const qint64 consumed = t.availableBefore - now;
    t.availableBefore = now;
    if (consumed <= 0)
        return;
    t.lastProgress = m_clock.elapsed();
    if (t.phase == Tracked::Phase::Head) {
        t.stash += t.peeked.left(consumed);
        t.peeked.clear();
        return;
    }
    t.requestBytes += consumed;
    if (t.rawLimit >= 0 && t.requestBytes > t.rawLimit)
        refuse(socket, 413, "Payload Too Large",
               QStringLiteral("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes), true);
}

void ConnectionRouter::onRequestHandled(QTcpSocket *socket)
{
    const auto it = m_tracked.find(socket);
    if (it == m_tracked.end())
        return;
    Tracked &t = *it;
    t = Tracked();
    t.http = true;
    t.availableBefore = socket->bytesAvailable();
    t.phaseSince = t.lastProgress = m_clock.elapsed();
}

void ConnectionRouter::sweep()
{
    const qint64 now = m_clock.elapsed();
    const qint64 headTimeout = m_limits.headTimeout.count();
    QList<QTcpSocket *> late;
    QList<QTcpSocket *> idle;
    for (auto it = m_tracked.cbegin(); it != m_tracked.cend(); ++it) {
        const Tracked &t = *it;
        if (t.phase == Tracked::Phase::Body) {
            if (now - t.lastProgress > headTimeout)
                late.append(it.key());
        } else if (t.http && !t.headStarted) {
            if (now - t.phaseSince > m_limits.idleTimeout.count())
                idle.append(it.key());
        } else if (now - t.phaseSince > headTimeout) {
            late.append(it.key());
        }
    }
    for (QTcpSocket *socket : std::as_const(idle)) {
        untrack(socket);
        socket->disconnectFromHost();
    }
    for (QTcpSocket *socket : std::as_const(late)) {
        if (m_tracked.contains(socket))
            refuse(socket, 408, "Request Timeout",
                   QStringLiteral("The request did not arrive within %1 ms.").arg(headTimeout), false);
    }
}

void ConnectionRouter::refuse(QTcpSocket *socket, int status, const QByteArray &reason,
                              const QString &message, bool bodyFollows)
{
    const bool http = m_tracked.value(socket).http;
    untrack(socket);
    // Stop QtHttpServer reading this socket (also mid-emission: a disconnected slot is skipped).
    if (http)
        disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    qCInfo(lcService) << "request refused with" << status << reason;
    // In the REST API's error format: `Error.` and the reason phrase without spaces.
    reject(socket, status, reason, bodyFollows, message, "Error." + QByteArray(reason).replace(' ', ""));
}

void ConnectionRouter::acceptWebSocket(QTcpSocket *socket)
{
    // handleConnection re-emits readyRead itself when the request head is already buffered.
    m_webSockets->handleConnection(socket);
}

void ConnectionRouter::reject(QTcpSocket *socket, int status, const QByteArray &reason, bool bodyFollows,
                              const QString &message, const QByteArray &errorCode)
{
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    const QString text = message.isEmpty() ? QString::fromLatin1(reason) : message;
    QByteArray body;
    QByteArray headers;
    if (errorCode.isEmpty()) {
        body = text.toUtf8() + '\n';
        headers = "Content-Type: text/plain; charset=utf-8\r\n";
    } else {
        body = QJsonDocument(QJsonObject{{QStringLiteral("code"), QString::fromLatin1(errorCode)},
                                         {QStringLiteral("message"), text}})
                   .toJson(QJsonDocument::Compact) +
               '\n';
        headers = "Content-Type: application/json\r\nx-ms-error-code: " + errorCode + "\r\n";
    }
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + headers +
                  "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
                  body);
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->readAll(); // the request head that routing only peeked
    if (!bodyFollows) {
        socket->disconnectFromHost();
        QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
        return;
    }
    // Closing with unread bytes makes the kernel reset the connection, and the peer may lose the
    // answer: discard what is still coming for a moment, then close.
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
    QTimer::singleShot(1000, socket, [socket] { socket->disconnectFromHost(); });
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
}

} // namespace Hubbub
