// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Fuzzes redactedUrl (client/protocol/connectionstring), which every log line that names a URL
// goes through: whatever the URL, the redacted form must drop user info and must show no value of
// a query item whose key marks a secret (`*token*`, `*key*`, `sig`, `code`).
#include "connectionstring.h"
#include "fuzzcheck.h"

#include <QUrlQuery>

using namespace WebPubSub;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

static bool secretKey(const QString &key)
{
    return key.contains(QLatin1StringView("token"), Qt::CaseInsensitive) ||
           key.contains(QLatin1StringView("key"), Qt::CaseInsensitive) ||
           key.compare(QLatin1StringView("sig"), Qt::CaseInsensitive) == 0 ||
           key.compare(QLatin1StringView("code"), Qt::CaseInsensitive) == 0;
}

static void check(const QUrl &url)
{
    const QString redacted = redactedUrl(url);
    if (!url.isValid())
        return;
    const QUrl back(redacted);
    HUBBUB_FUZZ_CHECK(back.userInfo().isEmpty());
    // Read back the way a log reader (or a service) would: every secret item says REDACTED.
    const auto items = QUrlQuery(back).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (secretKey(key))
            HUBBUB_FUZZ_CHECK(value == u"REDACTED");
    }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    check(QUrl(text, QUrl::TolerantMode));
    check(QUrl(text, QUrl::StrictMode));
    check(QUrl::fromUserInput(text));
    return 0;
}
