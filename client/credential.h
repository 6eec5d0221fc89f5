// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file credential.h
//! \brief Where a Client gets its Client Access URL before every new connection.
//!
//! Three sources, as the official SDKs allow: a fixed URL, an asynchronous provider (a ready-made
//! one asks a negotiate endpoint), or — for development — a connection string from which a token is
//! minted locally. Recovery never asks the credential: it reuses the last URL.
#pragma once

#include "connectionstring.h"
#include "error.h"
#include "webpubsub_export.h"

#include <QFuture>
#include <QList>
#include <QSslCertificate>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace WebPubSub {

struct UrlResult
{
    QUrl url;
    Error error; //!< set when no URL could be had
};

class WEBPUBSUB_EXPORT Credential
{
public:
    using Provider = std::function<QFuture<UrlResult>()>;

    //! A fixed Client Access URL (ws:// or wss://…/client/hubs/{hub}?access_token=…).
    static Credential fromUrl(const QUrl &url);
    //! Asks \a provider for a fresh URL before each new connection.
    static Credential fromProvider(Provider provider);
    //! GETs \a negotiateUrl, which answers `{"url": "<client access url>"}`. \a nam may be null
    //! (an internal one is used).
    static Credential fromNegotiateUrl(const QUrl &negotiateUrl, QNetworkAccessManager *nam = nullptr);
    //! As above, trusting \a caCertificates (a private CA) as well as the system's for `https://`;
    //! a certificate that does not verify fails the request with a CertificateError.
    static Credential fromNegotiateUrl(const QUrl &negotiateUrl, const QList<QSslCertificate> &caCertificates,
                                       QNetworkAccessManager *nam = nullptr);
    //! Mints a token for \a hub from \a connectionString on every new connection.
    static Credential fromConnectionString(const ConnectionString &connectionString, const QString &hub,
                                           const ClientTokenOptions &options = {});

    //! Starts fetching a URL. Must be called from the thread the client lives in.
    QFuture<UrlResult> clientAccessUrl() const;
    bool isValid() const { return static_cast<bool>(m_provider); }

private:
    Provider m_provider;
};

} // namespace WebPubSub
