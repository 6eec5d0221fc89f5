// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Starting several WebPubSub::Clients at once in a test and waiting until all are
//! connected (header only: a test that uses it links WebPubSub::Client itself).
#pragma once

#include "client.h"

#include <QTest>

#include <algorithm>
#include <initializer_list>

namespace HubbubTest {

//! Starts every client in \a clients, then waits until each is Connected; false when one is not
//! within \a timeoutMs.
inline bool startConnected(std::initializer_list<WebPubSub::Client *> clients, int timeoutMs = 15000)
{
    for (WebPubSub::Client *client : clients)
        client->start();
    return QTest::qWaitFor(
        [clients] {
            return std::all_of(clients.begin(), clients.end(), [](const WebPubSub::Client *client) {
                return client->state() == WebPubSub::Client::State::Connected;
            });
        },
        timeoutMs);
}

} // namespace HubbubTest
