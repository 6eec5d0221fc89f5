// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The app's root object for QML: rooms, messages, members, sending, presence, settings.
//!
//! Everything the UI does goes through here (QML holds no logic). Rooms are Web PubSub groups;
//! messages are JSON envelopes (MessageEnvelope) kept in a per-profile SQLite history; own
//! messages go through an ordered outbox that survives disconnections and is delivered exactly
//! once (ackId retries by the client, message-id deduplication by receivers).
#pragma once

#include "appoptions.h"
#include "chatmessage.h"
#include "connectioncontroller.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "roomlistmodel.h"
#include "senderpolicy.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSettings>
#include <QTimer>

#include <memory>
#include <optional>

namespace WebPubSub {
class Client;
struct GroupMessage;
struct OperationResult;
class Error;
} // namespace WebPubSub

namespace Hubbub {

class Backfill;
class HistoryStore;
class SecretStore;
class TrayNotifier;
struct MessageEnvelope;

class AppController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Hubbub::ConnectionController *connection READ connection CONSTANT)
    Q_PROPERTY(Hubbub::RoomListModel *rooms READ rooms CONSTANT)
    //! The current room's messages (an empty model when no room is selected).
    Q_PROPERTY(Hubbub::MessageModel *messages READ messages NOTIFY currentRoomChanged)
    //! The current room's members.
    Q_PROPERTY(Hubbub::MemberModel *members READ members NOTIFY currentRoomChanged)
    Q_PROPERTY(QString currentRoom READ currentRoom WRITE selectRoom NOTIFY currentRoomChanged)
    //! Display name.
    Q_PROPERTY(QString userName READ userName NOTIFY userChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY userChanged)
    Q_PROPERTY(QString profile READ profile CONSTANT)
    Q_PROPERTY(bool darkTheme READ darkTheme WRITE setDarkTheme NOTIFY darkThemeChanged)
    //! Off: typing notifications are neither sent nor shown.
    Q_PROPERTY(bool typingIndicatorsEnabled READ typingIndicatorsEnabled WRITE setTypingIndicatorsEnabled
                   NOTIFY typingIndicatorsEnabledChanged)
    //! e.g. "bob is typing…" for the current room, empty when nobody is.
    Q_PROPERTY(QString typingText READ typingText NOTIFY typingTextChanged)
    Q_PROPERTY(bool diagnosticsVisible READ diagnosticsVisible WRITE setDiagnosticsVisible NOTIFY
                   diagnosticsVisibleChanged)
    //! Set by the UI when the user has been idle (no input) for a while: presence becomes away.
    Q_PROPERTY(bool userIdle READ userIdle WRITE setUserIdle NOTIFY userIdleChanged)
public:
    //! Reads the profile's settings and history; call start() to connect.
    explicit AppController(const AppOptions &options = {}, QObject *parent = nullptr);
    ~AppController() override;

    //! Connects (as the options say) and rejoins the remembered rooms.
    Q_INVOKABLE void start();
    //! Says goodbye in every room and stops the client (also done on destruction).
    Q_INVOKABLE void shutdown();
    //! The Quit action: asks the application to leave cleanly (quitRequested(); app/main.cpp runs
    //! a QuitSequence, as for SIGTERM/SIGINT/SIGHUP and closing the window).
    Q_INVOKABLE void quit() { Q_EMIT quitRequested(); }

    ConnectionController *connection() const { return m_connection; }
    RoomListModel *rooms() const { return m_rooms; }
    MessageModel *messages() const;
    MemberModel *members() const;
    QString currentRoom() const { return m_currentRoom; }
    QString userName() const { return m_userName; }
    QString userId() const { return m_userId; }
    QString profile() const { return m_options.effectiveProfile(); }
    bool darkTheme() const { return m_darkTheme; }
    void setDarkTheme(bool dark);
    bool typingIndicatorsEnabled() const { return m_typingEnabled; }
    void setTypingIndicatorsEnabled(bool enabled);
    QString typingText() const { return m_typingText; }
    bool diagnosticsVisible() const;
    void setDiagnosticsVisible(bool visible);
    bool userIdle() const { return m_userIdle; }
    void setUserIdle(bool idle);
    //! This app instance's id in presence envelopes (one per process and profile).
    QString instanceId() const { return m_instanceId; }
    //! The models of \a room (created on demand), for tests and notifications.
    MessageModel *messageModel(const QString &room);
    MemberModel *memberModel(const QString &room);
    HistoryStore *history() const { return m_history.get(); }
    //! Gap markers and backfill from peers.
    Backfill *backfill() const { return m_backfill; }
    TrayNotifier *trayNotifier() const { return m_tray; }
    //! Own messages not yet acknowledged, in send order.
    QStringList outboxIds() const;

    Q_INVOKABLE void joinRoom(const QString &name);
    Q_INVOKABLE void leaveRoom(const QString &name);
    Q_INVOKABLE void selectRoom(const QString &name);
    Q_INVOKABLE bool sendMessage(const QString &text);
    //! Sends \a text to \a room (not necessarily the current one); false when empty/unknown room.
    bool sendMessageTo(const QString &room, const QString &text);
    Q_INVOKABLE void retryMessage(const QString &messageId);
    Q_INVOKABLE void deleteMessage(const QString &messageId);
    Q_INVOKABLE void retryAllFailed();
    Q_INVOKABLE void nextUnreadRoom();
    Q_INVOKABLE void setRoomMuted(const QString &room, bool muted);
    Q_INVOKABLE void composerTextEdited();
    Q_INVOKABLE void markRead();
    Q_INVOKABLE void openLink(const QString &url);
    Q_INVOKABLE void loadOlder();
    //! Asks everyone in \a room to announce themselves (done automatically on join).
    Q_INVOKABLE void queryPresence(const QString &room);
    //! The user did something (key, mouse): not idle. Once called, userIdle becomes true after
    //! AppOptions::idleAwayAfter without activity (this, typing, sending, switching rooms); a UI
    //! that never calls it sets userIdle itself.
    Q_INVOKABLE void userActivity();

Q_SIGNALS:
    void currentRoomChanged();
    void userChanged();
    void darkThemeChanged();
    void typingIndicatorsEnabledChanged();
    void typingTextChanged();
    void diagnosticsVisibleChanged();
    void userIdleChanged();
    //! A message arrived in a room not in view and not muted. \a sender is the sender's userId
    //! (or "anonymous"); all three are plain text from other parties.
    void notificationRequested(const QString &room, const QString &sender, const QString &text);
    //! The same notification for the desktop's notification service, which may interpret markup:
    //! \a title and \a body are HTML-escaped.
    void systemNotificationRequested(const QString &title, const QString &body);
    void errorShown(const QString &message);
    //! quit() was called.
    void quitRequested();
    //! A message was added to a room's model (received or own).
    void messageAdded(const QString &room, const QString &messageId);

private:
    struct OutboxEntry
    {
        QString id;
        QString room;
        quint64 order = 0;
        std::optional<quint64> ackId; // reused when retrying on the same connection
        QString ackConnectionId;
        bool inFlight = false;
        QJsonObject envelope;
        int attempt = 0; // results of older attempts (e.g. from a replaced client) are ignored
    };

    void onClientChanged(WebPubSub::Client *client);
    void onConnected(const QString &connectionId, const QString &userId, bool reconnect);
    void onGroupMessage(const WebPubSub::GroupMessage &message);
    void handleChat(const QString &room, const ChatMessage &message);
    void handleEnvelope(const QString &room, const QString &fromUserId, const MessageEnvelope &env,
                        const QDateTime &arrival);
    ChatMessage receivedMessage(const QString &room, const QString &fromUserId, const MessageEnvelope &env,
                                const QDateTime &arrival);
    void flushIncoming();
    void flushOutbox();
    void sendEntry(OutboxEntry &entry);
    void onSendResult(const QString &messageId, int attempt, const QString &connectionId,
                      const WebPubSub::OperationResult &r);
    void setStatus(const QString &room, const QString &messageId, DeliveryStatus status);
    void sendPresence(const QString &room, const QString &kind, bool fireAndForget = true);
    void announceAll(const QString &kind);
    void heartbeat();
    void updateTypingText();
    void updateOutboxCount();
    void ensureRoom(const QString &name);
    void joinGroup(const QString &name);
    bool isAway() const;
    bool roomInView(const QString &room) const;
    void heardSelf(const QString &room);
    void answerWho(const QString &room);
    void retryEntry(const QString &room, const QString &messageId);
    void persistRoom(const QString &room);
    void noteActivity();
    void loadLatest(const QString &room);

    AppOptions m_options;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<HistoryStore> m_history;
    SecretStore *m_secrets;
    ConnectionController *m_connection;
    RoomListModel *m_rooms;
    TrayNotifier *m_tray;
    Backfill *m_backfill = nullptr;
    QPointer<WebPubSub::Client> m_client;
    QHash<QString, MessageModel *> m_messageModels;
    QHash<QString, MemberModel *> m_memberModels;
    MessageModel *m_emptyMessages;
    MemberModel *m_emptyMembers;
    QString m_currentRoom;
    QString m_userName;
    QString m_userId;
    QString m_instanceId;
    SenderPolicy m_senders;
    bool m_darkTheme = false;
    bool m_typingEnabled = true;
    bool m_userIdle = false;
    bool m_idleTracking = false;
    bool m_started = false;
    bool m_shutDown = false;
    QString m_typingText;
    QList<OutboxEntry> m_outbox;
    quint64 m_outboxOrder = 0;
    QHash<QString, QList<ChatMessage>> m_incoming; // room → batch waiting for flushIncoming
    QTimer m_incomingTimer;
    QTimer m_heartbeatTimer;
    QTimer m_expiryTimer;
    QTimer m_idleTimer;
    QHash<QString, QDateTime> m_lastTypingSent; // room → when
    QSet<QString> m_whoPending;                 // rooms with a "who" answer scheduled
    bool m_lastAway = false;
};

} // namespace Hubbub
