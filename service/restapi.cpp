// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "restapi.h"

#include "joinpage.h"

#include "hostpolicy.h"
#include "hubrequest.h"
#include "invitegate.h"
#include "logging_p.h"
#include "namerules.h"
#include "restreply.h"
#include "service_p.h"

#include <accesstoken.h>
#include <protocolnames.h>

#include <QJsonObject>
#include <QMetaEnum>
#include <QUrlQuery>

using namespace WebPubSub;

namespace Hubbub {

using namespace RestReply;

namespace {

//! `GET`, `PUT`, ... for the log (`OTHER` for none of the enum's names).
QByteArray methodName(QHttpServerRequest::Method m)
{
    const char *name = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(m));
    return name ? QByteArray(name).toUpper() : QByteArrayLiteral("OTHER");
}

} // namespace

RestApi::RestApi(ServicePrivate *service, QObject *parent)
    : QObject(parent)
    , d(service)
    , m_resources(service)
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
        if (segments == QStringList{QStringLiteral("join")})
            return joinPage(request);
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

QHttpServerResponse RestApi::joinPage(const QHttpServerRequest &request)
{
    if (!d->options.joinPage)
        return notFound(QStringLiteral("The guest page is off (start the service with --join-page)."));
    if (request.method() != QHttpServerRequest::Method::Get)
        return error(Status::MethodNotAllowed, QStringLiteral("Error.MethodNotAllowed"),
                     QStringLiteral("Use GET."));
    const QUrlQuery query = request.query();
    if (!d->invites.inviteMatches(query.queryItemValue(QStringLiteral("invite"), QUrl::FullyDecoded),
                                  d->inviteNeeded())) {
        qCInfo(lcServiceRest) << "join page refused: missing or wrong invite";
        return error(Status::Forbidden, QStringLiteral("Error.Forbidden"),
                     QStringLiteral("A valid invite is required: ask the speaker for the room's link."));
    }
    // The page reads hub and room from its own URL; refuse names it could never join.
    const QString hub = query.queryItemValue(QStringLiteral("hub"), QUrl::FullyDecoded);
    if (query.hasQueryItem(QStringLiteral("hub")) && !NameRules::isValidHub(hub))
        return badRequest(QStringLiteral("Query parameter 'hub' must name a valid hub."));
    const QString room = query.queryItemValue(QStringLiteral("room"), QUrl::FullyDecoded);
    if (query.hasQueryItem(QStringLiteral("room")) && !NameRules::isValidGroup(room))
        return badRequest(QStringLiteral("Query parameter 'room' must name a valid group."));
    return JoinPage::response();
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
    const bool beyondLoopback = d->inviteNeeded();
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
    auto read = HubRequest::read(request, hub, rest, &d->hubs);
    if (auto *refused = std::get_if<QHttpServerResponse>(&read))
        return std::move(*refused);
    return m_resources.handle(std::get<HubRequest>(read));
}

} // namespace Hubbub
