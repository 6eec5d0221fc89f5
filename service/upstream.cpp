// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "upstream.h"

#include "logging_p.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

#include <connectionstring.h>

namespace Hubbub {

Upstream::Upstream(const QString &urlTemplate, const QByteArray &accessKey, const QString &origin,
                   QObject *parent)
    : QObject(parent)
    , m_template(urlTemplate)
    , m_key(accessKey)
    , m_origin(origin)
{
    m_network.setTransferTimeout(30000);
}

QUrl Upstream::urlFor(const QString &hub, const QString &event) const
{
    QString url = m_template;
    url.replace(QStringLiteral("{hub}"), hub.toLower());
    url.replace(QStringLiteral("{event}"), event);
    return QUrl(url);
}

QByteArray Upstream::signature(const QByteArray &accessKey, const QString &connectionId)
{
    return QMessageAuthenticationCode::hash(connectionId.toUtf8(), accessKey, QCryptographicHash::Sha256)
        .toHex();
}

void Upstream::validateOnce(const QString &hub)
{
    // Abuse protection (§7.3): announce ourselves once per handler URL. A handler that does not
    // answer it is still called (the express SDK answers; simple test handlers often do not).
    const QUrl url = urlFor(hub, QStringLiteral("validate"));
    if (m_validated.contains(url.toString()))
        return;
    m_validated.insert(url.toString());
    QNetworkRequest request(url);
    request.setRawHeader("WebHook-Request-Origin", m_origin.toUtf8());
    request.setRawHeader("ce-awpsversion", "1.0");
    QNetworkReply *reply = m_network.sendCustomRequest(request, "OPTIONS");
    connect(reply, &QNetworkReply::finished, this, [reply, url] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status < 200 || status >= 300)
            qCWarning(lcServiceUpstream)
                << "event handler" << WebPubSub::redactedUrl(url)
                << "did not pass abuse-protection validation (status" << status << ")";
    });
}

void Upstream::post(const Event &event, const QByteArray &body, const QByteArray &contentType,
                    QObject *context, Callback done)
{
    validateOnce(event.hub);
    const QUrl url = urlFor(event.hub, event.eventName);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader("WebHook-Request-Origin", m_origin.toUtf8());
    request.setRawHeader("ce-specversion", "1.0");
    request.setRawHeader("ce-awpsversion", "1.0");
    request.setRawHeader("ce-type", "azure.webpubsub." + event.type.toUtf8());
    request.setRawHeader("ce-source",
                         "/hubs/" + event.hub.toUtf8() + "/client/" + event.connectionId.toUtf8());
    request.setRawHeader("ce-id", QByteArray::number(event.eventId));
    request.setRawHeader("ce-time", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8());
    request.setRawHeader("ce-signature", "sha256=" + signature(m_key, event.connectionId));
    if (event.userId)
        request.setRawHeader("ce-userId", event.userId->toUtf8());
    request.setRawHeader("ce-connectionId", event.connectionId.toUtf8());
    request.setRawHeader("ce-hub", event.hub.toUtf8());
    request.setRawHeader("ce-eventName", event.eventName.toUtf8());
    if (!event.subprotocol.isEmpty())
        request.setRawHeader("ce-subprotocol", event.subprotocol.toUtf8());
    if (!event.connectionState.isEmpty())
        request.setRawHeader("ce-connectionState", event.connectionState);
    QNetworkReply *reply = m_network.post(request, body);
    qCDebug(lcServiceUpstream) << "POST" << WebPubSub::redactedUrl(url) << event.type;
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done), url] {
        reply->deleteLater();
        Response response;
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (reply->hasRawHeader("ce-connectionState"))
            response.connectionState = reply->rawHeader("ce-connectionState");
        if (!response.ok())
            qCWarning(lcServiceUpstream) << "event handler" << WebPubSub::redactedUrl(url) << "answered"
                                         << response.status << reply->errorString();
        if (done && guard)
            done(response);
    });
}

} // namespace Hubbub
