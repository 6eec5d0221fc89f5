// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "presencetracker.h"

#include "client.h"
#include "localuser.h"
#include "membermodel.h"
#include "roomdirectory.h"

#include <QGuiApplication>
#include <QRandomGenerator>

#include <algorithm>

namespace Hubbub {

using WebPubSub::Client;
using Kind = MessageEnvelope::Kind;

PresenceTracker::PresenceTracker(const AppOptions &options, RoomDirectory *rooms, const LocalUser *self,
                                 QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_rooms(rooms)
    , m_self(self)
{
    m_heartbeatTimer.setInterval(int(m_options.heartbeatInterval.count()));
    connect(&m_heartbeatTimer, &QTimer::timeout, this, [this]() { announceAll(Kind::Presence); });
    m_expiryTimer.setInterval(int(std::clamp<qint64>(m_options.heartbeatInterval.count() / 4, 100, 1000)));
    connect(&m_expiryTimer, &QTimer::timeout, this, [this]() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto members = m_rooms->openedMembers();
        for (MemberModel *model : members)
            model->expire(now);
        updateTypingText();
    });
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(int(m_options.idleAwayAfter.count()));
    connect(&m_idleTimer, &QTimer::timeout, this, [this]() { setUserIdle(true); });
    connect(m_rooms, &RoomDirectory::typingChanged, this, &PresenceTracker::updateTypingText);
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        connect(app, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
            if (state == Qt::ApplicationActive)
                noteActivity();
            else if (isAway() != m_lastAway)
                announceAll(Kind::Presence);
        });
    }
}

void PresenceTracker::setClient(Client *client)
{
    m_client = client;
}

void PresenceTracker::start()
{
    m_started = true;
    m_heartbeatTimer.start();
    m_expiryTimer.start();
    if (m_idleTracking)
        m_idleTimer.start();
}

void PresenceTracker::stop()
{
    m_heartbeatTimer.stop();
    m_expiryTimer.stop();
    m_idleTimer.stop();
    if (connected())
        announceAll(Kind::Goodbye);
    m_started = false;
}

bool PresenceTracker::connected() const
{
    return m_client && m_client->state() == Client::State::Connected;
}

void PresenceTracker::send(const QString &room, Kind kind, bool fireAndForget)
{
    if (!connected())
        return;
    MessageEnvelope env;
    env.kind = kind;
    env.sender = m_self->userName;
    env.instance = m_self->instanceId;
    env.timestamp = QDateTime::currentDateTimeUtc();
    if (env.kind == Kind::Presence)
        env.state = isAway() ? QStringLiteral("away") : QStringLiteral("online");
    Client::SendOptions options;
    options.noEcho = true;
    options.fireAndForget = fireAndForget;
    m_client->sendToGroup(room, env.toPayload(), options);
}

void PresenceTracker::announceAll(Kind kind)
{
    m_lastAway = isAway();
    const QStringList rooms = m_rooms->names();
    for (const QString &room : rooms) {
        if (kind == Kind::Presence)
            heardSelf(room);
        send(room, kind);
    }
}

void PresenceTracker::heardSelf(const QString &room)
{
    m_rooms->openMembers(room)->heard(m_self->userId, m_self->userName, m_self->instanceId, isAway(),
                                      QDateTime::currentDateTimeUtc());
}

void PresenceTracker::joined(const QString &room)
{
    send(room, Kind::Presence);
    send(room, Kind::Who);
}

void PresenceTracker::leaving(const QString &room)
{
    send(room, Kind::Goodbye);
    m_lastTypingSent.remove(room);
}

void PresenceTracker::handle(const QString &room, const QString &userId, const QString &name,
                             const MessageEnvelope &env)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (env.kind) {
    case Kind::Presence:
        m_rooms->openMembers(room)->heard(userId, name, env.instance, env.state == u"away", now);
        return;
    case Kind::Goodbye:
        m_rooms->openMembers(room)->goodbye(userId, env.instance);
        updateTypingText();
        return;
    case Kind::Who:
        m_rooms->openMembers(room)->heard(userId, name, env.instance, false, now);
        answerWho(room);
        return;
    case Kind::Typing:
        if (!m_typingEnabled)
            return;
        m_rooms->openMembers(room)->heard(userId, name, env.instance, false, now);
        m_rooms->openMembers(room)->setTyping(userId, name, now.addMSecs(m_options.typingExpiry.count()));
        updateTypingText();
        return;
    default: // messages, backfill, edits and reactions are not presence
        return;
    }
}

void PresenceTracker::messageReceived(const QString &room, const QString &userId)
{
    if (MemberModel *members = m_rooms->findMembers(room))
        members->setTyping(userId, QString(), {});
}

void PresenceTracker::answerWho(const QString &room)
{
    // Everyone in the room hears the question: spread the answers so a big room does not reply
    // in one burst, and answer once per burst of questions.
    if (m_whoPending.contains(room))
        return;
    m_whoPending.insert(room);
    const int jitter = m_options.whoJitterMax.count() > 0
                           ? QRandomGenerator::global()->bounded(int(m_options.whoJitterMax.count()) + 1)
                           : 0;
    QTimer::singleShot(jitter, this, [this, room]() {
        m_whoPending.remove(room);
        if (m_rooms->contains(room))
            send(room, Kind::Presence);
    });
}

void PresenceTracker::composerTextEdited()
{
    noteActivity();
    const QString room = m_rooms->current();
    if (!m_typingEnabled || room.isEmpty() || !connected())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime last = m_lastTypingSent.value(room);
    if (last.isValid() && last.msecsTo(now) < m_options.typingThrottle.count())
        return;
    m_lastTypingSent.insert(room, now);
    send(room, Kind::Typing);
}

void PresenceTracker::setTypingEnabled(bool enabled)
{
    if (m_typingEnabled == enabled)
        return;
    m_typingEnabled = enabled;
    if (!enabled) {
        const auto members = m_rooms->openedMembers();
        for (MemberModel *model : members)
            model->clearTyping();
    }
    updateTypingText();
}

void PresenceTracker::updateTypingText()
{
    QString text;
    if (m_typingEnabled && !m_rooms->current().isEmpty()) {
        if (MemberModel *members = m_rooms->findMembers(m_rooms->current())) {
            const QStringList names = members->typingNames(m_self->userId);
            if (names.size() == 1)
                text = tr("%1 is typing…").arg(names.constFirst());
            else if (names.size() == 2)
                text = tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
            else if (names.size() > 2)
                text = tr("Several people are typing…");
        }
    }
    if (text != m_typingText) {
        m_typingText = text;
        Q_EMIT typingTextChanged();
    }
}

void PresenceTracker::setUserIdle(bool idle)
{
    if (m_userIdle == idle)
        return;
    m_userIdle = idle;
    Q_EMIT userIdleChanged();
    announceAll(Kind::Presence);
}

void PresenceTracker::userActivity()
{
    // The idle timer is opt-in: a UI that reports activity gets automatic "away"; one that sets
    // userIdle itself stays in control.
    m_idleTracking = true;
    noteActivity();
}

void PresenceTracker::noteActivity()
{
    if (!m_idleTracking)
        return;
    if (m_started)
        m_idleTimer.start();
    setUserIdle(false);
}

bool PresenceTracker::isAway() const
{
    if (m_userIdle)
        return true;
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        const auto state = QGuiApplication::applicationState();
        return state == Qt::ApplicationHidden || state == Qt::ApplicationSuspended;
    }
    return false;
}

} // namespace Hubbub
