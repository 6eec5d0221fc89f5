// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "hubrequest.h"

#include "clientconnection.h"
#include "httppayload.h"
#include "hubregistry.h"
#include "restreply.h"
#include "service_p.h"

#include <frame.h>

#include <QPointer>
#include <QWebSocketProtocol>

using namespace WebPubSub;

namespace Hubbub {

using namespace RestReply;

std::variant<HubRequest, QHttpServerResponse> HubRequest::read(const QHttpServerRequest &request,
                                                               const QString &hub,
                                                               const QStringList &segments, HubRegistry *hubs)
{
    HubRequest out;
    out.m_request = &request;
    out.m_hub = hub;
    out.m_segments = segments;
    out.m_query = request.query();
    out.m_hubs = hubs;
    const QString filterText = out.param(QStringLiteral("filter"));
    if (!filterText.isEmpty()) {
        QString why;
        out.m_filter = FilterParser::parse(filterText, &why);
        if (!out.m_filter)
            return badRequest(why);
    }
    return out;
}

QString HubRequest::param(const QString &name) const
{
    return m_query.queryItemValue(name, QUrl::FullyDecoded);
}

QList<ClientConnection *> HubRequest::selected(const QList<ClientConnection *> &candidates) const
{
    const QStringList excluded = m_query.allQueryItemValues(QStringLiteral("excluded"), QUrl::FullyDecoded);
    QList<ClientConnection *> out;
    for (ClientConnection *c : candidates) {
        if (excluded.contains(c->id()))
            continue;
        if (m_filter && !m_filter->matches(ServicePrivate::filterContext(c)))
            continue;
        out.append(c);
    }
    return out;
}

QHttpServerResponse HubRequest::send(const QList<ClientConnection *> &targets,
                                     const std::optional<QString> &group) const
{
    const QString ttl = param(QStringLiteral("messageTtlSeconds"));
    if (!ttl.isEmpty()) {
        bool ok = false;
        const int seconds = ttl.toInt(&ok);
        if (!ok || seconds < 0 || seconds > 300)
            return badRequest(QStringLiteral("messageTtlSeconds must be between 0 and 300."));
    }
    HttpPayload::Error why;
    const auto payload =
        HttpPayload::fromBody(headerValue(request(), "content-type"), request().body(), &why);
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
    HubRegistry::deliver(targets, message);
    return empty(Status::Accepted);
}

QHttpServerResponse HubRequest::closeAll(const QList<ClientConnection *> &targets) const
{
    const QString reason = param(QStringLiteral("reason"));
    for (const QPointer<ClientConnection> &c : HubRegistry::guarded(targets)) {
        if (c)
            c->closeFinally(QWebSocketProtocol::CloseCodeNormal, reason.left(120), reason);
    }
    return empty(Status::NoContent);
}

QHttpServerResponse HubRequest::noSuchConnection(const QString &connectionId)
{
    return notFound(QStringLiteral("Connection '%1' does not exist.").arg(connectionId));
}

} // namespace Hubbub
