// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "connectionstring.h"

#include "accesstoken.h"
#include "protocolnames.h"

#include <QDateTime>
#include <QHash>
#include <QUrlQuery>

namespace WebPubSub {

std::optional<ConnectionString> ConnectionString::parse(const QString &text, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<ConnectionString> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QHash<QString, QString> values;
    const QStringList parts = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &rawPart : parts) {
        const QString part = rawPart.trimmed();
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(QStringLiteral("malformed connection string: '%1' is not Key=Value")
                            .arg(part.section(QLatin1Char('='), 0, 0)));
        const QString key = part.left(eq).trimmed().toLower();
        if (values.contains(key))
            return fail(QStringLiteral("malformed connection string: duplicate key '%1'").arg(part.left(eq)));
        values.insert(key, part.mid(eq + 1).trimmed());
    }
    QString endpoint = values.value(QStringLiteral("endpoint"));
    if (endpoint.isEmpty())
        return fail(QStringLiteral("malformed connection string: missing Endpoint"));
    ConnectionString cs;
    cs.m_accessKey = values.value(QStringLiteral("accesskey"));
    if (cs.m_accessKey.isEmpty())
        return fail(QStringLiteral("malformed connection string: missing AccessKey"));
    if (!endpoint.startsWith(QLatin1StringView("http"), Qt::CaseInsensitive))
        endpoint.prepend(QLatin1StringView("https://"));
    while (endpoint.endsWith(QLatin1Char('/')))
        endpoint.chop(1);
    QUrl url(endpoint, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https")))
        return fail(
            QStringLiteral("malformed connection string: Endpoint '%1' is not an http(s) URL").arg(endpoint));
    if (values.contains(QStringLiteral("port"))) {
        bool ok = false;
        const int port = values.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return fail(QStringLiteral("malformed connection string: Port must be 1..65535"));
        url.setPort(port);
    }
    cs.m_endpoint = url;
    return cs;
}

QUrl ConnectionString::clientEndpoint(const QString &hub) const
{
    QUrl url = m_endpoint;
    url.setScheme(m_endpoint.scheme().toLower() == QLatin1StringView("https") ? QStringLiteral("wss")
                                                                              : QStringLiteral("ws"));
    url.setPath(QStringLiteral("%1/client/hubs/%2").arg(m_endpoint.path(), hub));
    return url;
}

QUrl ConnectionString::clientAccessUrl(const QString &hub, const ClientTokenOptions &options) const
{
    TokenClaims claims;
    QUrl aud = m_endpoint;
    aud.setPath(QStringLiteral("%1/client/hubs/%2").arg(m_endpoint.path(), hub));
    claims.audience = aud.toString();
    claims.subject = options.userId;
    claims.roles = options.roles;
    claims.groups = options.groups;
    claims.expiresAt = QDateTime::currentDateTimeUtc().addSecs(options.lifetime.count());
    QUrl url = clientEndpoint(hub);
    QUrlQuery query;
    query.addQueryItem(ProtocolNames::AccessTokenKey, AccessToken::sign(claims, m_accessKey.toUtf8()));
    url.setQuery(query);
    return url;
}

QString ConnectionString::toString() const
{
    return QStringLiteral("Endpoint=%1;AccessKey=%2;Version=1.0;").arg(m_endpoint.toString(), m_accessKey);
}

QString redactedUrl(const QUrl &url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo);
    QUrlQuery query(copy);
    const auto items = query.queryItems(QUrl::FullyEncoded);
    QUrlQuery redacted;
    for (const auto &[key, value] : items) {
        const bool secret = key.contains(QLatin1StringView("token"), Qt::CaseInsensitive) ||
                            key.compare(QLatin1StringView("sig"), Qt::CaseInsensitive) == 0 ||
                            key.contains(QLatin1StringView("key"), Qt::CaseInsensitive) ||
                            key.compare(QLatin1StringView("code"), Qt::CaseInsensitive) == 0;
        redacted.addQueryItem(key, secret ? QStringLiteral("REDACTED") : value);
    }
    copy.setQuery(redacted);
    return copy.toString(QUrl::FullyEncoded);
}

} // namespace WebPubSub
