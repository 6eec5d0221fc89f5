// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Fuzzes access-token verification two ways: the input as a whole token (what a client puts in
// `access_token` or a REST caller after `Bearer `), and the input as the header and claims of a
// token the harness signs with the right key, so the fuzzer also reaches the claim reading that
// only runs after the signature checks out.
//
// Input: a token; or, for the signed form, `<header JSON>\n<claims JSON>` (no newline: the
// claims, with an HS256 header).
#include "accesstoken.h"
#include "fuzzcheck.h"

#include <QMessageAuthenticationCode>

using namespace WebPubSub;

static const QByteArray Key = QByteArrayLiteral("fuzz-access-key-0123456789abcdef0123456789");
// A fixed clock, so that whether a token has expired does not depend on the day the fuzzer runs.
static const QDateTime Now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

static void check(const QString &token)
{
    QString error;
    const auto claims = AccessToken::verify(token, Key, &error, Now);
    const auto unverified = AccessToken::decodeUnverified(token);
    if (!claims) {
        HUBBUB_FUZZ_CHECK(!error.isEmpty());
        return;
    }
    // protocol.md §9.2: `exp` is required (a token without one would be valid forever).
    HUBBUB_FUZZ_CHECK(claims->expiresAt.isValid());
    // A token that verifies can also be read without the key, with the same claims.
    HUBBUB_FUZZ_CHECK(unverified.has_value());
    HUBBUB_FUZZ_CHECK(unverified->audience == claims->audience);
    HUBBUB_FUZZ_CHECK(unverified->subject == claims->subject);
    HUBBUB_FUZZ_CHECK(unverified->roles == claims->roles);
    (void)AccessToken::audienceMatches(claims->audience,
                                       QUrl(QStringLiteral("http://localhost:8080/client/hubs/chat")));
    (void)AccessToken::audienceMatches(claims->audience,
                                       QUrl(QStringLiteral("https://example.com/api/hubs/chat")));
    // The wrong key never verifies.
    HUBBUB_FUZZ_CHECK(!AccessToken::verify(token, Key + "x", nullptr, Now));
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    check(QString::fromUtf8(input));

    const qsizetype newline = input.indexOf('\n');
    const QByteArray header =
        newline < 0 ? QByteArrayLiteral("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") : input.left(newline);
    const QByteArray claims = newline < 0 ? input : input.mid(newline + 1);
    const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const QByteArray signingInput = header.toBase64(b64) + '.' + claims.toBase64(b64);
    const QByteArray signature =
        QMessageAuthenticationCode::hash(signingInput, Key, QCryptographicHash::Sha256).toBase64(b64);
    check(QString::fromLatin1(signingInput + '.' + signature));
    return 0;
}
