// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Owns the WebPubSub::Client (and the embedded service, if any) and turns their state into
//! what the status bar, the banner and the diagnostics panel show.
//!
//! Where to connect is decided here: the embedded/local service, a negotiate URL, a Client Access
//! URL or a connection string + hub. Replacing the client emits clientChanged() so the
//! AppController can rewire its room logic.
#pragma once

#include "appoptions.h"
#include "transitionlogmodel.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QVariantMap>

#include <memory>

namespace WebPubSub {
class Client;
}

namespace Hubbub {

class Service;
class SecretStore;
class LocalService;
class HostHandoff;
class ConnectionReport;
class EndpointFactory;
class Preferences;

class ConnectionController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    //! The state's name in reports ("connected", "reconnecting", …): for display only.
    Q_PROPERTY(QString stateName READ stateName NOTIFY stateChanged)
    //! Human-readable status, e.g. "Reconnecting in 4 s…".
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusTextChanged)
    //! Seconds until the next connection attempt; -1 when none is scheduled.
    Q_PROPERTY(int reconnectCountdown READ reconnectCountdown NOTIFY reconnectCountdownChanged)
    //! Own messages waiting to be sent (the banner's count). Counted once: the app's own chat
    //! messages not yet acknowledged, whether or not the client also holds them (see diagnostics()).
    Q_PROPERTY(int outboxCount READ outboxCount NOTIFY outboxCountChanged)
    //! The last WebSocket close code (1001: the host quit; 1006: no close frame), 0 when none yet.
    Q_PROPERTY(int lastCloseCode READ lastCloseCode NOTIFY reportChanged)
    //! The last close (or refused connection) in words; empty when none yet.
    Q_PROPERTY(QString lastCloseReasonText READ lastCloseReasonText NOTIFY reportChanged)
    //! The last gap in words ("messages between 12:01:03 and 12:01:05 may be missing (lobby)").
    Q_PROPERTY(QString lastGapText READ lastGapText NOTIFY reportChanged)
    //! What the banner shows: statusText, why the link was lost while it is down, the last gap.
    Q_PROPERTY(QString bannerText READ bannerText NOTIFY bannerTextChanged)
    Q_PROPERTY(bool connected READ isConnected NOTIFY stateChanged)
    //! Multi-line snapshot of diagnostics + transitions, tokens redacted (what copyDiagnostics copies).
    Q_PROPERTY(QString diagnosticsText READ diagnosticsText NOTIFY diagnosticsChanged)
    //! Keys: state, stateSeconds, connectionId, userId, hub, subprotocol, endpointHost,
    //! lastReceivedSequenceId, lastAckedSequenceId, duplicatesDropped, pendingOperations,
    //! outboxSize, recoveries, reconnects, lastCloseCode, lastCloseReason, roundTripMs,
    //! lastMessageAgeSeconds, tokenExpiresAt, networkReachability.
    Q_PROPERTY(QVariantMap diagnostics READ diagnostics NOTIFY diagnosticsChanged)
    Q_PROPERTY(Hubbub::TransitionLogModel *transitions READ transitions CONSTANT)
    //! e.g. "Local service on 127.0.0.1:8080" or "Azure Web PubSub at x.webpubsub.azure.com".
    Q_PROPERTY(QString endpointDescription READ endpointDescription NOTIFY endpointChanged)
    //! The address others type in to join ("http://192.168.1.20:8080"), empty unless hosting on LAN.
    Q_PROPERTY(QString lanAddress READ lanAddress NOTIFY endpointChanged)
    Q_PROPERTY(bool hostingOnLan READ hostingOnLan NOTIFY endpointChanged)
    //! The invite others need to join while hosting on the LAN (empty otherwise): show it with lanAddress.
    Q_PROPERTY(QString lanInvite READ lanInvite NOTIFY endpointChanged)
    //! Using the service embedded in this process.
    Q_PROPERTY(bool embedded READ embedded NOTIFY endpointChanged)
    //! Refresh diagnostics (at most every 500 ms) only while the panel is visible.
    Q_PROPERTY(bool diagnosticsVisible READ diagnosticsVisible WRITE setDiagnosticsVisible NOTIFY
                   diagnosticsVisibleChanged)
public:
    //! The link as the user sees it: the client's state, except that a link down while the
    //! network is gone (or "Go offline" was asked for) is Offline.
    enum class State { Stopped, Connecting, Connected, Recovering, Reconnecting, Offline };
    Q_ENUM(State)
    //! What connectTo() is given: a negotiate URL, a Client Access URL or a connection string
    //! (QML passes ConnectionController.Negotiate etc.; the settings keep EndpointFactory's names).
    enum class Kind { Negotiate, Url, ConnectionString };
    Q_ENUM(Kind)

    //! Keeps its choices in its own Preferences for the profile.
    explicit ConnectionController(const AppOptions &options, SecretStore *secrets, QObject *parent = nullptr);
    //! Keeps its choices in \a preferences (shared with the AppController; must outlive this).
    ConnectionController(const AppOptions &options, SecretStore *secrets, Preferences *preferences,
                         QObject *parent = nullptr);
    ~ConnectionController() override;

    State state() const { return m_state; }
    QString stateName() const { return stateName(m_state); }
    QString statusText() const { return m_statusText; }
    int reconnectCountdown() const { return m_countdown; }
    int outboxCount() const { return m_outboxCount; }
    int lastCloseCode() const;
    QString lastCloseReasonText() const;
    QString lastGapText() const;
    QString bannerText() const { return m_bannerText; }
    //! Takes the local service over when its host goes (tests tune its delay).
    HostHandoff *hostHandoff() const { return m_handoff; }
    bool isConnected() const { return m_state == State::Connected; }
    QString diagnosticsText() const;
    QVariantMap diagnostics() const;
    TransitionLogModel *transitions() const { return m_transitions; }
    QString endpointDescription() const { return m_endpointDescription; }
    QString lanAddress() const { return m_lanAddress; }
    bool hostingOnLan() const { return m_hostingOnLan; }
    //! The profile's settings file (AppOptions::settingsPath()): Present mode keeps its screen there.
    QString settingsPath() const { return m_options.settingsPath(); }
    QString lanInvite() const;
    bool embedded() const { return m_service != nullptr; }
    bool diagnosticsVisible() const { return m_diagnosticsVisible; }
    void setDiagnosticsVisible(bool visible);

    //! The client in use (null until start() found an endpoint).
    WebPubSub::Client *client() const { return m_client.get(); }
    //! The embedded service, when this process runs one.
    Service *service() const { return m_service.get(); }
    //! The userId asked for (the connected one may differ if the credential says otherwise).
    QString requestedUserId() const { return m_userId; }
    //! Set by the AppController: own messages not yet acknowledged.
    void setOutboxCount(int count);

    //! Chooses the endpoint from the options (flags, saved choice, else local service) and
    //! connects. Called once by the AppController.
    void start();

    Q_INVOKABLE void dropConnection();
    //! Fault injection: the client drops the link and does not reconnect for \a milliseconds.
    Q_INVOKABLE void goOffline(int milliseconds);
    Q_INVOKABLE void forceReconnect();
    Q_INVOKABLE void copyDiagnostics();
    Q_INVOKABLE void setHostOnLan(bool host);
    //! Secrets go to the keychain; the choice (kind, hub, user, non-secret endpoint) to the
    //! profile's settings.
    Q_INVOKABLE void connectTo(Hubbub::ConnectionController::Kind kind, const QString &value,
                               const QString &hub = {}, const QString &user = {});
    Q_INVOKABLE void useLocalService();

    //! The state a client state shows as (before the offline rule).
    static State stateFor(int clientState);
    //! The contract's name of \a state, for reports and the transition log.
    static QString stateName(State state);

Q_SIGNALS:
    void stateChanged();
    void statusTextChanged();
    void reconnectCountdownChanged();
    void outboxCountChanged();
    void reportChanged();
    void bannerTextChanged();
    void diagnosticsChanged();
    void endpointChanged();
    void diagnosticsVisibleChanged();
    //! A new client replaced the old one (which is deleted later). \a client may be null.
    void clientChanged(WebPubSub::Client *client);
    //! Something the user should see (bad connection string, keychain unavailable, …).
    void errorShown(const QString &message);

private:
    void setClient(std::unique_ptr<WebPubSub::Client> client);
    void connectLocal();
    void connectWithCredential(Kind kind, const QString &value, const QString &hub, const QString &user);
    void onClientStateChanged();
    void updateStatus();
    void setState(State state);
    void tickCountdown();
    void refreshDiagnostics();
    void setEndpoint(const QString &description, bool hostingOnLan, const QString &lanAddress);

    void applyReachability();
    void onTookOver(const QUrl &endpoint);
    void updateBanner();

    AppOptions m_options;
    SecretStore *m_secrets;
    std::unique_ptr<Preferences> m_ownPreferences; // when none was given
    std::unique_ptr<EndpointFactory> m_endpoints;
    LocalService *m_local = nullptr;
    bool m_published = false;
    int m_generation = 0; // bumps when the endpoint changes, so late async answers are ignored
    TransitionLogModel *m_transitions;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<WebPubSub::Client> m_client;
    QString m_userId;
    QString m_hub;
    State m_state = State::Stopped;
    QString m_statusText;
    int m_countdown = -1;
    QDateTime m_nextAttemptAt;
    QTimer m_countdownTimer;
    QTimer m_diagnosticsTimer;
    QTimer m_offlineTimer;
    QDateTime m_offlineUntil;
    int m_outboxCount = 0;
    QString m_endpointDescription;
    QString m_lanAddress;
    bool m_hostingOnLan = false;
    bool m_diagnosticsVisible = false;
    QDateTime m_lastMessageAt;
    QVariantMap m_diagnosticsCache;
    HostHandoff *m_handoff;
    ConnectionReport *m_report;
    QString m_bannerText;
    QUrl m_publishedEndpoint;
};

} // namespace Hubbub
