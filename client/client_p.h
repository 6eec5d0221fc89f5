// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The machinery behind Client: connection phases, recovery and reconnect, operations and
//! their retries, sequence acks, keep-alive and diagnostics.
#pragma once

#include "client.h"
#include "livenesscheck.h"
#include "operationqueue.h"
#include "pendingoperation.h"
#include "retrypolicy.h"
#include "sequencetracker.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <map>
#include <memory>

class QWebSocket;

namespace WebPubSub {

class ClientPrivate : public OperationQueue::Host
{
public:
    //! Finer than Client::State: where the current connection attempt stands.
    enum class Phase {
        Idle,              //!< Stopped
        FetchingUrl,       //!< new connection: waiting for the credential
        Handshaking,       //!< new connection: WebSocket opening
        AwaitingConnected, //!< new connection: open, waiting for system/connected
        Rejoining,         //!< new connection: connected, rejoining groups
        Live,              //!< Connected
        RecoveryHandshake, //!< recovery socket opening
        RecoveryConfirm,   //!< recovery socket open; a 1008 close may still follow
        RecoveryWait,      //!< between recovery attempts
        ReconnectWait,     //!< between new-connection attempts
        Closing,           //!< stop(): waiting for the close handshake
    };

    ClientPrivate(Client *q, Credential credential, ClientOptions options);
    ~ClientPrivate() override;

    Client *const q;
    Credential credential;
    const ClientOptions options;
    const RetryPolicy reconnectPolicy;

    Client::State state = Client::State::Stopped;
    Phase phase = Phase::Idle;

    // The current connection.
    QWebSocket *socket = nullptr;
    //! Why the current socket's TLS handshake refused the service's certificate; empty if it did not.
    QString tlsError;
    bool abortedByUs = false;
    bool closeHandshake = false; //!< a close frame was sent or received (else the link just broke)
    bool forceNew = false;
    QUrl lastUrl; //!< the credential's URL of the current connection (recovery reuses it)
    QString connectionId;
    QString userId;
    QString reconnectionToken;
    QString lastDisconnectedMessage;
    int lastCloseCode = 0; //!< of the last socket close; 0 when the link died without a close frame
    QString lastCloseReason;
    bool restartAfterStop = false; //!< start() was called while Stopping
    bool stoppedByCaller = false;  //!< stop() (not a give-up) led to the current Stopping
    qint64 lastAliveAt = 0;        //!< wall ms: the last frame of the connection that dropped last
    // A gap owed to the caller: set when a connection is lost for good with groups joined, emitted
    // (and cleared) once a new connection has rejoined them.
    bool gapPending = false;
    QStringList gapGroups;
    qint64 gapFrom = 0;
    bool announced = false;   //!< `connected` was emitted for this connection
    bool isReconnect = false; //!< the next/current new connection replaces a lost one
    int attemptFailures = 0;  //!< failed new-connection attempts in a row
    quint64 attemptEpoch = 0; //!< bumped to orphan a pending credential answer
    QDeadlineTimer recoveryDeadline;
    QDeadlineTimer offlineUntil{0};
    QStringList groups;

    SequenceTracker sequence;

    QTimer connectTimer; //!< one attempt (credential + handshake + connected message)
    QTimer retryTimer;   //!< recovery retry delay / reconnect backoff
    QTimer recoveryWindowTimer;
    QTimer confirmTimer;
    QTimer sequenceAckTimer;
    QTimer closeGuardTimer;
    QTimer diagnosticsTimer;
    QElapsedTimer pingClock;
    LivenessCheck liveness; //!< pings, the dead-link deadline, probes after resume / network change
    OperationQueue ops;     //!< everything owed to the caller: outbox, acks, retries, deadlines

    Diagnostics diag;

    QString subprotocolName() const;
    bool reliable() const { return options.protocol == ClientOptions::Protocol::JsonReliable; }
    bool socketOpen() const;

    // State and diagnostics.
    void setState(Client::State newState);
    void markDiagnosticsDirty();
    void setConnectionIds(const QString &id, const QString &user, const QString &token);

    // Connection lifecycle.
    void start();
    void stop();
    void finishStop();
    void startNewConnection();
    void onUrl(const UrlResult &result);
    void openSocket(const QUrl &url);
    void onSocketOpened(QWebSocket *s);
    void onSocketGone(QWebSocket *s);
    void abortSocket();
    void discardSocket();
    void attemptFailed();
    void failAttemptLater();
    void scheduleReconnect();
    void startRecovery();
    void recoveryAttempt();
    void confirmRecovery();
    void giveUpRecovery();
    void connectionLost();
    void beginRejoin();
    void checkRejoinSettled();
    void finishConnect();
    //! Emits the gap owed since a connection was lost (gapPending).
    void reportGap();
    void goStopped();
    void probe();

    // Frames.
    void onText(QWebSocket *s, const QString &text);
    void handleFrame(const Frame &frame);
    void handleMessage(const Frame &frame);
    bool writeFrame(const Frame &frame);
    void sendSequenceAck();
    void stopLiveTimers();
    void writePing();

    // OperationQueue::Host
    bool accepting() const override;
    bool canSend(const PendingOperation &op) const override;
    bool write(const Frame &frame) override;
    void operationsChanged() override;
    void operationSucceeded(const PendingOperation &op) override;
    void operationResolving(const PendingOperation &op, const OperationResult &result) override;
    void rejoinResolved() override;
};

} // namespace WebPubSub
