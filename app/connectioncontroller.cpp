// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "connectioncontroller.h"

#include "client.h"
#include "connectionreport.h"
#include "connectionstring.h"
#include "credential.h"
#include "hosthandoff.h"
#include "localservice.h"
#include "logging.h"
#include "secretstore.h"
#include "service.h"
#include "transitionlogmodel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QNetworkInformation>
#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QSettings>
#include <QUrlQuery>

#include <cmath>

namespace Hubbub {

using WebPubSub::Client;

namespace {
const auto kSecretKey = QStringLiteral("endpoint");
const auto kKindKey = QStringLiteral("connection/kind");
const auto kHubKey = QStringLiteral("connection/hub");
const auto kUserKey = QStringLiteral("connection/user");
const auto kDeviceKey = QStringLiteral("connection/guestDevice");

QString reachabilityName()
{
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info)
        return QStringLiteral("unknown");
    switch (info->reachability()) {
    case QNetworkInformation::Reachability::Online:
        return QStringLiteral("online");
    case QNetworkInformation::Reachability::Site:
        return QStringLiteral("site");
    case QNetworkInformation::Reachability::Local:
        return QStringLiteral("local");
    case QNetworkInformation::Reachability::Disconnected:
        return QStringLiteral("disconnected");
    case QNetworkInformation::Reachability::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString describeHost(const QUrl &url)
{
    const QString host = url.host();
    const int port = url.port();
    const QString hostPort = port > 0 ? host + u':' + QString::number(port) : host;
    if (host.endsWith(QLatin1String(".webpubsub.azure.com"), Qt::CaseInsensitive))
        return ConnectionController::tr("Azure Web PubSub at %1").arg(hostPort);
    return ConnectionController::tr("Service at %1").arg(hostPort);
}
} // namespace

ConnectionController::ConnectionController(const AppOptions &options, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_secrets(secrets)
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
        connectTo(QStringLiteral("negotiate"), m_options.negotiateUrl, m_options.hub, m_options.user);
        return;
    case AppOptions::Endpoint::Url:
        connectTo(QStringLiteral("url"), m_options.clientAccessUrl, m_options.hub, m_options.user);
        return;
    case AppOptions::Endpoint::ConnectionString:
        connectTo(QStringLiteral("connectionString"), m_options.connectionString, m_options.hub,
                  m_options.user);
        return;
    case AppOptions::Endpoint::Default:
        break;
    }
    // The profile's saved choice; its secret lives in the keychain.
    QSettings settings(m_options.settingsPath(), QSettings::IniFormat);
    const QString kind = settings.value(kKindKey).toString();
    if (kind.isEmpty() || kind == u"local") {
        connectLocal();
        return;
    }
    const QString hub = settings.value(kHubKey).toString();
    const QString user = settings.value(kUserKey).toString();
    const int generation = ++m_generation;
    m_secrets->read(kSecretKey, [this, generation, kind, hub, user](bool found, const QString &secret) {
        if (generation != m_generation)
            return;
        if (!found) {
            Q_EMIT errorShown(tr("The saved connection's secret is not available; using the local service."));
            connectLocal();
            return;
        }
        connectWithCredential(kind, secret, hub, user);
    });
}

void ConnectionController::connectLocal()
{
    const int generation = ++m_generation;
    setClient(nullptr);
    if (m_local)
        m_local->deleteLater();
    m_local = new LocalService(this);
    setState(QStringLiteral("connecting"));
    m_transitions->append(tr("looking for the local service"));
    connect(m_local, &LocalService::failed, this, [this, generation](const QString &message) {
        if (generation != m_generation)
            return;
        m_transitions->append(message);
        Q_EMIT errorShown(message);
        setState(QStringLiteral("stopped"));
    });
    connect(m_local, &LocalService::found, this, [this, generation](const QUrl &endpoint, bool embedded) {
        if (generation != m_generation)
            return;
        std::unique_ptr<Client> client;
        QString handoffKey;
        const QString user = m_options.effectiveUser();
        m_userId = user;
        m_hub = m_options.effectiveHub();
        if (embedded) {
            if (m_service && m_published)
                LocalService::withdrawEndpoint(m_publishedEndpoint);
            m_service = m_local->takeService();
            m_published = true;
            m_publishedEndpoint = m_service->endpoint();
            const auto cs = WebPubSub::ConnectionString::parse(m_service->connectionString());
            WebPubSub::ClientTokenOptions tokenOptions;
            tokenOptions.userId = user;
            tokenOptions.roles = {QStringLiteral("webpubsub.joinLeaveGroup"),
                                  QStringLiteral("webpubsub.sendToGroup")};
            client = std::make_unique<Client>(
                WebPubSub::Credential::fromConnectionString(*cs, m_hub, tokenOptions),
                m_options.clientOptions);
            setEndpoint(tr("Local service on %1:%2 (this app)").arg(endpoint.host()).arg(endpoint.port()),
                        false, {});
        } else if (!m_local->accessKey().isEmpty()) {
            // Another instance's service, whose key is in the shared key file: the same user on the
            // same computer signs its own tokens (no open endpoint involved, works on the LAN too).
            const auto cs = WebPubSub::ConnectionString::parse(
                QStringLiteral("Endpoint=%1;AccessKey=%2;Version=1.0;")
                    .arg(endpoint.toString(QUrl::RemovePath), m_local->accessKey()));
            WebPubSub::ClientTokenOptions tokenOptions;
            tokenOptions.userId = user;
            tokenOptions.roles = {QStringLiteral("webpubsub.joinLeaveGroup"),
                                  QStringLiteral("webpubsub.sendToGroup")};
            client = std::make_unique<Client>(
                WebPubSub::Credential::fromConnectionString(*cs, m_hub, tokenOptions),
                m_options.clientOptions);
            setEndpoint(tr("Local service on %1:%2").arg(endpoint.host()).arg(endpoint.port()), false, {});
            handoffKey = m_local->accessKey();
        } else {
            // A service started with another key (hubbub-service --access-key): its loopback
            // /negotiate is what is left.
            QUrl negotiate = endpoint;
            negotiate.setPath(QStringLiteral("/negotiate"));
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("hub"), m_hub);
            query.addQueryItem(QStringLiteral("userId"), user);
            negotiate.setQuery(query);
            client = std::make_unique<Client>(
                WebPubSub::Credential::fromNegotiateUrl(negotiate, m_options.clientOptions.caCertificates),
                m_options.clientOptions);
            setEndpoint(tr("Local service on %1:%2").arg(endpoint.host()).arg(endpoint.port()), false, {});
        }
        m_local->deleteLater();
        m_local = nullptr;
        setClient(std::move(client));
        // Another instance hosts the service we reached with the shared key: should it go, this
        // instance may take it over (HostHandoff says when and why).
        if (!handoffKey.isEmpty())
            m_handoff->watch(m_client.get(), endpoint, handoffKey);
    });
    m_local->locate(m_options.localServicePort, m_options.discoverLocalService);
}

void ConnectionController::connectTo(const QString &kind, const QString &value, const QString &hub,
                                     const QString &user)
{
    const QString trimmed = value.trimmed();
    if (kind != u"negotiate" && kind != u"url" && kind != u"connectionString") {
        Q_EMIT errorShown(tr("Unknown connection kind \"%1\".").arg(kind));
        return;
    }
    if (trimmed.isEmpty()) {
        Q_EMIT errorShown(tr("Enter an address to connect to."));
        return;
    }
    if (kind == u"connectionString") {
        QString error;
        if (!WebPubSub::ConnectionString::parse(trimmed, &error)) {
            Q_EMIT errorShown(tr("Invalid connection string: %1").arg(error));
            return;
        }
        if (hub.trimmed().isEmpty()) {
            Q_EMIT errorShown(tr("A connection string needs a hub name."));
            return;
        }
    }
    // Only non-secret choices go to the settings file; the value itself goes to the keychain.
    QSettings settings(m_options.settingsPath(), QSettings::IniFormat);
    settings.setValue(kKindKey, kind);
    settings.setValue(kHubKey, hub);
    settings.setValue(kUserKey, user);
    m_secrets->write(kSecretKey, trimmed);
    connectWithCredential(kind, trimmed, hub, user);
}

void ConnectionController::connectWithCredential(const QString &kind, const QString &value,
                                                 const QString &hub, const QString &user)
{
    ++m_generation;
    if (m_local) {
        m_local->deleteLater();
        m_local = nullptr;
    }
    m_hub = hub.isEmpty() ? m_options.effectiveHub() : hub;
    m_userId = user.isEmpty() ? m_options.effectiveUser() : user;
    std::unique_ptr<Client> client;
    if (kind == u"negotiate") {
        QUrl url(value);
        // A bare "http://192.168.1.20:8080" (what "Host on LAN" shows) means a Hubbub service:
        // use its demo negotiate endpoint for this user and hub.
        if (url.path().isEmpty() || url.path() == u"/")
            url.setPath(QStringLiteral("/negotiate"));
        QUrlQuery query(url);
        if (url.path() == u"/negotiate") {
            if (!query.hasQueryItem(QStringLiteral("hub")))
                query.addQueryItem(QStringLiteral("hub"), m_hub);
            if (!query.hasQueryItem(QStringLiteral("userId")))
                query.addQueryItem(QStringLiteral("userId"), m_userId);
            // A Hubbub service hosted on the LAN wants the invite and a device key that holds the
            // guest's name: this profile keeps one.
            if (query.hasQueryItem(QStringLiteral("invite")) && !query.hasQueryItem(QStringLiteral("device")))
                query.addQueryItem(QStringLiteral("device"), guestDeviceKey());
            url.setQuery(query);
        }
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
            Q_EMIT errorShown(tr("A negotiate URL starts with http:// or https://."));
            return;
        }
        client = std::make_unique<Client>(
            WebPubSub::Credential::fromNegotiateUrl(url, m_options.clientOptions.caCertificates),
            m_options.clientOptions);
        setEndpoint(describeHost(url), false, {});
    } else if (kind == u"url") {
        const QUrl url(value);
        if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss")) {
            Q_EMIT errorShown(tr("A Client Access URL starts with ws:// or wss://."));
            return;
        }
        client = std::make_unique<Client>(WebPubSub::Credential::fromUrl(url), m_options.clientOptions);
        setEndpoint(describeHost(url), false, {});
    } else {
        QString error;
        const auto cs = WebPubSub::ConnectionString::parse(value, &error);
        if (!cs) {
            Q_EMIT errorShown(tr("Invalid connection string: %1").arg(error));
            return;
        }
        WebPubSub::ClientTokenOptions tokenOptions;
        tokenOptions.userId = m_userId;
        tokenOptions.roles = {QStringLiteral("webpubsub.joinLeaveGroup"),
                              QStringLiteral("webpubsub.sendToGroup")};
        client = std::make_unique<Client>(
            WebPubSub::Credential::fromConnectionString(*cs, m_hub, tokenOptions), m_options.clientOptions);
        setEndpoint(describeHost(cs->endpoint()), false, {});
    }
    setClient(std::move(client));
}

void ConnectionController::useLocalService()
{
    QSettings settings(m_options.settingsPath(), QSettings::IniFormat);
    settings.setValue(kKindKey, QStringLiteral("local"));
    settings.remove(kHubKey);
    settings.remove(kUserKey);
    m_secrets->remove(kSecretKey);
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

QString ConnectionController::stateName(int clientState)
{
    switch (Client::State(clientState)) {
    case Client::State::Connecting:
        return QStringLiteral("connecting");
    case Client::State::Connected:
        return QStringLiteral("connected");
    case Client::State::Recovering:
        return QStringLiteral("recovering");
    case Client::State::Reconnecting:
        return QStringLiteral("reconnecting");
    case Client::State::Stopped:
    case Client::State::Stopping:
        break;
    }
    return QStringLiteral("stopped");
}

void ConnectionController::onClientStateChanged()
{
    QString name = m_client ? stateName(int(m_client->state()))
                            : (m_local ? QStringLiteral("connecting") : QStringLiteral("stopped"));
    const bool offlineMode = m_offlineUntil.isValid() && m_offlineUntil > QDateTime::currentDateTimeUtc();
    const QNetworkInformation *info = QNetworkInformation::instance();
    const bool noNetwork = info && info->reachability() == QNetworkInformation::Reachability::Disconnected;
    if (name != u"connected" && name != u"stopped" && (offlineMode || noNetwork))
        name = QStringLiteral("offline");
    if (name == u"connected" || name == u"recovering") {
        m_countdown = -1;
        m_countdownTimer.stop();
        Q_EMIT reconnectCountdownChanged();
    }
    setState(name);
}

void ConnectionController::setState(const QString &state)
{
    if (m_state != state) {
        m_transitions->append(QStringLiteral("%1 → %2").arg(m_state, state));
        qCInfo(lcApp) << "connection state" << m_state << "->" << state;
        m_state = state;
        Q_EMIT stateChanged();
    }
    updateStatus();
}

void ConnectionController::updateStatus()
{
    QString text;
    if (m_state == u"connected")
        text = tr("Connected");
    else if (m_state == u"connecting")
        text = tr("Connecting…");
    else if (m_state == u"recovering")
        text = tr("Connection lost, recovering…");
    else if (m_state == u"reconnecting")
        text = m_countdown > 0 ? tr("Reconnecting in %1 s…").arg(m_countdown) : tr("Reconnecting…");
    else if (m_state == u"offline")
        text = m_countdown > 0 ? tr("Offline, retrying in %1 s…").arg(m_countdown) : tr("Offline");
    else
        text = tr("Not connected");
    if (text != m_statusText) {
        m_statusText = text;
        Q_EMIT statusTextChanged();
    }
    updateBanner();
}

void ConnectionController::tickCountdown()
{
    int seconds = -1;
    if (m_nextAttemptAt.isValid() && m_state != u"connected") {
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
    QVariantMap map;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    map.insert(QStringLiteral("state"), m_state);
    map.insert(QStringLiteral("networkReachability"), reachabilityName());
    map.insert(QStringLiteral("outboxSize"), m_outboxCount);
    map.insert(QStringLiteral("lastCloseCode"), m_report->lastCloseCode());
    map.insert(QStringLiteral("lastCloseReasonText"), m_report->lastCloseReasonText());
    map.insert(QStringLiteral("lastGap"), m_report->lastGapText());
    if (!m_client) {
        map.insert(QStringLiteral("hub"), m_hub);
        map.insert(QStringLiteral("userId"), m_userId);
        return map;
    }
    const WebPubSub::Diagnostics d = m_client->diagnostics();
    map.insert(QStringLiteral("stateSeconds"), d.stateSince.isValid() ? d.stateSince.secsTo(now) : 0);
    map.insert(QStringLiteral("connectionId"), m_client->connectionId());
    map.insert(QStringLiteral("userId"), m_client->userId().isEmpty() ? m_userId : m_client->userId());
    map.insert(QStringLiteral("hub"), d.hub.isEmpty() ? m_hub : d.hub);
    map.insert(QStringLiteral("subprotocol"), d.subprotocol);
    map.insert(QStringLiteral("endpointHost"), d.endpointHost);
    map.insert(QStringLiteral("lastReceivedSequenceId"), d.lastReceivedSequenceId);
    map.insert(QStringLiteral("lastAckedSequenceId"), d.lastAckedSequenceId);
    map.insert(QStringLiteral("duplicatesDropped"), d.duplicatesDropped);
    map.insert(QStringLiteral("pendingOperations"), d.pendingOperations);
    // One rule, so a message never counts twice: outboxSize is the app's own chat messages not yet
    // acknowledged (what the banner shows). While one is being sent, or waits in the client for a
    // connection, the client's queue holds it TOO: that queue (which also holds presence and joins)
    // is shown apart as clientQueue, never added to outboxSize.
    map.insert(QStringLiteral("outboxSize"), m_outboxCount);
    map.insert(QStringLiteral("clientQueue"), d.outboxSize);
    map.insert(QStringLiteral("recoveries"), d.recoveries);
    map.insert(QStringLiteral("reconnects"), d.reconnects);
    map.insert(QStringLiteral("lastCloseCode"), d.lastCloseCode);
    map.insert(QStringLiteral("lastCloseReason"), d.lastCloseReason);
    map.insert(QStringLiteral("lastCloseReasonText"), m_report->lastCloseReasonText());
    map.insert(QStringLiteral("lastGap"), m_report->lastGapText());
    map.insert(QStringLiteral("roundTripMs"), d.roundTripMs);
    const QDateTime last = d.lastFrameReceivedAt.isValid() ? d.lastFrameReceivedAt : m_lastMessageAt;
    map.insert(QStringLiteral("lastMessageAgeSeconds"), last.isValid() ? last.secsTo(now) : -1);
    map.insert(QStringLiteral("tokenExpiresAt"),
               d.tokenExpiresAt.isValid() ? d.tokenExpiresAt.toUTC().toString(Qt::ISODate) : QString());
    return map;
}

QString ConnectionController::diagnosticsText() const
{
    const QVariantMap map = diagnostics();
    QString text =
        tr("Hubbub diagnostics (%1)").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)) + u'\n';
    text += tr("endpoint: %1").arg(m_endpointDescription) + u'\n';
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        text += it.key() + QStringLiteral(": ") + it.value().toString() + u'\n';
    text += tr("transitions:") + u'\n' + m_transitions->toText();
    // Defence in depth: nothing above carries a token, but a close reason or error message might.
    static const QRegularExpression tokenRe(QStringLiteral("((?:access_token|awps_reconnection_token|token|"
                                                           "AccessKey)[=:]\\s*)[^&;\\s]+"),
                                            QRegularExpression::CaseInsensitiveOption);
    text.replace(tokenRe, QStringLiteral("\\1REDACTED"));
    return text;
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

void ConnectionController::goOffline(int seconds)
{
    if (!m_client || seconds <= 0)
        return;
    m_transitions->append(tr("going offline for %1 s (requested)").arg(seconds));
    m_offlineUntil = QDateTime::currentDateTimeUtc().addSecs(seconds);
    m_offlineTimer.start(seconds * 1000);
    m_client->goOffline(seconds * 1000);
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
    m_transitions->append(tr("network: %1").arg(reachabilityName()));
    // Back online: do not wait for the backoff timer (the OS told us the network changed).
    if (info && info->reachability() == QNetworkInformation::Reachability::Online && m_client &&
        m_client->state() == Client::State::Reconnecting && !m_offlineUntil.isValid())
        m_client->forceReconnect();
    onClientStateChanged();
}

QString ConnectionController::firstLanIPv4()
{
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        const auto flags = iface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning) ||
            flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        const auto entries = iface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            const QHostAddress ip = entry.ip();
            if (ip.protocol() == QAbstractSocket::IPv4Protocol && !ip.isLoopback() && !ip.isLinkLocal())
                return ip.toString();
        }
    }
    return {};
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
    QString error;
    const QHostAddress address =
        host ? QHostAddress(QHostAddress::AnyIPv4) : QHostAddress(QHostAddress::LocalHost);
    if (!m_service->rebind(address, &error)) {
        Q_EMIT errorShown(tr("Could not host on the LAN: %1").arg(error));
        Q_EMIT endpointChanged();
        return;
    }
    const quint16 port = m_service->port();
    QString lan;
    if (host) {
        const QString ip = firstLanIPv4();
        lan = QStringLiteral("http://%1:%2").arg(ip.isEmpty() ? QStringLiteral("127.0.0.1") : ip).arg(port);
        if (ip.isEmpty())
            Q_EMIT errorShown(tr("No LAN address found: others cannot reach this computer."));
    }
    m_transitions->append(host ? tr("hosting on the LAN at %1").arg(lan)
                               : tr("hosting on this computer only"));
    // Our client was closed with 1001 by the rebind and reconnects on its own (loopback still works).
    const QString where = host ? tr("LAN service on %1 (this app)").arg(lan.mid(7))
                               : tr("Local service on 127.0.0.1:%1 (this app)").arg(port);
    setEndpoint(where, host, lan);
}

QString ConnectionController::guestDeviceKey() const
{
    QSettings settings(m_options.settingsPath(), QSettings::IniFormat);
    QString key = settings.value(kDeviceKey).toString();
    if (key.size() < 16) {
        QByteArray bytes(24, Qt::Uninitialized);
        QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
        key = QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding));
        settings.setValue(kDeviceKey, key);
    }
    return key;
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

} // namespace Hubbub

namespace Hubbub {

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
    const bool down = m_state != u"connected" && m_state != u"connecting";
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
