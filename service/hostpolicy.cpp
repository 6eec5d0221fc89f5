// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "hostpolicy.h"

#include <QHostAddress>

namespace Hubbub {

namespace {
//! host (lower-case, no brackets) and port (-1 if none) of `host[:port]`; empty host if invalid.
QUrl authority(const QByteArray &hostHeader)
{
    const QUrl url(QStringLiteral("http://") + QString::fromLatin1(hostHeader.trimmed()), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.path().isEmpty() || !url.userInfo().isEmpty() ||
        url.hasQuery() || url.hasFragment())
        return {};
    return url;
}

bool isLoopbackName(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return address == QHostAddress(QHostAddress::LocalHost) ||
           address == QHostAddress(QHostAddress::LocalHostIPv6);
}

int portOr(const QUrl &url, int fallback)
{
    return url.port() >= 0 ? url.port() : fallback;
}
} // namespace

bool HostPolicy::isLoopbackHost(const QByteArray &hostHeader)
{
    const QUrl url = authority(hostHeader);
    return !url.host().isEmpty() && isLoopbackName(url.host());
}

QString HostPolicy::refusal(const QByteArray &hostHeader, const QByteArray &originHeader, bool loopbackOnly,
                            const QUrl &endpoint)
{
    const QUrl host = authority(hostHeader);
    if (loopbackOnly) {
        if (hostHeader.isEmpty())
            return QStringLiteral("A Host header is required.");
        if (host.host().isEmpty() || !isLoopbackName(host.host()))
            return QStringLiteral("This service listens on this computer only and answers requests addressed "
                                  "to 127.0.0.1, localhost or [::1], not to '%1'.")
                .arg(QString::fromLatin1(hostHeader.left(100)));
    }
    if (originHeader.isEmpty())
        return {};
    const QUrl origin(QString::fromLatin1(originHeader.trimmed()), QUrl::StrictMode);
    const QString scheme = origin.scheme().toLower();
    if (!origin.isValid() || origin.host().isEmpty() || (scheme != u"http" && scheme != u"https"))
        return QStringLiteral("Requests from web pages of other origins are refused (Origin '%1').")
            .arg(QString::fromLatin1(originHeader.left(100)));
    const int defaultPort = scheme == u"https" ? 443 : 80;
    const int originPort = portOr(origin, defaultPort);
    const QString originHost = origin.host().toLower();
    // The page came from the address this request was sent to (same origin)...
    if (!host.host().isEmpty() && host.host().toLower() == originHost &&
        portOr(host, defaultPort) == originPort)
        return {};
    // ... or from the service's own endpoint, under any of its loopback names when it is local.
    if (endpoint.port() == originPort && (endpoint.host().toLower() == originHost ||
                                          (isLoopbackName(endpoint.host()) && isLoopbackName(originHost))))
        return {};
    return QStringLiteral("Requests from web pages of other origins are refused (Origin '%1').")
        .arg(QString::fromLatin1(originHeader.left(100)));
}

} // namespace Hubbub
