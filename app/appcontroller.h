// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The app's root object for QML: a thin facade over the app classes that do the work.
//!
//! Everything the UI does goes through here (QML holds no logic), and each call is handed to the
//! class whose job it is: RoomDirectory (rooms and their models), Outbox (own messages until
//! acknowledged), Inbox (what arrives), PresenceTracker (presence, typing, idle), Preferences
//! (the profile's settings) and ConnectionController (the client). This class wires them to the
//! current client and to each other; rooms are Web PubSub groups.
#pragma once

#include "appoptions.h"
#include "chatactions.h"
#include "connectioncontroller.h"
#include "drafts.h"
#include "localuser.h"
#include "membermodel.h"
#include "mentions.h"
#include "messagemodel.h"
#include "messagesearch.h"
#include "notices.h"
#include "outbox.h"
#include "pictures.h"
#include "presencetracker.h"
#include "presentmode.h"
#include "replyresolver.h"
#include "roomdirectory.h"
#include "roomlistmodel.h"
#include "senderpolicy.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace WebPubSub {
class Client;
}

namespace Hubbub {

class Backfill;
class HistoryStore;
class Inbox;
class NotificationPolicy;
class Outbox;
class Preferences;
class PresenceTracker;
class RoomDirectory;
class SecretStore;

class AppController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Hubbub::ConnectionController *connection READ connection CONSTANT)
    Q_PROPERTY(Hubbub::RoomListModel *rooms READ rooms CONSTANT)
    //! Present mode ("On stage"): the guests, the join URL and the presenter's controls.
    Q_PROPERTY(Hubbub::PresentMode *present READ present CONSTANT)
    Q_PROPERTY(Hubbub::MessageSearch *search READ search CONSTANT)
    Q_PROPERTY(Hubbub::Drafts *drafts READ drafts CONSTANT)
    //! Edit, delete for everyone and reactions on the messages of the current room.
    Q_PROPERTY(Hubbub::ChatActions *chat READ chat CONSTANT)
    //! Replies (quotes, jumping to the original) and @mentions (the muted-rooms preference).
    Q_PROPERTY(Hubbub::ReplyResolver *replies READ replies CONSTANT)
    Q_PROPERTY(Hubbub::Mentions *mentions READ mentions CONSTANT)
    //! Server messages (REST sendToAll/-User/-Connection), apart from the rooms.
    Q_PROPERTY(Hubbub::Notices *notices READ notices CONSTANT)
    //! Pictures: paste, drop or pick one to send to the current room.
    Q_PROPERTY(Hubbub::Pictures *pictures READ pictures CONSTANT)
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
    PresentMode *present() const { return m_present; }
    MessageSearch *search() const { return m_search; }
    Drafts *drafts() const { return m_drafts; }
    ChatActions *chat() const { return m_chat; }
    ReplyResolver *replies() const { return m_replies; }
    Mentions *mentions() const { return m_mentions; }
    Notices *notices() const { return m_notices; }
    Pictures *pictures() const { return m_pictures; }
    RoomListModel *rooms() const { return m_rooms->list(); }
    MessageModel *messages() const;
    MemberModel *members() const;
    QString currentRoom() const { return m_rooms->current(); }
    QString userName() const { return m_self.userName; }
    QString userId() const { return m_self.userId; }
    QString profile() const { return m_options.effectiveProfile(); }
    bool darkTheme() const { return m_darkTheme; }
    void setDarkTheme(bool dark);
    bool typingIndicatorsEnabled() const { return m_presence->typingEnabled(); }
    void setTypingIndicatorsEnabled(bool enabled);
    QString typingText() const { return m_presence->typingText(); }
    bool diagnosticsVisible() const { return m_connection->diagnosticsVisible(); }
    void setDiagnosticsVisible(bool visible) { m_connection->setDiagnosticsVisible(visible); }
    bool userIdle() const { return m_presence->userIdle(); }
    void setUserIdle(bool idle) { m_presence->setUserIdle(idle); }
    //! This app instance's id in presence envelopes (one per process and profile).
    QString instanceId() const { return m_self.instanceId; }
    //! The rooms and their per-room models (RoomDirectory::openMessages() etc.).
    RoomDirectory *directory() const { return m_rooms; }
    HistoryStore *history() const { return m_history.get(); }
    //! Gap markers and backfill from peers.
    Backfill *backfill() const { return m_backfill; }
    //! Which received messages notify.
    NotificationPolicy *notifications() const { return m_notifications; }
    //! Own messages not yet acknowledged, in send order.
    QStringList outboxIds() const { return m_outbox->ids(); }

    Q_INVOKABLE void joinRoom(const QString &name);
    Q_INVOKABLE void leaveRoom(const QString &name);
    Q_INVOKABLE void selectRoom(const QString &name);
    //! \a replyToId: the message of the current room it replies to ("" for none).
    Q_INVOKABLE bool sendMessage(const QString &text, const QString &replyToId = {});
    //! Sends \a text to \a room (not necessarily the current one); false when empty/unknown room.
    bool sendMessageTo(const QString &room, const QString &text, const QString &replyToId = {});
    Q_INVOKABLE void retryMessage(const QString &messageId) { m_outbox->retry(messageId); }
    Q_INVOKABLE void deleteMessage(const QString &messageId) { m_outbox->remove(messageId); }
    Q_INVOKABLE void retryAllFailed() { m_outbox->retryAllFailed(); }
    Q_INVOKABLE void nextUnreadRoom();
    Q_INVOKABLE void setRoomMuted(const QString &room, bool muted);
    Q_INVOKABLE void composerTextEdited() { m_presence->composerTextEdited(); }
    Q_INVOKABLE void markRead();
    Q_INVOKABLE void openLink(const QString &url);
    Q_INVOKABLE void loadOlder() { m_rooms->loadOlder(); }
    //! The user did something (key, mouse): not idle. Once called, userIdle becomes true after
    //! AppOptions::idleAwayAfter without activity (this, typing, sending, switching rooms); a UI
    //! that never calls it sets userIdle itself.
    Q_INVOKABLE void userActivity() { m_presence->userActivity(); }

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
    void onClientChanged(WebPubSub::Client *client);
    void onConnected(const QString &connectionId, const QString &userId, bool reconnect);
    void onCurrentRoomChanged();
    void joinGroup(const QString &name);
    bool connected() const;

    AppOptions m_options;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<HistoryStore> m_history;
    LocalUser m_self;
    SenderPolicy m_senders;
    SecretStore *m_secrets;
    ConnectionController *m_connection;
    PresentMode *m_present;
    RoomDirectory *m_rooms;
    NotificationPolicy *m_notifications;
    PresenceTracker *m_presence;
    Outbox *m_outbox;
    Inbox *m_inbox;
    ChatActions *m_chat;
    Notices *m_notices;
    Pictures *m_pictures;
    Backfill *m_backfill = nullptr;
    MessageSearch *m_search;
    Drafts *m_drafts;
    ReplyResolver *m_replies;
    Mentions *m_mentions;
    QPointer<WebPubSub::Client> m_client;
    bool m_darkTheme = false;
    bool m_started = false;
    bool m_shutDown = false;
};

} // namespace Hubbub
