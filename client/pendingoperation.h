// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief One operation a Client owes its caller an answer for: the frame to (re)send, where it
//! stands, its deadlines, and the promise behind the QFuture the caller holds.
#pragma once

#include "frame.h"
#include "operationresult.h"

#include <QDeadlineTimer>
#include <QPromise>

namespace WebPubSub {

struct PendingOperation
{
    enum class Kind { JoinGroup, LeaveGroup, SendToGroup, Event, Invoke };
    enum class Status {
        Waiting,   //!< in the outbox: issued while not connected, or in flight when the link dropped
        Sent,      //!< written; waiting for its ack / invokeResponse
        RetryWait, //!< a retryable error came back; resent (same ackId) at retryAt
    };

    quint64 serial = 0; //!< creation order: the outbox is flushed in this order
    Kind kind = Kind::SendToGroup;
    Frame frame;
    std::optional<quint64> ackId;
    QString invocationId;
    QString group;
    bool fireAndForget = false;
    bool rejoin = false; //!< an automatic rejoin after a new connection (single attempt, no outbox)
    //! Written on a connection that dropped before its ack came: it may have taken effect.
    bool inDoubt = false;
    int retries = 0;
    int sends = 0;
    Status status = Status::Waiting;
    QDeadlineTimer deadline{QDeadlineTimer::Forever};     //!< operationTimeout / invoke timeout
    QDeadlineTimer waitDeadline{QDeadlineTimer::Forever}; //!< outboxTimeout while Waiting
    QDeadlineTimer retryAt{QDeadlineTimer::Forever};
    QPromise<OperationResult> promise;
};

} // namespace WebPubSub
