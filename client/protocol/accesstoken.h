// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file accesstoken.h
//! \brief The HS256 JWTs of Web PubSub: client access tokens and REST bearer tokens.
//!
//! Signing and verification go through libjwt; this class only knows which claims Web PubSub puts
//! in a token (protocol.md §5.2, §6.1) and how the service compares audiences (scheme ignored,
//! host, port and path compared, query ignored).
#pragma once

#include "webpubsub_export.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>

namespace WebPubSub {

struct TokenClaims
{
    QString audience;               //!< `aud`
    std::optional<QString> subject; //!< `sub`: the userId
    QStringList roles;              //!< `role`
    QStringList groups;             //!< `webpubsub.group`: groups joined on connect
    QDateTime expiresAt;            //!< `exp`
    QDateTime issuedAt;             //!< `iat` (invalid when absent)
    QDateTime notBefore;            //!< `nbf` (invalid when absent)
    QJsonObject all;                //!< every claim as decoded (for the upstream `connect` event)
};

class WEBPUBSUB_EXPORT AccessToken
{
public:
    //! Signs \a claims with HS256, the key being the UTF-8 bytes of the access key.
    //! Empty optional fields are omitted.
    static QString sign(const TokenClaims &claims, const QByteArray &accessKey);

    //! Verifies signature, algorithm (HS256 only), `exp` (required, as Azure does) and `nbf` (with
    //! \a skew). The audience is
    //! the caller's to check (audienceMatches). Returns nullopt and sets \a error on failure.
    static std::optional<TokenClaims> verify(const QString &token, const QByteArray &accessKey,
                                             QString *error = nullptr,
                                             const QDateTime &now = QDateTime::currentDateTimeUtc(),
                                             std::chrono::seconds skew = std::chrono::minutes(5));

    //! Reads the claims without checking the signature, e.g. to show a token's expiry in diagnostics.
    static std::optional<TokenClaims> decodeUnverified(const QString &token);

    //! Whether \a audience names \a expected: scheme ignored (ws/wss/http/https), host
    //! case-insensitive, port (default per scheme) and path compared, trailing slash and query ignored.
    static bool audienceMatches(const QString &audience, const QUrl &expected);
};

} // namespace WebPubSub
