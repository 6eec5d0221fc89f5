// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "handshakegate.h"

#include "connectionrouter.h"
#include "hostpolicy.h"
#include "logging_p.h"
#include "namerules.h"
#include "service_p.h"
#include "upstream.h"

#include <protocolnames.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QUuid>

using namespace WebPubSub;

namespace Hubbub {

namespace {
const QString HubsPrefix = QStringLiteral("/client/hubs/");

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

//! The body of the `connect` event (§7.4): claims, query and headers, secrets left out.
QJsonObject connectEventBody(const TokenClaims &claims, const RequestHead &head, QJsonArray *subprotocols)
{
    QJsonObject claimMap;
    for (auto it = claims.all.constBegin(); it != claims.all.constEnd(); ++it)
        claimMap.insert(it.key(), toStringArray(it.value()));
    QJsonObject queryMap;
    for (const auto &item : head.query().queryItems(QUrl::FullyDecoded)) {
        if (item.first == ProtocolNames::AccessTokenKey)
            continue;
        QJsonArray values = queryMap.value(item.first).toArray();
        values.append(item.second);
        queryMap.insert(item.first, values);
    }
    QJsonObject headerMap;
    for (const auto &h : head.headers) {
        if (h.first == "authorization")
            continue;
        if (h.first == "sec-websocket-protocol") {
            for (const QByteArray &p : h.second.split(','))
                subprotocols->append(QString::fromUtf8(p.trimmed()));
        }
        QJsonArray values = headerMap.value(QString::fromUtf8(h.first)).toArray();
        values.append(QString::fromUtf8(h.second));
        headerMap.insert(QString::fromUtf8(h.first), values);
    }
    return QJsonObject{{QStringLiteral("claims"), claimMap},
                       {QStringLiteral("query"), queryMap},
                       {QStringLiteral("headers"), headerMap},
                       {QStringLiteral("subprotocols"), *subprotocols},
                       {QStringLiteral("clientCertificates"), QJsonArray()}};
}

//! What the `connect` handler's 200 answer changes (userId, roles, groups).
void applyConnectAnswer(const QByteArray &body, TokenClaims *claims)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (answer.contains(QStringLiteral("userId")))
        claims->subject = answer.value(QStringLiteral("userId")).toString();
    if (answer.contains(QStringLiteral("roles"))) {
        claims->roles.clear();
        for (const QJsonValue &r : answer.value(QStringLiteral("roles")).toArray())
            claims->roles.append(r.toString());
    }
    const QJsonArray groups = answer.value(QStringLiteral("groups")).toArray();
    if (!groups.isEmpty()) {
        claims->groups.clear();
        for (const QJsonValue &g : groups)
            claims->groups.append(g.toString());
    }
}
} // namespace

HandshakeGate::HandshakeGate(ServicePrivate *service)
    : d(service)
{}

QString HandshakeGate::peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u'|' + QString::number(port);
}

std::optional<HandshakeGate::Handshake> HandshakeGate::take(const QHostAddress &address, quint16 port)
{
    const auto it = m_pending.constFind(peerKey(address, port));
    if (it == m_pending.cend())
        return std::nullopt;
    Handshake handshake = *it;
    m_pending.erase(it);
    return handshake;
}

void HandshakeGate::accept(QTcpSocket *socket, const QString &key, const Handshake &handshake)
{
    m_pending.insert(key, handshake);
    d->router->acceptWebSocket(socket);
}

void HandshakeGate::check(QTcpSocket *socket, const RequestHead &head)
{
    // DNS rebinding and foreign web pages: see HostPolicy.
    if (const QString refused = HostPolicy::refusal(head.header("host"), head.header("origin"),
                                                    d->hostMustBeLoopback(), d->endpoint());
        !refused.isEmpty()) {
        qCInfo(lcServiceClient) << "handshake refused: Host or Origin";
        d->router->reject(socket, 403, "Forbidden", false, refused);
        return;
    }
    const QString path = head.path();
    const QUrlQuery query = head.query();
    QString hub;
    if (path.startsWith(HubsPrefix)) {
        hub = path.mid(HubsPrefix.size());
        if (hub.endsWith(u'/'))
            hub.chop(1);
    } else if (path == u"/client" || path == u"/client/") {
        hub = query.queryItemValue(QStringLiteral("hub"), QUrl::FullyDecoded);
    } else {
        d->router->reject(socket, 404, "Not Found");
        return;
    }
    if (!NameRules::isValidHub(hub)) {
        qCInfo(lcServiceClient) << "handshake refused: invalid hub name";
        d->router->reject(socket, 400, "Bad Request");
        return;
    }

    // Forget handshakes that QWebSocketServer never completed.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->created.secsTo(now) > 60)
            it = m_pending.erase(it);
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
        accept(socket, key, handshake);
        return;
    }
    admitToken(socket, head, std::move(handshake), key);
}

void HandshakeGate::admitToken(QTcpSocket *socket, const RequestHead &head, Handshake handshake,
                               const QString &key)
{
    QString token = head.query().queryItemValue(ProtocolNames::AccessTokenKey, QUrl::FullyDecoded);
    if (token.isEmpty()) {
        const QByteArray authorization = head.header("authorization");
        if (authorization.toLower().startsWith("bearer "))
            token = QString::fromUtf8(authorization.mid(7).trimmed());
    }
    if (token.isEmpty()) {
        qCInfo(lcServiceClient) << "handshake refused: no access token";
        d->router->reject(socket, 401, "Unauthorized");
        return;
    }
    QString error;
    std::optional<TokenClaims> claims = AccessToken::verify(token, d->key(), &error);
    if (!claims) {
        qCInfo(lcServiceClient) << "handshake refused:" << error;
        d->router->reject(socket, 401, "Unauthorized");
        return;
    }
    if (!d->audienceAccepted(claims->audience, head.header("host"), HubsPrefix + handshake.hub)) {
        qCInfo(lcServiceClient) << "handshake refused: token audience does not name this hub";
        d->router->reject(socket, 401, "Unauthorized");
        return;
    }
    for (const QString &group : std::as_const(claims->groups)) {
        if (!NameRules::isValidGroup(group)) {
            d->router->reject(socket, 400, "Bad Request");
            return;
        }
    }
    handshake.claims = claims;
    handshake.connectionId = QUuid::createUuid().toString(QUuid::Id128);
    if (d->upstream)
        askConnectHandler(socket, head, std::move(handshake), key);
    else
        accept(socket, key, handshake);
}

void HandshakeGate::askConnectHandler(QTcpSocket *socket, const RequestHead &head, Handshake handshake,
                                      const QString &key)
{
    QJsonArray subprotocols;
    const QJsonObject body = connectEventBody(*handshake.claims, head, &subprotocols);
    Upstream::Event event = Upstream::Event::of(
        Upstream::Event::Category::System, QStringLiteral("connect"), handshake.hub, handshake.connectionId,
        handshake.claims->subject, subprotocols.isEmpty() ? QString() : subprotocols.first().toString());
    QPointer<QTcpSocket> guard(socket);
    d->upstream->post(
        event, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json; charset=utf-8", d,
        [this, guard, handshake, key](const Upstream::Response &response) mutable {
            if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                return;
            if (!response.ok()) {
                const int status = response.status >= 400 && response.status < 500 ? response.status : 500;
                qCInfo(lcServiceClient) << "handshake refused by the connect handler with" << status;
                d->router->reject(guard, status, status == 401 ? "Unauthorized" : "Refused");
                return;
            }
            if (response.status == 200 && !response.body.isEmpty())
                applyConnectAnswer(response.body, &*handshake.claims);
            accept(guard, key, handshake);
        });
}

} // namespace Hubbub
