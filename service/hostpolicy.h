// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The `Host` and `Origin` checks of `/negotiate` and the WebSocket upgrade.
//!
//! A web page can reach a loopback service by DNS rebinding (its own name resolving to 127.0.0.1):
//! the browser then sends that name in `Host`. So a service that listens on loopback only answers
//! requests whose `Host` names a loopback host (`127.0.0.1`, `localhost`, `[::1]`, any port, so
//! local proxies and port-forwards keep working). And a browser always says where a page came from
//! in `Origin`: only the service's own origin (the address the request was sent to, or the
//! service's endpoint) is accepted, in every mode. Tools that send no `Origin` are not browsers.
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace Hubbub {

class HostPolicy
{
public:
    //! Whether \a hostHeader (`host[:port]`) names 127.0.0.1, localhost or [::1].
    static bool isLoopbackHost(const QByteArray &hostHeader);
    //! Why a request with these headers is refused (403), or an empty string when it is accepted.
    //! \a loopbackOnly: the service listens on a loopback address. \a endpoint: the service's own
    //! `http://host:port`.
    static QString refusal(const QByteArray &hostHeader, const QByteArray &originHeader, bool loopbackOnly,
                           const QUrl &endpoint);
};

} // namespace Hubbub
