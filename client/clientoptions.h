// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file clientoptions.h
//! \brief Everything about a Client's behaviour that a caller may tune.
#pragma once

#include "retrypolicy.h"

#include <QList>
#include <QSslCertificate>
#include <QString>

#include <chrono>
#include <functional>

namespace WebPubSub {

struct ClientOptions
{
    enum class Protocol { JsonReliable, Json };
    Protocol protocol = Protocol::JsonReliable;

    bool autoReconnect = true;    //!< open a new connection when one is lost and cannot be recovered
    bool autoRejoinGroups = true; //!< rejoin the groups this client joined, on every new connection

    //! Retries of join/leave/send/event (not invoke). Same ackId on every attempt.
    RetryOptions messageRetry{3, std::chrono::milliseconds(1000), std::chrono::milliseconds(30000),
                              RetryOptions::Mode::Fixed, 0.0};
    //! Delays between new-connection attempts: unlimited, exponential with jitter, capped at 5 s
    //! so that a network that comes back is used within seconds.
    RetryOptions reconnectRetry{-1, std::chrono::milliseconds(1000), std::chrono::milliseconds(5000),
                                RetryOptions::Mode::Exponential, 0.3};

    //! How long recovery of a dropped reliable connection is tried before a new connection is made.
    std::chrono::milliseconds recoveryTimeout{30000};
    //! Delay between recovery attempts (the first attempt is immediate).
    std::chrono::milliseconds recoveryRetryDelay{500};
    //! How long one WebSocket handshake may take before the attempt counts as failed.
    std::chrono::milliseconds connectTimeout{10000};

    //! `ping` when nothing was *received* for this long (what is written does not count: a link
    //! that only writes must still learn whether anything comes back); 0 disables. At most half
    //! of deadLinkTimeout is used, so that a pong always has time to come back.
    std::chrono::milliseconds keepAliveInterval{3000};
    //! A link that delivered no frame for this long is dead and recovered; 0 disables. With the
    //! pings above, a live but idle link always delivers a pong well within it.
    std::chrono::milliseconds deadLinkTimeout{8000};

    //! sequenceAck batching: at most this often, and at once after sequenceAckBurst new ids.
    std::chrono::milliseconds sequenceAckInterval{1000};
    int sequenceAckBurst = 300;

    //! How long an operation issued while not connected waits in the outbox before failing with
    //! NotConnected; 0 = fail at once. Also bounds how long an operation that was in flight when
    //! the link dropped waits to be resent (with 0 it waits through a recovery, not a reconnect).
    std::chrono::milliseconds outboxTimeout{60000};
    //! How long an acked operation (all retries included) may take before it fails with Timeout;
    //! 0 = no limit.
    std::chrono::milliseconds operationTimeout{0};

    //! When a new connection replaces a lost one, an acked send/event whose ack never came is in
    //! doubt: it may or may not have taken effect. false (default): it fails with `Indeterminate`
    //! (carrying its ackId). true: it is resent on the new connection (at-least-once), for callers
    //! that deduplicate (e.g. by message id). Within one connection (recovery) nothing is in doubt.
    bool resendInDoubt = false;
    //! CA certificates trusted for `wss://` in addition to the system's (a private CA). A
    //! certificate that does not verify is never ignored: the attempt fails with CertificateError.
    QList<QSslCertificate> caCertificates;

    //! For tests: the wall clock (ms since the epoch) that the liveness check compares with the
    //! monotonic clock to notice a resume from sleep. Empty: the system clock.
    std::function<qint64()> wallClock;
};

} // namespace WebPubSub
