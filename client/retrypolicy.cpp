// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace WebPubSub {

RetryPolicy::RetryPolicy(RetryOptions options)
    : m_options(options)
{}

std::optional<std::chrono::milliseconds> RetryPolicy::nextDelay(int attempt) const
{
    using std::chrono::milliseconds;
    if (attempt < 1)
        attempt = 1;
    if (m_options.maxRetries >= 0 && attempt > m_options.maxRetries)
        return std::nullopt;

    const qint64 base = std::max<qint64>(0, m_options.delay.count());
    const qint64 cap = std::max<qint64>(base, m_options.maxDelay.count());
    qint64 ms = base;
    if (m_options.mode == RetryOptions::Mode::Exponential && base > 0) {
        // The JS SDK's formula: double from `delay` until the attempt that would reach `maxDelay`.
        const int toMax = static_cast<int>(std::ceil(std::log2(double(cap)) - std::log2(double(base)) + 1));
        if (attempt >= toMax || attempt > 62)
            ms = cap;
        else
            ms = std::min<qint64>(cap, (qint64(1) << (attempt - 1)) * base);
    }
    const double jitter = std::clamp(m_options.jitter, 0.0, 1.0);
    if (jitter > 0.0 && ms > 0) {
        // Spread clients that lost the same service apart, so they do not all come back at once.
        const double factor = 1.0 - jitter + 2.0 * jitter * QRandomGenerator::global()->generateDouble();
        ms = std::max<qint64>(0, std::llround(double(ms) * factor));
    }
    return milliseconds(ms);
}

} // namespace WebPubSub
