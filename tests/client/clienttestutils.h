// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Shared bits of the client tests: short-interval options and waiting for a QFuture.
#pragma once

#include "clientoptions.h"
#include "operationresult.h"

#include <QFuture>
#include <QTest>

using namespace std::chrono_literals;

namespace ClientTest {

//! Short intervals so tests are quick, generous timeouts so a loaded CI machine does not flake.
inline WebPubSub::ClientOptions fastOptions()
{
    WebPubSub::ClientOptions o;
    o.messageRetry = {3, 50ms, 200ms, WebPubSub::RetryOptions::Mode::Fixed, 0.0};
    o.reconnectRetry = {-1, 50ms, 400ms, WebPubSub::RetryOptions::Mode::Exponential, 0.3};
    o.recoveryTimeout = 8000ms;
    o.recoveryRetryDelay = 50ms;
    o.connectTimeout = 5000ms;
    o.keepAliveInterval = 0ms;
    o.deadLinkTimeout = 0ms;
    o.sequenceAckInterval = 100ms;
    o.outboxTimeout = 20000ms;
    return o;
}

//! Spins the event loop until \a future is finished (or 10 s pass).
inline bool waitFor(const QFuture<WebPubSub::OperationResult> &future, int timeoutMs = 10000)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs);
}

} // namespace ClientTest
