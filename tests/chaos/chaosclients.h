// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What the chaos tests' clients share: the short timers that notice a blackholed link, and
//! the wait for every sender and receiver to be connected.
#pragma once

#include "client.h"

#include <algorithm>

namespace Chaos {

//! Short timers so that a blackhole is noticed (no frame for 3 s despite 1 s pings) and handled
//! well inside the service's 30 s recovery window.
inline WebPubSub::ClientOptions quickToNoticeOptions()
{
    using namespace std::chrono_literals;
    WebPubSub::ClientOptions options;
    options.keepAliveInterval = 1s;
    options.deadLinkTimeout = 3s;
    options.connectTimeout = 3s;
    options.recoveryRetryDelay = 500ms;
    options.reconnectRetry = {-1, 500ms, 2s, WebPubSub::RetryOptions::Mode::Exponential, 0.3};
    return options;
}

//! True when the client of every participant (anything with a `client` pointer) in \a groups is
//! connected.
template <typename... Groups>
bool allConnected(const Groups &...groups)
{
    const auto connected = [](const auto &participant) {
        return participant.client->state() == WebPubSub::Client::State::Connected;
    };
    return (std::all_of(groups.begin(), groups.end(), connected) && ...);
}

} // namespace Chaos
