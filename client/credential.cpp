// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "credential.h"

#include "logging_p.h"
#include "tlsconfiguration.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QPromise>

namespace WebPubSub {

namespace {

QFuture<UrlResult> readyResult(UrlResult result)
{
    QPromise<UrlResult> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

} // namespace

Credential Credential::fromUrl(const QUrl &url)
{
    Credential c;
    c.m_provider = [url] { return readyResult(UrlResult{url, {}}); };
    return c;
}

Credential Credential::fromProvider(Provider provider)
{
    Credential c;
    c.m_provider = std::move(provider);
    return c;
}

Credential Credential::fromNegotiateUrl(const QUrl &negotiateUrl, QNetworkAccessManager *nam)
{
    return fromNegotiateUrl(negotiateUrl, {}, nam);
}

Credential Credential::fromNegotiateUrl(const QUrl &negotiateUrl,
                                        const QList<QSslCertificate> &caCertificates,
                                        QNetworkAccessManager *nam)
{
    // The internal manager is created lazily on first use, so it lives in the thread that asks
    // (QNetworkAccessManager is not thread-safe) and is shared by every copy of this credential.
    struct State
    {
        QPointer<QNetworkAccessManager> external;
        std::unique_ptr<QNetworkAccessManager> own;
        bool hadExternal = false;
    };
    auto state = std::make_shared<State>();
    state->external = nam;
    state->hadExternal = nam != nullptr;

    Credential c;
    c.m_provider = [negotiateUrl, caCertificates, state]() -> QFuture<UrlResult> {
        QNetworkAccessManager *manager = state->external.data();
        if (!manager) {
            if (state->hadExternal)
                return readyResult(
                    {{},
                     Error::fromCode(Error::Code::NotConnected, QStringLiteral("network manager is gone"))});
            if (!state->own)
                state->own = std::make_unique<QNetworkAccessManager>();
            manager = state->own.get();
        }
        auto promise = std::make_shared<QPromise<UrlResult>>();
        promise->start();
        QNetworkRequest request(negotiateUrl);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setTransferTimeout(30000);
        if (negotiateUrl.scheme() == u"https")
            request.setSslConfiguration(TlsConfiguration::withCaCertificates(caCertificates));
        QNetworkReply *reply = manager->get(request);
        // Never ignored: the reply fails; remember why, for a clear CertificateError.
        auto tlsError = std::make_shared<QString>();
        QObject::connect(reply, &QNetworkReply::sslErrors, reply, [tlsError](const QList<QSslError> &errors) {
            *tlsError = TlsConfiguration::describe(errors);
        });
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, promise, negotiateUrl, tlsError] {
            reply->deleteLater();
            UrlResult result;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (!tlsError->isEmpty() && reply->error() != QNetworkReply::NoError) {
                result.error = Error::fromCode(Error::Code::CertificateError,
                                               QStringLiteral("negotiate refused: %1").arg(*tlsError));
            } else if (reply->error() != QNetworkReply::NoError) {
                result.error = Error(
                    status >= 400 && status < 500 && status != 408 ? QStringLiteral("BadRequest")
                                                                   : QStringLiteral("NotConnected"),
                    QStringLiteral("negotiate failed (HTTP %1): %2").arg(status).arg(reply->errorString()));
            } else {
                QJsonParseError parseError;
                const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &parseError);
                const QUrl url(doc.object().value(u"url").toString());
                if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !url.isValid() ||
                    url.isRelative())
                    result.error = Error(QStringLiteral("BadRequest"),
                                         QStringLiteral("negotiate answer has no valid \"url\""));
                else
                    result.url = url;
            }
            if (result.error.isError())
                qCWarning(lcClient).noquote()
                    << "negotiate" << redactedUrl(negotiateUrl) << "failed:" << result.error.message();
            promise->addResult(std::move(result));
            promise->finish();
        });
        return promise->future();
    };
    return c;
}

Credential Credential::fromConnectionString(const ConnectionString &connectionString, const QString &hub,
                                            const ClientTokenOptions &options)
{
    Credential c;
    c.m_provider = [connectionString, hub, options] {
        return readyResult(UrlResult{connectionString.clientAccessUrl(hub, options), {}});
    };
    return c;
}

QFuture<UrlResult> Credential::clientAccessUrl() const
{
    if (!m_provider)
        return readyResult(
            {{}, Error::fromCode(Error::Code::InvalidArgument, QStringLiteral("no credential"))});
    return m_provider();
}

} // namespace WebPubSub
