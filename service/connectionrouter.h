// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The single listening port of hubbub-service: peeks each new connection's request head
//! and hands the socket to QWebSocketServer (client endpoint upgrades) or to QHttpServer (the rest),
//! and keeps every plain HTTP connection within its limits for as long as it lives.
//!
//! Peeking leaves the bytes in the socket, so the server that takes over parses the complete
//! request itself; the router only reads enough to route and to refuse with a plain HTTP status
//! (QWebSocketServer cannot refuse with a 401, QtHttpServer buffers whole bodies before any check).
//!
//! Limits, all on the request head so that nothing is buffered first: a request with a body needs
//! a valid bearer token (401 otherwise), a Content-Length over the cap gets 413, a chunked body is
//! counted as QtHttpServer reads it and cut off with 413 past the cap. Every request on a keep-alive
//! connection goes through the same check: the router's readyRead slot runs before QtHttpServer's
//! (slots run in connection order) and sees each head before a byte of its body is read, and a
//! second slot connected after QtHttpServer's counts what it consumed. Heads must arrive within the
//! head timeout (408), idle keep-alive sockets are closed, and at most `maxConnections` sockets are
//! held: at the cap the oldest stalled one (head incomplete, or idle) is evicted for the newcomer;
//! only when none is stalled is the newcomer refused (503). Sockets that became WebSockets are not
//! counted (they have their own keep-alive).
#pragma once

#include "requesthead.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

class QSslConfiguration;
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
    //! Why \a head carries no valid `Authorization: Bearer` token for its path, empty when it does
    //! (checked before any body byte is read).
    using Authorizer = std::function<QString(const RequestHead &head)>;

    struct Limits
    {
        std::chrono::milliseconds headTimeout{10000}; //!< a request head must be complete within this
        std::chrono::milliseconds idleTimeout{60000}; //!< idle keep-alive HTTP sockets are closed after this
        int maxConnections = 512;                     //!< sockets held that are not WebSockets
        qint64 maxBodyBytes = 16 * 1024 * 1024;       //!< request bodies, authenticated or not
    };
    static constexpr qint64 MaxHeadSize = 32 * 1024;

    ConnectionRouter(QWebSocketServer *webSockets, PendingConnectionServer *http, UpgradeHandler handler,
                     QObject *parent = nullptr);
    ~ConnectionRouter() override;

    void setLimits(const Limits &limits);
    void setAuthorizer(Authorizer authorizer);
    //! Serves TLS with \a configuration (its local certificate chain and private key) from the next
    //! listen() on; a null configuration serves plain TCP.
    void setTlsConfiguration(const QSslConfiguration &configuration);
    bool isTls() const { return m_tls; }

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void close();
    bool isListening() const;
    quint16 port() const;
    //! Sockets currently held (request heads being read, HTTP requests, idle keep-alive sockets).
    int heldConnections() const { return int(m_tracked.size()); }

    void acceptWebSocket(QTcpSocket *socket);
    //! Writes a minimal `HTTP/1.1 <status>` response (\a message as a plain-text body, else the
    //! reason; with \a errorCode, the REST API's JSON error `{"code","message"}` and its
    //! `x-ms-error-code` header) and closes the connection (after discarding the request body for a
    //! moment when \a bodyFollows, so the peer still reads the answer).
    void reject(QTcpSocket *socket, int status, const QByteArray &reason, bool bodyFollows = false,
                const QString &message = {}, const QByteArray &errorCode = {});

public Q_SLOTS:
    //! QtHttpServer answered a request on \a socket: the next bytes start a new request.
    void onRequestHandled(QTcpSocket *socket);

private:
    struct Tracked
    {
        enum class Phase { Head, Body };
        Phase phase = Phase::Head;
        bool http = false;          //!< handed to QtHttpServer (it reads the requests)
        bool headStarted = false;   //!< a byte of the current head arrived
        QByteArray stash;           //!< head bytes QtHttpServer already consumed (a head split over reads)
        QByteArray peeked;          //!< what the first slot saw of an incomplete head
        qint64 availableBefore = 0; //!< bytesAvailable() when the first slot ran
        qint64 requestBytes = 0;    //!< raw bytes of the current request QtHttpServer consumed
        qint64 rawLimit = -1;       //!< limit of requestBytes (chunked bodies), -1 = none
        qint64 phaseSince = 0;      //!< clock ms: when the phase (or the head) began
        qint64 lastProgress = 0;    //!< clock ms: last byte consumed (body phase)
    };

    void onNewConnection();
    //! A new listening server (plain or TLS) wired to onNewConnection().
    void createServer(const QSslConfiguration *tls);
    void onReadyRead(QTcpSocket *socket);
    void onConsumed(QTcpSocket *socket);
    void inspectHead(QTcpSocket *socket, Tracked &t);
    void sweep();
    bool evictOldestStalled();
    void untrack(QTcpSocket *socket);
    //! Untracks \a socket, stops QtHttpServer reading it, and answers with \a status.
    void refuse(QTcpSocket *socket, int status, const QByteArray &reason, const QString &message,
                bool bodyFollows);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QWebSocketServer *m_webSockets;
    PendingConnectionServer *m_http;
    UpgradeHandler m_handler;
    Authorizer m_authorizer;
    Limits m_limits;
    QHash<QTcpSocket *, Tracked> m_tracked;
    QElapsedTimer m_clock;
    QTimer m_sweep;
};

} // namespace Hubbub
