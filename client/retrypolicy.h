// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file retrypolicy.h
//! \brief How long to wait before the n-th retry of an operation or reconnect.
#pragma once

#include "webpubsub_export.h"

#include <chrono>
#include <limits>
#include <optional>

namespace WebPubSub {

struct RetryOptions
{
    enum class Mode { Fixed, Exponential };
    int maxRetries = 3;                        //!< retries after the first attempt; negative = unlimited
    std::chrono::milliseconds delay{1000};     //!< first delay (and every delay in Fixed mode)
    std::chrono::milliseconds maxDelay{30000}; //!< cap in Exponential mode
    Mode mode = Mode::Fixed;
    double jitter = 0.0; //!< 0..1: each delay is scaled by a random factor in [1-jitter, 1+jitter]
};

class WEBPUBSUB_EXPORT RetryPolicy
{
public:
    explicit RetryPolicy(RetryOptions options = {});
    //! The delay before retry number \a attempt (1-based); nullopt when retries are exhausted.
    std::optional<std::chrono::milliseconds> nextDelay(int attempt) const;
    const RetryOptions &options() const { return m_options; }

private:
    RetryOptions m_options;
};

} // namespace WebPubSub
