// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Client's operations (join, leave, send, event, invoke) and ClientPrivate's side of the
// OperationQueue: kept apart from client.cpp, which is about the connection.
#include "client.h"

#include "client_p.h"
#include "logging_p.h"

using namespace std::chrono_literals;

namespace WebPubSub {

// ---------------------------------------------------------------------------------------------
// OperationQueue::Host

bool ClientPrivate::accepting() const
{
    return state != Client::State::Stopped && state != Client::State::Stopping;
}

bool ClientPrivate::canSend(const PendingOperation &op) const
{
    if (!socketOpen())
        return false;
    return phase == Phase::Live || (phase == Phase::Rejoining && op.rejoin);
}

bool ClientPrivate::write(const Frame &frame)
{
    return writeFrame(frame);
}

void ClientPrivate::operationsChanged()
{
    markDiagnosticsDirty();
}

void ClientPrivate::operationSucceeded(const PendingOperation &op)
{
    if (op.rejoin)
        return;
    if (op.kind == PendingOperation::Kind::JoinGroup && !groups.contains(op.group)) {
        groups.append(op.group);
        Q_EMIT q->groupsChanged();
    } else if (op.kind == PendingOperation::Kind::LeaveGroup && groups.removeAll(op.group) > 0) {
        Q_EMIT q->groupsChanged();
    }
}

void ClientPrivate::operationResolving(const PendingOperation &op, const OperationResult &result)
{
    if (op.rejoin && result.error.isError() && phase == Phase::Rejoining) {
        qCWarning(lcClient) << "rejoining" << op.group << "failed:" << result.error.name()
                            << result.error.message();
        Q_EMIT q->rejoinGroupFailed(op.group, result.error);
    }
}

void ClientPrivate::rejoinResolved()
{
    checkRejoinSettled();
}

// ---------------------------------------------------------------------------------------------
// Client: operations

namespace {
//! Joins (\a join) or leaves \a group.
QFuture<OperationResult> submitGroupChange(OperationQueue &ops, bool join, const QString &group,
                                           std::optional<quint64> ackId)
{
    if (group.trimmed().isEmpty())
        return OperationQueue::rejectNow(
            Error::fromCode(Error::Code::InvalidArgument, QStringLiteral("empty group name")), ackId);
    auto op =
        ops.make(join ? PendingOperation::Kind::JoinGroup : PendingOperation::Kind::LeaveGroup, ackId, false);
    op->group = group;
    op->frame = join ? Frame::joinGroup(group, op->ackId) : Frame::leaveGroup(group, op->ackId);
    return ops.submit(std::move(op));
}
} // namespace

QFuture<OperationResult> Client::joinGroup(const QString &group, std::optional<quint64> ackId)
{
    return submitGroupChange(d->ops, true, group, ackId);
}

QFuture<OperationResult> Client::leaveGroup(const QString &group, std::optional<quint64> ackId)
{
    return submitGroupChange(d->ops, false, group, ackId);
}

QFuture<OperationResult> Client::sendToGroup(const QString &group, const Payload &payload,
                                             SendOptions options)
{
    if (group.trimmed().isEmpty())
        return OperationQueue::rejectNow(
            Error::fromCode(Error::Code::InvalidArgument, QStringLiteral("empty group name")), options.ackId);
    auto op = d->ops.make(PendingOperation::Kind::SendToGroup, options.ackId, options.fireAndForget);
    op->group = group;
    op->frame = Frame::sendToGroup(group, payload, op->ackId, options.noEcho);
    return d->ops.submit(std::move(op));
}

QFuture<OperationResult> Client::sendEvent(const QString &event, const Payload &payload, SendOptions options)
{
    if (event.isEmpty())
        return OperationQueue::rejectNow(
            Error::fromCode(Error::Code::InvalidArgument, QStringLiteral("empty event name")), options.ackId);
    auto op = d->ops.make(PendingOperation::Kind::Event, options.ackId, options.fireAndForget);
    op->frame = Frame::sendEvent(event, payload, op->ackId);
    return d->ops.submit(std::move(op));
}

QFuture<OperationResult> Client::invokeEvent(const QString &event, std::optional<Payload> payload,
                                             InvokeOptions options)
{
    QString id = options.invocationId;
    if (event.isEmpty())
        return OperationQueue::rejectNow(
            Error::fromCode(Error::Code::InvalidArgument, QStringLiteral("empty event name")), std::nullopt,
            id);
    if (id.isEmpty()) {
        id = d->ops.nextInvocationId();
    } else if (d->ops.hasInvocation(id)) {
        return OperationQueue::rejectNow(
            Error::fromCode(Error::Code::InvalidArgument,
                            QStringLiteral("Invocation id is already registered.")),
            std::nullopt, id);
    }
    auto op = d->ops.make(PendingOperation::Kind::Invoke, std::nullopt, false);
    op->invocationId = id;
    op->frame = Frame::invoke(id, event, std::move(payload));
    op->deadline = options.timeout > std::chrono::milliseconds(0) ? QDeadlineTimer(options.timeout)
                                                                  : QDeadlineTimer(QDeadlineTimer::Forever);
    return d->ops.submit(std::move(op));
}

bool Client::cancelInvocation(const QString &invocationId)
{
    return d->ops.cancelInvocation(invocationId);
}

} // namespace WebPubSub
