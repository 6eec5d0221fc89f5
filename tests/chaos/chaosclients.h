// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What the chaos tests' clients share: the short timers that notice a blackholed link, and
//! the wait for every sender and receiver to be connected.
#pragma once

#include "client.h"

#include <algorithm>

namespace Chaos {

//! The hub of every chaos run (each run has a service of its own).
inline const QString kHub = QStringLiteral("chaos");

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
template<typename... Groups> bool allConnected(const Groups &...groups)
{
    const auto connected = [](const auto &participant) {
        return participant.client->state() == WebPubSub::Client::State::Connected;
    };
    return (std::all_of(groups.begin(), groups.end(), connected) && ...);
}

//! Counts \a participant's recoveries and new connections for as long as \a context lives.
template<typename Participant> void countReconnects(Participant &participant, const QObject *context)
{
    QObject::connect(participant.client.get(), &WebPubSub::Client::recovered, context,
                     [&participant] { ++participant.recoveries; });
    QObject::connect(participant.client.get(), &WebPubSub::Client::connected, context,
                     [&participant] { ++participant.newConnections; });
}

//! Stops the client of every participant in \a groups, so that every pending operation resolves
//! (Stopped) while the state it refers to is still alive.
template<typename... Groups> void stopAll(Groups &...groups)
{
    const auto stop = [](auto &participant) { participant.client->stop(); };
    (std::for_each(groups.begin(), groups.end(), stop), ...);
}

} // namespace Chaos
