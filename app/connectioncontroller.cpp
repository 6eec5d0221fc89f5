// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "connectioncontroller.h"

#include "client.h"
#include "connectionreport.h"
#include "diagnosticsreport.h"
#include "endpointfactory.h"
#include "enumnames.h"
#include "hosthandoff.h"
#include "localservice.h"
#include "logging.h"
#include "preferences.h"
#include "secretstore.h"
#include "service.h"
#include "transitionlogmodel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QNetworkInformation>

#include <cmath>

namespace Hubbub {

using WebPubSub::Client;

ConnectionController::ConnectionController(const AppOptions &options, SecretStore *secrets, QObject *parent)
    : ConnectionController(options, secrets, nullptr, parent)
{}

ConnectionController::ConnectionController(const AppOptions &options, SecretStore *secrets,
                                           Preferences *preferences, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_secrets(secrets)
    , m_ownPreferences(preferences ? nullptr : std::make_unique<Preferences>(options.settingsPath()))
    , m_endpoints(std::make_unique<EndpointFactory>(
          options, preferences ? preferences : m_ownPreferences.get(), secrets))
    , m_transitions(new TransitionLogModel(200, this))
    , m_handoff(new HostHandoff(this))
    , m_report(new ConnectionReport(this))
{
    connect(m_handoff, &HostHandoff::tookOver, this, &ConnectionController::onTookOver);
    connect(m_report, &ConnectionReport::changed, this, [this]() {
        Q_EMIT reportChanged();
        updateBanner();
    });
    connect(this, &ConnectionController::statusTextChanged, this, &ConnectionController::updateBanner);
    m_userId = options.effectiveUser();
    m_hub = options.effectiveHub();
    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this, &ConnectionController::tickCountdown);
    m_diagnosticsTimer.setInterval(500);
    connect(&m_diagnosticsTimer, &QTimer::timeout, this, &ConnectionController::refreshDiagnostics);
    m_offlineTimer.setSingleShot(true);
    connect(&m_offlineTimer, &QTimer::timeout, this, [this]() {
        m_offlineUntil = {};
        onClientStateChanged();
    });
    // Reachability is a hint only: many systems (CI, containers) have no backend.
    if (!QNetworkInformation::instance())
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    if (QNetworkInformation *info = QNetworkInformation::instance())
        connect(info, &QNetworkInformation::reachabilityChanged, this,
                &ConnectionController::applyReachability);
    m_statusText = tr("Not connected");
    updateBanner();
}

ConnectionController::~ConnectionController()
{
    if (m_client) {
        m_client->disconnect(this);
        m_client->stop();
    }
    m_client.reset();
    if (m_service) {
        m_service->stop();
        if (m_published)
            LocalService::withdrawEndpoint(m_publishedEndpoint);
    }
}

void ConnectionController::start()
{
    switch (m_options.endpoint) {
    case AppOptions::Endpoint::Local:
        connectLocal();
        return;
    case AppOptions::Endpoint::Negotiate:
        connectTo(Kind::Negotiate, m_options.negotiateUrl, m_options.hub, m_options.user);
        return;
    case AppOptions::Endpoint::Url:
        connectTo(Kind::Url, m_options.clientAccessUrl, m_options.hub, m_options.user);
        return;
    case AppOptions::Endpoint::ConnectionString:
        connectTo(Kind::ConnectionString, m_options.connectionString, m_options.hub, m_options.user);
        return;
    case AppOptions::Endpoint::Default:
        break;
    }
    // The profile's saved choice; its secret lives in the keychain.
    const int generation = ++m_generation;
    m_endpoints->readSaved([this, generation](bool found, std::optional<Kind> kind, const QString &secret,
                                              const QString &hub, const QString &user) {
        if (generation != m_generation)
            return;
        if (!kind) {
            connectLocal();
            return;
        }
        if (!found) {
            Q_EMIT errorShown(tr("The saved connection's secret is not available; using the local service."));
            connectLocal();
            return;
        }
        connectWithCredential(*kind, secret, hub, user);
    });
}

void ConnectionController::connectLocal()
{
    const int generation = ++m_generation;
    setClient(nullptr);
    if (m_local)
        m_local->deleteLater();
    m_local = new LocalService(this);
    setState(State::Connecting);
    m_transitions->append(tr("looking for the local service"));
    connect(m_local, &LocalService::failed, this, [this, generation](const QString &message) {
        if (generation != m_generation)
            return;
        m_transitions->append(message);
        Q_EMIT errorShown(message);
        setState(State::Stopped);
    });
    connect(m_local, &LocalService::found, this, [this, generation](const QUrl &endpoint, bool embedded) {
        if (generation != m_generation)
            return;
        QString handoffKey;
        m_userId = m_options.effectiveUser();
        m_hub = m_options.effectiveHub();
        EndpointFactory::Endpoint chosen;
        if (embedded) {
            if (m_service && m_published)
                LocalService::withdrawEndpoint(m_publishedEndpoint);
            m_service = m_local->takeService();
            m_published = true;
            m_publishedEndpoint = m_service->endpoint();
            chosen = m_endpoints->forEmbedded(*m_service, m_hub, m_userId);
        } else {
            chosen = m_endpoints->forLocal(endpoint, m_local->accessKey(), m_hub, m_userId);
            handoffKey = m_local->accessKey();
        }
        setEndpoint(chosen.description, false, {});
        m_local->deleteLater();
        m_local = nullptr;
        setClient(std::move(chosen.client));
        // Another instance hosts the service we reached with the shared key: should it go, this
        // instance may take it over (HostHandoff says when and why).
        if (!handoffKey.isEmpty())
            m_handoff->watch(m_client.get(), endpoint, handoffKey);
    });
    m_local->locate(m_options.localServicePort, m_options.discoverLocalService);
}

void ConnectionController::connectTo(Kind kind, const QString &value, const QString &hub, const QString &user)
{
    const QString trimmed = value.trimmed();
    if (const QString error = EndpointFactory::check(kind, trimmed, hub); !error.isEmpty()) {
        Q_EMIT errorShown(error);
        return;
    }
    m_endpoints->remember(kind, trimmed, hub, user);
    connectWithCredential(kind, trimmed, hub, user);
}

void ConnectionController::connectWithCredential(Kind kind, const QString &value, const QString &hub,
                                                 const QString &user)
{
    ++m_generation;
    if (m_local) {
        m_local->deleteLater();
        m_local = nullptr;
    }
    m_hub = hub.isEmpty() ? m_options.effectiveHub() : hub;
    m_userId = user.isEmpty() ? m_options.effectiveUser() : user;
    QString error;
    EndpointFactory::Endpoint chosen = m_endpoints->forCredential(kind, value, m_hub, m_userId, &error);
    if (!chosen.client) {
        Q_EMIT errorShown(error);
        return;
    }
    setEndpoint(chosen.description, false, {});
    setClient(std::move(chosen.client));
}

void ConnectionController::useLocalService()
{
    m_endpoints->rememberLocal();
    if (m_service && m_client) {
        // Already on the embedded service: nothing to change.
        return;
    }
    connectLocal();
}

void ConnectionController::setClient(std::unique_ptr<Client> client)
{
    m_handoff->disarm();
    if (m_client) {
        m_client->disconnect(this);
        m_client->stop();
        // The old client may still be inside one of its own signal emissions.
        m_client.release()->deleteLater();
    }
    m_client = std::move(client);
    m_report->watch(m_client.get());
    m_countdown = -1;
    m_countdownTimer.stop();
    Q_EMIT reconnectCountdownChanged();
    if (m_client) {
        Client *c = m_client.get();
        connect(c, &Client::stateChanged, this, &ConnectionController::onClientStateChanged);
        connect(c, &Client::reconnectScheduled, this, [this](int attempt, qint64 delayMs) {
            m_nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delayMs);
            m_transitions->append(
                tr("reconnect attempt %1 in %2 s").arg(attempt).arg(std::ceil(delayMs / 1000.0)));
            tickCountdown();
            if (!m_countdownTimer.isActive())
                m_countdownTimer.start();
        });
        connect(c, &Client::connected, this,
                [this](const QString &connectionId, const QString &, bool reconnect) {
                    m_transitions->append(
                        reconnect ? tr("new connection %1 (replaces the lost one)").arg(connectionId)
                                  : tr("connected as %1").arg(connectionId));
                });
        connect(c, &Client::recovered, this, [this](const QString &connectionId) {
            m_transitions->append(tr("recovered %1: nothing lost").arg(connectionId));
        });
        connect(c, &Client::disconnected, this,
                [this](const QString &connectionId, const QString &message, int closeCode,
                       const QString &closeReason) {
                    const int code = closeCode != 0 ? closeCode : m_client->diagnostics().lastCloseCode;
                    m_transitions->append(
                        tr("connection %1 lost (close %2%3)")
                            .arg(connectionId)
                            .arg(ConnectionReport::describeClose(code, closeReason))
                            .arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message));
                });
        connect(c, &Client::gapDetected, this,
                [this](const QStringList &groups, const QDateTime &lostAt, const QDateTime &restoredAt) {
                    m_transitions->append(
                        tr("gap: %1").arg(ConnectionReport::describeGap(groups, lostAt, restoredAt)));
                });
        connect(c, &Client::errorOccurred, this, [this](const WebPubSub::Error &error) {
            m_transitions->append(tr("error %1: %2").arg(error.name(), error.message()));
        });
        connect(c, &Client::groupMessageReceived, this,
                [this]() { m_lastMessageAt = QDateTime::currentDateTimeUtc(); });
    }
    Q_EMIT clientChanged(m_client.get());
    if (m_client)
        m_client->start();
    onClientStateChanged();
}

ConnectionController::State ConnectionController::stateFor(int clientState)
{
    switch (Client::State(clientState)) {
    case Client::State::Connecting:
        return State::Connecting;
    case Client::State::Connected:
        return State::Connected;
    case Client::State::Recovering:
        return State::Recovering;
    case Client::State::Reconnecting:
        return State::Reconnecting;
    case Client::State::Stopped:
    case Client::State::Stopping:
        break;
    }
    return State::Stopped;
}

QString ConnectionController::stateName(State state)
{
    static const EnumName<State> names[] = {
        {State::Connecting, "connecting"}, {State::Connected, "connected"},
        {State::Recovering, "recovering"}, {State::Reconnecting, "reconnecting"},
        {State::Offline, "offline"},
    };
    return enumName(names, state, "stopped");
}

void ConnectionController::onClientStateChanged()
{
    State state =
        m_client ? stateFor(int(m_client->state())) : (m_local ? State::Connecting : State::Stopped);
    const bool offlineMode = m_offlineUntil.isValid() && m_offlineUntil > QDateTime::currentDateTimeUtc();
    const QNetworkInformation *info = QNetworkInformation::instance();
    const bool noNetwork = info && info->reachability() == QNetworkInformation::Reachability::Disconnected;
    if (state != State::Connected && state != State::Stopped && (offlineMode || noNetwork))
        state = State::Offline;
    if (state == State::Connected || state == State::Recovering) {
        m_countdown = -1;
        m_countdownTimer.stop();
        Q_EMIT reconnectCountdownChanged();
    }
    setState(state);
}

void ConnectionController::setState(State state)
{
    if (m_state != state) {
        m_transitions->append(QStringLiteral("%1 → %2").arg(stateName(m_state), stateName(state)));
        qCInfo(lcApp) << "connection state" << stateName(m_state) << "->" << stateName(state);
        m_state = state;
        // The open panel shows the new state with it, not at its next refresh.
        if (m_diagnosticsVisible)
            refreshDiagnostics();
        Q_EMIT stateChanged();
    }
    updateStatus();
}

void ConnectionController::updateStatus()
{
    QString text;
    switch (m_state) {
    case State::Connected:
        text = tr("Connected");
        break;
    case State::Connecting:
        text = tr("Connecting…");
        break;
    case State::Recovering:
        text = tr("Connection lost, recovering…");
        break;
    case State::Reconnecting:
        text = m_countdown > 0 ? tr("Reconnecting in %1 s…").arg(m_countdown) : tr("Reconnecting…");
        break;
    case State::Offline:
        text = m_countdown > 0 ? tr("Offline, retrying in %1 s…").arg(m_countdown) : tr("Offline");
        break;
    case State::Stopped:
        text = tr("Not connected");
        break;
    }
    if (text != m_statusText) {
        m_statusText = text;
        Q_EMIT statusTextChanged();
    }
    updateBanner();
}

void ConnectionController::tickCountdown()
{
    int seconds = -1;
    if (m_nextAttemptAt.isValid() && m_state != State::Connected) {
        const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(m_nextAttemptAt);
        seconds = ms > 0 ? int(std::ceil(ms / 1000.0)) : 0;
    }
    if (seconds <= 0) {
        m_countdownTimer.stop();
        seconds = -1;
    }
    if (seconds != m_countdown) {
        m_countdown = seconds;
        Q_EMIT reconnectCountdownChanged();
        updateStatus();
    }
}

void ConnectionController::setOutboxCount(int count)
{
    if (m_outboxCount == count)
        return;
    m_outboxCount = count;
    Q_EMIT outboxCountChanged();
}

void ConnectionController::setDiagnosticsVisible(bool visible)
{
    if (m_diagnosticsVisible == visible)
        return;
    m_diagnosticsVisible = visible;
    if (visible) {
        refreshDiagnostics();
        m_diagnosticsTimer.start();
    } else {
        m_diagnosticsTimer.stop();
    }
    Q_EMIT diagnosticsVisibleChanged();
}

void ConnectionController::refreshDiagnostics()
{
    m_diagnosticsCache = diagnostics();
    Q_EMIT diagnosticsChanged();
}

QVariantMap ConnectionController::diagnostics() const
{
    return DiagnosticsReport::collect(
        {stateName(m_state), m_outboxCount, m_report, m_client.get(), m_hub, m_userId, m_lastMessageAt});
}

QString ConnectionController::diagnosticsText() const
{
    return DiagnosticsReport::text(diagnostics(), m_endpointDescription, m_transitions->toText());
}

void ConnectionController::copyDiagnostics()
{
    auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance());
    if (!app || !QGuiApplication::clipboard()) {
        Q_EMIT errorShown(tr("No clipboard available."));
        return;
    }
    QGuiApplication::clipboard()->setText(diagnosticsText());
}

void ConnectionController::dropConnection()
{
    if (m_client) {
        m_transitions->append(tr("dropping the connection (requested)"));
        m_client->dropConnection();
    }
}

void ConnectionController::goOffline(int milliseconds)
{
    if (!m_client || milliseconds <= 0)
        return;
    m_transitions->append(tr("going offline for %1 s (requested)").arg(std::ceil(milliseconds / 1000.0)));
    m_offlineUntil = QDateTime::currentDateTimeUtc().addMSecs(milliseconds);
    m_offlineTimer.start(milliseconds);
    m_client->goOffline(milliseconds);
    onClientStateChanged();
}

void ConnectionController::forceReconnect()
{
    if (!m_client)
        return;
    m_transitions->append(tr("forcing a new connection (requested)"));
    m_offlineUntil = {};
    m_offlineTimer.stop();
    if (m_client->state() == Client::State::Stopped)
        m_client->start();
    else
        m_client->forceReconnect();
}

void ConnectionController::applyReachability()
{
    const QNetworkInformation *info = QNetworkInformation::instance();
    m_transitions->append(tr("network: %1").arg(DiagnosticsReport::reachabilityName()));
    // Back online: do not wait for the backoff timer (the OS told us the network changed).
    if (info && info->reachability() == QNetworkInformation::Reachability::Online && m_client &&
        m_client->state() == Client::State::Reconnecting && !m_offlineUntil.isValid())
        m_client->forceReconnect();
    onClientStateChanged();
}

void ConnectionController::setHostOnLan(bool host)
{
    if (host == m_hostingOnLan)
        return;
    if (!m_service) {
        Q_EMIT errorShown(tr("Only the service embedded in this app can be hosted on the LAN."));
        Q_EMIT endpointChanged();
        return;
    }
    const LocalService::LanHosting hosting = LocalService::hostOnLan(*m_service, host);
    if (!hosting.ok) {
        Q_EMIT errorShown(tr("Could not host on the LAN: %1").arg(hosting.error));
        Q_EMIT endpointChanged();
        return;
    }
    const quint16 port = m_service->port();
    const QString lan = hosting.address;
    if (!hosting.warning.isEmpty())
        Q_EMIT errorShown(hosting.warning);
    m_transitions->append(host ? tr("hosting on the LAN at %1").arg(lan)
                               : tr("hosting on this computer only"));
    // Our client was closed with 1001 by the rebind and reconnects on its own (loopback still works).
    const QString where = host ? tr("LAN service on %1 (this app)").arg(lan.mid(7))
                               : tr("Local service on 127.0.0.1:%1 (this app)").arg(port);
    setEndpoint(where, host, lan);
}

QString ConnectionController::lanInvite() const
{
    return m_hostingOnLan && m_service ? m_service->invite() : QString();
}

void ConnectionController::setEndpoint(const QString &description, bool hostingOnLan,
                                       const QString &lanAddress)
{
    m_endpointDescription = description;
    m_hostingOnLan = hostingOnLan;
    m_lanAddress = lanAddress;
    Q_EMIT endpointChanged();
}

int ConnectionController::lastCloseCode() const
{
    return m_report->lastCloseCode();
}

QString ConnectionController::lastCloseReasonText() const
{
    return m_report->lastCloseReasonText();
}

QString ConnectionController::lastGapText() const
{
    return m_report->lastGapText();
}

void ConnectionController::updateBanner()
{
    // The state first; while the link is down, why it went; then the last gap, if any.
    QString text = m_statusText;
    const bool down = m_state != State::Connected && m_state != State::Connecting;
    if (down && !m_report->lastCloseReasonText().isEmpty())
        text += QStringLiteral(" — ") + m_report->lastCloseReasonText();
    if (!m_report->lastGapText().isEmpty())
        text += QStringLiteral(" · ") + tr("last gap: %1").arg(m_report->lastGapText());
    if (text != m_bannerText) {
        m_bannerText = text;
        Q_EMIT bannerTextChanged();
    }
}

void ConnectionController::onTookOver(const QUrl &endpoint)
{
    std::unique_ptr<Service> service = m_handoff->takeService();
    if (!service)
        return;
    m_service = std::move(service);
    m_published = true;
    m_publishedEndpoint = m_service->endpoint();
    LocalService::publishEndpoint(m_publishedEndpoint);
    m_transitions->append(tr("the local service's host is gone: this app hosts it now on %1:%2")
                              .arg(endpoint.host())
                              .arg(endpoint.port()));
    setEndpoint(tr("Local service on %1:%2 (this app)").arg(endpoint.host()).arg(endpoint.port()), false, {});
}

} // namespace Hubbub
