// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "client.h"

#include "accesstoken.h"
#include "client_p.h"
#include "framecodec.h"
#include "logging_p.h"
#include "protocolnames.h"
#include "socketreadbuffer.h"
#include "tlsconfiguration.h"

#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <algorithm>

using namespace std::chrono_literals;

namespace WebPubSub {

namespace {

//! After a recovery socket opens, how long a 1008 close may still turn it into a failed recovery
//! (the service accepts the upgrade, then closes). Any frame confirms the recovery at once.
constexpr auto kRecoveryConfirmDelay = 150ms;
//! How long stop() waits for the close handshake before aborting the socket.
constexpr auto kCloseGuard = 2000ms;
constexpr auto kDiagnosticsThrottle = 250ms;

int ms(std::chrono::milliseconds d)
{
    return int(std::clamp<qint64>(d.count(), 0, std::numeric_limits<int>::max()));
}

QString hubFromUrl(const QUrl &url)
{
    const QStringList parts = url.path().split(u'/', Qt::SkipEmptyParts);
    const qsizetype at = parts.indexOf(QStringLiteral("hubs"));
    if (at >= 0 && at + 1 < parts.size())
        return parts.at(at + 1);
    return QUrlQuery(url).queryItemValue(QStringLiteral("hub"), QUrl::FullyDecoded);
}

QUrl recoveryUrl(QUrl url, const QString &connectionId, const QString &token)
{
    // Percent-encode ourselves: a reconnection token may hold '+', '/' or '=', which a form decoder
    // on the service side would otherwise misread.
    QUrlQuery query(url);
    query.removeAllQueryItems(ProtocolNames::ConnectionIdKey);
    query.removeAllQueryItems(ProtocolNames::ReconnectionTokenKey);
    QString text = query.toString(QUrl::FullyEncoded);
    if (!text.isEmpty())
        text += QStringLiteral("&");
    text += QString(ProtocolNames::ConnectionIdKey) + QStringLiteral("=") +
            QString::fromLatin1(QUrl::toPercentEncoding(connectionId)) + QStringLiteral("&") +
            QString(ProtocolNames::ReconnectionTokenKey) + QStringLiteral("=") +
            QString::fromLatin1(QUrl::toPercentEncoding(token));
    url.setQuery(text, QUrl::StrictMode);
    return url;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// ClientPrivate: setup and state

ClientPrivate::ClientPrivate(Client *q, Credential credential, ClientOptions opts)
    : q(q)
    , credential(std::move(credential))
    , options(opts)
    , reconnectPolicy(opts.reconnectRetry)
    , liveness(opts.keepAliveInterval, opts.deadLinkTimeout, opts.wallClock)
    , ops(*this, options)
{
    for (QTimer *t : {&connectTimer, &retryTimer, &recoveryWindowTimer, &confirmTimer, &sequenceAckTimer,
                      &closeGuardTimer, &diagnosticsTimer})
        t->setSingleShot(true);

    QObject::connect(&connectTimer, &QTimer::timeout, q, [this] {
        qCInfo(lcSocket) << "connection attempt timed out after" << options.connectTimeout.count() << "ms";
        if (phase == Phase::FetchingUrl) {
            ++attemptEpoch; // orphan the credential's answer
            attemptFailed();
        } else if (socket) {
            abortSocket();
        }
    });
    QObject::connect(&recoveryWindowTimer, &QTimer::timeout, q, [this] {
        if (phase == Phase::RecoveryHandshake || phase == Phase::RecoveryWait) {
            qCInfo(lcClient) << "recovery window of" << options.recoveryTimeout.count() << "ms ran out";
            retryTimer.stop();
            discardSocket();
            giveUpRecovery();
        }
    });
    QObject::connect(&confirmTimer, &QTimer::timeout, q, [this] {
        if (phase == Phase::RecoveryConfirm)
            confirmRecovery();
    });
    QObject::connect(&liveness, &LivenessCheck::pingDue, q, [this] { writePing(); });
    QObject::connect(&liveness, &LivenessCheck::dead, q, [this] {
        if (socket &&
            (phase == Phase::Live || phase == Phase::Rejoining || phase == Phase::AwaitingConnected)) {
            qCWarning(lcSocket) << "the link is dead, dropping it";
            abortSocket();
        }
    });
    QObject::connect(&sequenceAckTimer, &QTimer::timeout, q, [this] { sendSequenceAck(); });
    QObject::connect(&closeGuardTimer, &QTimer::timeout, q, [this] {
        if (phase == Phase::Closing && socket)
            abortSocket();
    });
    QObject::connect(&diagnosticsTimer, &QTimer::timeout, q,
                     [this] { Q_EMIT this->q->diagnosticsChanged(); });

    diag.subprotocol = subprotocolName();
    diag.stateSince = QDateTime::currentDateTimeUtc();
}

ClientPrivate::~ClientPrivate()
{
    ++attemptEpoch;
    if (socket) {
        QObject::disconnect(socket, nullptr, q, nullptr);
        socket->abort();
        delete socket;
        socket = nullptr;
    }
    // Never leave a caller's future pending: the operations end with Stopped.
    phase = Phase::Idle;
    ops.resolveAll(Error::fromCode(Error::Code::Stopped, QStringLiteral("the client was destroyed")));
}

QString ClientPrivate::subprotocolName() const
{
    return reliable() ? ProtocolNames::ReliableJsonSubprotocol : ProtocolNames::JsonSubprotocol;
}

bool ClientPrivate::socketOpen() const
{
    return socket && socket->state() == QAbstractSocket::ConnectedState;
}

void ClientPrivate::setState(Client::State newState)
{
    if (state == newState)
        return;
    qCInfo(lcClient) << "state" << state << "->" << newState;
    state = newState;
    diag.stateSince = QDateTime::currentDateTimeUtc();
    if (newState != Client::State::Reconnecting && newState != Client::State::Connecting)
        diag.nextReconnectAt = QDateTime();
    Q_EMIT q->stateChanged(newState);
    diagnosticsTimer.stop();
    Q_EMIT q->diagnosticsChanged();
}

void ClientPrivate::markDiagnosticsDirty()
{
    // Throttled: a busy group must not turn into one signal (and one QML re-evaluation) per message.
    if (!diagnosticsTimer.isActive())
        diagnosticsTimer.start(kDiagnosticsThrottle);
}

void ClientPrivate::setConnectionIds(const QString &id, const QString &user, const QString &token)
{
    reconnectionToken = token;
    if (connectionId == id && userId == user)
        return;
    connectionId = id;
    userId = user;
    Q_EMIT q->connectionIdChanged();
}

// ---------------------------------------------------------------------------------------------
// Connection lifecycle

void ClientPrivate::start()
{
    if (state == Client::State::Stopping) {
        // stop() is asynchronous (close handshake): start again once it is complete.
        restartAfterStop = true;
        return;
    }
    if (state != Client::State::Stopped)
        return;
    qCInfo(lcClient) << "starting with subprotocol" << subprotocolName();
    isReconnect = false;
    attemptFailures = 0;
    forceNew = false;
    lastCloseCode = 0;
    lastCloseReason.clear();
    offlineUntil = QDeadlineTimer(0);
    startNewConnection();
}

void ClientPrivate::startNewConnection()
{
    retryTimer.stop();
    recoveryWindowTimer.stop();
    setConnectionIds({}, {}, {});
    announced = false;
    lastDisconnectedMessage.clear();
    sequence.reset();
    diag.lastReceivedSequenceId = 0;
    diag.lastAckedSequenceId = 0;
    diag.reconnectAttempt = isReconnect ? attemptFailures + 1 : 0;
    diag.nextReconnectAt = QDateTime();
    phase = Phase::FetchingUrl;
    setState(isReconnect ? Client::State::Reconnecting : Client::State::Connecting);

    const quint64 epoch = ++attemptEpoch;
    if (!offlineUntil.hasExpired()) {
        failAttemptLater();
        return;
    }
    connectTimer.start(ms(options.connectTimeout));
    qCDebug(lcClient) << "asking the credential for a client access URL";
    credential.clientAccessUrl().then(q, [this, epoch](const UrlResult &result) {
        if (epoch != attemptEpoch || phase != Phase::FetchingUrl)
            return; // stopped, timed out or superseded meanwhile
        onUrl(result);
    });
}

void ClientPrivate::onUrl(const UrlResult &result)
{
    if (result.error.isError() || !result.url.isValid()) {
        const Error error = result.error.isError()
                                ? result.error
                                : Error::fromCode(Error::Code::InvalidArgument,
                                                  QStringLiteral("the credential gave no valid URL"));
        qCWarning(lcClient) << "could not get a client access URL:" << error.name() << error.message();
        connectTimer.stop();
        Q_EMIT q->errorOccurred(error);
        attemptFailed();
        return;
    }
    lastUrl = result.url;
    diag.hub = hubFromUrl(lastUrl);
    diag.endpointHost = lastUrl.port() >= 0 ? QStringLiteral("%1:%2").arg(lastUrl.host()).arg(lastUrl.port())
                                            : lastUrl.host();
    const QString token =
        QUrlQuery(lastUrl).queryItemValue(ProtocolNames::AccessTokenKey, QUrl::FullyDecoded);
    const auto claims = token.isEmpty() ? std::nullopt : AccessToken::decodeUnverified(token);
    diag.tokenExpiresAt = claims ? claims->expiresAt : QDateTime();
    markDiagnosticsDirty();
    phase = Phase::Handshaking;
    openSocket(lastUrl);
}

void ClientPrivate::openSocket(const QUrl &url)
{
    discardSocket();
    abortedByUs = false;
    closeHandshake = false;
    auto *s = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, q);
    socket = s;
    QObject::connect(s, &QWebSocket::connected, q, [this, s] { onSocketOpened(s); });
    QObject::connect(s, &QWebSocket::disconnected, q, [this, s] { onSocketGone(s); });
    // QWebSocket reports closeCode() 1000 for a plain TCP loss; a close handshake (ours or the
    // peer's) goes through close(), which announces itself with aboutToClose.
    QObject::connect(s, &QWebSocket::aboutToClose, q, [this, s] {
        if (s == socket)
            closeHandshake = true;
    });
    QObject::connect(s, &QWebSocket::textMessageReceived, q,
                     [this, s](const QString &text) { onText(s, text); });
    QObject::connect(s, &QWebSocket::binaryMessageReceived, q, [this, s](const QByteArray &) {
        if (s == socket)
            qCWarning(lcProtocol) << "skipping a binary frame: the JSON subprotocols use text frames";
    });
    QObject::connect(s, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), q,
                     [this, s](QAbstractSocket::SocketError error) {
                         if (s != socket)
                             return;
                         qCInfo(lcSocket) << "socket error" << error << s->errorString();
                         // Some failures (a refused handshake) may not be followed by `disconnected`.
                         QTimer::singleShot(0, q, [this, s] {
                             if (s == socket && s->state() == QAbstractSocket::UnconnectedState)
                                 onSocketGone(s);
                         });
                     });
    tlsError.clear();
    if (url.scheme() == u"wss") {
        s->setSslConfiguration(TlsConfiguration::withCaCertificates(options.caCertificates));
        // Never ignored: the handshake fails, and the attempt is reported as a CertificateError.
        QObject::connect(s, &QWebSocket::sslErrors, q, [this, s](const QList<QSslError> &errors) {
            if (s != socket)
                return;
            tlsError = TlsConfiguration::describe(errors);
            qCWarning(lcSocket).noquote() << "refusing the service's certificate:" << tlsError;
        });
    }
    if (!connectTimer.isActive())
        connectTimer.start(ms(options.connectTimeout));
    qCInfo(lcSocket).noquote() << "opening" << redactedUrl(url);
    QWebSocketHandshakeOptions handshake;
    handshake.setSubprotocols({subprotocolName()});
    s->open(QNetworkRequest(url), handshake);
    // Bounded, so that a service sending faster than this client processes is slowed down by TCP
    // instead of the backlog moving into this process's memory. Several frames of the largest
    // size the service accepts (1 MB) still fit; the limit starts far lower and grows to that only
    // when a frame needs it (SocketReadBuffer says why).
    SocketReadBuffer::manage(s, 4 * 1024 * 1024);
}

void ClientPrivate::discardSocket()
{
    if (!socket)
        return;
    QWebSocket *s = socket;
    socket = nullptr;
    QObject::disconnect(s, nullptr, q, nullptr);
    s->abort();
    s->deleteLater();
}

void ClientPrivate::abortSocket()
{
    if (!socket)
        return;
    abortedByUs = true;
    QPointer<QWebSocket> s = socket;
    s->abort();
    // abort() normally emits `disconnected` synchronously; make sure the drop is handled either way.
    if (s && s == socket)
        onSocketGone(s);
}

void ClientPrivate::onSocketOpened(QWebSocket *s)
{
    if (s != socket)
        return;
    if (s->subprotocol() != subprotocolName()) {
        qCWarning(lcSocket) << "the service did not accept subprotocol" << subprotocolName() << "(got"
                            << s->subprotocol() << ")";
        abortSocket();
        return;
    }
    qCInfo(lcSocket) << "WebSocket open";
    liveness.start();
    switch (phase) {
    case Phase::Handshaking:
        phase = Phase::AwaitingConnected; // connectTimer keeps running until system/connected
        break;
    case Phase::RecoveryHandshake:
        connectTimer.stop();
        phase = Phase::RecoveryConfirm;
        confirmTimer.start(kRecoveryConfirmDelay);
        break;
    case Phase::Closing:
        s->close();
        break;
    default:
        break;
    }
}

void ClientPrivate::onSocketGone(QWebSocket *s)
{
    if (s != socket)
        return;
    socket = nullptr;
    QObject::disconnect(s, nullptr, q, nullptr);
    const bool clean = closeHandshake && !abortedByUs;
    const int code = clean ? int(s->closeCode()) : 1006;
    const QString reason = clean ? s->closeReason() : QStringLiteral("connection lost");
    s->deleteLater();
    diag.lastCloseCode = code;
    diag.lastCloseReason = reason;
    // For `disconnected` / `stopped`: the close of an established link (or a refused recovery),
    // not of a failed attempt. 1006 is never sent on the wire: it means "no close frame".
    if (phase == Phase::Live || phase == Phase::Rejoining || phase == Phase::Closing ||
        phase == Phase::AwaitingConnected || code == 1008) {
        lastCloseCode = code == 1006 ? 0 : code;
        lastCloseReason = code == 1006 ? QString() : reason;
    }
    markDiagnosticsDirty();
    qCInfo(lcSocket) << "WebSocket closed, code" << code << reason << "in phase" << int(phase);
    connectTimer.stop();
    confirmTimer.stop();
    stopLiveTimers();

    switch (phase) {
    case Phase::Closing:
        closeGuardTimer.stop();
        // QWebSocket may report the close synchronously inside close(); `stopped` stays asynchronous.
        QTimer::singleShot(0, q, [this] {
            if (phase == Phase::Closing && !socket)
                finishStop();
        });
        return;
    case Phase::Handshaking:
        // A refused handshake (401, 403, no route) is worth telling the user about; the drop of
        // an established link is reported through the state instead.
        if (!abortedByUs && !tlsError.isEmpty())
            Q_EMIT q->errorOccurred(Error::fromCode(Error::Code::CertificateError, tlsError));
        else if (!abortedByUs)
            Q_EMIT q->errorOccurred(Error::fromCode(
                Error::Code::NotConnected,
                s->errorString().isEmpty() ? QStringLiteral("could not connect") : s->errorString()));
        attemptFailed();
        return;
    case Phase::AwaitingConnected:
        attemptFailed();
        return;
    case Phase::RecoveryHandshake:
    case Phase::RecoveryConfirm:
        if (code == 1008 || forceNew) {
            qCInfo(lcClient) << "the service refused recovery";
            giveUpRecovery();
        } else {
            attemptFailed();
        }
        return;
    case Phase::Live:
    case Phase::Rejoining:
        break;
    default:
        return;
    }

    lastAliveAt = liveness.lastFrameWallTime();
    ops.connectionDropped();
    const bool recoverable = reliable() && code != 1008 && !forceNew && !connectionId.isEmpty() &&
                             !reconnectionToken.isEmpty() && lastUrl.isValid();
    if (recoverable)
        startRecovery();
    else
        connectionLost();
}

void ClientPrivate::failAttemptLater()
{
    // Offline (goOffline): fail without touching the network, but never re-enter the caller.
    const quint64 epoch = attemptEpoch;
    QTimer::singleShot(0, q, [this, epoch] {
        if (epoch == attemptEpoch)
            attemptFailed();
    });
}

void ClientPrivate::attemptFailed()
{
    connectTimer.stop();
    switch (phase) {
    case Phase::FetchingUrl:
    case Phase::Handshaking:
    case Phase::AwaitingConnected:
        if (forceNew) {
            forceNew = false;
            startNewConnection();
            return;
        }
        ++attemptFailures;
        scheduleReconnect();
        return;
    case Phase::RecoveryHandshake:
    case Phase::RecoveryConfirm:
        if (recoveryDeadline.remainingTime() <= options.recoveryRetryDelay.count()) {
            giveUpRecovery();
            return;
        }
        phase = Phase::RecoveryWait;
        retryTimer.disconnect();
        QObject::connect(&retryTimer, &QTimer::timeout, q, [this] { recoveryAttempt(); });
        retryTimer.start(ms(options.recoveryRetryDelay));
        return;
    default:
        return;
    }
}

void ClientPrivate::scheduleReconnect()
{
    if (!isReconnect && !options.autoReconnect && attemptFailures > 0) {
        qCWarning(lcClient) << "could not connect and autoReconnect is off";
        goStopped();
        return;
    }
    const auto delay = reconnectPolicy.nextDelay(attemptFailures);
    if (!delay) {
        qCWarning(lcClient) << "giving up after" << attemptFailures << "failed connection attempts";
        goStopped();
        return;
    }
    phase = Phase::ReconnectWait;
    diag.reconnectAttempt = attemptFailures + 1;
    diag.nextReconnectAt = QDateTime::currentDateTimeUtc().addMSecs(delay->count());
    markDiagnosticsDirty();
    qCInfo(lcClient) << "next connection attempt" << attemptFailures + 1 << "in" << delay->count() << "ms";
    retryTimer.disconnect();
    QObject::connect(&retryTimer, &QTimer::timeout, q, [this] { startNewConnection(); });
    retryTimer.start(ms(*delay));
    Q_EMIT q->reconnectScheduled(attemptFailures + 1, delay->count());
}

void ClientPrivate::startRecovery()
{
    qCInfo(lcClient) << "connection dropped; recovering" << connectionId;
    setState(Client::State::Recovering);
    recoveryDeadline = QDeadlineTimer(options.recoveryTimeout);
    recoveryWindowTimer.start(ms(options.recoveryTimeout));
    recoveryAttempt();
}

void ClientPrivate::recoveryAttempt()
{
    retryTimer.stop();
    phase = Phase::RecoveryHandshake;
    if (!offlineUntil.hasExpired()) {
        ++attemptEpoch;
        failAttemptLater();
        return;
    }
    connectTimer.start(ms(std::min(options.connectTimeout, std::chrono::milliseconds(std::max<qint64>(
                                                               1, recoveryDeadline.remainingTime())))));
    openSocket(recoveryUrl(lastUrl, connectionId, reconnectionToken));
}

void ClientPrivate::confirmRecovery()
{
    confirmTimer.stop();
    recoveryWindowTimer.stop();
    ++diag.recoveries;
    qCInfo(lcClient) << "recovered connection" << connectionId;
    if (sequence.ackDue())
        sequenceAckTimer.start(0);
    if (announced) {
        phase = Phase::Live;
        setState(Client::State::Connected);
        Q_EMIT q->recovered(connectionId);
        ops.flush();
    } else {
        // Dropped while rejoining groups: the service kept the connection, finish the rejoins.
        phase = Phase::Rejoining;
        setState(isReconnect ? Client::State::Reconnecting : Client::State::Connecting);
        ops.flush();
        checkRejoinSettled();
    }
}

void ClientPrivate::giveUpRecovery()
{
    recoveryWindowTimer.stop();
    retryTimer.stop();
    connectTimer.stop();
    confirmTimer.stop();
    discardSocket();
    connectionLost();
}

void ClientPrivate::connectionLost()
{
    const QString lostId = connectionId;
    const QString message = lastDisconnectedMessage;
    const bool wasForced = forceNew;
    forceNew = false;
    phase = Phase::ReconnectWait;
    // What the service sends these groups until a new connection has rejoined them is lost. The
    // window opens at the last frame of the lost connection (the last moment it was known alive);
    // a gap still owed from an earlier loss keeps its earlier start.
    if (!gapPending && !groups.isEmpty() && !lostId.isEmpty()) {
        gapPending = true;
        gapGroups = groups;
        gapFrom = lastAliveAt > 0 ? lastAliveAt : QDateTime::currentMSecsSinceEpoch();
    }
    ops.connectionLost();
    setConnectionIds({}, {}, {});
    qCInfo(lcClient) << "connection" << lostId << "lost" << (wasForced ? "(forced)" : "");
    if (!lostId.isEmpty())
        Q_EMIT q->disconnected(lostId, message, lastCloseCode, lastCloseReason);
    if (phase != Phase::ReconnectWait)
        return; // a slot stopped or restarted the client
    if (!options.autoReconnect && !wasForced) {
        goStopped();
        return;
    }
    isReconnect = true;
    attemptFailures = 0;
    startNewConnection();
}

void ClientPrivate::beginRejoin()
{
    phase = Phase::Rejoining;
    if (options.autoRejoinGroups && !groups.isEmpty()) {
        qCInfo(lcClient) << "rejoining" << groups.size() << "groups";
        for (const QString &group : std::as_const(groups)) {
            auto op = ops.make(PendingOperation::Kind::JoinGroup, std::nullopt, false);
            op->rejoin = true;
            op->group = group;
            op->frame = Frame::joinGroup(group, op->ackId);
            // A rejoin that never gets its ack must not hold the connection back forever.
            op->deadline = QDeadlineTimer(options.operationTimeout > 0ms ? options.operationTimeout
                                                                         : options.connectTimeout);
            ops.submit(std::move(op));
        }
    }
    checkRejoinSettled();
}

void ClientPrivate::checkRejoinSettled()
{
    if (phase != Phase::Rejoining)
        return;
    if (!ops.rejoinsPending())
        finishConnect();
}

void ClientPrivate::finishConnect()
{
    phase = Phase::Live;
    attemptFailures = 0;
    diag.reconnectAttempt = 0;
    diag.nextReconnectAt = QDateTime();
    if (isReconnect)
        ++diag.reconnects;
    announced = true;
    setState(Client::State::Connected);
    qCInfo(lcClient) << "connected as" << connectionId << (isReconnect ? "(reconnect)" : "");
    if (gapPending) {
        reportGap();
        if (phase != Phase::Live)
            return; // a slot stopped the client
    }
    Q_EMIT q->connected(connectionId, userId, isReconnect);
    if (phase == Phase::Live)
        ops.flush();
}

void ClientPrivate::reportGap()
{
    gapPending = false;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(gapFrom, Qt::UTC);
    const QDateTime to = QDateTime::currentDateTimeUtc();
    qCWarning(lcClient) << "messages to" << gapGroups << "between" << from << "and" << to << "may be lost";
    Q_EMIT q->gapDetected(std::exchange(gapGroups, {}), from, to);
}

void ClientPrivate::goStopped()
{
    ++attemptEpoch;
    retryTimer.stop();
    recoveryWindowTimer.stop();
    connectTimer.stop();
    phase = Phase::Closing;
    setState(Client::State::Stopping);
    ops.resolveAll(Error::fromCode(Error::Code::Stopped, QStringLiteral("the client stopped")));
    discardSocket();
    finishStop();
}

void ClientPrivate::stop()
{
    restartAfterStop = false;
    if (state == Client::State::Stopped || state == Client::State::Stopping)
        return;
    qCInfo(lcClient) << "stopping";
    stoppedByCaller = true;
    ++attemptEpoch;
    for (QTimer *t : {&connectTimer, &retryTimer, &recoveryWindowTimer, &confirmTimer, &sequenceAckTimer})
        t->stop();
    stopLiveTimers();
    const Phase was = phase;
    phase = Phase::Closing;
    setState(Client::State::Stopping);
    ops.resolveAll(Error::fromCode(Error::Code::Stopped, QStringLiteral("the client was stopped")));
    if (phase != Phase::Closing)
        return; // a continuation restarted things
    if (socket && socketOpen() && was != Phase::Closing) {
        closeGuardTimer.start(kCloseGuard);
        socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("stopped"));
        return;
    }
    discardSocket();
    // `stopped` is asynchronous in every state, as when a close handshake is awaited.
    QTimer::singleShot(0, q, [this] {
        if (phase == Phase::Closing && !socket)
            finishStop();
    });
}

void ClientPrivate::finishStop()
{
    if (state == Client::State::Stopped)
        return;
    closeGuardTimer.stop();
    discardSocket();
    stopLiveTimers();
    const QString lostId = connectionId;
    const QString message = lastDisconnectedMessage;
    const bool wasAnnounced = announced;
    const bool byCaller = std::exchange(stoppedByCaller, false);
    announced = false;
    gapPending = false;
    gapGroups.clear();
    setConnectionIds({}, {}, {});
    phase = Phase::Idle;
    setState(Client::State::Stopped);
    if (wasAnnounced && !lostId.isEmpty())
        Q_EMIT q->disconnected(lostId, message, lastCloseCode, lastCloseReason);
    if (byCaller)
        Q_EMIT q->stopped(0, QString());
    else
        Q_EMIT q->stopped(lastCloseCode, lastCloseReason);
    if (std::exchange(restartAfterStop, false) && state == Client::State::Stopped)
        start();
}

void ClientPrivate::probe()
{
    if (!socketOpen() || (phase != Phase::Live && phase != Phase::Rejoining))
        return;
    liveness.probe();
}

void ClientPrivate::writePing()
{
    if (!socketOpen() || (phase != Phase::Live && phase != Phase::Rejoining))
        return;
    pingClock.start();
    writeFrame(Frame::ping());
}

void ClientPrivate::stopLiveTimers()
{
    liveness.stop();
    sequenceAckTimer.stop();
}

// ---------------------------------------------------------------------------------------------
// Frames

void ClientPrivate::onText(QWebSocket *s, const QString &text)
{
    if (s != socket)
        return;
    liveness.frameReceived();
    if (phase == Phase::RecoveryConfirm)
        confirmRecovery();
    if (s != socket)
        return;
    qsizetype bytes = 0;
    const auto parsed = FrameCodec::parseText(text, &bytes);
    if (!parsed.ok()) {
        // Never log the frame itself: a `connected` frame carries the reconnection token.
        qCWarning(lcProtocol) << "skipping malformed frame of" << bytes << "bytes:" << parsed.error;
        Q_EMIT q->errorOccurred(Error(QStringLiteral("MalformedFrame"), parsed.error));
        return;
    }
    handleFrame(*parsed.frame);
    markDiagnosticsDirty();
}

void ClientPrivate::handleFrame(const Frame &frame)
{
    switch (frame.type) {
    case Frame::Type::Connected:
        if (phase == Phase::AwaitingConnected) {
            connectTimer.stop();
            setConnectionIds(frame.connectionId, frame.userId.value_or(QString()), frame.reconnectionToken);
            qCInfo(lcProtocol) << "system/connected" << connectionId
                               << "reliable token:" << !reconnectionToken.isEmpty();
            beginRejoin();
        } else {
            // A repeated `connected` (e.g. after a recovery) only refreshes what recovery needs.
            qCDebug(lcProtocol) << "repeated system/connected";
            if (!frame.reconnectionToken.isEmpty())
                reconnectionToken = frame.reconnectionToken;
            if (!frame.connectionId.isEmpty() && frame.connectionId != connectionId)
                setConnectionIds(frame.connectionId, frame.userId.value_or(userId), reconnectionToken);
        }
        return;
    case Frame::Type::Disconnected:
        qCInfo(lcProtocol) << "system/disconnected:" << frame.message;
        lastDisconnectedMessage = frame.message;
        diag.lastDisconnectedMessage = frame.message;
        return;
    case Frame::Type::Ack:
        ops.handleAck(frame);
        return;
    case Frame::Type::InvokeResponse:
        ops.handleInvokeResponse(frame);
        return;
    case Frame::Type::GroupMessage:
    case Frame::Type::ServerMessage:
        handleMessage(frame);
        return;
    case Frame::Type::Pong:
        if (pingClock.isValid()) {
            diag.roundTripMs = int(pingClock.elapsed());
            pingClock.invalidate();
        }
        return;
    default:
        qCDebug(lcProtocol) << "ignoring frame of type" << frame.rawType;
        return;
    }
}

void ClientPrivate::handleMessage(const Frame &frame)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (reliable() && frame.sequenceId) {
        const auto outcome = sequence.receive(*frame.sequenceId);
        diag.lastReceivedSequenceId = qint64(sequence.largest());
        // Ack on receipt, before the message is handed out: a slow slot must not delay the ack.
        if (sequence.newSinceAck() >= std::max(1, options.sequenceAckBurst))
            sendSequenceAck();
        else if (!sequenceAckTimer.isActive())
            sequenceAckTimer.start(ms(options.sequenceAckInterval));
        if (outcome == SequenceTracker::Outcome::Duplicate) {
            ++diag.duplicatesDropped;
            qCDebug(lcProtocol) << "dropping duplicate sequenceId" << *frame.sequenceId;
            return;
        }
    }
    if (frame.type == Frame::Type::GroupMessage) {
        // A message of the new connection can come before its rejoins settle: a connection that
        // dropped while rejoining is recovered, and the service replays what it sent since the
        // join before it answers the resent join. The gap is reported first, so that it sits
        // where the loss is in the stream, never after messages that followed it.
        if (gapPending) {
            qCInfo(lcClient) << "a message came before the rejoins settled (phase" << int(phase)
                             << "): reporting the gap first";
            const quint64 epoch = attemptEpoch;
            reportGap();
            if (epoch != attemptEpoch || !socket)
                return; // a slot stopped or restarted the client
        }
        GroupMessage m{frame.group, frame.fromUserId, frame.payload, frame.sequenceId, now};
        Q_EMIT q->groupMessageReceived(m);
    } else {
        ServerMessage m{frame.payload, frame.sequenceId, now};
        Q_EMIT q->serverMessageReceived(m);
    }
}

void ClientPrivate::sendSequenceAck()
{
    sequenceAckTimer.stop();
    if (!sequence.ackDue() || !socketOpen())
        return;
    if (phase != Phase::Live && phase != Phase::Rejoining && phase != Phase::AwaitingConnected &&
        phase != Phase::RecoveryConfirm)
        return;
    if (writeFrame(Frame::sequenceAck(sequence.largest()))) {
        sequence.markAcked();
        diag.lastAckedSequenceId = qint64(sequence.lastAcked());
        markDiagnosticsDirty();
    }
}

bool ClientPrivate::writeFrame(const Frame &frame)
{
    if (!socketOpen())
        return false;
    const QByteArray json = FrameCodec::serialize(frame);
    const qint64 written = socket->sendTextMessage(QString::fromUtf8(json));
    return written >= 0;
}

// ---------------------------------------------------------------------------------------------
// Client

Client::Client(Credential credential, ClientOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ClientPrivate>(this, std::move(credential), options))
{
    qRegisterMetaType<WebPubSub::GroupMessage>();
    qRegisterMetaType<WebPubSub::ServerMessage>();
    qRegisterMetaType<WebPubSub::Error>();
    qRegisterMetaType<WebPubSub::Diagnostics>();
    qRegisterMetaType<WebPubSub::OperationResult>();
}

Client::~Client() = default;

Client::State Client::state() const
{
    return d->state;
}

QString Client::connectionId() const
{
    return d->connectionId;
}

QString Client::userId() const
{
    return d->userId;
}

QStringList Client::groups() const
{
    return d->groups;
}

Diagnostics Client::diagnostics() const
{
    Diagnostics diag = d->diag;
    if (const qint64 at = d->liveness.lastFrameWallTime(); at > 0)
        diag.lastFrameReceivedAt = QDateTime::fromMSecsSinceEpoch(at, Qt::UTC);
    d->ops.count(&diag.pendingOperations, &diag.outboxSize);
    return diag;
}

const ClientOptions &Client::options() const
{
    return d->options;
}

QString Client::subprotocol() const
{
    return d->subprotocolName();
}

void Client::start()
{
    d->start();
}

void Client::stop()
{
    d->stop();
}

void Client::dropConnection()
{
    qCInfo(lcClient) << "dropping the connection on request";
    d->abortSocket();
}

void Client::goOffline(int ms)
{
    qCInfo(lcClient) << "going offline for" << ms << "ms";
    d->offlineUntil = QDeadlineTimer(std::max(0, ms));
    d->abortSocket();
}

void Client::forceReconnect()
{
    using Phase = ClientPrivate::Phase;
    switch (d->phase) {
    case Phase::Idle:
    case Phase::Closing:
        return;
    case Phase::RecoveryWait:
        d->giveUpRecovery();
        return;
    case Phase::ReconnectWait:
        d->retryTimer.stop();
        d->startNewConnection();
        return;
    case Phase::FetchingUrl:
        d->startNewConnection(); // orphans the pending credential answer
        return;
    default:
        d->forceNew = true;
        d->abortSocket();
        return;
    }
}

void Client::probeConnection()
{
    d->probe();
}

} // namespace WebPubSub
