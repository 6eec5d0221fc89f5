// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The guest page of `--join-page` (service.md, `GET /join`): the response that serves it,
//! and the URL a guest opens.
//!
//! The page (service/joinpage/join.html, compiled in as a resource) is static: the invite, hub and
//! room stay in the URL and the page reads them itself, so nothing a request carries is ever
//! written into the markup. Its headers lock it down: a Content-Security-Policy that allows only its
//! own inline script (by hash) and its own origin for fetch and WebSocket, no referrer (the URL
//! holds the invite), no caching, no framing.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServerResponse>
#include <QString>
#include <QUrl>

namespace Hubbub {

class JoinPage
{
public:
    //! The page with its headers (200).
    static QHttpServerResponse response();
    //! The page's bytes (for tests: size, no external resources).
    static QByteArray html();
    //! The Content-Security-Policy sent with it.
    static QByteArray contentSecurityPolicy();

    //! `<scheme>://<address>:<port>/join?invite=…`, on the first non-loopback IPv4 address of this
    //! machine when \a listen is "any", else on \a endpoint's host (service.md, ready line).
    static QUrl guestUrl(const QUrl &endpoint, const QHostAddress &listen, const QString &invite);
};

} // namespace Hubbub
