// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "appcontroller.h"

#include "backfill.h"
#include "client.h"
#include "connectioncontroller.h"
#include "historystore.h"
#include "inbox.h"
#include "logging.h"
#include "membermodel.h"
#include "messageenvelope.h"
#include "messagemodel.h"
#include "messagemutations.h"
#include "notificationpolicy.h"
#include "outbox.h"
#include "preferences.h"
#include "presencetracker.h"
#include "roomdirectory.h"
#include "roomlistmodel.h"
#include "secretstore.h"

#include <QDesktopServices>
#include <QUuid>

namespace Hubbub {

using WebPubSub::Client;
using Kind = MessageEnvelope::Kind;

namespace {
constexpr int kMaxRoomNameLength = 128;
} // namespace

AppController::AppController(const AppOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_preferences(std::make_unique<Preferences>(options.settingsPath()))
    , m_history(std::make_unique<HistoryStore>(HistoryStore::defaultPath(options.effectiveProfile())))
    , m_self{options.effectiveUser(), options.effectiveUser(),
             QUuid::createUuid().toString(QUuid::Id128).left(12)}
    , m_secrets(
          new SecretStore(QStringLiteral("hubbub/") + options.effectiveProfile(), options.useKeychain, this))
    , m_connection(new ConnectionController(options, m_secrets, m_preferences.get(), this))
    , m_present(new PresentMode(m_connection, options.effectiveHub(), this))
    , m_rooms(new RoomDirectory(m_history.get(), options.historyPageSize,
                                std::chrono::milliseconds(options.heartbeatInterval.count() * 5 / 2), this))
    , m_notifications(new NotificationPolicy(this))
    , m_presence(new PresenceTracker(options, m_rooms, &m_self, this))
    , m_outbox(new Outbox(m_history.get(), m_rooms, &m_senders, &m_self, this))
    , m_inbox(new Inbox(m_history.get(), m_rooms, &m_senders, &m_self, m_presence, m_notifications, this))
    , m_chat(new ChatActions(m_history.get(), m_rooms, m_outbox, m_inbox, &m_self, this))
    , m_notices(new Notices(m_history.get(), m_notifications, this))
    , m_pictures(new Pictures(m_history.get(), m_rooms, m_outbox, &m_self, this))
    , m_search(new MessageSearch(m_history.get(), m_rooms, this))
    , m_drafts(new Drafts(m_history.get(), m_rooms, this))
    , m_replies(new ReplyResolver(m_history.get(), m_rooms, this))
    , m_mentions(new Mentions(m_preferences.get(), m_notifications, this))
{
    m_darkTheme = m_preferences->darkTheme();
    m_presence->setTypingEnabled(m_preferences->typingIndicators());
    if (!m_history->isOpen())
        qCWarning(lcApp) << "history unavailable:" << m_history->lastError();

    connect(m_secrets, &SecretStore::keychainUnavailable, this, &AppController::errorShown);
    connect(m_connection, &ConnectionController::errorShown, this, &AppController::errorShown);
    connect(m_present, &PresentMode::error, this, &AppController::errorShown);
    connect(m_connection, &ConnectionController::clientChanged, this, &AppController::onClientChanged);
    connect(m_connection, &ConnectionController::diagnosticsVisibleChanged, this,
            &AppController::diagnosticsVisibleChanged);
    connect(m_notifications, &NotificationPolicy::notificationRequested, this,
            &AppController::notificationRequested);
    connect(m_notifications, &NotificationPolicy::systemNotificationRequested, this,
            &AppController::systemNotificationRequested);
    connect(m_presence, &PresenceTracker::typingTextChanged, this, &AppController::typingTextChanged);
    connect(m_presence, &PresenceTracker::userIdleChanged, this, &AppController::userIdleChanged);
    connect(m_outbox, &Outbox::countChanged, m_connection, &ConnectionController::setOutboxCount);
    connect(m_outbox, &Outbox::messageAdded, this, &AppController::messageAdded);
    connect(m_inbox, &Inbox::messageAdded, this, &AppController::messageAdded);
    connect(this, &AppController::messageAdded, m_replies, &ReplyResolver::noteChanged);
    // A quote shows its original's current text: an edit or delete of it changes the quote too.
    connect(m_chat->mutations(), &MessageMutations::applied, m_replies, &ReplyResolver::noteChanged);
    connect(m_rooms, &RoomDirectory::currentChanged, this, &AppController::onCurrentRoomChanged);
    m_connection->setOutboxCount(m_outbox->count());

    m_backfill =
        new Backfill(m_history.get(),
                     {[this](const QString &room, const QJsonObject &envelope) {
                          if (!connected())
                              return false;
                          // Acked, so a send in doubt is resent on a new connection: safe, as receivers drop
                          // backfill requests and answers by id.
                          Client::SendOptions options;
                          options.noEcho = true;
                          m_client->sendToGroup(room, WebPubSub::Payload::fromJson(envelope), options);
                          return true;
                      },
                      [this](const QString &room, const QString &userId) {
                          const MemberModel *members = m_rooms->findMembers(room);
                          return members && members->presence(userId) != MemberModel::Presence::Offline;
                      },
                      [this](const QString &room) {
                          return m_rooms->contains(room) ? m_rooms->openMessages(room) : nullptr;
                      },
                      [this]() { return m_self.userId; }},
                     this);
    m_inbox->setBackfill(m_backfill);
    m_inbox->setPictures(m_pictures);
    connect(m_pictures, &Pictures::errorShown, this, &AppController::errorShown);
    // Messages filled in from peers arrive like live ones for what waits on them: reactions held
    // for them apply (MessageMutations), quotes of them resolve (ReplyResolver).
    connect(m_backfill, &Backfill::messagesFilled, this, [this](const QString &room, const QStringList &ids) {
        const QStringList snapshot = ids; // the handlers may emit further signals
        for (const QString &id : snapshot)
            m_chat->mutations()->messageArrived(room, id);
        if (!snapshot.isEmpty())
            m_replies->noteChanged();
    });

    // A first start on the local service lands in a room, so two windows chat at once.
    const bool local = m_options.endpoint == AppOptions::Endpoint::Default ||
                       m_options.endpoint == AppOptions::Endpoint::Local;
    if (local && m_rooms->names().isEmpty() && !m_preferences->roomsSeeded()) {
        m_rooms->ensure(QStringLiteral("lobby"));
        m_preferences->setRoomsSeeded();
    }

    const QString current = m_preferences->currentRoom();
    if (m_rooms->contains(current))
        selectRoom(current);
    else if (!m_rooms->names().isEmpty())
        selectRoom(m_rooms->names().constFirst());
}

AppController::~AppController()
{
    shutdown();
    // The connection (and its client) goes first, while the history and models it might still
    // signal into are alive; as a QObject child it would be deleted after them.
    if (m_client)
        m_client->disconnect(this);
    m_connection->disconnect(this);
    delete m_connection;
    m_connection = nullptr;
}

void AppController::start()
{
    if (m_started)
        return;
    m_started = true;
    m_shutDown = false;
    m_presence->start();
    m_connection->start();
}

void AppController::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_drafts->flush();
    m_presence->stop();
    m_started = false;
}

bool AppController::connected() const
{
    return m_client && m_client->state() == Client::State::Connected;
}

MessageModel *AppController::messages() const
{
    MessageModel *model = m_rooms->findMessages(m_rooms->current());
    return model ? model : m_rooms->emptyMessages();
}

MemberModel *AppController::members() const
{
    MemberModel *model = m_rooms->findMembers(m_rooms->current());
    return model ? model : m_rooms->emptyMembers();
}

void AppController::setDarkTheme(bool dark)
{
    if (m_darkTheme == dark)
        return;
    m_darkTheme = dark;
    m_preferences->setDarkTheme(dark);
    Q_EMIT darkThemeChanged();
}

void AppController::setTypingIndicatorsEnabled(bool enabled)
{
    if (m_presence->typingEnabled() == enabled)
        return;
    m_preferences->setTypingIndicators(enabled);
    m_presence->setTypingEnabled(enabled);
    Q_EMIT typingIndicatorsEnabledChanged();
}

// ---- client wiring ---------------------------------------------------------------------------

void AppController::onClientChanged(Client *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    m_outbox->setClient(client);
    m_presence->setClient(client);
    const QString requested = m_connection->requestedUserId();
    if (!requested.isEmpty() && (requested != m_self.userId || requested != m_self.userName)) {
        m_self.userId = requested;
        m_self.userName = requested;
        Q_EMIT userChanged();
    }
    if (!client)
        return;
    connect(client, &Client::connected, this, &AppController::onConnected);
    connect(client, &Client::groupMessageReceived, m_inbox, &Inbox::receive);
    connect(
        client, &Client::serverMessageReceived, m_notices,
        [this, client](const WebPubSub::ServerMessage &m) { m_notices->receive(m, client->connectionId()); });
    connect(client, &Client::rejoinGroupFailed, this,
            [this](const QString &group, const WebPubSub::Error &error) {
                Q_EMIT errorShown(tr("Could not rejoin %1: %2").arg(group, error.message()));
            });
    connect(client, &Client::gapDetected, this,
            [this](const QStringList &groups, const QDateTime &lostAt, const QDateTime &restoredAt) {
                m_inbox->flush(); // what arrived before the gap goes above its marker
                m_backfill->gapDetected(groups, lostAt, restoredAt);
            });
    // Nothing was lost, but sends that failed while the link was down may wait.
    connect(client, &Client::recovered, m_outbox, &Outbox::flush);
}

void AppController::onConnected(const QString &, const QString &userId, bool)
{
    if (!userId.isEmpty() && userId != m_self.userId) {
        m_self.userId = userId;
        if (m_self.userName.isEmpty() || m_self.userName == m_connection->requestedUserId())
            m_self.userName = userId;
        Q_EMIT userChanged();
    }
    // The client rejoins the groups it joined itself; rooms joined while it was stopped, or
    // remembered from the last session, are joined here.
    const QStringList joined = m_client ? m_client->groups() : QStringList();
    const QStringList rooms = m_rooms->names();
    for (const QString &room : rooms) {
        if (!joined.contains(room))
            joinGroup(room);
        else
            m_presence->joined(room);
    }
    // After our presence, so that members answering see us present in the room.
    m_backfill->sendPending();
    m_outbox->flush();
}

void AppController::joinGroup(const QString &name)
{
    if (!m_client)
        return;
    QPointer<Client> client = m_client.data();
    m_client->joinGroup(name).then(this, [this, name, client](const WebPubSub::OperationResult &r) {
        if (client != m_client || !m_rooms->contains(name))
            return;
        if (!r.ok()) {
            if (!Outbox::isRetryable(int(r.error.code())))
                Q_EMIT errorShown(tr("Could not join %1: %2").arg(name, r.error.message()));
            return;
        }
        m_presence->heardSelf(name);
        m_presence->joined(name);
    });
}

// ---- rooms -----------------------------------------------------------------------------------

void AppController::joinRoom(const QString &rawName)
{
    const QString name = rawName.trimmed();
    if (name.isEmpty())
        return;
    if (name.size() > kMaxRoomNameLength ||
        name.startsWith(QLatin1String("webpubsub."), Qt::CaseInsensitive)) {
        Q_EMIT errorShown(tr("\"%1\" cannot be used as a room name.").arg(name.left(40)));
        return;
    }
    if (m_rooms->ensure(name) && connected())
        joinGroup(name);
    selectRoom(name);
}

void AppController::leaveRoom(const QString &name)
{
    if (!m_rooms->contains(name))
        return;
    m_presence->leaving(name);
    if (m_client)
        m_client->leaveGroup(name);
    m_outbox->failRoom(name);
    m_inbox->forgetRoom(name);
    m_backfill->forgetRoom(name);
    m_chat->mutations()->forgetRoom(name);
    m_rooms->remove(name);
    m_presence->updateTypingText();
}

void AppController::selectRoom(const QString &name)
{
    m_rooms->setCurrent(name);
}

void AppController::onCurrentRoomChanged()
{
    const QString room = m_rooms->current();
    m_notices->setOpen(false); // a room was chosen: the Notices place closes
    if (!room.isEmpty()) {
        m_presence->noteActivity();
        m_presence->heardSelf(room);
        m_preferences->setCurrentRoom(room);
    }
    Q_EMIT currentRoomChanged();
    m_presence->updateTypingText();
}

void AppController::nextUnreadRoom()
{
    const QString next = m_rooms->list()->nextUnreadRoom();
    if (!next.isEmpty())
        selectRoom(next);
}

void AppController::setRoomMuted(const QString &room, bool muted)
{
    m_rooms->list()->setMuted(room, muted);
}

void AppController::markRead()
{
    if (!m_rooms->current().isEmpty())
        m_rooms->list()->setUnreadCount(m_rooms->current(), 0);
}

void AppController::openLink(const QString &url)
{
    const QUrl u = QUrl::fromUserInput(url);
    // Only web and mail links: a message must not be able to launch local files or handlers.
    if (u.isValid() && (u.scheme() == u"http" || u.scheme() == u"https" || u.scheme() == u"mailto"))
        QDesktopServices::openUrl(u);
}

// ---- sending ---------------------------------------------------------------------------------

bool AppController::sendMessage(const QString &text, const QString &replyToId)
{
    return sendMessageTo(m_rooms->current(), text, replyToId);
}

bool AppController::sendMessageTo(const QString &room, const QString &text, const QString &replyToId)
{
    if (text.trimmed().isEmpty() || !m_rooms->contains(room))
        return false;
    m_presence->noteActivity();
    m_presence->messageSent(room);
    m_drafts->clear(room);
    return m_outbox->send(room, text, m_replies->reference(room, replyToId));
}

} // namespace Hubbub
