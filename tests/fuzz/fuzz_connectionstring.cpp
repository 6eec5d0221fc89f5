// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Fuzzes ConnectionString::parse (what users paste and what hubbub-service prints) and, for every
// string it accepts, the URLs minted from it: they must be ws(s) URLs of the same host, the
// string form must parse back to the same endpoint and key, and the key must never show in a
// redacted client access URL.
#include "accesstoken.h"
#include "connectionstring.h"
#include "fuzzcheck.h"

#include <QUrlQuery>

using namespace WebPubSub;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto cs = ConnectionString::parse(text, &error);
    if (!cs) {
        HUBBUB_FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    HUBBUB_FUZZ_CHECK(!cs->accessKey().isEmpty());
    HUBBUB_FUZZ_CHECK(cs->endpoint().isValid());
    const QString scheme = cs->endpoint().scheme();
    HUBBUB_FUZZ_CHECK(scheme == u"http" || scheme == u"https");

    const auto again = ConnectionString::parse(cs->toString());
    HUBBUB_FUZZ_CHECK(again.has_value());
    HUBBUB_FUZZ_CHECK(again->endpoint() == cs->endpoint());
    HUBBUB_FUZZ_CHECK(again->accessKey() == cs->accessKey());

    const QUrl client = cs->clientEndpoint(QStringLiteral("chat"));
    HUBBUB_FUZZ_CHECK(client.scheme() == u"ws" || client.scheme() == u"wss");
    HUBBUB_FUZZ_CHECK(client.host() == cs->endpoint().host());

    ClientTokenOptions options;
    options.userId = QStringLiteral("fuzz");
    options.roles = {QStringLiteral("webpubsub.joinLeaveGroup")};
    const QUrl access = cs->clientAccessUrl(QStringLiteral("chat"), options);
    const QString redacted = redactedUrl(access);
    HUBBUB_FUZZ_CHECK(redacted.contains(QLatin1StringView("access_token=REDACTED")));
    // The token itself never survives redaction.
    const QString token =
        QUrlQuery(access).queryItemValue(QStringLiteral("access_token"), QUrl::FullyEncoded);
    HUBBUB_FUZZ_CHECK(!token.isEmpty() && !redacted.contains(token));
    // The token it signed verifies with its key.
    HUBBUB_FUZZ_CHECK(AccessToken::verify(QUrlQuery(access).queryItemValue(QStringLiteral("access_token")),
                                          cs->accessKey().toUtf8())
                          .has_value());
    return 0;
}
