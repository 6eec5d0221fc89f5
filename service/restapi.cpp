// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "restapi.h"

#include "hostpolicy.h"
#include "httppayload.h"
#include "invitegate.h"
#include "logging_p.h"
#include "namerules.h"
#include "permissions.h"
#include "service_p.h"

#include <accesstoken.h>
#include <frame.h>
#include <protocolnames.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketProtocol>

using namespace WebPubSub;
using Status = QHttpServerResponse::StatusCode;

namespace Hubbub {

namespace {

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &h : request.headers()) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QHttpServerResponse error(Status status, const QString &code, const QString &message)
{
    QHttpServerResponse response(
        QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}, status);
    response.setHeader("x-ms-error-code", code.toUtf8());
    return response;
}

QHttpServerResponse badRequest(const QString &message)
{
    return error(Status::BadRequest, QStringLiteral("Error.BadRequest"), message);
}

QHttpServerResponse notFound(const QString &message)
{
    return error(Status::NotFound, QStringLiteral("Error.NotFound"), message);
}

QHttpServerResponse empty(Status status)
{
    QHttpServerResponse response(status);
    return response;
}

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    default:
        return QStringLiteral("OTHER");
    }
}

} // namespace

RestApi::RestApi(ServicePrivate *service, QObject *parent)
    : QObject(parent)
    , d(service)
{}

const QStringList &RestApi::supportedApiVersions()
{
    static const QStringList versions = {QStringLiteral("2021-10-01"), QStringLiteral("2022-11-01"),
                                         QStringLiteral("2023-07-01"), QStringLiteral("2024-01-01"),
                                         QStringLiteral("2024-12-01")};
    return versions;
}

QString RestApi::bearerProblem(const QByteArray &authorization, const QByteArray &host,
                               const QString &path) const
{
    if (!authorization.toLower().startsWith("bearer "))
        return QStringLiteral("A bearer token signed with the access key is required.");
    QString why;
    const auto claims =
        AccessToken::verify(QString::fromUtf8(authorization.mid(7).trimmed()), d->key(), &why);
    if (!claims)
        return QStringLiteral("Invalid bearer token: %1").arg(why);
    // aud = the request URL; the query (and the scheme) are ignored, as the SDKs disagree on them.
    if (!d->audienceAccepted(claims->audience, host, path))
        return QStringLiteral("The bearer token's audience does not match the request URL.");
    return {};
}

QString RestApi::headAuthorizationProblem(const RequestHead &head) const
{
    return bearerProblem(head.header("authorization"), head.header("host"), head.path());
}

std::optional<QHttpServerResponse> RestApi::authorize(const QHttpServerRequest &request) const
{
    const QString problem = bearerProblem(headerValue(request, "authorization"), headerValue(request, "host"),
                                          request.url().path());
    if (!problem.isEmpty())
        return error(Status::Unauthorized, QStringLiteral("Error.Unauthorized"), problem);
    return std::nullopt;
}

QHttpServerResponse RestApi::handle(const QHttpServerRequest &request)
{
    QHttpServerResponse response = [&]() -> QHttpServerResponse {
        const QStringList encoded = request.url().path(QUrl::FullyEncoded).split(u'/', Qt::SkipEmptyParts);
        QStringList segments;
        for (const QString &s : encoded)
            segments.append(QUrl::fromPercentEncoding(s.toUtf8()));
        const auto method = request.method();
        if (segments == QStringList{QStringLiteral("api"), QStringLiteral("health")}) {
            if (method == QHttpServerRequest::Method::Head || method == QHttpServerRequest::Method::Get)
                return empty(Status::Ok);
            return error(Status::MethodNotAllowed, QStringLiteral("Error.MethodNotAllowed"),
                         QStringLiteral("Use HEAD."));
        }
        if (segments == QStringList{QStringLiteral("negotiate")}) {
            if (!d->options.negotiateEnabled)
                return notFound(QStringLiteral("The negotiate endpoint is disabled."));
            if (method != QHttpServerRequest::Method::Get)
                return error(Status::MethodNotAllowed, QStringLiteral("Error.MethodNotAllowed"),
                             QStringLiteral("Use GET."));
            return negotiate(request);
        }
        if (segments.size() < 3 || segments.at(0) != u"api" || segments.at(1) != u"hubs")
            return notFound(QStringLiteral("No such endpoint."));
        const QString version = request.query().queryItemValue(QStringLiteral("api-version"));
        if (!version.isEmpty() && !supportedApiVersions().contains(version))
            return badRequest(QStringLiteral("Unsupported api-version '%1'. Supported: %2.")
                                  .arg(version, supportedApiVersions().join(QStringLiteral(", "))));
        if (auto denied = authorize(request))
            return std::move(*denied);
        const QString hub = segments.at(2);
        if (!NameRules::isValidHub(hub))
            return badRequest(QStringLiteral("Invalid hub name '%1'.").arg(hub));
        return handleHub(request, hub, segments.mid(3));
    }();
    response.addHeader("api-supported-versions", supportedApiVersions().join(QStringLiteral(", ")).toUtf8());
    qCDebug(lcServiceRest) << methodName(request.method()) << request.url().path();
    return response;
}

QHttpServerResponse RestApi::negotiate(const QHttpServerRequest &request)
{
    const QByteArray host = headerValue(request, "host");
    const QString refused =
        HostPolicy::refusal(host, headerValue(request, "origin"), d->hostMustBeLoopback(), d->endpoint());
    if (!refused.isEmpty()) {
        qCInfo(lcServiceRest) << "negotiate refused: Host or Origin";
        return error(Status::Forbidden, QStringLiteral("Error.Forbidden"), refused);
    }
    const QUrlQuery query = request.query();
    const QString hub = query.queryItemValue(QStringLiteral("hub"), QUrl::FullyDecoded);
    if (!NameRules::isValidHub(hub))
        return badRequest(QStringLiteral("Query parameter 'hub' must name a valid hub."));
    TokenClaims claims;
    const QString userId = query.queryItemValue(QStringLiteral("userId"), QUrl::FullyDecoded);
    const bool beyondLoopback = !d->loopbackOnly();
    if (!d->invites.invite(beyondLoopback).isEmpty()) {
        // An invite is in force: only its holders get tokens, as guests, under a name they hold.
        if (!d->invites.inviteMatches(query.queryItemValue(QStringLiteral("invite"), QUrl::FullyDecoded),
                                      beyondLoopback)) {
            qCInfo(lcServiceRest) << "negotiate refused: missing or wrong invite";
            return error(Status::Forbidden, QStringLiteral("Error.Forbidden"),
                         QStringLiteral("A valid invite is required (query parameter 'invite')."));
        }
        const QString device = query.queryItemValue(QStringLiteral("device"), QUrl::FullyDecoded);
        if (const QString problem = InviteGate::deviceProblem(device); !problem.isEmpty())
            return badRequest(problem);
        if (const QString problem = InviteGate::nameProblem(userId); !problem.isEmpty())
            return badRequest(problem);
        switch (d->invites.claim(userId, device)) {
        case InviteGate::Claim::Granted:
            break;
        case InviteGate::Claim::HeldByAnotherDevice:
            return error(
                Status::Conflict, QStringLiteral("Error.NameTaken"),
                QStringLiteral("The name '%1' is already taken by someone else; choose another name.")
                    .arg(userId.trimmed()));
        case InviteGate::Claim::Full:
            return error(Status::ServiceUnavailable, QStringLiteral("Error.TooManyGuests"),
                         QStringLiteral("Too many guests have joined this service."));
        }
        claims.subject = InviteGate::guestUserId(userId);
    } else {
        // Local tools on this computer: any id, except the guests' namespace.
        if (userId.startsWith(InviteGate::GuestPrefix, Qt::CaseInsensitive))
            return badRequest(QStringLiteral("User ids starting with '%1' belong to invited guests.")
                                  .arg(InviteGate::GuestPrefix));
        if (!userId.isEmpty())
            claims.subject = userId;
    }
    // Join, leave and send to groups (rooms), nothing more; no initial groups.
    claims.roles = {ProtocolNames::JoinLeaveGroupRole, ProtocolNames::SendToGroupRole};
    const QString token = d->signClientToken(hub, host, claims, std::chrono::hours(1));
    QUrl url = d->endpoint();
    if (!host.isEmpty()) {
        const QUrl viaHost(url.scheme() + QStringLiteral("://") + QString::fromUtf8(host));
        if (viaHost.isValid() && !viaHost.host().isEmpty())
            url = viaHost;
    }
    url.setScheme(url.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/client/hubs/") + hub);
    QUrlQuery q;
    q.addQueryItem(ProtocolNames::AccessTokenKey, token);
    url.setQuery(q);
    return QHttpServerResponse(QJsonObject{{QStringLiteral("url"), url.toString(QUrl::FullyEncoded)}});
}

QHttpServerResponse RestApi::handleHub(const QHttpServerRequest &request, const QString &hub,
                                       const QStringList &rest)
{
    using M = QHttpServerRequest::Method;
    const M method = request.method();
    const QUrlQuery query = request.query();
    auto param = [&](const char16_t *name) {
        return query.queryItemValue(QString::fromUtf16(name), QUrl::FullyDecoded);
    };
    const QStringList excluded = query.allQueryItemValues(QStringLiteral("excluded"), QUrl::FullyDecoded);
    const QString reason = param(u"reason");

    std::optional<FilterExpression> filter;
    const QString filterText = param(u"filter");
    if (!filterText.isEmpty()) {
        QString why;
        filter = FilterParser::parse(filterText, &why);
        if (!filter)
            return badRequest(why);
    }
    auto selected = [&](const QList<ClientConnection *> &candidates) {
        QList<ClientConnection *> out;
        for (ClientConnection *c : candidates) {
            if (excluded.contains(c->id()))
                continue;
            if (filter && !filter->matches(ServicePrivate::filterContext(c)))
                continue;
            out.append(c);
        }
        return out;
    };
    auto send = [&](const QList<ClientConnection *> &targets,
                    const std::optional<QString> &group) -> QHttpServerResponse {
        const QString ttl = param(u"messageTtlSeconds");
        if (!ttl.isEmpty()) {
            bool ok = false;
            const int seconds = ttl.toInt(&ok);
            if (!ok || seconds < 0 || seconds > 300)
                return badRequest(QStringLiteral("messageTtlSeconds must be between 0 and 300."));
        }
        HttpPayload::Error why;
        const auto payload =
            HttpPayload::fromBody(headerValue(request, "content-type"), request.body(), &why);
        if (!payload) {
            if (why == HttpPayload::Error::UnsupportedMediaType)
                return error(
                    Status::UnsupportedMediaType, QStringLiteral("Error.UnsupportedMediaType"),
                    QStringLiteral(
                        "Content-Type must be application/json, text/plain or application/octet-stream."));
            return badRequest(QStringLiteral("The body is not valid JSON."));
        }
        const Frame message = group ? Frame::groupMessage(*group, std::nullopt, *payload, std::nullopt)
                                    : Frame::serverMessage(*payload, std::nullopt);
        const QList<QPointer<ClientConnection>> guarded(targets.begin(), targets.end());
        QString jsonCache;
        for (const QPointer<ClientConnection> &c : guarded) {
            if (c)
                c->deliver(message, &jsonCache);
        }
        return empty(Status::Accepted);
    };
    auto closeAll = [&](const QList<ClientConnection *> &targets) {
        const QList<QPointer<ClientConnection>> guarded(targets.begin(), targets.end());
        for (const QPointer<ClientConnection> &c : guarded) {
            if (c)
                c->closeFinally(QWebSocketProtocol::CloseCodeNormal, reason.left(120), reason);
        }
        return empty(Status::NoContent);
    };
    auto notAllowed = [] {
        return error(Status::MethodNotAllowed, QStringLiteral("Error.MethodNotAllowed"),
                     QStringLiteral("This method is not supported on this path."));
    };
    auto groupOk = [](const QString &group) { return NameRules::isValidGroup(group); };
    const qsizetype n = rest.size();
    const QString first = n > 0 ? rest.at(0) : QString();

    if (n == 1 && first == u":send")
        return method == M::Post ? send(selected(d->connectionsOf(hub)), std::nullopt) : notAllowed();
    if (n == 1 && first == u":closeConnections")
        return method == M::Post ? closeAll(selected(d->connectionsOf(hub))) : notAllowed();
    if (n == 1 && (first == u":addToGroups" || first == u":removeFromGroups")) {
        if (method != M::Post)
            return notAllowed();
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
        if (!doc.isObject())
            return badRequest(
                QStringLiteral("The body must be a JSON object {\"groups\": [...], \"filter\": \"...\"}."));
        const QJsonObject body = doc.object();
        QStringList groups;
        for (const QJsonValue &g : body.value(QStringLiteral("groups")).toArray()) {
            if (!g.isString() || !groupOk(g.toString()))
                return badRequest(QStringLiteral("Invalid group name in 'groups'."));
            groups.append(g.toString());
        }
        if (groups.isEmpty())
            return badRequest(QStringLiteral("'groups' must list at least one group."));
        std::optional<FilterExpression> bodyFilter;
        const QString bodyFilterText = body.value(QStringLiteral("filter")).toString();
        if (!bodyFilterText.isEmpty()) {
            QString why;
            bodyFilter = FilterParser::parse(bodyFilterText, &why);
            if (!bodyFilter)
                return badRequest(why);
        }
        const bool add = first == u":addToGroups";
        for (ClientConnection *c : d->connectionsOf(hub)) {
            if (bodyFilter && !bodyFilter->matches(ServicePrivate::filterContext(c)))
                continue;
            for (const QString &g : std::as_const(groups)) {
                if (add)
                    c->groups.insert(g);
                else
                    c->groups.remove(g);
            }
        }
        return empty(Status::Ok);
    }
    if (n == 1 && first == u":generateToken") {
        if (method != M::Post && method != M::Get)
            return notAllowed();
        TokenClaims claims;
        const QString userId = param(u"userId");
        if (!userId.isEmpty())
            claims.subject = userId;
        claims.roles = query.allQueryItemValues(QStringLiteral("role"), QUrl::FullyDecoded);
        claims.groups = query.allQueryItemValues(QStringLiteral("group"), QUrl::FullyDecoded);
        int minutes = 60;
        if (!param(u"minutesToExpire").isEmpty()) {
            bool ok = false;
            minutes = param(u"minutesToExpire").toInt(&ok);
            if (!ok || minutes < 1)
                return badRequest(QStringLiteral("minutesToExpire must be a positive integer."));
        }
        const QString clientType = param(u"clientType");
        if (!clientType.isEmpty() && clientType.compare(u"Default", Qt::CaseInsensitive) != 0)
            return error(Status::NotImplemented, QStringLiteral("Error.NotImplemented"),
                         QStringLiteral("Only clientType=Default is supported."));
        const QString token =
            d->signClientToken(hub, headerValue(request, "host"), claims, std::chrono::minutes(minutes));
        return QHttpServerResponse(QJsonObject{{QStringLiteral("token"), token}});
    }
    if (first == u"connections" && n >= 2) {
        const QString id = rest.at(1);
        ClientConnection *c = d->connection(hub, id);
        if (n == 2) {
            if (method == M::Head)
                return empty(c ? Status::Ok : Status::NotFound);
            if (method == M::Delete) {
                if (c)
                    c->closeFinally(QWebSocketProtocol::CloseCodeNormal, reason.left(120), reason);
                return empty(Status::NoContent);
            }
            return notAllowed();
        }
        if (n == 3 && rest.at(2) == u":send") {
            if (method != M::Post)
                return notAllowed();
            return send(c ? QList<ClientConnection *>{c} : QList<ClientConnection *>{}, std::nullopt);
        }
        if (n == 3 && rest.at(2) == u"groups") {
            if (method != M::Delete)
                return notAllowed();
            if (c)
                c->groups.clear();
            return empty(Status::NoContent);
        }
    }
    if (first == u"users" && n >= 2) {
        const QString user = rest.at(1);
        if (n == 2) {
            if (method != M::Head)
                return notAllowed();
            return empty(d->userConnections(hub, user).isEmpty() ? Status::NotFound : Status::Ok);
        }
        if (n == 3 && rest.at(2) == u":send")
            return method == M::Post ? send(selected(d->userConnections(hub, user)), std::nullopt)
                                     : notAllowed();
        if (n == 3 && rest.at(2) == u":closeConnections")
            return method == M::Post ? closeAll(selected(d->userConnections(hub, user))) : notAllowed();
        if (n == 3 && rest.at(2) == u"groups") {
            if (method != M::Delete)
                return notAllowed();
            d->removeUserFromAllGroups(hub, user);
            return empty(Status::NoContent);
        }
        if (n == 4 && rest.at(2) == u"groups") {
            const QString group = rest.at(3);
            if (!groupOk(group))
                return badRequest(QStringLiteral("Invalid group name."));
            if (method == M::Put) {
                d->addUserToGroup(hub, user, group);
                return empty(Status::Ok);
            }
            if (method == M::Delete) {
                d->removeUserFromGroup(hub, user, group);
                return empty(Status::NoContent);
            }
            return notAllowed();
        }
    }
    if (first == u"groups" && n >= 2) {
        const QString group = rest.at(1);
        if (!groupOk(group))
            return badRequest(QStringLiteral("Invalid group name."));
        if (n == 2) {
            if (method != M::Head)
                return notAllowed();
            return empty(d->groupConnections(hub, group).isEmpty() ? Status::NotFound : Status::Ok);
        }
        if (n == 3 && rest.at(2) == u":send")
            return method == M::Post ? send(selected(d->groupConnections(hub, group)), group) : notAllowed();
        if (n == 3 && rest.at(2) == u":closeConnections")
            return method == M::Post ? closeAll(selected(d->groupConnections(hub, group))) : notAllowed();
        if (n == 3 && rest.at(2) == u"connections") {
            if (method != M::Get)
                return notAllowed();
            int pageSize = 200;
            if (!param(u"maxpagesize").isEmpty()) {
                bool ok = false;
                pageSize = param(u"maxpagesize").toInt(&ok);
                if (!ok || pageSize < 1 || pageSize > 200)
                    return badRequest(QStringLiteral("maxpagesize must be between 1 and 200."));
            }
            int top = -1;
            if (!param(u"top").isEmpty()) {
                bool ok = false;
                top = param(u"top").toInt(&ok);
                if (!ok || top < 1)
                    return badRequest(QStringLiteral("top must be a positive integer."));
            }
            // A stable order (by id) makes the offset continuation token meaningful across pages.
            QList<ClientConnection *> members = d->groupConnections(hub, group);
            std::sort(members.begin(), members.end(),
                      [](ClientConnection *a, ClientConnection *b) { return a->id() < b->id(); });
            int offset = 0;
            if (!param(u"continuationToken").isEmpty()) {
                bool ok = false;
                offset = param(u"continuationToken").toInt(&ok);
                if (!ok || offset < 0)
                    return badRequest(QStringLiteral("Invalid continuationToken."));
            }
            int limit = int(members.size());
            if (top > 0)
                limit = qMin(limit, top);
            const int end = qMin(limit, offset + pageSize);
            QJsonArray value;
            for (int i = offset; i < end; ++i) {
                QJsonObject item{{QStringLiteral("connectionId"), members.at(i)->id()}};
                if (members.at(i)->userId)
                    item.insert(QStringLiteral("userId"), *members.at(i)->userId);
                value.append(item);
            }
            QJsonObject body{{QStringLiteral("value"), value}};
            if (end < limit) {
                QUrl next = d->endpoint();
                next.setPath(request.url().path());
                QUrlQuery nextQuery(query);
                nextQuery.removeAllQueryItems(QStringLiteral("continuationToken"));
                nextQuery.addQueryItem(QStringLiteral("continuationToken"), QString::number(end));
                next.setQuery(nextQuery);
                body.insert(QStringLiteral("nextLink"), next.toString(QUrl::FullyEncoded));
            }
            return QHttpServerResponse(body);
        }
        if (n == 4 && rest.at(2) == u"connections") {
            ClientConnection *c = d->connection(hub, rest.at(3));
            if (method == M::Put) {
                if (!c)
                    return notFound(QStringLiteral("Connection '%1' does not exist.").arg(rest.at(3)));
                c->groups.insert(group);
                return empty(Status::Ok);
            }
            if (method == M::Delete) {
                if (c)
                    c->groups.remove(group);
                return empty(Status::NoContent);
            }
            return notAllowed();
        }
    }
    if (first == u"permissions" && n == 4 && rest.at(2) == u"connections") {
        const QString targetName = param(u"targetName");
        const QString role = Permissions::roleFor(rest.at(1), targetName);
        if (role.isEmpty())
            return badRequest(QStringLiteral("Unknown permission '%1' (use sendToGroup or joinLeaveGroup).")
                                  .arg(rest.at(1)));
        ClientConnection *c = d->connection(hub, rest.at(3));
        if (method == M::Put) {
            if (!c)
                return notFound(QStringLiteral("Connection '%1' does not exist.").arg(rest.at(3)));
            if (!c->roles.contains(role))
                c->roles.append(role);
            return empty(Status::Ok);
        }
        if (method == M::Delete) {
            if (c)
                c->roles.removeAll(role);
            return empty(Status::NoContent);
        }
        if (method == M::Head) {
            if (!c)
                return empty(Status::NotFound);
            const auto action = rest.at(1).compare(u"joinLeaveGroup", Qt::CaseInsensitive) == 0
                                    ? Permissions::Action::JoinLeaveGroup
                                    : Permissions::Action::SendToGroup;
            const bool granted = targetName.isEmpty() ? c->roles.contains(role)
                                                      : Permissions::allows(c->roles, action, targetName);
            return empty(granted ? Status::Ok : Status::NotFound);
        }
        return notAllowed();
    }
    return notFound(QStringLiteral("No such operation."));
}

} // namespace Hubbub
