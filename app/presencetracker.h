// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Presence in the rooms: who is there (heartbeats, "who" questions and their answers,
//! goodbyes), who is typing, and whether this user is away (idle or hidden app).
//!
//! Presence envelopes are fire-and-forget and never echoed; members are heard into each room's
//! MemberModel (RoomDirectory) and expire after a silence of 2.5 heartbeats.
#pragma once

#include "appoptions.h"
#include "messageenvelope.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace WebPubSub {
class Client;
}

namespace Hubbub {

class RoomDirectory;
struct LocalUser;

class PresenceTracker : public QObject
{
    Q_OBJECT
public:
    //! \a rooms and \a self must outlive this.
    PresenceTracker(const AppOptions &options, RoomDirectory *rooms, const LocalUser *self,
                    QObject *parent = nullptr);

    void setClient(WebPubSub::Client *client);
    //! Starts the heartbeat, member expiry and (if tracked) idle timers.
    void start();
    //! Stops the timers; says goodbye in every room while connected.
    void stop();

    //! Sends a presence-kind envelope (Presence, Who, Typing or Goodbye) to \a room, if connected.
    void send(const QString &room, MessageEnvelope::Kind kind, bool fireAndForget = true);
    //! Sends \a kind to every room (Presence also updates our own row).
    void announceAll(MessageEnvelope::Kind kind);
    //! Our own row in \a room, as others see it.
    void heardSelf(const QString &room);
    //! Joined \a room (again): say we are here and ask who else is.
    void joined(const QString &room);
    //! Leaving \a room: goodbye, and forget its typing throttle.
    void leaving(const QString &room);
    //! A presence-kind envelope from \a userId (shown as \a name) in \a room.
    void handle(const QString &room, const QString &userId, const QString &name, const MessageEnvelope &env);
    //! \a userId's message arrived in \a room: they stopped typing.
    void messageReceived(const QString &room, const QString &userId);
    //! We sent a message to \a room: the next keystroke may say "typing" again at once.
    void messageSent(const QString &room) { m_lastTypingSent.remove(room); }
    //! A keystroke in the composer of the current room (throttled "typing").
    void composerTextEdited();

    bool typingEnabled() const { return m_typingEnabled; }
    void setTypingEnabled(bool enabled);
    QString typingText() const { return m_typingText; }
    void updateTypingText();

    bool userIdle() const { return m_userIdle; }
    void setUserIdle(bool idle);
    //! The user did something: not idle; opts into automatic idle tracking.
    void userActivity();
    //! Like userActivity() but without opting in.
    void noteActivity();
    //! Idle, or the app is hidden (the cheap stand-in for "screen locked").
    bool isAway() const;

Q_SIGNALS:
    void typingTextChanged();
    void userIdleChanged();

private:
    bool connected() const;
    void answerWho(const QString &room);

    AppOptions m_options;
    RoomDirectory *m_rooms;
    const LocalUser *m_self;
    QPointer<WebPubSub::Client> m_client;
    bool m_typingEnabled = true;
    bool m_userIdle = false;
    bool m_idleTracking = false;
    bool m_started = false;
    bool m_lastAway = false;
    QString m_typingText;
    QTimer m_heartbeatTimer;
    QTimer m_expiryTimer;
    QTimer m_idleTimer;
    QHash<QString, QDateTime> m_lastTypingSent; // room → when
    QSet<QString> m_whoPending;                 // rooms with a "who" answer scheduled
};

} // namespace Hubbub
