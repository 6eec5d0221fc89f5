// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file connectionstring.h
//! \brief `Endpoint=…;AccessKey=…;Version=1.0;[Port=…;]` and the client URLs minted from it.
//!
//! Parsing follows the official SDKs (keys case-insensitive, `https://` assumed without a scheme,
//! `Port` overriding the endpoint's port), so a connection string copied from the Azure portal or
//! from hubbub-service's ready line works unchanged.
#pragma once

#include "webpubsub_export.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>

namespace WebPubSub {

struct ClientTokenOptions
{
    std::optional<QString> userId;
    QStringList roles;
    QStringList groups;
    std::chrono::seconds lifetime = std::chrono::hours(1);
};

class WEBPUBSUB_EXPORT ConnectionString
{
public:
    //! nullopt and \a error ("missing AccessKey", …) when the string is malformed.
    static std::optional<ConnectionString> parse(const QString &text, QString *error = nullptr);

    QUrl endpoint() const { return m_endpoint; } //!< http(s)://host[:port], no trailing slash
    QString accessKey() const { return m_accessKey; }

    //! The client endpoint of \a hub: ws(s)://host[:port]/client/hubs/{hub} (no token).
    QUrl clientEndpoint(const QString &hub) const;
    //! A Client Access URL with a freshly signed token, as the server SDKs' getClientAccessUrl.
    QUrl clientAccessUrl(const QString &hub, const ClientTokenOptions &options = {}) const;
    //! The string form, `Endpoint=…;AccessKey=…;Version=1.0;`.
    QString toString() const;

private:
    QUrl m_endpoint;
    QString m_accessKey;
};

//! A URL safe to print: `access_token`, `awps_reconnection_token` and any other `*token*` query
//! value replaced by `REDACTED`, user info dropped.
WEBPUBSUB_EXPORT QString redactedUrl(const QUrl &url);

} // namespace WebPubSub
