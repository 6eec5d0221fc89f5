// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "accesstoken.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

#include <jwt.h>

#include <cstdlib>
#include <memory>

namespace WebPubSub {

namespace {

struct JwtDeleter
{
    void operator()(jwt_t *jwt) const { jwt_free(jwt); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

struct MallocDeleter
{
    void operator()(char *p) const { std::free(p); }
};
using CString = std::unique_ptr<char, MallocDeleter>;

QJsonArray toArray(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

// A claim may be a string or an array of strings (a token with one role is sometimes written
// with a plain string).
QStringList toStringList(const QJsonValue &v)
{
    QStringList out;
    if (v.isString()) {
        out.append(v.toString());
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (const QJsonValue &item : a) {
            if (item.isString())
                out.append(item.toString());
        }
    }
    return out;
}

QDateTime fromEpoch(const QJsonValue &v)
{
    // A NumericDate beyond year 9999 (or not finite) is no date: converting it to qint64 would be
    // undefined behaviour, and an `exp` that far away means "never expires", which is refused.
    constexpr double latest = 253402300799.0; // 9999-12-31T23:59:59Z
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < -latest || v.toDouble() > latest)
        return {};
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(v.toDouble()), Qt::UTC);
}

TokenClaims claimsFromJson(const QJsonObject &all)
{
    TokenClaims c;
    c.all = all;
    const QJsonValue aud = all.value(QLatin1StringView("aud"));
    c.audience = aud.isArray() ? aud.toArray().first().toString() : aud.toString();
    if (all.value(QLatin1StringView("sub")).isString())
        c.subject = all.value(QLatin1StringView("sub")).toString();
    c.roles = toStringList(all.value(QLatin1StringView("role")));
    c.groups = toStringList(all.value(QLatin1StringView("webpubsub.group")));
    c.expiresAt = fromEpoch(all.value(QLatin1StringView("exp")));
    c.issuedAt = fromEpoch(all.value(QLatin1StringView("iat")));
    c.notBefore = fromEpoch(all.value(QLatin1StringView("nbf")));
    return c;
}

std::optional<QJsonObject> payloadOf(jwt_t *jwt)
{
    CString json(jwt_get_grants_json(jwt, nullptr));
    if (!json)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json.get()));
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

int defaultPort(const QString &scheme)
{
    const QString s = scheme.toLower();
    if (s == QLatin1StringView("https") || s == QLatin1StringView("wss"))
        return 443;
    return 80;
}

QString normalisedPath(QString path)
{
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path.toLower();
}

} // namespace

QString AccessToken::sign(const TokenClaims &claims, const QByteArray &accessKey)
{
    QJsonObject payload = claims.all;
    if (!claims.audience.isEmpty())
        payload.insert(QLatin1StringView("aud"), claims.audience);
    if (claims.subject)
        payload.insert(QLatin1StringView("sub"), *claims.subject);
    if (!claims.roles.isEmpty())
        payload.insert(QLatin1StringView("role"), toArray(claims.roles));
    if (!claims.groups.isEmpty())
        payload.insert(QLatin1StringView("webpubsub.group"), toArray(claims.groups));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    payload.insert(QLatin1StringView("iat"),
                   claims.issuedAt.isValid() ? claims.issuedAt.toSecsSinceEpoch() : now.toSecsSinceEpoch());
    if (claims.notBefore.isValid())
        payload.insert(QLatin1StringView("nbf"), claims.notBefore.toSecsSinceEpoch());
    payload.insert(QLatin1StringView("exp"), claims.expiresAt.isValid()
                                                 ? claims.expiresAt.toSecsSinceEpoch()
                                                 : now.addSecs(3600).toSecsSinceEpoch());

    jwt_t *raw = nullptr;
    if (jwt_new(&raw) != 0)
        return {};
    JwtPtr jwt(raw);
    const QByteArray json = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    if (jwt_add_grants_json(jwt.get(), json.constData()) != 0)
        return {};
    if (jwt_set_alg(jwt.get(), JWT_ALG_HS256, reinterpret_cast<const unsigned char *>(accessKey.constData()),
                    int(accessKey.size())) != 0)
        return {};
    CString token(jwt_encode_str(jwt.get()));
    return token ? QString::fromLatin1(token.get()) : QString();
}

std::optional<TokenClaims> AccessToken::verify(const QString &token, const QByteArray &accessKey,
                                               QString *error, const QDateTime &now,
                                               std::chrono::seconds skew)
{
    auto fail = [error](const QString &why) -> std::optional<TokenClaims> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (token.isEmpty())
        return fail(QStringLiteral("no token"));
    if (accessKey.isEmpty())
        return fail(QStringLiteral("no key to verify with"));
    // Refuse anything but HS256 before libjwt sees it: an `alg: none` or RSA token must never be
    // accepted just because it decodes.
    const QByteArray latin = token.toLatin1();
    const auto header = QByteArray::fromBase64Encoding(
        latin.left(latin.indexOf('.')), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                            QByteArray::AbortOnBase64DecodingErrors);
    if (!header || QJsonDocument::fromJson(*header).object().value(QLatin1StringView("alg")).toString() !=
                       QLatin1StringView("HS256"))
        return fail(QStringLiteral("not an HS256 token"));

    jwt_t *raw = nullptr;
    if (jwt_decode(&raw, latin.constData(), reinterpret_cast<const unsigned char *>(accessKey.constData()),
                   int(accessKey.size())) != 0 ||
        !raw)
        return fail(QStringLiteral("invalid signature or malformed token"));
    JwtPtr jwt(raw);
    if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256)
        return fail(QStringLiteral("not an HS256 token"));
    const auto payload = payloadOf(jwt.get());
    if (!payload)
        return fail(QStringLiteral("malformed claims"));
    // libjwt reads the claims as a C string: a signed body with a NUL inside would verify with
    // only its first part. The claims we act on are the whole segment, parsed strictly.
    const auto whole = decodeUnverified(token);
    if (!whole || whole->all != *payload)
        return fail(QStringLiteral("malformed claims"));
    TokenClaims claims = claimsFromJson(*payload);
    // Azure refuses a token without `exp` (§5.2, §6.1: every SDK sets it): one that never expires
    // would be a permanent credential for whoever reads it from a URL or a log.
    if (!claims.expiresAt.isValid())
        return fail(QStringLiteral("token has no expiry ('exp')"));
    if (claims.expiresAt.addSecs(skew.count()) < now)
        return fail(QStringLiteral("token expired"));
    if (claims.notBefore.isValid() && claims.notBefore.addSecs(-skew.count()) > now)
        return fail(QStringLiteral("token not yet valid"));
    return claims;
}

std::optional<TokenClaims> AccessToken::decodeUnverified(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return std::nullopt;
    const auto body = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                    QByteArray::AbortOnBase64DecodingErrors);
    if (!body)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(*body);
    if (!doc.isObject())
        return std::nullopt;
    return claimsFromJson(doc.object());
}

bool AccessToken::audienceMatches(const QString &audience, const QUrl &expected)
{
    const QUrl aud(audience);
    if (!aud.isValid() || aud.host().isEmpty() || !expected.isValid())
        return false;
    if (aud.host().compare(expected.host(), Qt::CaseInsensitive) != 0)
        return false;
    if (aud.port(defaultPort(aud.scheme())) != expected.port(defaultPort(expected.scheme())))
        return false;
    return normalisedPath(aud.path()) == normalisedPath(expected.path());
}

} // namespace WebPubSub
