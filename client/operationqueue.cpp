// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "operationqueue.h"

#include "logging_p.h"

#include <QPromise>

#include <algorithm>
#include <limits>

using namespace std::chrono_literals;

namespace WebPubSub {

namespace {

bool isRetryable(const Error &error)
{
    switch (error.code()) {
    case Error::Code::Forbidden:
    case Error::Code::BadRequest:
    case Error::Code::InvalidArgument:
    case Error::Code::Duplicate:
    case Error::Code::Stopped:
    case Error::Code::Cancelled:
        return false;
    default:
        return true;
    }
}

//! Ends \a op, which never entered the queue, with \a error.
void finishUnqueued(PendingOperation &op, const Error &error)
{
    OperationResult r;
    r.ackId = op.ackId;
    r.invocationId = op.invocationId;
    r.error = error;
    op.promise.addResult(r);
    op.promise.finish();
}

} // namespace

OperationQueue::OperationQueue(Host &host, const ClientOptions &options)
    : m_host(host)
    , m_options(options)
    , m_retryPolicy(options.messageRetry)
{
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
        m_timerDue = QDeadlineTimer(QDeadlineTimer::Forever);
        sweep();
    });
}

OperationQueue::~OperationQueue()
{
    // Never leave a caller's future pending: the operations end with Stopped.
    for (auto &[serial, op] : m_operations)
        finishUnqueued(*op,
                       Error::fromCode(Error::Code::Stopped, QStringLiteral("the client was destroyed")));
}

QString OperationQueue::nextInvocationId()
{
    QString id;
    do {
        id = QString::number(++m_nextInvocationId);
    } while (m_serialByInvocationId.contains(id));
    return id;
}

bool OperationQueue::hasInvocation(const QString &invocationId) const
{
    return m_serialByInvocationId.contains(invocationId);
}

bool OperationQueue::cancelInvocation(const QString &invocationId)
{
    const auto it = m_serialByInvocationId.constFind(invocationId);
    if (it == m_serialByInvocationId.constEnd())
        return false;
    const quint64 serial = *it;
    PendingOperation *op = operation(serial);
    if (op && op->status == PendingOperation::Status::Sent)
        m_host.write(Frame::cancelInvocation(invocationId));
    OperationResult r;
    r.error = Error::fromCode(Error::Code::Cancelled, QStringLiteral("cancelled by the caller"));
    resolve(serial, r);
    return true;
}

bool OperationQueue::rejoinsPending() const
{
    return std::any_of(m_operations.begin(), m_operations.end(),
                       [](const auto &entry) { return entry.second->rejoin; });
}

void OperationQueue::count(int *inFlight, int *waiting) const
{
    *inFlight = 0;
    *waiting = 0;
    for (const auto &[serial, op] : m_operations) {
        // A retry waiting for its delay is still in flight; only what waits for a connection is outbox.
        if (op->status == PendingOperation::Status::Waiting)
            ++*waiting;
        else
            ++*inFlight;
    }
}

void OperationQueue::connectionLost()
{
    // The rejoins of the lost connection are moot: a new connection rejoins again.
    std::vector<quint64> rejoins;
    for (auto &[serial, op] : m_operations) {
        if (op->rejoin)
            rejoins.push_back(serial);
    }
    for (quint64 serial : rejoins) {
        OperationResult r;
        r.error =
            Error::fromCode(Error::Code::NotConnected, QStringLiteral("connection lost while rejoining"));
        resolve(serial, r);
    }
    resolveInDoubt();
    if (m_options.outboxTimeout <= 0ms)
        resolveAll(Error::fromCode(Error::Code::NotConnected, QStringLiteral("the connection was lost")));
}

void OperationQueue::handleAck(const Frame &frame)
{
    if (!frame.ackId)
        return;
    const auto it = m_serialByAckId.constFind(*frame.ackId);
    if (it == m_serialByAckId.constEnd()) {
        qCDebug(lcProtocol) << "ack for unknown ackId" << *frame.ackId;
        return;
    }
    PendingOperation *op = operation(*it);
    if (!op)
        return;
    op->inDoubt = false; // answered: whatever it did, we know
    const quint64 serial = op->serial;
    OperationResult result;
    result.ackId = op->ackId;
    const bool duplicate = frame.error && frame.error->name == u"Duplicate";
    if (frame.success || duplicate) {
        result.isDuplicated = duplicate;
        m_host.operationSucceeded(*op);
        resolve(serial, result);
        return;
    }
    const Error error =
        frame.error ? Error(frame.error->name, frame.error->message)
                    : Error(QStringLiteral("Other"), QStringLiteral("the service refused the request"));
    if (!op->rejoin && isRetryable(error)) {
        if (const auto delay = m_retryPolicy.nextDelay(op->retries + 1)) {
            ++op->retries;
            op->status = PendingOperation::Status::RetryWait;
            op->retryAt = QDeadlineTimer(*delay);
            qCInfo(lcClient) << "ackId" << *op->ackId << "failed with" << error.name() << "- retry"
                             << op->retries << "in" << delay->count() << "ms";
            armTimer(op->retryAt);
            m_host.operationsChanged();
            return;
        }
    }
    result.error = error;
    resolve(serial, result);
}

void OperationQueue::handleInvokeResponse(const Frame &frame)
{
    const auto it = m_serialByInvocationId.constFind(frame.invocationId);
    if (it == m_serialByInvocationId.constEnd()) {
        qCDebug(lcProtocol) << "invokeResponse for unknown invocation" << frame.invocationId;
        return;
    }
    OperationResult result;
    result.invocationId = frame.invocationId;
    if (frame.hasPayload)
        result.payload = frame.payload;
    if (!frame.success) {
        result.error = frame.error ? Error(frame.error->name, frame.error->message)
                                   : Error(QStringLiteral("Other"), QStringLiteral("Invocation failed."));
    }
    resolve(*it, result);
}

PendingOperation *OperationQueue::operation(quint64 serial)
{
    const auto it = m_operations.find(serial);
    return it == m_operations.end() ? nullptr : it->second.get();
}

std::unique_ptr<PendingOperation> OperationQueue::make(PendingOperation::Kind kind,
                                                       std::optional<quint64> ackId, bool fireAndForget)
{
    auto op = std::make_unique<PendingOperation>();
    op->kind = kind;
    op->fireAndForget = fireAndForget;
    if (!fireAndForget && kind != PendingOperation::Kind::Invoke) {
        if (ackId)
            m_ackIds.reserve(*ackId);
        op->ackId = ackId ? *ackId : m_ackIds.next();
    } else if (fireAndForget && ackId) {
        m_ackIds.reserve(*ackId);
    }
    if (m_options.operationTimeout > 0ms && !fireAndForget)
        op->deadline = QDeadlineTimer(m_options.operationTimeout);
    return op;
}

QFuture<OperationResult> OperationQueue::rejectNow(const Error &error, std::optional<quint64> ackId,
                                                   const QString &invocationId)
{
    QPromise<OperationResult> promise;
    promise.start();
    OperationResult r;
    r.ackId = ackId;
    r.invocationId = invocationId;
    r.error = error;
    promise.addResult(r);
    promise.finish();
    return promise.future();
}

QFuture<OperationResult> OperationQueue::submit(std::unique_ptr<PendingOperation> op)
{
    op->promise.start();
    QFuture<OperationResult> future = op->promise.future();
    if (!m_host.accepting()) {
        finishUnqueued(*op, Error::fromCode(Error::Code::Stopped, QStringLiteral("the client is stopped")));
        return future;
    }
    if (op->ackId && m_serialByAckId.contains(*op->ackId)) {
        // (An operation with an ackId has no invocation id.)
        finishUnqueued(*op, Error::fromCode(Error::Code::InvalidArgument,
                                            QStringLiteral("ackId %1 is in use").arg(*op->ackId)));
        return future;
    }
    op->serial = ++m_nextSerial;
    const quint64 serial = op->serial;
    PendingOperation &ref = *op;
    if (op->ackId && !op->fireAndForget)
        m_serialByAckId.insert(*op->ackId, serial);
    if (!op->invocationId.isEmpty())
        m_serialByInvocationId.insert(op->invocationId, serial);
    m_operations.emplace(serial, std::move(op));
    armTimer(ref.deadline);

    if (m_host.canSend(ref)) {
        send(ref);
    } else if (m_options.outboxTimeout <= 0ms && !ref.rejoin) {
        OperationResult r;
        r.ackId = ref.ackId;
        r.invocationId = ref.invocationId;
        r.error = Error::fromCode(Error::Code::NotConnected, QStringLiteral("not connected"));
        resolve(serial, r);
    } else {
        ref.status = PendingOperation::Status::Waiting;
        if (!ref.rejoin) {
            ref.waitDeadline = QDeadlineTimer(m_options.outboxTimeout);
            armTimer(ref.waitDeadline);
        }
        m_host.operationsChanged();
    }
    return future;
}

void OperationQueue::send(PendingOperation &op)
{
    op.waitDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
    op.retryAt = QDeadlineTimer(QDeadlineTimer::Forever);
    if (!m_host.write(op.frame)) {
        op.status = PendingOperation::Status::Waiting;
        op.waitDeadline = QDeadlineTimer(m_options.outboxTimeout);
        armTimer(op.waitDeadline);
        return;
    }
    ++op.sends;
    op.status = PendingOperation::Status::Sent;
    if (op.sends > 1)
        qCDebug(lcClient) << "resent ackId" << op.ackId.value_or(0) << "(send" << op.sends << ")";
    if (op.fireAndForget) {
        OperationResult r;
        resolve(op.serial, r);
        return;
    }
    m_host.operationsChanged();
}

void OperationQueue::resolve(quint64 serial, OperationResult result)
{
    const auto it = m_operations.find(serial);
    if (it == m_operations.end())
        return;
    // Detach first: the promise's continuations run synchronously and may call back into us.
    std::unique_ptr<PendingOperation> op = std::move(it->second);
    m_operations.erase(it);
    if (op->ackId)
        m_serialByAckId.remove(*op->ackId);
    if (!op->invocationId.isEmpty())
        m_serialByInvocationId.remove(op->invocationId);
    if (!result.ackId)
        result.ackId = op->fireAndForget ? std::nullopt : op->ackId;
    if (result.invocationId.isEmpty())
        result.invocationId = op->invocationId;
    m_host.operationsChanged();
    m_host.operationResolving(*op, result);
    op->promise.addResult(result);
    op->promise.finish();
    if (op->rejoin)
        m_host.rejoinResolved();
}

void OperationQueue::resolveAll(const Error &error, bool includeRejoins)
{
    std::vector<quint64> serials;
    for (const auto &[serial, op] : m_operations) {
        if (includeRejoins || !op->rejoin)
            serials.push_back(serial);
    }
    for (quint64 serial : serials) {
        OperationResult r;
        r.error = error;
        resolve(serial, r);
    }
}

void OperationQueue::flush()
{
    std::vector<quint64> serials;
    for (const auto &[serial, op] : m_operations) {
        if (op->status == PendingOperation::Status::Waiting)
            serials.push_back(serial);
    }
    for (quint64 serial : serials) {
        PendingOperation *op = operation(serial);
        if (!op || op->status != PendingOperation::Status::Waiting)
            continue;
        if (m_host.canSend(*op))
            send(*op);
    }
}

void OperationQueue::connectionDropped()
{
    // Acked operations stay: they are resent with their ackIds once the connection is back (the
    // service answers Duplicate for what it already did). Invocations cannot be, so they fail.
    std::vector<quint64> invocations;
    for (auto &[serial, op] : m_operations) {
        if (op->kind == PendingOperation::Kind::Invoke && op->status == PendingOperation::Status::Sent) {
            invocations.push_back(serial);
        } else if (op->status == PendingOperation::Status::Sent) {
            // A send or event may have taken effect; a join or leave is bound to its connection,
            // so on a new connection it is simply done again (and is idempotent).
            op->inDoubt = !op->rejoin && !op->fireAndForget &&
                          (op->kind == PendingOperation::Kind::SendToGroup ||
                           op->kind == PendingOperation::Kind::Event);
            op->status = PendingOperation::Status::Waiting;
            if (!op->rejoin && m_options.outboxTimeout > 0ms) {
                op->waitDeadline = QDeadlineTimer(m_options.outboxTimeout);
                armTimer(op->waitDeadline);
            }
        }
    }
    for (quint64 serial : invocations) {
        OperationResult r;
        r.error =
            Error::fromCode(Error::Code::NotConnected,
                            QStringLiteral("the connection was lost before the invokeResponse arrived"));
        resolve(serial, r);
    }
    m_host.operationsChanged();
}

void OperationQueue::resolveInDoubt()
{
    // The connection that could have acked these is gone for good. Their ackIds mean nothing to a
    // new connection, so resending them there could do them twice: say so instead, unless the
    // caller deduplicates and asked for at-least-once.
    if (m_options.resendInDoubt)
        return;
    std::vector<quint64> serials;
    for (const auto &[serial, op] : m_operations) {
        if (op->inDoubt && op->status == PendingOperation::Status::Waiting)
            serials.push_back(serial);
    }
    for (quint64 serial : serials) {
        OperationResult r;
        r.error = Error::fromCode(Error::Code::Indeterminate,
                                  QStringLiteral("the connection was lost for good before the ack: "
                                                 "the operation may or may not have taken effect"));
        resolve(serial, r);
    }
}

void OperationQueue::armTimer(const QDeadlineTimer &due)
{
    if (due.isForever())
        return;
    if (m_timer.isActive() && !m_timerDue.isForever() && m_timerDue.deadline() <= due.deadline())
        return;
    m_timerDue = due;
    m_timer.start(int(std::clamp<qint64>(due.remainingTime(), 0, std::numeric_limits<int>::max())));
}

void OperationQueue::sweep()
{
    std::vector<quint64> serials;
    serials.reserve(m_operations.size());
    for (const auto &[serial, op] : m_operations)
        serials.push_back(serial);
    for (quint64 serial : serials) {
        PendingOperation *op = operation(serial);
        if (!op)
            continue;
        if (op->deadline.hasExpired()) {
            if (op->kind == PendingOperation::Kind::Invoke && op->status == PendingOperation::Status::Sent)
                m_host.write(Frame::cancelInvocation(op->invocationId));
            OperationResult r;
            r.error = Error::fromCode(Error::Code::Timeout, QStringLiteral("no answer in time"));
            resolve(serial, r);
        } else if (op->status == PendingOperation::Status::Waiting && op->waitDeadline.hasExpired()) {
            OperationResult r;
            r.error =
                op->inDoubt
                    ? Error::fromCode(Error::Code::Indeterminate,
                                      QStringLiteral("written, but no connection came back in time "
                                                     "for its ack: it may or may not have taken effect"))
                    : Error::fromCode(Error::Code::NotConnected, QStringLiteral("no connection in time"));
            resolve(serial, r);
        } else if (op->status == PendingOperation::Status::RetryWait && op->retryAt.hasExpired()) {
            op->status = PendingOperation::Status::Waiting;
            if (m_host.canSend(*op)) {
                send(*op);
            } else if (m_options.outboxTimeout > 0ms) {
                op->waitDeadline = QDeadlineTimer(m_options.outboxTimeout);
            }
        }
    }
    // Re-arm for the earliest remaining deadline.
    QDeadlineTimer earliest(QDeadlineTimer::Forever);
    for (const auto &[serial, op] : m_operations) {
        for (const QDeadlineTimer &d :
             {op->deadline,
              op->status == PendingOperation::Status::Waiting ? op->waitDeadline
                                                              : QDeadlineTimer(QDeadlineTimer::Forever),
              op->status == PendingOperation::Status::RetryWait ? op->retryAt
                                                                : QDeadlineTimer(QDeadlineTimer::Forever)}) {
            if (!d.isForever() && (earliest.isForever() || d.deadline() < earliest.deadline()))
                earliest = d;
        }
    }
    m_timer.stop();
    m_timerDue = QDeadlineTimer(QDeadlineTimer::Forever);
    armTimer(earliest);
}

} // namespace WebPubSub
