// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file operationqueue.h
//! \brief The operations a Client owes its caller an answer for: the outbox, sends and their
//! acks, retries under the same ackId, deadlines, invocations, and what becomes of operations in
//! flight when a link drops (resent after a recovery; in doubt when the connection is lost for good).
//!
//! It knows nothing of sockets or connection phases: its Host (the client) says whether an
//! operation may be written now and writes frames for it.
#pragma once

#include "ackidallocator.h"
#include "clientoptions.h"
#include "pendingoperation.h"
#include "retrypolicy.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QHash>
#include <QTimer>

#include <map>
#include <memory>

namespace WebPubSub {

class OperationQueue
{
public:
    class Host
    {
    public:
        virtual ~Host() = default;
        //! New operations are taken (false: they fail with Stopped at once).
        virtual bool accepting() const = 0;
        //! \a op may be written now.
        virtual bool canSend(const PendingOperation &op) const = 0;
        virtual bool write(const Frame &frame) = 0;
        //! Something changed that diagnostics show.
        virtual void operationsChanged() = 0;
        //! The service acked \a op as done (or Duplicate), just before it resolves.
        virtual void operationSucceeded(const PendingOperation &op) = 0;
        //! \a op is about to resolve with \a result.
        virtual void operationResolving(const PendingOperation &op, const OperationResult &result) = 0;
        //! A rejoin resolved: the client may be done rejoining.
        virtual void rejoinResolved() = 0;
    };

    OperationQueue(Host &host, const ClientOptions &options);
    ~OperationQueue();
    OperationQueue(const OperationQueue &) = delete;
    OperationQueue &operator=(const OperationQueue &) = delete;

    std::unique_ptr<PendingOperation> make(PendingOperation::Kind kind, std::optional<quint64> ackId,
                                           bool fireAndForget);
    //! Sends \a op now if the host allows, else keeps it in the outbox (or fails it).
    QFuture<OperationResult> submit(std::unique_ptr<PendingOperation> op);
    static QFuture<OperationResult> rejectNow(const Error &error, std::optional<quint64> ackId = std::nullopt,
                                              const QString &invocationId = {});

    QString nextInvocationId();
    bool hasInvocation(const QString &invocationId) const;
    bool cancelInvocation(const QString &invocationId);
    bool rejoinsPending() const;
    //! Operations written and waiting for an answer, and operations waiting for a connection.
    void count(int *inFlight, int *waiting) const;

    void handleAck(const Frame &frame);
    void handleInvokeResponse(const Frame &frame);
    //! Writes what waits in the outbox, in order, as far as the host allows.
    void flush();
    //! The link dropped (recovery may follow): operations in flight wait to be resent.
    void connectionDropped();
    //! The connection is lost for good: rejoins end, operations in doubt end as Indeterminate
    //! (unless resendInDoubt), and with no outbox everything ends as NotConnected.
    void connectionLost();
    void resolveAll(const Error &error, bool includeRejoins = true);

private:
    void send(PendingOperation &op);
    void resolve(quint64 serial, OperationResult result);
    void resolveInDoubt();
    void sweep();
    void armTimer(const QDeadlineTimer &due);
    PendingOperation *operation(quint64 serial);

    Host &m_host;
    const ClientOptions &m_options;
    const RetryPolicy m_retryPolicy;
    AckIdAllocator m_ackIds;
    quint64 m_nextInvocationId = 0;
    quint64 m_nextSerial = 0;
    std::map<quint64, std::unique_ptr<PendingOperation>> m_operations; // by serial: flush order
    QHash<quint64, quint64> m_serialByAckId;
    QHash<QString, quint64> m_serialByInvocationId;
    QTimer m_timer; //!< the earliest deadline, retry or outbox wait
    QDeadlineTimer m_timerDue{QDeadlineTimer::Forever};
};

} // namespace WebPubSub
