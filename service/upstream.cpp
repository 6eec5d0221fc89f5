// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "upstream.h"

#include "clientconnection.h"
#include "logging_p.h"
#include "namerules.h"

#include <QMessageAuthenticationCode>
#include <QMetaObject>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <connectionstring.h>

#include <utility>

namespace Hubbub {

namespace {
// The emulator gives a handler 10 s to answer the validation request (§7.3).
constexpr int ValidationTimeoutMs = 10000;

// A header value we build from client-controlled text (user id, hub, event name) must not carry
// CR/LF (header injection) nor any other control character.
bool isSafeHeaderValue(const QByteArray &value)
{
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            return false;
    }
    return true;
}
} // namespace

Upstream::Upstream(const QString &urlTemplate, const QByteArray &accessKey, const QString &origin,
                   QObject *parent)
    : QObject(parent)
    , m_template(urlTemplate)
    , m_key(accessKey)
    , m_origin(origin)
{
    m_network.setTransferTimeout(30000);
}

Upstream::Event Upstream::Event::of(Category category, const QString &eventName, const QString &hub,
                                    const QString &connectionId, const std::optional<QString> &userId,
                                    const QString &subprotocol)
{
    Event event;
    event.hub = hub;
    event.connectionId = connectionId;
    event.userId = userId;
    event.subprotocol = subprotocol;
    event.type =
        (category == Category::System ? QStringLiteral("sys.") : QStringLiteral("user.")) + eventName;
    event.eventName = eventName;
    return event;
}

void Upstream::post(ClientConnection *c, Event::Category category, const QString &eventName,
                    const QByteArray &body, const QByteArray &contentType, Callback done)
{
    Event event = Event::of(category, eventName, c->hub(), c->id(), c->userId, c->subprotocol());
    event.connectionState = c->connectionState;
    event.eventId = c->nextEventId++;
    const QPointer<ClientConnection> guard(c);
    post(event, body, contentType, c, [guard, done = std::move(done)](const Response &response) {
        if (!guard)
            return;
        if (response.connectionState)
            guard->connectionState = *response.connectionState;
        if (done)
            done(response);
    });
}

QUrl Upstream::urlFor(const QString &hub, const QString &event) const
{
    // Percent-encoded, so that no name can add a path segment (`../`), a query or a fragment.
    QString url = m_template;
    url.replace(QStringLiteral("{hub}"), QString::fromLatin1(QUrl::toPercentEncoding(hub.toLower())));
    url.replace(QStringLiteral("{event}"), QString::fromLatin1(QUrl::toPercentEncoding(event)));
    return QUrl(url);
}

QByteArray Upstream::signature(const QByteArray &accessKey, const QString &connectionId)
{
    return QMessageAuthenticationCode::hash(connectionId.toUtf8(), accessKey, QCryptographicHash::Sha256)
        .toHex();
}

void Upstream::whenValidated(const QString &hub, std::function<void(bool passed)> then)
{
    const QUrl url = urlFor(hub, QStringLiteral("validate"));
    const QString key = url.toString();
    auto it = m_validations.find(key);
    if (it != m_validations.end()) {
        switch (it->state) {
        case State::Passed:
            then(true);
            return;
        case State::Pending:
            it->waiting.append(std::move(then));
            return;
        case State::Failed:
            if (it->decidedAt.secsTo(QDateTime::currentDateTimeUtc()) < RevalidateAfterSeconds) {
                then(false);
                return;
            }
            break;
        }
    }
    Validation &validation = m_validations[key];
    validation.state = State::Pending;
    validation.waiting = {std::move(then)};
    requestValidation(url, "OPTIONS");
}

void Upstream::requestValidation(const QUrl &url, const QByteArray &method)
{
    QNetworkRequest request(url);
    request.setRawHeader("WebHook-Request-Origin", m_origin.toUtf8());
    request.setRawHeader("ce-awpsversion", "1.0");
    request.setTransferTimeout(ValidationTimeoutMs);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url, method] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 404 && method == "OPTIONS") {
            requestValidation(url, "GET"); // the emulator's fallback for handlers without OPTIONS
            return;
        }
        QString failure;
        if (status == 0) {
            failure = QStringLiteral("no answer (%1)").arg(reply->errorString());
        } else if (status < 200 || status >= 300) {
            failure = QStringLiteral("answered %1").arg(status);
        } else {
            bool allowed = false;
            for (const QByteArray &origin : reply->rawHeader("WebHook-Allowed-Origin").split(',')) {
                const QByteArray o = origin.trimmed();
                allowed =
                    allowed || o == "*" || QString::fromUtf8(o).compare(m_origin, Qt::CaseInsensitive) == 0;
            }
            if (!allowed)
                failure =
                    QStringLiteral("answered without a WebHook-Allowed-Origin admitting %1").arg(m_origin);
        }
        finishValidation(url, failure);
    });
}

void Upstream::finishValidation(const QUrl &url, const QString &failure)
{
    auto it = m_validations.find(url.toString());
    if (it == m_validations.end())
        return;
    const bool passed = failure.isEmpty();
    it->state = passed ? State::Passed : State::Failed;
    it->decidedAt = QDateTime::currentDateTimeUtc();
    // The continuations post (and may validate again): take them out before running any.
    const QList<std::function<void(bool)>> waiting = std::exchange(it->waiting, {});
    if (!passed) {
        qCWarning(lcServiceUpstream).noquote()
            << "event handler" << WebPubSub::redactedUrl(url)
            << "did not pass abuse-protection validation:" << failure << "- its events are refused";
        Q_EMIT validationFailed(url, failure);
    }
    for (const auto &then : waiting)
        then(passed);
}

void Upstream::post(const Event &event, const QByteArray &body, const QByteArray &contentType,
                    QObject *context, Callback done)
{
    const QPointer<QObject> guard(context);
    whenValidated(event.hub, [this, event, body, contentType, guard, done = std::move(done)](bool passed) {
        if (!passed) {
            refuse(guard, done,
                   QStringLiteral("The event handler did not pass abuse-protection validation."));
            return;
        }
        send(event, body, contentType, guard, done);
    });
}

void Upstream::refuse(const QPointer<QObject> &context, const Callback &done, const QString &why)
{
    qCDebug(lcServiceUpstream) << "event refused:" << why;
    if (!done)
        return;
    // Never synchronously: the caller may be in the middle of a handshake or a frame.
    QMetaObject::invokeMethod(
        this,
        [context, done, why] {
            if (!context)
                return;
            Response response;
            response.refused = true;
            response.error = why;
            done(response);
        },
        Qt::QueuedConnection);
}

void Upstream::send(const Event &event, const QByteArray &body, const QByteArray &contentType,
                    const QPointer<QObject> &context, const Callback &done)
{
    // The service refuses bad event names before they get here; this is the last line of defence.
    if (!NameRules::isValidEventName(event.eventName)) {
        qCWarning(lcServiceUpstream) << "refusing to post an event with an invalid name";
        refuse(context, done, QStringLiteral("Invalid event name."));
        return;
    }
    const QUrl url = urlFor(event.hub, event.eventName);
    QList<std::pair<QByteArray, QByteArray>> headers = {
        {"WebHook-Request-Origin", m_origin.toUtf8()},
        {"ce-specversion", "1.0"},
        {"ce-awpsversion", "1.0"},
        {"ce-type", "azure.webpubsub." + event.type.toUtf8()},
        {"ce-source", "/hubs/" + event.hub.toUtf8() + "/client/" + event.connectionId.toUtf8()},
        {"ce-id", QByteArray::number(event.eventId)},
        {"ce-time", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8()},
        {"ce-signature", "sha256=" + signature(m_key, event.connectionId)},
    };
    if (event.userId)
        headers.append({"ce-userId", event.userId->toUtf8()});
    headers.append({"ce-connectionId", event.connectionId.toUtf8()});
    headers.append({"ce-hub", event.hub.toUtf8()});
    headers.append({"ce-eventName", event.eventName.toUtf8()});
    if (!event.subprotocol.isEmpty())
        headers.append({"ce-subprotocol", event.subprotocol.toUtf8()});
    if (!event.connectionState.isEmpty())
        headers.append({"ce-connectionState", event.connectionState});
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &[name, value] : std::as_const(headers)) {
        if (!isSafeHeaderValue(value)) {
            qCWarning(lcServiceUpstream) << "refusing to post" << event.type << "- header" << name
                                         << "would carry a control character";
            refuse(context, done, QStringLiteral("A value of the event cannot be sent in a header."));
            return;
        }
        request.setRawHeader(name, value);
    }
    QNetworkReply *reply = m_network.post(request, body);
    qCDebug(lcServiceUpstream) << "POST" << WebPubSub::redactedUrl(url) << event.type;
    connect(reply, &QNetworkReply::finished, this, [reply, context, done, url] {
        reply->deleteLater();
        Response response;
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (reply->hasRawHeader("ce-connectionState"))
            response.connectionState = reply->rawHeader("ce-connectionState");
        if (response.status == 0)
            response.error = reply->errorString();
        if (!response.ok())
            qCWarning(lcServiceUpstream) << "event handler" << WebPubSub::redactedUrl(url) << "answered"
                                         << response.status << reply->errorString();
        if (done && context)
            done(response);
    });
}

} // namespace Hubbub
