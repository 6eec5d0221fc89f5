// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "hubresources.h"

#include "clientconnection.h"
#include "hubregistry.h"
#include "hubrequest.h"
#include "namerules.h"
#include "permissions.h"
#include "restreply.h"
#include "service_p.h"

#include <accesstoken.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocketProtocol>

#include <algorithm>

using namespace WebPubSub;

namespace Hubbub {

using namespace RestReply;
using M = HubRequest::Method;

namespace {
QHttpServerResponse noSuchOperation()
{
    return notFound(QStringLiteral("No such operation."));
}

QHttpServerResponse invalidGroup()
{
    return badRequest(QStringLiteral("Invalid group name."));
}

//! Query parameter \a name as an int of at least \a min (at most \a max), or \a fallback when
//! absent; nullopt when present and not such a number.
std::optional<int> intParam(const HubRequest &r, const QString &name, int fallback, int min, int max)
{
    const QString text = r.param(name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}
} // namespace

HubResources::HubResources(ServicePrivate *service)
    : d(service)
{}

QHttpServerResponse HubResources::handle(const HubRequest &r) const
{
    const QString first = r.segment(0);
    if (r.size() == 1)
        return hub(r);
    if (r.size() >= 2 && first == u"connections")
        return connection(r);
    if (r.size() >= 2 && first == u"users")
        return user(r);
    if (r.size() >= 2 && first == u"groups")
        return group(r);
    if (r.size() == 4 && first == u"permissions" && r.segment(2) == u"connections")
        return permission(r);
    return noSuchOperation();
}

QHttpServerResponse HubResources::hub(const HubRequest &r) const
{
    const QString operation = r.segment(0);
    if (operation == u":send")
        return r.method() == M::Post ? r.send(r.selected(d->hubs.connectionsOf(r.hub())), std::nullopt)
                                     : notAllowed();
    if (operation == u":closeConnections")
        return r.method() == M::Post ? r.closeAll(r.selected(d->hubs.connectionsOf(r.hub()))) : notAllowed();
    if (operation == u":addToGroups" || operation == u":removeFromGroups")
        return r.method() == M::Post ? changeGroups(r) : notAllowed();
    if (operation == u":generateToken")
        return r.method() == M::Post || r.method() == M::Get ? generateToken(r) : notAllowed();
    return noSuchOperation();
}

QHttpServerResponse HubResources::changeGroups(const HubRequest &r) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.request().body(), &parseError);
    if (!doc.isObject())
        return badRequest(
            QStringLiteral("The body must be a JSON object {\"groups\": [...], \"filter\": \"...\"}."));
    const QJsonObject body = doc.object();
    QStringList groups;
    for (const QJsonValue &g : body.value(QStringLiteral("groups")).toArray()) {
        if (!g.isString() || !NameRules::isValidGroup(g.toString()))
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
    const bool add = r.segment(0) == u":addToGroups";
    for (ClientConnection *c : d->hubs.connectionsOf(r.hub())) {
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

QHttpServerResponse HubResources::generateToken(const HubRequest &r) const
{
    TokenClaims claims;
    const QString userId = r.param(QStringLiteral("userId"));
    if (!userId.isEmpty())
        claims.subject = userId;
    claims.roles = r.query().allQueryItemValues(QStringLiteral("role"), QUrl::FullyDecoded);
    claims.groups = r.query().allQueryItemValues(QStringLiteral("group"), QUrl::FullyDecoded);
    const std::optional<int> minutes = intParam(r, QStringLiteral("minutesToExpire"), 60, 1, INT_MAX);
    if (!minutes)
        return badRequest(QStringLiteral("minutesToExpire must be a positive integer."));
    const QString clientType = r.param(QStringLiteral("clientType"));
    if (!clientType.isEmpty() && clientType.compare(u"Default", Qt::CaseInsensitive) != 0)
        return error(Status::NotImplemented, QStringLiteral("Error.NotImplemented"),
                     QStringLiteral("Only clientType=Default is supported."));
    const QString token =
        d->signClientToken(r.hub(), headerValue(r.request(), "host"), claims, std::chrono::minutes(*minutes));
    return QHttpServerResponse(QJsonObject{{QStringLiteral("token"), token}});
}

QHttpServerResponse HubResources::connection(const HubRequest &r) const
{
    ClientConnection *c = d->hubs.connection(r.hub(), r.segment(1));
    if (r.size() == 2) {
        if (r.method() == M::Head)
            return empty(c ? Status::Ok : Status::NotFound);
        if (r.method() == M::Delete) {
            const QString reason = r.param(QStringLiteral("reason"));
            if (c)
                c->closeFinally(QWebSocketProtocol::CloseCodeNormal, reason.left(120), reason);
            return empty(Status::NoContent);
        }
        return notAllowed();
    }
    if (r.size() == 3 && r.segment(2) == u":send") {
        if (r.method() != M::Post)
            return notAllowed();
        return r.send(c ? QList<ClientConnection *>{c} : QList<ClientConnection *>{}, std::nullopt);
    }
    if (r.size() == 3 && r.segment(2) == u"groups") {
        if (r.method() != M::Delete)
            return notAllowed();
        if (c)
            c->groups.clear();
        return empty(Status::NoContent);
    }
    return noSuchOperation();
}

QHttpServerResponse HubResources::user(const HubRequest &r) const
{
    const QString user = r.segment(1);
    if (r.size() == 2) {
        if (r.method() != M::Head)
            return notAllowed();
        return empty(d->hubs.userConnections(r.hub(), user).isEmpty() ? Status::NotFound : Status::Ok);
    }
    if (r.size() == 3 && r.segment(2) == u":send")
        return r.method() == M::Post
                   ? r.send(r.selected(d->hubs.userConnections(r.hub(), user)), std::nullopt)
                   : notAllowed();
    if (r.size() == 3 && r.segment(2) == u":closeConnections")
        return r.method() == M::Post ? r.closeAll(r.selected(d->hubs.userConnections(r.hub(), user)))
                                     : notAllowed();
    if (r.size() == 3 && r.segment(2) == u"groups") {
        if (r.method() != M::Delete)
            return notAllowed();
        d->hubs.removeUserFromAllGroups(r.hub(), user);
        return empty(Status::NoContent);
    }
    if (r.size() == 4 && r.segment(2) == u"groups") {
        const QString group = r.segment(3);
        if (!NameRules::isValidGroup(group))
            return invalidGroup();
        if (r.method() == M::Put) {
            d->hubs.addUserToGroup(r.hub(), user, group);
            return empty(Status::Ok);
        }
        if (r.method() == M::Delete) {
            d->hubs.removeUserFromGroup(r.hub(), user, group);
            return empty(Status::NoContent);
        }
        return notAllowed();
    }
    return noSuchOperation();
}

QHttpServerResponse HubResources::group(const HubRequest &r) const
{
    const QString group = r.segment(1);
    if (!NameRules::isValidGroup(group))
        return invalidGroup();
    if (r.size() == 2) {
        if (r.method() != M::Head)
            return notAllowed();
        return empty(d->hubs.groupConnections(r.hub(), group).isEmpty() ? Status::NotFound : Status::Ok);
    }
    if (r.size() == 3 && r.segment(2) == u":send")
        return r.method() == M::Post ? r.send(r.selected(d->hubs.groupConnections(r.hub(), group)), group)
                                     : notAllowed();
    if (r.size() == 3 && r.segment(2) == u":closeConnections")
        return r.method() == M::Post ? r.closeAll(r.selected(d->hubs.groupConnections(r.hub(), group)))
                                     : notAllowed();
    if (r.size() == 3 && r.segment(2) == u"connections")
        return r.method() == M::Get ? listGroupConnections(r, group) : notAllowed();
    if (r.size() == 4 && r.segment(2) == u"connections") {
        auto answer = putOrDelete(
            r, [&](ClientConnection *c) { c->groups.insert(group); },
            [&](ClientConnection *c) { c->groups.remove(group); });
        return answer ? std::move(*answer) : notAllowed();
    }
    return noSuchOperation();
}

std::optional<QHttpServerResponse>
HubResources::putOrDelete(const HubRequest &r, const std::function<void(ClientConnection *)> &put,
                          const std::function<void(ClientConnection *)> &remove) const
{
    ClientConnection *c = d->hubs.connection(r.hub(), r.segment(3));
    if (r.method() == M::Put) {
        if (!c)
            return HubRequest::noSuchConnection(r.segment(3));
        put(c);
        return empty(Status::Ok);
    }
    if (r.method() == M::Delete) {
        if (c)
            remove(c);
        return empty(Status::NoContent);
    }
    return std::nullopt;
}

QHttpServerResponse HubResources::listGroupConnections(const HubRequest &r, const QString &group) const
{
    const std::optional<int> pageSize = intParam(r, QStringLiteral("maxpagesize"), 200, 1, 200);
    if (!pageSize)
        return badRequest(QStringLiteral("maxpagesize must be between 1 and 200."));
    const std::optional<int> top = intParam(r, QStringLiteral("top"), -1, 1, INT_MAX);
    if (!top)
        return badRequest(QStringLiteral("top must be a positive integer."));
    // A stable order (by id) makes the offset continuation token meaningful across pages.
    QList<ClientConnection *> members = d->hubs.groupConnections(r.hub(), group);
    std::sort(members.begin(), members.end(),
              [](ClientConnection *a, ClientConnection *b) { return a->id() < b->id(); });
    const std::optional<int> offset = intParam(r, QStringLiteral("continuationToken"), 0, 0, INT_MAX);
    if (!offset)
        return badRequest(QStringLiteral("Invalid continuationToken."));
    int limit = int(members.size());
    if (*top > 0)
        limit = qMin(limit, *top);
    const int end = qMin(limit, *offset + *pageSize);
    QJsonArray value;
    for (int i = *offset; i < end; ++i) {
        QJsonObject item{{QStringLiteral("connectionId"), members.at(i)->id()}};
        if (members.at(i)->userId)
            item.insert(QStringLiteral("userId"), *members.at(i)->userId);
        value.append(item);
    }
    QJsonObject body{{QStringLiteral("value"), value}};
    if (end < limit) {
        QUrl next = d->endpoint();
        next.setPath(r.request().url().path());
        QUrlQuery nextQuery(r.query());
        nextQuery.removeAllQueryItems(QStringLiteral("continuationToken"));
        nextQuery.addQueryItem(QStringLiteral("continuationToken"), QString::number(end));
        next.setQuery(nextQuery);
        body.insert(QStringLiteral("nextLink"), next.toString(QUrl::FullyEncoded));
    }
    return QHttpServerResponse(body);
}

QHttpServerResponse HubResources::permission(const HubRequest &r) const
{
    const QString permission = r.segment(1);
    const QString targetName = r.param(QStringLiteral("targetName"));
    const QString role = Permissions::roleFor(permission, targetName);
    if (role.isEmpty())
        return badRequest(
            QStringLiteral("Unknown permission '%1' (use sendToGroup or joinLeaveGroup).").arg(permission));
    auto answer = putOrDelete(
        r,
        [&](ClientConnection *c) {
            if (!c->roles.contains(role))
                c->roles.append(role);
        },
        [&](ClientConnection *c) { c->roles.removeAll(role); });
    if (answer)
        return std::move(*answer);
    ClientConnection *c = d->hubs.connection(r.hub(), r.segment(3));
    if (r.method() == M::Head) {
        if (!c)
            return empty(Status::NotFound);
        const auto action = permission.compare(u"joinLeaveGroup", Qt::CaseInsensitive) == 0
                                ? Permissions::Action::JoinLeaveGroup
                                : Permissions::Action::SendToGroup;
        const bool granted = targetName.isEmpty() ? c->roles.contains(role)
                                                  : Permissions::allows(c->roles, action, targetName);
        return empty(granted ? Status::Ok : Status::NotFound);
    }
    return notAllowed();
}

} // namespace Hubbub
