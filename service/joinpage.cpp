// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "joinpage.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkInterface>
#include <QUrlQuery>

namespace Hubbub {

namespace {

struct Page
{
    QByteArray html;
    QByteArray csp;
};

const Page &page()
{
    static const Page loaded = [] {
        Page p;
        QFile file(QStringLiteral(":/hubbub/service/join.html"));
        if (file.open(QIODevice::ReadOnly))
            p.html = file.readAll();
        // The one inline script is allowed by its hash, so an injected script (there is no way to
        // inject one, but defence in depth) would not run.
        const QByteArray open = QByteArrayLiteral("<script>");
        const qsizetype start = p.html.indexOf(open);
        const qsizetype end = p.html.indexOf(QByteArrayLiteral("</script>"), start);
        QByteArray scriptSource;
        if (start >= 0 && end > start)
            scriptSource = p.html.mid(start + open.size(), end - start - open.size());
        const QByteArray hash = QCryptographicHash::hash(scriptSource, QCryptographicHash::Sha256).toBase64();
        p.csp = QByteArrayLiteral("default-src 'none'; script-src 'sha256-") + hash +
                QByteArrayLiteral("'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; "
                                  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        return p;
    }();
    return loaded;
}

} // namespace

QByteArray JoinPage::html()
{
    return page().html;
}

QByteArray JoinPage::contentSecurityPolicy()
{
    return page().csp;
}

QHttpServerResponse JoinPage::response()
{
    QHttpServerResponse response(QByteArrayLiteral("text/html; charset=utf-8"), page().html);
    response.addHeader("Content-Security-Policy", page().csp);
    response.addHeader("Referrer-Policy", "no-referrer");
    response.addHeader("Cache-Control", "no-store");
    response.addHeader("X-Content-Type-Options", "nosniff");
    response.addHeader("X-Frame-Options", "DENY");
    return response;
}

QUrl JoinPage::guestUrl(const QUrl &endpoint, const QHostAddress &listen, const QString &invite)
{
    QUrl url = endpoint;
    if (listen == QHostAddress::Any || listen == QHostAddress::AnyIPv4 || listen == QHostAddress::AnyIPv6) {
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback() &&
                !address.isLinkLocal()) {
                url.setHost(address.toString());
                break;
            }
        }
    }
    url.setPath(QStringLiteral("/join"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("invite"), QString::fromLatin1(QUrl::toPercentEncoding(invite)));
    url.setQuery(query);
    return url;
}

} // namespace Hubbub
