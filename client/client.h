// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file client.h
//! \brief A Web PubSub client: one QWebSocket, the reliable JSON subprotocol, recovery,
//! reconnect with rejoin, acked operations with retries, keep-alive and an outbox.
//!
//! Shaped like libQuotient's Connection: state as Q_PROPERTYs, past-tense signals, operations that
//! return QFutures resolving to an OperationResult (never throwing, never left pending forever:
//! every operation ends in an ack, an error from the service, Timeout, NotConnected or Stopped).
#pragma once

#include "clientoptions.h"
#include "credential.h"
#include "datamessage.h"
#include "diagnostics.h"
#include "error.h"
#include "operationresult.h"
#include "payload.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QStringList>

#include <memory>

namespace WebPubSub {

class ClientPrivate;

class WEBPUBSUB_EXPORT Client : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString connectionId READ connectionId NOTIFY connectionIdChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY connectionIdChanged)
    Q_PROPERTY(QStringList groups READ groups NOTIFY groupsChanged)
    Q_PROPERTY(WebPubSub::Diagnostics diagnostics READ diagnostics NOTIFY diagnosticsChanged)
public:
    enum class State { Stopped, Connecting, Connected, Recovering, Reconnecting, Stopping };
    Q_ENUM(State)

    explicit Client(Credential credential, ClientOptions options = {}, QObject *parent = nullptr);
    ~Client() override;

    State state() const;
    QString connectionId() const;
    //! Empty when the connection is anonymous.
    QString userId() const;
    //! Groups this client joined (and will rejoin), in join order.
    QStringList groups() const;
    Diagnostics diagnostics() const;
    const ClientOptions &options() const;
    //! The subprotocol name in use (`json.reliable.webpubsub.azure.v1` or `json.webpubsub.azure.v1`).
    QString subprotocol() const;

    //! Connects (Stopped → Connecting). While Stopping, connects once the stop is complete
    //! (`stopped` is still emitted first); a no-op in every other state.
    Q_INVOKABLE void start();
    //! Closes the connection and stops reconnecting; pending operations end with Stopped.
    //! `stopped` follows (asynchronously) once the socket is closed.
    Q_INVOKABLE void stop();

    QFuture<OperationResult> joinGroup(const QString &group, std::optional<quint64> ackId = std::nullopt);
    QFuture<OperationResult> leaveGroup(const QString &group, std::optional<quint64> ackId = std::nullopt);

    struct SendOptions
    {
        bool noEcho = false;
        bool fireAndForget = false;   //!< no ackId, resolves once written to the socket
        std::optional<quint64> ackId; //!< caller-chosen ackId (else the next unique one)
    };
    QFuture<OperationResult> sendToGroup(const QString &group, const Payload &payload, SendOptions options);
    QFuture<OperationResult> sendToGroup(const QString &group, const Payload &payload)
    {
        return sendToGroup(group, payload, SendOptions{});
    }
    //! A custom upstream event (`type: event`); noEcho is ignored.
    QFuture<OperationResult> sendEvent(const QString &event, const Payload &payload, SendOptions options);
    QFuture<OperationResult> sendEvent(const QString &event, const Payload &payload)
    {
        return sendEvent(event, payload, SendOptions{});
    }

    struct InvokeOptions
    {
        QString invocationId;                 //!< empty = the next unique one
        std::chrono::milliseconds timeout{0}; //!< 0 = no timeout
    };
    //! Sends `invoke` and resolves with the `invokeResponse` (result.payload). Never retried.
    QFuture<OperationResult> invokeEvent(const QString &event, std::optional<Payload> payload,
                                         InvokeOptions options);
    QFuture<OperationResult> invokeEvent(const QString &event, std::optional<Payload> payload = std::nullopt)
    {
        return invokeEvent(event, std::move(payload), InvokeOptions{});
    }
    //! Cancels a pending invocation: sends `cancelInvocation`, resolves it with Cancelled.
    Q_INVOKABLE bool cancelInvocation(const QString &invocationId);

    // QA controls (hubbub-cli `drop`/`offline`, the app's diagnostics panel).
    //! Aborts the socket without a close handshake, as a lost network would (recovery follows).
    Q_INVOKABLE void dropConnection();
    //! dropConnection(), then every connection attempt fails for \a ms milliseconds.
    Q_INVOKABLE void goOffline(int ms);
    //! Abandons the current connection (no recovery) and opens a new one with a fresh URL.
    Q_INVOKABLE void forceReconnect();
    //! Sends a `ping` and drops the link (recovery follows) unless a frame arrives within a few
    //! seconds. Called on network reachability changes; useful after resume from sleep.
    Q_INVOKABLE void probeConnection();

Q_SIGNALS:
    void stateChanged(WebPubSub::Client::State state);
    void connectionIdChanged();
    void groupsChanged();
    void diagnosticsChanged();

    //! A new connection is ready (after rejoining groups). \a reconnect: it replaces a lost one.
    void connected(const QString &connectionId, const QString &userId, bool reconnect);
    //! A dropped connection was recovered: same connectionId, nothing lost.
    void recovered(const QString &connectionId);
    //! A connection was lost for good (not emitted for drops that get recovered).
    //! \a message: the service's `disconnected` reason, if it sent one. \a closeCode and
    //! \a closeReason: the WebSocket close, 0 and empty when the link died without a close frame.
    void disconnected(const QString &connectionId, const QString &message, int closeCode,
                      const QString &closeReason);
    //! The client reached Stopped after having been started. \a closeCode / \a closeReason: of the
    //! last close when the client stopped on its own (as for disconnected); 0 and empty after stop().
    void stopped(int closeCode, const QString &closeReason);
    //! A new connection replaced a lost one while \a groups were joined: messages sent to them
    //! between \a lostAt (when the lost connection last delivered a frame) and \a restoredAt (when
    //! the new one had rejoined them) may never arrive. Emitted just before `connected`, or earlier,
    //! just before the first group message of the new connection if one comes before its rejoins
    //! settle: in the stream of groupMessageReceived, the gap always sits where the loss is.
    void gapDetected(const QStringList &groups, const QDateTime &lostAt, const QDateTime &restoredAt);
    void groupMessageReceived(const WebPubSub::GroupMessage &message);
    void serverMessageReceived(const WebPubSub::ServerMessage &message);
    void rejoinGroupFailed(const QString &group, const WebPubSub::Error &error);
    //! A new-connection attempt is scheduled in \a delayMs (for "reconnecting in N s").
    void reconnectScheduled(int attempt, qint64 delayMs);
    //! Something went wrong that no operation reports (a malformed frame, a credential failure).
    void errorOccurred(const WebPubSub::Error &error);

private:
    std::unique_ptr<ClientPrivate> d;
};

} // namespace WebPubSub
