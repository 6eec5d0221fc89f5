// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "service.h"

#include "connectionrouter.h"
#include "hostpolicy.h"
#include "httppayload.h"
#include "invitegate.h"
#include "logging_p.h"
#include "namerules.h"
#include "pendingconnectionserver.h"
#include "permissions.h"
#include "restapi.h"
#include "restserver.h"
#include "service_p.h"
#include "upstream.h"

#include <connectionstring.h>
#include <framecodec.h>
#include <protocolnames.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>

#include <utility>

using namespace WebPubSub;
using namespace std::chrono_literals;

namespace Hubbub {

namespace {
const QString NotRecoverable = QStringLiteral("The connection can no longer be recovered.");

QJsonArray toStringArray(const QJsonValue &value)
{
    QJsonArray out;
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            out.append(v.isString()
                           ? v.toString()
                           : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
                                 .mid(1)
                                 .chopped(1));
    } else if (value.isString()) {
        out.append(value.toString());
    } else if (value.isDouble()) {
        out.append(QString::number(value.toInteger()));
    } else if (value.isBool()) {
        out.append(value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    }
    return out;
}
ErrorDetail invalidEventName()
{
    return ErrorDetail{QStringLiteral("BadRequest"),
                       QStringLiteral("Invalid event name: use 1 to 128 letters, digits or underscores.")};
}

//! The error of an event whose handler did not answer 2xx (or was never asked).
ErrorDetail upstreamFailure(const Upstream::Response &response)
{
    if (response.refused)
        return ErrorDetail{QStringLiteral("InternalServerError"), response.error};
    if (response.status == 0)
        return ErrorDetail{QStringLiteral("InternalServerError"),
                           QStringLiteral("The event handler did not answer.")};
    return ErrorDetail{QStringLiteral("InternalServerError"),
                       QStringLiteral("The event handler answered %1.").arg(response.status)};
}

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
{
    connect(&keepAliveTimer, &QTimer::timeout, this, [this] {
        // keepAlive() may abort a silent socket, which finishes the connection and removes it
        // (and an emptied hub) from m_hubs at once: walk a snapshot, never the tables themselves.
        const auto deadline = 3 * this->options.keepAliveInterval;
        for (const QPointer<ClientConnection> &c : allConnections()) {
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
            [this](QTcpSocket *socket, const RequestHead &head) { onUpgradeRequest(socket, head); }, this);
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

QList<QPointer<ClientConnection>> ServicePrivate::allConnections() const
{
    QList<QPointer<ClientConnection>> out;
    out.reserve(connectionTotal);
    for (const auto &hub : m_hubs) {
        for (ClientConnection *c : hub)
            out.append(c);
    }
    return out;
}

void ServicePrivate::closeAll(int code, const QString &reason, const QString &message)
{
    // closeFinally() finishes the connection, which erases it from m_hubs: iterate a snapshot.
    for (const QPointer<ClientConnection> &c : allConnections()) {
        if (c)
            c->closeFinally(code, reason, message);
    }
}

void ServicePrivate::teardown()
{
    keepAliveTimer.stop();
    if (router)
        router->close();
    // Take the tables first so that nothing reached from here can see (or change) them half-torn.
    const QHash<QString, QHash<QString, ClientConnection *>> hubs = std::exchange(m_hubs, {});
    m_pendingHandshakes.clear();
    for (const auto &hub : hubs) {
        for (ClientConnection *c : hub) {
            c->disconnect(this);
            c->deleteLater();
        }
    }
    if (connectionTotal != 0) {
        connectionTotal = 0;
        Q_EMIT q->connectionCountChanged();
    }
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
    return loopbackOnly() && invites.invite(false).isEmpty();
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

QString ServicePrivate::newConnectionId() const
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

QString ServicePrivate::peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u'|' + QString::number(port);
}

QList<ClientConnection *> ServicePrivate::connectionsOf(const QString &hub) const
{
    return m_hubs.value(NameRules::hubKey(hub)).values();
}

ClientConnection *ServicePrivate::connection(const QString &hub, const QString &connectionId) const
{
    return m_hubs.value(NameRules::hubKey(hub)).value(connectionId);
}

QList<ClientConnection *> ServicePrivate::userConnections(const QString &hub, const QString &userId) const
{
    QList<ClientConnection *> out;
    for (ClientConnection *c : m_hubs.value(NameRules::hubKey(hub))) {
        if (c->userId && *c->userId == userId)
            out.append(c);
    }
    return out;
}

QList<ClientConnection *> ServicePrivate::groupConnections(const QString &hub, const QString &group) const
{
    QList<ClientConnection *> out;
    for (ClientConnection *c : m_hubs.value(NameRules::hubKey(hub))) {
        if (c->groups.contains(group))
            out.append(c);
    }
    return out;
}

QList<QPointer<ClientConnection>> ServicePrivate::guarded(const QList<ClientConnection *> &connections)
{
    return QList<QPointer<ClientConnection>>(connections.cbegin(), connections.cend());
}

void ServicePrivate::addUserToGroup(const QString &hub, const QString &userId, const QString &group)
{
    // Remembered for the user, so that the user's later connections join the group as well.
    m_userGroups[NameRules::hubKey(hub)][userId].insert(group);
    for (ClientConnection *c : userConnections(hub, userId))
        c->groups.insert(group);
}

void ServicePrivate::removeUserFromGroup(const QString &hub, const QString &userId, const QString &group)
{
    auto &users = m_userGroups[NameRules::hubKey(hub)];
    users[userId].remove(group);
    if (users[userId].isEmpty())
        users.remove(userId);
    for (ClientConnection *c : userConnections(hub, userId))
        c->groups.remove(group);
}

void ServicePrivate::removeUserFromAllGroups(const QString &hub, const QString &userId)
{
    m_userGroups[NameRules::hubKey(hub)].remove(userId);
    for (ClientConnection *c : userConnections(hub, userId))
        c->groups.clear();
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

// --- handshake --------------------------------------------------------------------------------

void ServicePrivate::onUpgradeRequest(QTcpSocket *socket, const RequestHead &head)
{
    // DNS rebinding and foreign web pages: see HostPolicy.
    if (const QString refused =
            HostPolicy::refusal(head.header("host"), head.header("origin"), hostMustBeLoopback(), endpoint());
        !refused.isEmpty()) {
        qCInfo(lcServiceClient) << "handshake refused: Host or Origin";
        router->reject(socket, 403, "Forbidden", false, refused);
        return;
    }
    const QString path = head.path();
    const QUrlQuery query = head.query();
    QString hub;
    static const QString hubsPrefix = QStringLiteral("/client/hubs/");
    if (path.startsWith(hubsPrefix)) {
        hub = path.mid(hubsPrefix.size());
        if (hub.endsWith(u'/'))
            hub.chop(1);
    } else if (path == u"/client" || path == u"/client/") {
        hub = query.queryItemValue(QStringLiteral("hub"), QUrl::FullyDecoded);
    } else {
        router->reject(socket, 404, "Not Found");
        return;
    }
    if (!NameRules::isValidHub(hub)) {
        qCInfo(lcServiceClient) << "handshake refused: invalid hub name";
        router->reject(socket, 400, "Bad Request");
        return;
    }

    // Forget handshakes that QWebSocketServer never completed.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_pendingHandshakes.begin(); it != m_pendingHandshakes.end();) {
        if (it->created.secsTo(now) > 60)
            it = m_pendingHandshakes.erase(it);
        else
            ++it;
    }

    Handshake handshake;
    handshake.hub = hub;
    handshake.created = now;
    const QString key = peerKey(socket->peerAddress(), socket->peerPort());

    if (query.hasQueryItem(ProtocolNames::ConnectionIdKey)) {
        // Recovery: the original access_token may be present and even expired; the reconnection
        // token is what counts. A failed recovery is an accepted upgrade closed with 1008.
        handshake.recovery = true;
        handshake.connectionId = query.queryItemValue(ProtocolNames::ConnectionIdKey, QUrl::FullyDecoded);
        handshake.recoveryToken =
            query.queryItemValue(ProtocolNames::ReconnectionTokenKey, QUrl::FullyDecoded);
        m_pendingHandshakes.insert(key, handshake);
        router->acceptWebSocket(socket);
        return;
    }

    QString token = query.queryItemValue(ProtocolNames::AccessTokenKey, QUrl::FullyDecoded);
    if (token.isEmpty()) {
        const QByteArray authorization = head.header("authorization");
        if (authorization.toLower().startsWith("bearer "))
            token = QString::fromUtf8(authorization.mid(7).trimmed());
    }
    if (token.isEmpty()) {
        qCInfo(lcServiceClient) << "handshake refused: no access token";
        router->reject(socket, 401, "Unauthorized");
        return;
    }
    QString error;
    std::optional<TokenClaims> claims = AccessToken::verify(token, this->key(), &error);
    if (!claims) {
        qCInfo(lcServiceClient) << "handshake refused:" << error;
        router->reject(socket, 401, "Unauthorized");
        return;
    }
    if (!audienceAccepted(claims->audience, head.header("host"), hubsPrefix + hub)) {
        qCInfo(lcServiceClient) << "handshake refused: token audience does not name this hub";
        router->reject(socket, 401, "Unauthorized");
        return;
    }
    for (const QString &group : std::as_const(claims->groups)) {
        if (!NameRules::isValidGroup(group)) {
            router->reject(socket, 400, "Bad Request");
            return;
        }
    }
    handshake.claims = claims;
    handshake.connectionId = newConnectionId();

    if (!upstream) {
        m_pendingHandshakes.insert(key, handshake);
        router->acceptWebSocket(socket);
        return;
    }

    // Blocking `connect` event (§7.4): its 4xx refuses the handshake.
    QJsonObject claimMap;
    for (auto it = claims->all.constBegin(); it != claims->all.constEnd(); ++it)
        claimMap.insert(it.key(), toStringArray(it.value()));
    QJsonObject queryMap;
    for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
        if (item.first == ProtocolNames::AccessTokenKey)
            continue;
        QJsonArray values = queryMap.value(item.first).toArray();
        values.append(item.second);
        queryMap.insert(item.first, values);
    }
    QJsonObject headerMap;
    QJsonArray subprotocols;
    for (const auto &h : head.headers) {
        if (h.first == "authorization")
            continue;
        if (h.first == "sec-websocket-protocol") {
            for (const QByteArray &p : h.second.split(','))
                subprotocols.append(QString::fromUtf8(p.trimmed()));
        }
        QJsonArray values = headerMap.value(QString::fromUtf8(h.first)).toArray();
        values.append(QString::fromUtf8(h.second));
        headerMap.insert(QString::fromUtf8(h.first), values);
    }
    const QJsonObject body{{QStringLiteral("claims"), claimMap},
                           {QStringLiteral("query"), queryMap},
                           {QStringLiteral("headers"), headerMap},
                           {QStringLiteral("subprotocols"), subprotocols},
                           {QStringLiteral("clientCertificates"), QJsonArray()}};
    Upstream::Event event;
    event.hub = hub;
    event.connectionId = handshake.connectionId;
    event.userId = claims->subject;
    event.type = QStringLiteral("sys.connect");
    event.eventName = QStringLiteral("connect");
    event.subprotocol = subprotocols.isEmpty() ? QString() : subprotocols.first().toString();
    event.eventId = 0;
    QPointer<QTcpSocket> guard(socket);
    upstream->post(
        event, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json; charset=utf-8", this,
        [this, guard, handshake, key](const Upstream::Response &response) mutable {
            if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                return;
            if (!response.ok()) {
                const int status = response.status >= 400 && response.status < 500 ? response.status : 500;
                qCInfo(lcServiceClient) << "handshake refused by the connect handler with" << status;
                router->reject(guard, status, status == 401 ? "Unauthorized" : "Refused");
                return;
            }
            if (response.status == 200 && !response.body.isEmpty()) {
                const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
                if (answer.contains(QStringLiteral("userId")))
                    handshake.claims->subject = answer.value(QStringLiteral("userId")).toString();
                if (answer.contains(QStringLiteral("roles"))) {
                    handshake.claims->roles.clear();
                    for (const QJsonValue &r : answer.value(QStringLiteral("roles")).toArray())
                        handshake.claims->roles.append(r.toString());
                }
                const QJsonArray groups = answer.value(QStringLiteral("groups")).toArray();
                if (!groups.isEmpty()) {
                    handshake.claims->groups.clear();
                    for (const QJsonValue &g : groups)
                        handshake.claims->groups.append(g.toString());
                }
            }
            m_pendingHandshakes.insert(key, handshake);
            router->acceptWebSocket(guard);
        });
}

void ServicePrivate::onNewWebSocket()
{
    while (webSockets->hasPendingConnections()) {
        QWebSocket *socket = webSockets->nextPendingConnection();
        const QString key = peerKey(socket->peerAddress(), socket->peerPort());
        if (!m_pendingHandshakes.contains(key)) {
            qCWarning(lcServiceClient) << "WebSocket without a checked handshake; dropping it";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        Handshake handshake = m_pendingHandshakes.take(key);
        if (handshake.recovery)
            recover(socket, handshake);
        else
            admit(socket, std::move(handshake));
    }
}

void ServicePrivate::admit(QWebSocket *socket, Handshake handshake)
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
    if (c->userId) {
        const QSet<QString> userGroups =
            m_userGroups.value(NameRules::hubKey(handshake.hub)).value(*c->userId);
        c->groups.unite(userGroups);
    }
    connect(c, &ClientConnection::textReceived, this, &ServicePrivate::onText);
    connect(c, &ClientConnection::binaryReceived, this, &ServicePrivate::onBinary);
    connect(c, &ClientConnection::finished, this, &ServicePrivate::onFinished);
    m_hubs[NameRules::hubKey(handshake.hub)].insert(c->id(), c);
    ++connectionTotal;
    c->attach(socket);
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
        postEvent(c, QStringLiteral("sys.connected"), QStringLiteral("connected"), "{}", "application/json",
                  {});
    Q_EMIT q->connectionCountChanged();
}

void ServicePrivate::rejectRecovery(QWebSocket *socket)
{
    qCInfo(lcServiceClient) << "recovery refused";
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    socket->setParent(this);
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, NotRecoverable);
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
}

void ServicePrivate::recover(QWebSocket *socket, const Handshake &handshake)
{
    ClientConnection *c = connection(handshake.hub, handshake.connectionId);
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
}

// --- client frames ----------------------------------------------------------------------------

void ServicePrivate::sendAck(ClientConnection *connection, std::optional<quint64> ackId,
                             std::optional<ErrorDetail> error)
{
    if (!ackId)
        return;
    if (!error)
        connection->markProcessed(*ackId);
    connection->sendControl(Frame::ack(*ackId, error));
}

void ServicePrivate::onText(ClientConnection *connection, const QString &text)
{
    if (connection->kind() == ClientConnection::Kind::Simple) {
        handleSimpleFrame(connection, Payload::fromText(text));
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    const FrameCodec::ParseResult parsed = FrameCodec::parse(utf8);
    if (!parsed.ok()) {
        qCInfo(lcServiceClient) << "connection" << connection->id()
                                << "sent an invalid frame:" << parsed.error;
        connection->closeFinally(QWebSocketProtocol::CloseCodeWrongDatatype,
                                 QStringLiteral("Invalid message: %1").arg(parsed.error).left(120),
                                 QStringLiteral("Invalid message: %1").arg(parsed.error));
        return;
    }
    handleFrame(connection, *parsed.frame);
}

void ServicePrivate::onBinary(ClientConnection *connection, const QByteArray &data)
{
    if (connection->kind() == ClientConnection::Kind::Simple) {
        handleSimpleFrame(connection, Payload::fromBinary(data));
        return;
    }
    connection->closeFinally(QWebSocketProtocol::CloseCodeDatatypeNotSupported,
                             QStringLiteral("The JSON subprotocol only accepts text messages."),
                             QStringLiteral("The JSON subprotocol only accepts text messages."));
}

void ServicePrivate::handleFrame(ClientConnection *c, const Frame &frame)
{
    using T = Frame::Type;
    const bool duplicateChecked = frame.type == T::JoinGroup || frame.type == T::LeaveGroup ||
                                  frame.type == T::SendToGroup || frame.type == T::Event;
    if (duplicateChecked && frame.ackId && c->hasProcessed(*frame.ackId)) {
        sendAck(c, frame.ackId,
                ErrorDetail{QStringLiteral("Duplicate"),
                            QStringLiteral("The ackId '%1' has already been used by this connection.")
                                .arg(*frame.ackId)});
        return;
    }
    switch (frame.type) {
    case T::JoinGroup:
    case T::LeaveGroup: {
        const bool join = frame.type == T::JoinGroup;
        if (!NameRules::isValidGroup(frame.group)) {
            sendAck(c, frame.ackId,
                    ErrorDetail{QStringLiteral("BadRequest"), QStringLiteral("Invalid group name.")});
            return;
        }
        if (!Permissions::allows(c->roles, Permissions::Action::JoinLeaveGroup, frame.group)) {
            sendAck(
                c, frame.ackId,
                ErrorDetail{QStringLiteral("Forbidden"),
                            QStringLiteral("The client has no permission to %1 group '%2'.")
                                .arg(join ? QStringLiteral("join") : QStringLiteral("leave"), frame.group)});
            return;
        }
        if (join)
            c->groups.insert(frame.group);
        else
            c->groups.remove(frame.group);
        sendAck(c, frame.ackId);
        return;
    }
    case T::SendToGroup: {
        if (!NameRules::isValidGroup(frame.group)) {
            sendAck(c, frame.ackId,
                    ErrorDetail{QStringLiteral("BadRequest"), QStringLiteral("Invalid group name.")});
            return;
        }
        if (!Permissions::allows(c->roles, Permissions::Action::SendToGroup, frame.group)) {
            sendAck(c, frame.ackId,
                    ErrorDetail{QStringLiteral("Forbidden"),
                                QStringLiteral("The client has no permission to send message to group '%1'.")
                                    .arg(frame.group)});
            return;
        }
        const Frame message = Frame::groupMessage(frame.group, c->userId, frame.payload, std::nullopt);
        const QPointer<ClientConnection> self(c);
        QString jsonCache;
        // deliver() may close a slow member (and finish it): a guarded snapshot, dead ones skipped.
        for (const QPointer<ClientConnection> &member : guarded(groupConnections(c->hub(), frame.group))) {
            if (!member || (frame.noEcho && member == c))
                continue;
            member->deliver(message, &jsonCache);
        }
        if (self)
            sendAck(c, frame.ackId);
        return;
    }
    case T::Event:
        handleUserEvent(c, frame);
        return;
    case T::SequenceAck:
        if (frame.sequenceId)
            c->acknowledge(*frame.sequenceId);
        return;
    case T::Ping:
        c->sendControl(Frame::pong());
        return;
    case T::Invoke:
        handleInvoke(c, frame);
        return;
    default:
        // Unknown types (and service-to-client types a client has no business sending) are ignored.
        qCDebug(lcServiceClient) << "ignoring frame of type" << frame.rawType;
        return;
    }
}

void ServicePrivate::postEvent(ClientConnection *c, const QString &type, const QString &eventName,
                               const QByteArray &body, const QByteArray &contentType,
                               std::function<void(const Upstream::Response &)> done)
{
    Upstream::Event event;
    event.hub = c->hub();
    event.connectionId = c->id();
    event.userId = c->userId;
    event.subprotocol = c->subprotocol();
    event.type = type;
    event.eventName = eventName;
    event.connectionState = c->connectionState;
    event.eventId = c->nextEventId++;
    QPointer<ClientConnection> guard(c);
    upstream->post(event, body, contentType, c, [guard, done](const Upstream::Response &response) {
        if (!guard)
            return;
        if (response.connectionState)
            guard->connectionState = *response.connectionState;
        if (done)
            done(response);
    });
}

// A guest (an id from the invite's namespace) may use rooms and nothing more: its events would
// reach the app server's handler with the authority of a user the app server never vetted.
static bool isGuest(const ClientConnection *c)
{
    return c->userId && c->userId->startsWith(InviteGate::GuestPrefix);
}

static ErrorDetail guestMayNotSendEvents()
{
    return ErrorDetail{QStringLiteral("Forbidden"),
                       QStringLiteral("Guests may join rooms and send to them, nothing more.")};
}

void ServicePrivate::handleUserEvent(ClientConnection *c, const Frame &frame)
{
    if (isGuest(c)) {
        sendAck(c, frame.ackId, guestMayNotSendEvents());
        return;
    }
    // The name becomes upstream headers and a URL segment: only word characters (as Azure).
    if (!NameRules::isValidEventName(frame.event)) {
        qCInfo(lcServiceClient) << "connection" << c->id() << "sent an event with an invalid name";
        sendAck(c, frame.ackId, invalidEventName());
        return;
    }
    if (!upstream) {
        sendAck(c, frame.ackId);
        return;
    }
    const std::optional<quint64> ackId = frame.ackId;
    QPointer<ClientConnection> guard(c);
    postEvent(c, QStringLiteral("user.") + frame.event, frame.event, frame.payload.bytes(),
              HttpPayload::contentTypeOf(frame.payload),
              [this, guard, ackId](const Upstream::Response &response) {
                  if (!guard)
                      return;
                  if (!response.ok()) {
                      sendAck(guard, ackId, upstreamFailure(response));
                      return;
                  }
                  if (response.status == 200 && !response.body.isEmpty()) {
                      if (const auto payload = HttpPayload::fromBody(response.contentType, response.body))
                          guard->deliver(Frame::serverMessage(*payload, std::nullopt));
                  }
                  if (guard)
                      sendAck(guard, ackId);
              });
}

void ServicePrivate::handleInvoke(ClientConnection *c, const Frame &frame)
{
    const QString invocationId = frame.invocationId;
    if (isGuest(c)) {
        c->sendControl(Frame::invokeResponse(invocationId, std::nullopt, guestMayNotSendEvents()));
        return;
    }
    if (!NameRules::isValidEventName(frame.event)) {
        qCInfo(lcServiceClient) << "connection" << c->id() << "invoked an event with an invalid name";
        c->sendControl(Frame::invokeResponse(invocationId, std::nullopt, invalidEventName()));
        return;
    }
    if (!upstream) {
        c->sendControl(Frame::invokeResponse(
            invocationId, std::nullopt,
            ErrorDetail{
                QStringLiteral("NotImplemented"),
                QStringLiteral("invoke needs an event handler; start hubbub-service with --upstream.")}));
        return;
    }
    QPointer<ClientConnection> guard(c);
    const Payload payload = frame.hasPayload ? frame.payload : Payload();
    postEvent(c, QStringLiteral("user.") + frame.event, frame.event,
              frame.hasPayload ? payload.bytes() : QByteArray(), HttpPayload::contentTypeOf(payload),
              [guard, invocationId](const Upstream::Response &response) {
                  if (!guard)
                      return;
                  if (!response.ok()) {
                      guard->sendControl(
                          Frame::invokeResponse(invocationId, std::nullopt, upstreamFailure(response)));
                      return;
                  }
                  std::optional<Payload> result;
                  if (response.status == 200 && !response.body.isEmpty())
                      result = HttpPayload::fromBody(response.contentType, response.body);
                  guard->sendControl(Frame::invokeResponse(invocationId, result));
              });
}

void ServicePrivate::handleSimpleFrame(ClientConnection *c, const Payload &payload)
{
    if (!upstream) {
        // What the real service does when a simple client sends and nobody handles `message`.
        c->closeFinally(QWebSocketProtocol::CloseCodeNormal, QString());
        return;
    }
    QPointer<ClientConnection> guard(c);
    postEvent(c, QStringLiteral("user.message"), QStringLiteral("message"), payload.bytes(),
              payload.dataType() == DataType::Text ? QByteArrayLiteral("text/plain")
                                                   : QByteArrayLiteral("application/octet-stream"),
              [guard](const Upstream::Response &response) {
                  if (!guard)
                      return;
                  if (!response.ok()) {
                      guard->closeFinally(QWebSocketProtocol::CloseCodeBadOperation,
                                          QStringLiteral("The event handler failed."));
                      return;
                  }
                  if (response.status == 200 && !response.body.isEmpty()) {
                      if (const auto reply = HttpPayload::fromBody(response.contentType, response.body))
                          guard->deliver(Frame::serverMessage(*reply, std::nullopt));
                  }
              });
}

void ServicePrivate::onFinished(ClientConnection *c, const QString &reason)
{
    qCInfo(lcServiceClient) << "connection" << c->id() << "closed:" << reason;
    auto hubIt = m_hubs.find(NameRules::hubKey(c->hub()));
    if (hubIt != m_hubs.end() && hubIt->remove(c->id())) {
        if (hubIt->isEmpty())
            m_hubs.erase(hubIt);
        --connectionTotal;
        Q_EMIT q->connectionCountChanged();
    }
    if (upstream) {
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("reason"), reason}}).toJson(QJsonDocument::Compact);
        // The connection object goes away now; the event needs only its values.
        Upstream::Event event;
        event.hub = c->hub();
        event.connectionId = c->id();
        event.userId = c->userId;
        event.subprotocol = c->subprotocol();
        event.type = QStringLiteral("sys.disconnected");
        event.eventName = QStringLiteral("disconnected");
        event.connectionState = c->connectionState;
        event.eventId = c->nextEventId++;
        upstream->post(event, body, "application/json", this, {});
    }
    c->disconnect(this);
    c->deleteLater();
}

// ---------------------------------------------------------------------------------------------
// Service

Service::Service(ServiceOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ServicePrivate>(this, std::move(options)))
{}

Service::~Service()
{
    if (isRunning())
        d->closeAll(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Service is shutting down"),
                    QStringLiteral("ServiceShutdown"));
}

bool Service::start(QString *error)
{
    if (isRunning())
        return true;
    if (d->options.accessKey.size() < 32) {
        if (error)
            *error = QStringLiteral("the access key must be at least 32 characters long");
        return false;
    }
    if (!d->options.invite.isEmpty() && d->options.invite.size() < InviteGate::MinInviteLength) {
        if (error)
            *error = QStringLiteral("the invite must be at least %1 characters long")
                         .arg(InviteGate::MinInviteLength);
        return false;
    }
    if (!d->listen(d->options.listenAddress, d->options.port, error))
        return false;
    qCInfo(lcService) << "listening on" << endpoint().toString();
    Q_EMIT runningChanged();
    return true;
}

void Service::stop()
{
    if (!isRunning())
        return;
    d->closeAll(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Service is shutting down"),
                QStringLiteral("ServiceShutdown"));
    d->teardown();
    Q_EMIT runningChanged();
}

bool Service::rebind(const QHostAddress &address, QString *error)
{
    const quint16 currentPort = port();
    stop();
    d->options.listenAddress = address;
    QString firstError;
    if (d->listen(address, currentPort ? currentPort : d->options.port, &firstError)) {
        Q_EMIT runningChanged();
        return true;
    }
    // Same port if possible, else any free one.
    if (d->listen(address, 0, error)) {
        Q_EMIT runningChanged();
        return true;
    }
    return false;
}

bool Service::isRunning() const
{
    return d->router && d->router->isListening();
}

quint16 Service::port() const
{
    return isRunning() ? d->router->port() : 0;
}

QUrl Service::endpoint() const
{
    return d->endpoint();
}

QString Service::connectionString() const
{
    return QStringLiteral("Endpoint=%1;AccessKey=%2;Version=1.0;")
        .arg(endpoint().toString(), d->options.accessKey);
}

QString Service::invite() const
{
    return isRunning() ? d->invites.invite(!d->loopbackOnly()) : d->options.invite;
}

int Service::connectionCount() const
{
    return d->connectionTotal;
}

const ServiceOptions &Service::options() const
{
    return d->options;
}

} // namespace Hubbub
