// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "framehandler.h"

#include "clientconnection.h"
#include "httppayload.h"
#include "invitegate.h"
#include "logging_p.h"
#include "namerules.h"
#include "permissions.h"
#include "service_p.h"
#include "upstream.h"

#include <framecodec.h>

#include <QPointer>
#include <QWebSocketProtocol>

using namespace WebPubSub;

namespace Hubbub {

namespace {
using Category = Upstream::Event::Category;

ErrorDetail invalidEventName()
{
    return ErrorDetail{QStringLiteral("BadRequest"),
                       QStringLiteral("Invalid event name: use 1 to 128 letters, digits or underscores.")};
}

//! The error of an event whose handler did not answer 2xx (or was never asked).
ErrorDetail upstreamFailure(const Upstream::Response &response)
{
    if (response.refused)
        return ErrorDetail{QStringLiteral("InternalServerError"), response.error};
    if (response.status == 0)
        return ErrorDetail{QStringLiteral("InternalServerError"),
                           QStringLiteral("The event handler did not answer.")};
    return ErrorDetail{QStringLiteral("InternalServerError"),
                       QStringLiteral("The event handler answered %1.").arg(response.status)};
}

//! The payload a handler answered with 200 and a body, if any.
std::optional<Payload> answeredPayload(const Upstream::Response &response)
{
    if (response.status != 200 || response.body.isEmpty())
        return std::nullopt;
    return HttpPayload::fromBody(response.contentType, response.body);
}

// A guest (an id from the invite's namespace) may use rooms and nothing more: its events would
// reach the app server's handler with the authority of a user the app server never vetted.
bool isGuest(const ClientConnection *c)
{
    return GuestControls::isGuest(c);
}

ErrorDetail guestMayNotSendEvents()
{
    return ErrorDetail{QStringLiteral("Forbidden"),
                       QStringLiteral("Guests may join rooms and send to them, nothing more.")};
}
} // namespace

FrameHandler::FrameHandler(ServicePrivate *service)
    : d(service)
{}

void FrameHandler::sendAck(ClientConnection *connection, std::optional<quint64> ackId,
                           std::optional<ErrorDetail> error)
{
    if (!ackId)
        return;
    if (!error)
        connection->markProcessed(*ackId);
    connection->sendControl(Frame::ack(*ackId, error));
}

void FrameHandler::onText(ClientConnection *connection, const QString &text)
{
    if (connection->kind() == ClientConnection::Kind::Simple) {
        handleSimpleFrame(connection, Payload::fromText(text));
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    const FrameCodec::ParseResult parsed = FrameCodec::parse(utf8);
    if (!parsed.ok()) {
        qCInfo(lcServiceClient) << "connection" << connection->id()
                                << "sent an invalid frame:" << parsed.error;
        connection->closeFinally(QWebSocketProtocol::CloseCodeWrongDatatype,
                                 QStringLiteral("Invalid message: %1").arg(parsed.error).left(120),
                                 QStringLiteral("Invalid message: %1").arg(parsed.error));
        return;
    }
    handleFrame(connection, *parsed.frame);
}

void FrameHandler::onBinary(ClientConnection *connection, const QByteArray &data)
{
    if (connection->kind() == ClientConnection::Kind::Simple) {
        handleSimpleFrame(connection, Payload::fromBinary(data));
        return;
    }
    connection->closeFinally(QWebSocketProtocol::CloseCodeDatatypeNotSupported,
                             QStringLiteral("The JSON subprotocol only accepts text messages."),
                             QStringLiteral("The JSON subprotocol only accepts text messages."));
}

void FrameHandler::handleFrame(ClientConnection *c, const Frame &frame)
{
    using T = Frame::Type;
    const bool duplicateChecked = frame.type == T::JoinGroup || frame.type == T::LeaveGroup ||
                                  frame.type == T::SendToGroup || frame.type == T::Event;
    if (duplicateChecked && frame.ackId && c->hasProcessed(*frame.ackId)) {
        sendAck(c, frame.ackId,
                ErrorDetail{QStringLiteral("Duplicate"),
                            QStringLiteral("The ackId '%1' has already been used by this connection.")
                                .arg(*frame.ackId)});
        return;
    }
    switch (frame.type) {
    case T::JoinGroup:
    case T::LeaveGroup:
        joinOrLeave(c, frame);
        return;
    case T::SendToGroup:
        sendToGroup(c, frame);
        return;
    case T::Event:
        handleUserEvent(c, frame);
        return;
    case T::SequenceAck:
        if (frame.sequenceId)
            c->acknowledge(*frame.sequenceId);
        return;
    case T::Ping:
        c->sendControl(Frame::pong());
        return;
    case T::Invoke:
        handleInvoke(c, frame);
        return;
    default:
        // Unknown types (and service-to-client types a client has no business sending) are ignored.
        qCDebug(lcServiceClient) << "ignoring frame of type" << frame.rawType;
        return;
    }
}

std::optional<ErrorDetail> FrameHandler::groupRefusal(const ClientConnection *c, const Frame &frame,
                                                      Permissions::Action action, const QString &verb)
{
    if (!NameRules::isValidGroup(frame.group))
        return ErrorDetail{QStringLiteral("BadRequest"), QStringLiteral("Invalid group name.")};
    if (!Permissions::allows(c->roles, action, frame.group))
        return ErrorDetail{
            QStringLiteral("Forbidden"),
            QStringLiteral("The client has no permission to %1 group '%2'.").arg(verb, frame.group)};
    return std::nullopt;
}

void FrameHandler::joinOrLeave(ClientConnection *c, const Frame &frame)
{
    const bool join = frame.type == Frame::Type::JoinGroup;
    if (const auto refusal = groupRefusal(c, frame, Permissions::Action::JoinLeaveGroup,
                                          join ? QStringLiteral("join") : QStringLiteral("leave"))) {
        sendAck(c, frame.ackId, refusal);
        return;
    }
    if (join)
        c->groups.insert(frame.group);
    else
        c->groups.remove(frame.group);
    sendAck(c, frame.ackId);
}

void FrameHandler::sendToGroup(ClientConnection *c, const Frame &frame)
{
    if (const auto refusal =
            groupRefusal(c, frame, Permissions::Action::SendToGroup, QStringLiteral("send message to"))) {
        sendAck(c, frame.ackId, refusal);
        return;
    }
    if (const auto locked = d->guests.sendRefusal(c)) {
        sendAck(c, frame.ackId, locked);
        return;
    }
    const Frame message = Frame::groupMessage(frame.group, c->userId, frame.payload, std::nullopt);
    const QPointer<ClientConnection> self(c);
    FanOut cache;
    // deliver() may close a slow member (and finish it): a guarded snapshot, dead ones skipped.
    for (const QPointer<ClientConnection> &member :
         HubRegistry::guarded(d->hubs.groupConnections(c->hub(), frame.group))) {
        if (!member || (frame.noEcho && member == c))
            continue;
        member->deliver(message, &cache);
    }
    if (self)
        sendAck(c, frame.ackId);
}

void FrameHandler::handleUserEvent(ClientConnection *c, const Frame &frame)
{
    if (isGuest(c)) {
        sendAck(c, frame.ackId, guestMayNotSendEvents());
        return;
    }
    // The name becomes upstream headers and a URL segment: only word characters (as Azure).
    if (!NameRules::isValidEventName(frame.event)) {
        qCInfo(lcServiceClient) << "connection" << c->id() << "sent an event with an invalid name";
        sendAck(c, frame.ackId, invalidEventName());
        return;
    }
    if (!d->upstream) {
        sendAck(c, frame.ackId);
        return;
    }
    const std::optional<quint64> ackId = frame.ackId;
    QPointer<ClientConnection> guard(c);
    d->upstream->post(c, Category::User, frame.event, frame.payload.bytes(),
                      HttpPayload::contentTypeOf(frame.payload),
                      [guard, ackId](const Upstream::Response &response) {
                          if (!guard)
                              return;
                          if (!response.ok()) {
                              sendAck(guard, ackId, upstreamFailure(response));
                              return;
                          }
                          if (const auto payload = answeredPayload(response))
                              guard->deliver(Frame::serverMessage(*payload, std::nullopt));
                          if (guard)
                              sendAck(guard, ackId);
                      });
}

void FrameHandler::handleInvoke(ClientConnection *c, const Frame &frame)
{
    const QString invocationId = frame.invocationId;
    if (isGuest(c)) {
        c->sendControl(Frame::invokeResponse(invocationId, std::nullopt, guestMayNotSendEvents()));
        return;
    }
    if (!NameRules::isValidEventName(frame.event)) {
        qCInfo(lcServiceClient) << "connection" << c->id() << "invoked an event with an invalid name";
        c->sendControl(Frame::invokeResponse(invocationId, std::nullopt, invalidEventName()));
        return;
    }
    if (!d->upstream) {
        c->sendControl(Frame::invokeResponse(
            invocationId, std::nullopt,
            ErrorDetail{
                QStringLiteral("NotImplemented"),
                QStringLiteral("invoke needs an event handler; start hubbub-service with --upstream.")}));
        return;
    }
    QPointer<ClientConnection> guard(c);
    const Payload payload = frame.hasPayload ? frame.payload : Payload();
    d->upstream->post(c, Category::User, frame.event, frame.hasPayload ? payload.bytes() : QByteArray(),
                      HttpPayload::contentTypeOf(payload),
                      [guard, invocationId](const Upstream::Response &response) {
                          if (!guard)
                              return;
                          if (!response.ok()) {
                              guard->sendControl(Frame::invokeResponse(invocationId, std::nullopt,
                                                                       upstreamFailure(response)));
                              return;
                          }
                          guard->sendControl(Frame::invokeResponse(invocationId, answeredPayload(response)));
                      });
}

void FrameHandler::handleSimpleFrame(ClientConnection *c, const Payload &payload)
{
    if (!d->upstream) {
        // What the real service does when a simple client sends and nobody handles `message`.
        c->closeFinally(QWebSocketProtocol::CloseCodeNormal, QString());
        return;
    }
    QPointer<ClientConnection> guard(c);
    d->upstream->post(c, Category::User, QStringLiteral("message"), payload.bytes(),
                      payload.dataType() == DataType::Text ? QByteArrayLiteral("text/plain")
                                                           : QByteArrayLiteral("application/octet-stream"),
                      [guard](const Upstream::Response &response) {
                          if (!guard)
                              return;
                          if (!response.ok()) {
                              guard->closeFinally(QWebSocketProtocol::CloseCodeBadOperation,
                                                  QStringLiteral("The event handler failed."));
                              return;
                          }
                          if (const auto reply = answeredPayload(response))
                              guard->deliver(Frame::serverMessage(*reply, std::nullopt));
                      });
}

} // namespace Hubbub
