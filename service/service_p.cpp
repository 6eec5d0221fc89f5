// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "service_p.h"

#include "connectionrouter.h"
#include "invitegate.h"
#include "logging_p.h"
#include "pendingconnectionserver.h"
#include "restapi.h"
#include "restserver.h"

#include "joinpage.h"
#include "upstream.h"

#include <connectionstring.h>
#include <protocolnames.h>

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkInterface>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <utility>

using namespace WebPubSub;
using namespace std::chrono_literals;

namespace Hubbub {

namespace {
const QString NotRecoverable = QStringLiteral("The connection can no longer be recovered.");

QLoggingCategory::CategoryFilter previousFilter = nullptr;
void muteHttpServerWarnings(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (qstrcmp(category->categoryName(), "qt.httpserver") == 0)
        category->setEnabled(QtWarningMsg, false);
}

// QHttpServer::bind warns that our feeder server "is not listening", which is by design: the
// router's server listens and feeds it. Silence that one warning instead of every start logging it.
void bindQuietly(QAbstractHttpServer *http, QTcpServer *feeder)
{
    // The filter is process-wide, and services on worker threads of their own may start at once.
    static QMutex mutex;
    const QMutexLocker lock(&mutex);
    previousFilter = QLoggingCategory::installFilter(muteHttpServerWarnings);
    http->bind(feeder);
    QLoggingCategory::installFilter(previousFilter);
    previousFilter = nullptr;
}
} // namespace

// ---------------------------------------------------------------------------------------------
// ServicePrivate

ServicePrivate::ServicePrivate(Service *q, ServiceOptions options)
    : q(q)
    , options(std::move(options))
    , invites(this->options.invite)
    , handshakes(this)
    , frames(this)
    , guests(this)
{
    connect(&keepAliveTimer, &QTimer::timeout, this, [this] {
        // keepAlive() may abort a silent socket, which finishes the connection and removes it
        // (and an emptied hub) from the registry at once: walk a snapshot, never the tables.
        const auto deadline = 3 * this->options.keepAliveInterval;
        for (const QPointer<ClientConnection> &c : hubs.allConnections()) {
            if (c && !c->isFinished())
                c->keepAlive(deadline);
        }
    });
}

ServicePrivate::~ServicePrivate()
{
    teardown();
}

bool ServicePrivate::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!router) {
        webSockets =
            new QWebSocketServer(QStringLiteral("hubbub-service"), QWebSocketServer::NonSecureMode, this);
        webSockets->setSupportedSubprotocols(
            {ProtocolNames::JsonSubprotocol, ProtocolNames::ReliableJsonSubprotocol});
        webSockets->setMaxPendingConnections(1024);
        connect(webSockets, &QWebSocketServer::newConnection, this, &ServicePrivate::onNewWebSocket);
        rest = new RestApi(this, this);
        http =
            new RestServer([this](const QHttpServerRequest &request) { return rest->handle(request); }, this);
        httpFeed = new PendingConnectionServer(http);
        bindQuietly(http, httpFeed);
        router = new ConnectionRouter(
            webSockets, httpFeed,
            [this](QTcpSocket *socket, const RequestHead &head) { handshakes.check(socket, head); }, this);
        router->setLimits({options.requestHeadTimeout, options.httpIdleTimeout, options.maxHttpConnections,
                           options.maxRequestBodyBytes});
        router->setAuthorizer(
            [this](const RequestHead &head) { return rest->headAuthorizationProblem(head); });
        router->setTlsConfiguration(options.tls);
        connect(http, &RestServer::requestHandled, router, &ConnectionRouter::onRequestHandled);
        if (!options.upstreamUrlTemplate.isEmpty())
            upstream = new Upstream(options.upstreamUrlTemplate, key(), endpoint().host(), this);
    }
    if (!router->listen(address, port, error))
        return false;
    boundAddress = address;
    keepAliveTimer.start(options.keepAliveInterval);
    return true;
}

void ServicePrivate::closeAll(int code, const QString &reason, const QString &message)
{
    // closeFinally() finishes the connection, which erases it from the registry: iterate a snapshot.
    for (const QPointer<ClientConnection> &c : hubs.allConnections()) {
        if (c)
            c->closeFinally(code, reason, message);
    }
}

void ServicePrivate::teardown()
{
    keepAliveTimer.stop();
    if (router)
        router->close();
    const bool hadConnections = hubs.count() != 0;
    const QList<ClientConnection *> connections = hubs.takeAll();
    handshakes.clear();
    for (ClientConnection *c : connections) {
        c->disconnect(this);
        c->deleteLater();
    }
    if (hadConnections)
        notify(&Service::connectionCountChanged);
}

QUrl ServicePrivate::endpoint() const
{
    QUrl url;
    url.setScheme(options.tls.isNull() ? QStringLiteral("http") : QStringLiteral("https"));
    QHostAddress address = boundAddress.isNull() ? options.listenAddress : boundAddress;
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
        address == QHostAddress::AnyIPv6) {
        // "as clients should use it": a LAN address others can reach, else loopback.
        address = QHostAddress(QHostAddress::LocalHost);
        for (const QHostAddress &candidate : QNetworkInterface::allAddresses()) {
            if (candidate.protocol() == QAbstractSocket::IPv4Protocol && !candidate.isLoopback() &&
                !candidate.isLinkLocal()) {
                address = candidate;
                break;
            }
        }
    } else if (address == QHostAddress::LocalHost || address == QHostAddress::LocalHostIPv6) {
        address = QHostAddress(QHostAddress::LocalHost);
    }
    url.setHost(address.toString());
    url.setPort(router && router->isListening() ? router->port() : options.port);
    return url;
}

bool ServicePrivate::loopbackOnly() const
{
    return (boundAddress.isNull() ? options.listenAddress : boundAddress).isLoopback();
}

bool ServicePrivate::hostMustBeLoopback()
{
    return loopbackOnly() && invites.invite(inviteNeeded()).isEmpty();
}

bool ServicePrivate::audienceAccepted(const QString &audience, const QByteArray &hostHeader,
                                      const QString &path) const
{
    // Hubs are case-insensitive, so compare paths lower-cased; AccessToken does scheme/host/port.
    QUrl aud(audience);
    if (!aud.isValid() || aud.host().isEmpty())
        return false;
    aud.setPath(aud.path().toLower());
    const QString lowerAudience = aud.toString();
    QList<QUrl> candidates;
    if (!hostHeader.isEmpty()) {
        QUrl viaHost(endpoint().scheme() + QStringLiteral("://") + QString::fromUtf8(hostHeader));
        if (viaHost.isValid() && !viaHost.host().isEmpty()) {
            viaHost.setPath(path.toLower());
            candidates.append(viaHost);
        }
    }
    QUrl own = endpoint();
    own.setPath(path.toLower());
    candidates.append(own);
    if (router && router->isListening()) {
        // The loopback names of our own endpoint (localhost vs 127.0.0.1) are the same service.
        QUrl local(endpoint().scheme() + QStringLiteral("://localhost"));
        local.setPort(router->port());
        local.setPath(path.toLower());
        candidates.append(local);
        local.setHost(QStringLiteral("127.0.0.1"));
        candidates.append(local);
    }
    for (const QUrl &candidate : std::as_const(candidates)) {
        if (AccessToken::audienceMatches(lowerAudience, candidate))
            return true;
    }
    return false;
}

FilterContext ServicePrivate::filterContext(const ClientConnection *connection)
{
    FilterContext ctx;
    ctx.userId = connection->userId;
    ctx.connectionId = connection->id();
    ctx.groups = connection->groups.values();
    ctx.protocol = connection->subprotocol();
    return ctx;
}

QString ServicePrivate::signClientToken(const QString &hub, const QByteArray &hostHeader,
                                        const TokenClaims &base, std::chrono::seconds lifetime) const
{
    TokenClaims claims = base;
    QUrl aud = endpoint();
    if (!hostHeader.isEmpty()) {
        const QUrl viaHost(endpoint().scheme() + QStringLiteral("://") + QString::fromUtf8(hostHeader));
        if (viaHost.isValid() && !viaHost.host().isEmpty())
            aud = viaHost;
    }
    aud.setPath(QStringLiteral("/client/hubs/") + hub);
    claims.audience = aud.toString();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    claims.issuedAt = now;
    claims.expiresAt = now.addSecs(lifetime.count());
    return AccessToken::sign(claims, key());
}

void ServicePrivate::onNewWebSocket()
{
    while (webSockets->hasPendingConnections()) {
        QWebSocket *socket = webSockets->nextPendingConnection();
        const std::optional<HandshakeGate::Handshake> handshake =
            handshakes.take(socket->peerAddress(), socket->peerPort());
        if (!handshake) {
            qCWarning(lcServiceClient) << "WebSocket without a checked handshake; dropping it";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (handshake->recovery)
            recover(socket, *handshake);
        else
            admit(socket, *handshake);
    }
}

void ServicePrivate::admit(QWebSocket *socket, const HandshakeGate::Handshake &handshake)
{
    ClientConnection::Kind kind = ClientConnection::Kind::Simple;
    if (socket->subprotocol() == ProtocolNames::JsonSubprotocol)
        kind = ClientConnection::Kind::Json;
    else if (socket->subprotocol() == ProtocolNames::ReliableJsonSubprotocol)
        kind = ClientConnection::Kind::ReliableJson;
    ClientConnection::Limits limits;
    limits.maxUnackedMessages = options.maxUnackedMessages;
    limits.maxUnackedBytes = options.maxUnackedBytes;
    limits.recoveryWindow = options.recoveryWindow;
    auto *c = new ClientConnection(handshake.connectionId, handshake.hub, kind, limits, this);
    const TokenClaims &claims = *handshake.claims;
    c->userId = claims.subject;
    c->roles = claims.roles;
    c->claims = claims.all;
    for (const QString &g : claims.groups)
        c->groups.insert(g);
    connect(c, &ClientConnection::textReceived, this,
            [this](ClientConnection *connection, const QString &text) { frames.onText(connection, text); });
    connect(
        c, &ClientConnection::binaryReceived, this,
        [this](ClientConnection *connection, const QByteArray &data) { frames.onBinary(connection, data); });
    connect(c, &ClientConnection::finished, this, &ServicePrivate::onFinished);
    // A dropped reliable connection stays (no count change) but its guest is now recovering.
    connect(c, &ClientConnection::dropped, this, [this] { notify(&Service::guestsChanged); });
    hubs.add(c);
    guests.noteAdmitted(c);
    c->attach(socket);
    // With a worker, the count and its signal go to the owner's thread before the client can read
    // `connected`: who sees the client connected sees it counted (as without a worker).
    const bool countedEarly = q->w != nullptr;
    if (countedEarly)
        notify(&Service::connectionCountChanged);
    qCInfo(lcServiceClient) << "connection" << c->id() << "opened on hub" << handshake.hub << "as"
                            << (c->subprotocol().isEmpty() ? QStringLiteral("simple client")
                                                           : c->subprotocol());
    if (kind != ClientConnection::Kind::Simple) {
        QString reconnectionToken;
        if (kind == ClientConnection::Kind::ReliableJson) {
            TokenClaims reconnect;
            reconnect.audience = c->id();
            reconnect.issuedAt = QDateTime::currentDateTimeUtc();
            reconnect.expiresAt = reconnect.issuedAt.addDays(7);
            reconnectionToken = AccessToken::sign(reconnect, key());
        }
        c->sendControl(Frame::connected(c->id(), c->userId, reconnectionToken));
    }
    if (upstream)
        upstream->post(c, Upstream::Event::Category::System, QStringLiteral("connected"), "{}",
                       "application/json");
    if (!countedEarly)
        notify(&Service::connectionCountChanged);
}

void ServicePrivate::rejectRecovery(QWebSocket *socket)
{
    qCInfo(lcServiceClient) << "recovery refused";
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    socket->setParent(this);
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, NotRecoverable);
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
}

void ServicePrivate::recover(QWebSocket *socket, const HandshakeGate::Handshake &handshake)
{
    ClientConnection *c = hubs.connection(handshake.hub, handshake.connectionId);
    if (!c || c->isFinished() || c->kind() != ClientConnection::Kind::ReliableJson ||
        socket->subprotocol() != ProtocolNames::ReliableJsonSubprotocol) {
        rejectRecovery(socket);
        return;
    }
    // The reconnection token is an HS256 JWT whose audience is the connection id.
    const std::optional<TokenClaims> claims = AccessToken::verify(handshake.recoveryToken, key());
    if (!claims || claims->audience != c->id()) {
        rejectRecovery(socket);
        return;
    }
    qCInfo(lcServiceClient) << "connection" << c->id() << "recovered; replaying" << c->unackedCount()
                            << "messages";
    c->attach(socket);
    c->replay();
    notify(&Service::guestsChanged); // recovering → connected
}

void ServicePrivate::onFinished(ClientConnection *c, const QString &reason)
{
    qCInfo(lcServiceClient) << "connection" << c->id() << "closed:" << reason;
    if (hubs.remove(c))
        notify(&Service::connectionCountChanged);
    if (upstream) {
        // The connection object goes away now: nothing waits for the answer.
        upstream->post(
            c, Upstream::Event::Category::System, QStringLiteral("disconnected"),
            QJsonDocument(QJsonObject{{QStringLiteral("reason"), reason}}).toJson(QJsonDocument::Compact),
            "application/json");
    }
    c->disconnect(this);
    c->deleteLater();
}

bool ServicePrivate::start(QString *error)
{
    if (isRunning())
        return true;
    if (options.accessKey.size() < 32) {
        if (error)
            *error = QStringLiteral("the access key must be at least 32 characters long");
        return false;
    }
    if (!options.invite.isEmpty() && options.invite.size() < InviteGate::MinInviteLength) {
        if (error)
            *error = QStringLiteral("the invite must be at least %1 characters long")
                         .arg(InviteGate::MinInviteLength);
        return false;
    }
    if (!listen(options.listenAddress, options.port, error))
        return false;
    qCInfo(lcService) << "listening on" << endpoint().toString();
    notify(&Service::runningChanged);
    return true;
}

void ServicePrivate::stop()
{
    if (!isRunning())
        return;
    closeAll(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Service is shutting down"),
             QStringLiteral("ServiceShutdown"));
    teardown();
    notify(&Service::runningChanged);
}

bool ServicePrivate::rebind(const QHostAddress &address, QString *error)
{
    const quint16 currentPort = port();
    stop();
    options.listenAddress = address;
    QString firstError;
    if (listen(address, currentPort ? currentPort : options.port, &firstError)) {
        notify(&Service::runningChanged);
        return true;
    }
    // Same port if possible, else any free one.
    if (listen(address, 0, error)) {
        notify(&Service::runningChanged);
        return true;
    }
    return false;
}

bool ServicePrivate::isRunning() const
{
    return router && router->isListening();
}

quint16 ServicePrivate::port() const
{
    return isRunning() ? router->port() : 0;
}

QString ServicePrivate::invite()
{
    return isRunning() ? invites.invite(inviteNeeded()) : options.invite;
}

QUrl ServicePrivate::joinUrl()
{
    if (!options.joinPage || !isRunning())
        return {};
    return JoinPage::guestUrl(endpoint(), options.listenAddress, invite());
}

void ServicePrivate::setJoinPage(bool on)
{
    if (options.joinPage == on)
        return;
    options.joinPage = on;
    notify(&Service::inviteChanged);
}

void ServicePrivate::setGuestsLocked(bool locked)
{
    if (guests.locked() == locked)
        return;
    guests.setLocked(locked);
    notify(&Service::guestsLockedChanged);
}

void ServicePrivate::endGuestSession()
{
    const bool wasLocked = guests.locked();
    guests.endSession();
    // A configured invite was replaced as well: what invite() answers when stopped follows.
    if (!options.invite.isEmpty())
        options.invite = invites.invite(true);
    if (wasLocked)
        notify(&Service::guestsLockedChanged);
    notify(&Service::inviteChanged);
}

void ServicePrivate::notify(ServiceWorker::Signal signal)
{
    if (ServiceWorker *worker = q->w.get()) {
        worker->noteChange(signal);
        return;
    }
    if (signal)
        Q_EMIT(q->*signal)();
}

ServiceSnapshot ServicePrivate::snapshot()
{
    ServiceSnapshot s;
    s.serial = ++snapshotSerial;
    s.running = isRunning();
    s.port = port();
    s.endpoint = endpoint();
    s.invite = invite();
    s.joinUrl = joinUrl();
    s.connectionCount = hubs.count();
    s.connectedGuests = guests.connectedGuests();
    const GuestControls::Counts counts = guests.counts();
    s.connectedGuestCount = counts.connected;
    s.recoveringGuestCount = counts.recovering;
    s.goneGuestCount = counts.gone;
    s.guestsLocked = guests.locked();
    return s;
}

} // namespace Hubbub
