// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Fuzzes the OData filter of the REST API (service/filterparser): parse any text a REST caller
// sends, and evaluate every accepted filter against a few connections (the evaluation runs once
// per connection at send time, so it must not crash or hang either).
#include "fuzzcheck.h"

#include <filterparser.h>

using namespace Hubbub;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A query parameter is at most a few KB in practice; longer inputs only slow the fuzzer down.
    if (size > 4096)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto filter = FilterParser::parse(text, &error);
    if (!filter) {
        HUBBUB_FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    static const FilterContext contexts[] = {
        {QStringLiteral("alice"),
         QStringLiteral("c1"),
         {QStringLiteral("g1"), QStringLiteral("g2")},
         QStringLiteral("json.reliable.webpubsub.azure.v1")},
        {std::nullopt, QStringLiteral("c2"), {}, QString()},
        {QString(), QString(), {QString()}, QStringLiteral("json.webpubsub.azure.v1")},
    };
    for (const FilterContext &context : contexts) {
        // Evaluation is pure: the same filter on the same connection gives the same answer.
        const bool first = filter->matches(context);
        HUBBUB_FUZZ_CHECK(filter->matches(context) == first);
    }
    return 0;
}
