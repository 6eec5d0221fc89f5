// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "appcontroller.h"

#include "backfill.h"
#include "client.h"
#include "connectioncontroller.h"
#include "historystore.h"
#include "logging.h"
#include "membermodel.h"
#include "messageenvelope.h"
#include "messagemodel.h"
#include "roomlistmodel.h"
#include "secretstore.h"
#include "traynotifier.h"

#include <QDesktopServices>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

namespace Hubbub {

using WebPubSub::Client;

namespace {
const auto kDarkThemeKey = QStringLiteral("ui/darkTheme");
const auto kTypingKey = QStringLiteral("ui/typingIndicators");
const auto kCurrentRoomKey = QStringLiteral("ui/currentRoom");
const auto kSeededKey = QStringLiteral("rooms/seeded");
constexpr int kMaxRoomNameLength = 128;

bool isRetryable(WebPubSub::Error::Code code)
{
    using Code = WebPubSub::Error::Code;
    return code == Code::NotConnected || code == Code::Stopped || code == Code::Timeout;
}
} // namespace

AppController::AppController(const AppOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(std::make_unique<QSettings>(options.settingsPath(), QSettings::IniFormat))
    , m_history(std::make_unique<HistoryStore>(HistoryStore::defaultPath(options.effectiveProfile())))
    , m_secrets(
          new SecretStore(QStringLiteral("hubbub/") + options.effectiveProfile(), options.useKeychain, this))
    , m_connection(new ConnectionController(options, m_secrets, this))
    , m_rooms(new RoomListModel(this))
    , m_tray(new TrayNotifier(this))
    , m_emptyMessages(new MessageModel({}, this))
    , m_emptyMembers(new MemberModel({}, this))
{
    m_userName = options.effectiveUser();
    m_userId = m_userName;
    m_instanceId = QUuid::createUuid().toString(QUuid::Id128).left(12);
    m_darkTheme = m_settings->value(kDarkThemeKey, false).toBool();
    m_typingEnabled = m_settings->value(kTypingKey, true).toBool();
    if (!m_history->isOpen())
        qCWarning(lcApp) << "history unavailable:" << m_history->lastError();

    connect(m_secrets, &SecretStore::keychainUnavailable, this, &AppController::errorShown);
    connect(m_connection, &ConnectionController::errorShown, this, &AppController::errorShown);
    connect(m_connection, &ConnectionController::clientChanged, this, &AppController::onClientChanged);
    connect(m_connection, &ConnectionController::diagnosticsVisibleChanged, this,
            &AppController::diagnosticsVisibleChanged);
    connect(m_tray, &TrayNotifier::notificationRequested, this, &AppController::notificationRequested);
    connect(m_tray, &TrayNotifier::systemNotificationRequested, this,
            &AppController::systemNotificationRequested);
    connect(m_rooms, &RoomListModel::roomChanged, this, &AppController::persistRoom);
    m_backfill = new Backfill(
        m_history.get(),
        {[this](const QString &room, const QJsonObject &envelope) {
             if (!m_client || m_client->state() != Client::State::Connected)
                 return false;
             // Acked, so a send in doubt is resent on a new connection: safe, as receivers drop
             // backfill requests and answers by id.
             Client::SendOptions options;
             options.noEcho = true;
             m_client->sendToGroup(room, WebPubSub::Payload::fromJson(envelope), options);
             return true;
         },
         [this](const QString &room, const QString &userId) {
             const MemberModel *members = m_memberModels.value(room);
             return members && members->presence(userId) != MemberModel::Presence::Offline;
         },
         [this](const QString &room) { return m_rooms->contains(room) ? messageModel(room) : nullptr; },
         [this]() { return m_userId; }},
        this);

    const auto saved = m_history->rooms();
    for (const HistoryStore::RoomState &r : saved) {
        RoomListModel::Room room{r.name, r.unread, r.muted, {}, {}};
        const auto last = m_history->latest(r.name, 1);
        if (!last.isEmpty()) {
            room.lastMessageText = last.constFirst().text;
            room.lastActivity = last.constFirst().timestamp;
        }
        m_rooms->addRoom(room);
    }
    // Own messages that were still waiting when the app last quit go out again, in order.
    const auto pending = m_history->pendingOwn();
    for (const ChatMessage &m : pending) {
        MessageEnvelope env = MessageEnvelope::chat(m.text, m.senderName, m.timestamp);
        env.id = m.id;
        m_senders.noteIssued(m.id);
        m_outbox.append({m.id, m.room, ++m_outboxOrder, std::nullopt, {}, false, env.toJson()});
    }
    updateOutboxCount();

    m_incomingTimer.setSingleShot(true);
    m_incomingTimer.setInterval(0);
    connect(&m_incomingTimer, &QTimer::timeout, this, &AppController::flushIncoming);
    m_heartbeatTimer.setInterval(int(m_options.heartbeatInterval.count()));
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &AppController::heartbeat);
    m_expiryTimer.setInterval(int(std::clamp<qint64>(m_options.heartbeatInterval.count() / 4, 100, 1000)));
    connect(&m_expiryTimer, &QTimer::timeout, this, [this]() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (MemberModel *members : std::as_const(m_memberModels))
            members->expire(now);
        updateTypingText();
    });
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(int(m_options.idleAwayAfter.count()));
    connect(&m_idleTimer, &QTimer::timeout, this, [this]() { setUserIdle(true); });
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        connect(app, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
            if (state == Qt::ApplicationActive)
                noteActivity();
            else if (isAway() != m_lastAway)
                announceAll(QStringLiteral("presence"));
        });
    }

    // A first start on the local service lands in a room, so two windows chat at once.
    const bool local = m_options.endpoint == AppOptions::Endpoint::Default ||
                       m_options.endpoint == AppOptions::Endpoint::Local;
    if (local && m_rooms->count() == 0 && !m_settings->value(kSeededKey, false).toBool()) {
        ensureRoom(QStringLiteral("lobby"));
        m_settings->setValue(kSeededKey, true);
    }

    const QString current = m_settings->value(kCurrentRoomKey).toString();
    if (m_rooms->contains(current))
        selectRoom(current);
    else if (m_rooms->count() > 0)
        selectRoom(m_rooms->roomNames().constFirst());
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
    m_heartbeatTimer.start();
    m_expiryTimer.start();
    if (m_idleTracking)
        m_idleTimer.start();
    m_connection->start();
}

void AppController::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_heartbeatTimer.stop();
    m_expiryTimer.stop();
    m_idleTimer.stop();
    if (m_client && m_client->state() == Client::State::Connected)
        announceAll(QStringLiteral("goodbye"));
    m_started = false;
}

MessageModel *AppController::messages() const
{
    return m_currentRoom.isEmpty() ? m_emptyMessages : m_messageModels.value(m_currentRoom, m_emptyMessages);
}

MemberModel *AppController::members() const
{
    return m_currentRoom.isEmpty() ? m_emptyMembers : m_memberModels.value(m_currentRoom, m_emptyMembers);
}

MessageModel *AppController::messageModel(const QString &room)
{
    if (MessageModel *model = m_messageModels.value(room))
        return model;
    auto *model = new MessageModel(room, this);
    m_messageModels.insert(room, model);
    const auto page = m_history->latest(room, m_options.historyPageSize);
    model->appendMessages(page);
    model->setCanLoadOlder(page.size() >= m_options.historyPageSize);
    return model;
}

MemberModel *AppController::memberModel(const QString &room)
{
    if (MemberModel *model = m_memberModels.value(room))
        return model;
    auto *model = new MemberModel(room, this);
    model->setExpiry(std::chrono::milliseconds(m_options.heartbeatInterval.count() * 5 / 2));
    connect(model, &MemberModel::typingChanged, this, &AppController::updateTypingText);
    m_memberModels.insert(room, model);
    return model;
}

void AppController::setDarkTheme(bool dark)
{
    if (m_darkTheme == dark)
        return;
    m_darkTheme = dark;
    m_settings->setValue(kDarkThemeKey, dark);
    Q_EMIT darkThemeChanged();
}

void AppController::setTypingIndicatorsEnabled(bool enabled)
{
    if (m_typingEnabled == enabled)
        return;
    m_typingEnabled = enabled;
    m_settings->setValue(kTypingKey, enabled);
    if (!enabled) {
        for (MemberModel *members : std::as_const(m_memberModels))
            members->clearTyping();
    }
    updateTypingText();
    Q_EMIT typingIndicatorsEnabledChanged();
}

bool AppController::diagnosticsVisible() const
{
    return m_connection->diagnosticsVisible();
}

void AppController::setDiagnosticsVisible(bool visible)
{
    m_connection->setDiagnosticsVisible(visible);
}

void AppController::setUserIdle(bool idle)
{
    if (m_userIdle == idle)
        return;
    m_userIdle = idle;
    Q_EMIT userIdleChanged();
    announceAll(QStringLiteral("presence"));
}

bool AppController::isAway() const
{
    if (m_userIdle)
        return true;
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        // A hidden or suspended app is the cheap stand-in for "screen locked".
        const auto state = QGuiApplication::applicationState();
        return state == Qt::ApplicationHidden || state == Qt::ApplicationSuspended;
    }
    return false;
}

bool AppController::roomInView(const QString &room) const
{
    if (room != m_currentRoom)
        return false;
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        const auto state = QGuiApplication::applicationState();
        return state != Qt::ApplicationHidden && state != Qt::ApplicationSuspended;
    }
    return true;
}

QStringList AppController::outboxIds() const
{
    QStringList ids;
    for (const OutboxEntry &e : m_outbox)
        ids.append(e.id);
    return ids;
}

// ---- client wiring ---------------------------------------------------------------------------

void AppController::onClientChanged(Client *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    for (OutboxEntry &e : m_outbox) {
        e.inFlight = false;
        e.ackId.reset();
    }
    const QString requested = m_connection->requestedUserId();
    if (!requested.isEmpty() && (requested != m_userId || requested != m_userName)) {
        m_userId = requested;
        m_userName = requested;
        Q_EMIT userChanged();
    }
    if (!client)
        return;
    connect(client, &Client::connected, this, &AppController::onConnected);
    connect(client, &Client::groupMessageReceived, this, &AppController::onGroupMessage);
    connect(client, &Client::rejoinGroupFailed, this,
            [this](const QString &group, const WebPubSub::Error &error) {
                Q_EMIT errorShown(tr("Could not rejoin %1: %2").arg(group, error.message()));
            });
    connect(client, &Client::gapDetected, this,
            [this](const QStringList &groups, const QDateTime &lostAt, const QDateTime &restoredAt) {
                flushIncoming(); // what arrived before the gap goes above its marker
                m_backfill->gapDetected(groups, lostAt, restoredAt);
            });
    connect(client, &Client::recovered, this, [this]() {
        // Nothing was lost, but sends that failed while the link was down may wait.
        flushOutbox();
    });
}

void AppController::onConnected(const QString &, const QString &userId, bool)
{
    if (!userId.isEmpty() && userId != m_userId) {
        m_userId = userId;
        if (m_userName.isEmpty() || m_userName == m_connection->requestedUserId())
            m_userName = userId;
        Q_EMIT userChanged();
    }
    // The client rejoins the groups it joined itself; rooms joined while it was stopped, or
    // remembered from the last session, are joined here.
    const QStringList joined = m_client ? m_client->groups() : QStringList();
    const QStringList rooms = m_rooms->roomNames();
    for (const QString &room : rooms) {
        if (!joined.contains(room))
            joinGroup(room);
        else {
            sendPresence(room, QStringLiteral("presence"));
            sendPresence(room, QStringLiteral("who"));
        }
    }
    // After our presence, so that members answering see us present in the room.
    m_backfill->sendPending();
    flushOutbox();
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
            if (!isRetryable(r.error.code()))
                Q_EMIT errorShown(tr("Could not join %1: %2").arg(name, r.error.message()));
            return;
        }
        heardSelf(name);
        sendPresence(name, QStringLiteral("presence"));
        sendPresence(name, QStringLiteral("who"));
    });
}

// ---- rooms -----------------------------------------------------------------------------------

void AppController::ensureRoom(const QString &name)
{
    if (m_rooms->contains(name))
        return;
    m_rooms->addRoom(name);
    m_history->saveRoom({name, 0, false});
}

void AppController::persistRoom(const QString &room)
{
    if (const RoomListModel::Room *r = m_rooms->room(room))
        m_history->saveRoom({r->name, r->unreadCount, r->muted});
}

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
    const bool known = m_rooms->contains(name);
    ensureRoom(name);
    if (!known && m_client && m_client->state() == Client::State::Connected)
        joinGroup(name);
    selectRoom(name);
}

void AppController::leaveRoom(const QString &name)
{
    if (!m_rooms->contains(name))
        return;
    if (m_client && m_client->state() == Client::State::Connected)
        sendPresence(name, QStringLiteral("goodbye"));
    if (m_client)
        m_client->leaveGroup(name);
    // Queued messages for a room we leave would go nowhere: they fail visibly instead.
    for (qsizetype i = m_outbox.size() - 1; i >= 0; --i) {
        if (m_outbox.at(i).room == name) {
            m_history->updateStatus(name, m_outbox.at(i).id, DeliveryStatus::Failed);
            m_outbox.removeAt(i);
        }
    }
    updateOutboxCount();
    const bool wasCurrent = m_currentRoom == name;
    m_rooms->removeRoom(name);
    m_history->removeRoom(name);
    m_incoming.remove(name);
    m_lastTypingSent.remove(name);
    m_backfill->forgetRoom(name);
    if (wasCurrent) {
        m_currentRoom.clear();
        const QStringList rest = m_rooms->roomNames();
        if (!rest.isEmpty())
            selectRoom(rest.constFirst());
        else
            Q_EMIT currentRoomChanged();
    }
    // Deleted after currentRoomChanged so QML never holds a dangling model.
    if (MessageModel *m = m_messageModels.take(name))
        m->deleteLater();
    if (MemberModel *m = m_memberModels.take(name))
        m->deleteLater();
    updateTypingText();
}

void AppController::selectRoom(const QString &name)
{
    if (!name.isEmpty() && !m_rooms->contains(name))
        return;
    if (name == m_currentRoom)
        return;
    noteActivity();
    m_currentRoom = name;
    m_rooms->setCurrentRoom(name);
    if (!name.isEmpty()) {
        MessageModel *model = messageModel(name);
        memberModel(name);
        heardSelf(name);
        // The divider marks what arrived while the room was not viewed, and stays put while it is.
        model->setUnreadDivider(m_rooms->unreadCount(name));
        m_rooms->setUnreadCount(name, 0);
        m_settings->setValue(kCurrentRoomKey, name);
    }
    Q_EMIT currentRoomChanged();
    updateTypingText();
}

void AppController::nextUnreadRoom()
{
    const QString next = m_rooms->nextUnreadRoom();
    if (!next.isEmpty())
        selectRoom(next);
}

void AppController::setRoomMuted(const QString &room, bool muted)
{
    m_rooms->setMuted(room, muted);
}

void AppController::markRead()
{
    if (!m_currentRoom.isEmpty())
        m_rooms->setUnreadCount(m_currentRoom, 0);
}

void AppController::openLink(const QString &url)
{
    const QUrl u = QUrl::fromUserInput(url);
    // Only web and mail links: a message must not be able to launch local files or handlers.
    if (u.isValid() && (u.scheme() == u"http" || u.scheme() == u"https" || u.scheme() == u"mailto"))
        QDesktopServices::openUrl(u);
}

void AppController::loadOlder()
{
    MessageModel *model = messages();
    if (model == m_emptyMessages || model->count() == 0) {
        return;
    }
    const QString oldest = model->at(0).id;
    const auto page = m_history->olderThan(m_currentRoom, oldest, m_options.historyPageSize);
    model->prependMessages(page);
    model->setCanLoadOlder(page.size() >= m_options.historyPageSize);
}

// ---- sending ---------------------------------------------------------------------------------

bool AppController::sendMessage(const QString &text)
{
    return sendMessageTo(m_currentRoom, text);
}

bool AppController::sendMessageTo(const QString &room, const QString &rawText)
{
    const QString text = rawText.trimmed();
    if (text.isEmpty() || !m_rooms->contains(room))
        return false;
    noteActivity();
    const MessageEnvelope env = MessageEnvelope::chat(text, m_userName);
    ChatMessage m = env.toChatMessage(room, m_userId, true);
    m.status = DeliveryStatus::Sending;
    m_senders.noteIssued(m.id);
    m_history->insert(m);
    messageModel(room)->appendMessage(m);
    m_rooms->setLastMessage(room, m.text, m.timestamp);
    m_outbox.append({m.id, room, ++m_outboxOrder, std::nullopt, {}, false, env.toJson()});
    updateOutboxCount();
    m_lastTypingSent.remove(room);
    Q_EMIT messageAdded(room, m.id);
    flushOutbox();
    return true;
}

void AppController::flushOutbox()
{
    if (!m_client || m_client->state() != Client::State::Connected)
        return;
    // In order: the client writes operations in call order and the service keeps a group's order.
    for (OutboxEntry &entry : m_outbox) {
        if (!entry.inFlight)
            sendEntry(entry);
    }
}

void AppController::sendEntry(OutboxEntry &entry)
{
    entry.inFlight = true;
    Client::SendOptions options;
    // Our own model already shows the message; other instances of this user still get it.
    options.noEcho = true;
    const QString connectionId = m_client->connectionId();
    // Same connection: the same ackId lets the service answer Duplicate instead of resending.
    if (entry.ackId && entry.ackConnectionId == connectionId)
        options.ackId = entry.ackId;
    const QString id = entry.id;
    const int attempt = ++entry.attempt;
    m_client->sendToGroup(entry.room, WebPubSub::Payload::fromJson(entry.envelope), options)
        .then(this, [this, id, attempt, connectionId](const WebPubSub::OperationResult &r) {
            onSendResult(id, attempt, connectionId, r);
        });
}

void AppController::onSendResult(const QString &messageId, int attempt, const QString &connectionId,
                                 const WebPubSub::OperationResult &r)
{
    const auto it = std::find_if(m_outbox.begin(), m_outbox.end(),
                                 [&](const OutboxEntry &e) { return e.id == messageId; });
    if (it == m_outbox.end())
        return; // deleted or the room was left meanwhile
    const QString room = it->room;
    // An older attempt's failure (its client was replaced) says nothing about the current one;
    // its success, though, means the message is out.
    if (attempt != it->attempt && !(r.ok() || r.isDuplicated))
        return;
    if (r.ok() || r.isDuplicated) {
        m_outbox.erase(it);
        setStatus(room, messageId, DeliveryStatus::Sent);
        updateOutboxCount();
        return;
    }
    const bool stillConnected = m_client && m_client->state() == Client::State::Connected;
    const bool sameConnection = m_client && m_client->connectionId() == connectionId;
    if (isRetryable(r.error.code()) &&
        !(r.error.code() == WebPubSub::Error::Code::Timeout && stillConnected && sameConnection)) {
        // Lost with the connection: it waits in the outbox (still "sending") and goes out again,
        // under its same message id, once connected; receivers drop it if it had arrived.
        it->inFlight = false;
        it->ackId = r.ackId;
        it->ackConnectionId = connectionId;
        qCDebug(lcApp) << "send of" << messageId << "waits for a connection:" << r.error.name();
        if (stillConnected)
            flushOutbox();
        return;
    }
    qCInfo(lcApp) << "send of" << messageId << "failed:" << r.error.name() << r.error.message();
    m_outbox.erase(it);
    setStatus(room, messageId, DeliveryStatus::Failed);
    updateOutboxCount();
}

void AppController::setStatus(const QString &room, const QString &messageId, DeliveryStatus status)
{
    m_history->updateStatus(room, messageId, status);
    if (MessageModel *model = m_messageModels.value(room))
        model->setDeliveryStatus(messageId, status);
}

void AppController::retryEntry(const QString &room, const QString &messageId)
{
    MessageModel *model = messageModel(room);
    const int row = model->rowOf(messageId);
    if (row < 0)
        return;
    const ChatMessage &m = model->at(row);
    if (!m.own || m.status != DeliveryStatus::Failed)
        return;
    MessageEnvelope env = MessageEnvelope::chat(m.text, m.senderName, m.timestamp);
    env.id = m.id;
    m_outbox.append({m.id, room, ++m_outboxOrder, std::nullopt, {}, false, env.toJson()});
    setStatus(room, messageId, DeliveryStatus::Sending);
}

void AppController::retryMessage(const QString &messageId)
{
    for (auto it = m_messageModels.cbegin(); it != m_messageModels.cend(); ++it) {
        if (it.value()->contains(messageId)) {
            retryEntry(it.key(), messageId);
            break;
        }
    }
    updateOutboxCount();
    flushOutbox();
}

void AppController::retryAllFailed()
{
    const QStringList rooms = m_rooms->roomNames();
    for (const QString &room : rooms) {
        MessageModel *model = m_messageModels.value(room);
        if (!model)
            continue;
        QStringList failed;
        for (int row = 0; row < model->count(); ++row) {
            if (model->at(row).own && model->at(row).status == DeliveryStatus::Failed)
                failed.append(model->at(row).id);
        }
        for (const QString &id : std::as_const(failed))
            retryEntry(room, id);
    }
    updateOutboxCount();
    flushOutbox();
}

void AppController::deleteMessage(const QString &messageId)
{
    for (auto it = m_messageModels.cbegin(); it != m_messageModels.cend(); ++it) {
        MessageModel *model = it.value();
        const int row = model->rowOf(messageId);
        if (row < 0)
            continue;
        const ChatMessage &m = model->at(row);
        // Only own messages that did not go out: a sent message is already with everyone.
        if (!m.own || m.status == DeliveryStatus::Sent)
            return;
        const auto entry = std::find_if(m_outbox.begin(), m_outbox.end(),
                                        [&](const OutboxEntry &e) { return e.id == messageId; });
        if (entry != m_outbox.end()) {
            if (entry->inFlight)
                return; // on the wire: it may arrive, so it must stay visible
            m_outbox.erase(entry);
        }
        m_history->remove(it.key(), messageId);
        model->removeMessage(messageId);
        updateOutboxCount();
        return;
    }
}

void AppController::updateOutboxCount()
{
    m_connection->setOutboxCount(int(m_outbox.size()));
}

// ---- receiving -------------------------------------------------------------------------------

void AppController::onGroupMessage(const WebPubSub::GroupMessage &message)
{
    const auto env = MessageEnvelope::fromGroupMessage(message);
    if (!env)
        return;
    const QDateTime arrival =
        message.receivedAt.isValid() ? message.receivedAt.toUTC() : QDateTime::currentDateTimeUtc();
    handleEnvelope(message.group, message.fromUserId.value_or(QString()), *env, arrival);
}

ChatMessage AppController::receivedMessage(const QString &room, const QString &fromUserId,
                                           const MessageEnvelope &env, const QDateTime &arrival)
{
    // Identity is the service's fromUserId; the payload's name is only shown beside it, and not at
    // all when it passes for another member. Its timestamp is the sender's claim: the arrival time
    // is what the timeline shows (rows are in arrival order anyway).
    ChatMessage m = env.toChatMessage(room, fromUserId, !fromUserId.isEmpty() && fromUserId == m_userId);
    m.id =
        m_senders.receivedId(fromUserId, m_userId, env.id, [&](const QString &id) -> std::optional<QString> {
            if (MessageModel *model = m_messageModels.value(room)) {
                const int row = model->rowOf(id);
                if (row >= 0)
                    return model->at(row).senderId;
            }
            for (const ChatMessage &queued : m_incoming.value(room)) {
                if (queued.id == id)
                    return queued.senderId;
            }
            return m_history->senderOf(room, id);
        });
    const QString name = SenderPolicy::cleanDisplayName(env.sender, fromUserId);
    m.senderName = memberModel(room)->nameCollides(fromUserId, name) ? QString() : name;
    m.timestamp = arrival;
    return m;
}

void AppController::handleEnvelope(const QString &room, const QString &fromUserId, const MessageEnvelope &env,
                                   const QDateTime &arrival)
{
    if (!m_rooms->contains(room))
        return;
    // Own echoes are recognised by the service identity plus something only this instance knows:
    // a payload's instance or id alone can be copied by anyone in the room.
    if (env.kind == MessageEnvelope::Kind::Message) {
        if (m_senders.isOwnMessageEcho(fromUserId, m_userId, env.id))
            return;
    } else if (SenderPolicy::isOwnPresenceEcho(fromUserId, m_userId, env.instance, m_instanceId)) {
        return;
    }
    // Presence, typing and goodbye apply to the sender's own fromUserId only. Anonymous senders
    // are told apart by instance.
    const QString userId = fromUserId.isEmpty() ? QStringLiteral("anonymous-") + env.instance : fromUserId;
    const QString name = SenderPolicy::cleanDisplayName(env.sender, fromUserId);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (env.kind) {
    case MessageEnvelope::Kind::Message: {
        const ChatMessage m = receivedMessage(room, fromUserId, env, arrival);
        if (MemberModel *members = m_memberModels.value(room))
            members->setTyping(userId, QString(), {});
        m_incoming[room].append(m);
        if (!m_incomingTimer.isActive())
            m_incomingTimer.start();
        return;
    }
    case MessageEnvelope::Kind::Presence:
        memberModel(room)->heard(userId, name, env.instance, env.state == u"away", now);
        return;
    case MessageEnvelope::Kind::Goodbye:
        memberModel(room)->goodbye(userId, env.instance);
        updateTypingText();
        return;
    case MessageEnvelope::Kind::Who:
        memberModel(room)->heard(userId, name, env.instance, false, now);
        answerWho(room);
        return;
    case MessageEnvelope::Kind::Typing:
        if (!m_typingEnabled)
            return;
        memberModel(room)->heard(userId, name, env.instance, false, now);
        memberModel(room)->setTyping(userId, name, now.addMSecs(m_options.typingExpiry.count()));
        updateTypingText();
        return;
    case MessageEnvelope::Kind::BackfillRequest:
    case MessageEnvelope::Kind::Backfill:
        m_backfill->handle(room, fromUserId, env);
        return;
    case MessageEnvelope::Kind::Unknown:
        return;
    }
}

void AppController::flushIncoming()
{
    const auto batches = std::exchange(m_incoming, {});
    for (auto it = batches.cbegin(); it != batches.cend(); ++it) {
        const QString &room = it.key();
        if (!m_rooms->contains(room))
            continue;
        MessageModel *model = messageModel(room);
        QList<ChatMessage> fresh;
        fresh.reserve(it.value().size());
        // History decides what is new: UNIQUE(room, id) + INSERT OR IGNORE drops redeliveries even
        // of messages no longer loaded in the model.
        QList<ChatMessage> candidates;
        for (const ChatMessage &m : it.value()) {
            if (!model->contains(m.id))
                candidates.append(m);
        }
        if (candidates.isEmpty())
            continue;
        // Without a history (disk full, unwritable) the model alone deduplicates.
        fresh = m_history->isOpen() ? m_history->insertNew(candidates) : candidates;
        const int added = model->appendMessages(fresh);
        if (added == 0)
            continue;
        const ChatMessage &last = fresh.constLast();
        m_rooms->setLastMessage(room, last.text, last.timestamp);
        int unread = 0;
        for (const ChatMessage &m : std::as_const(fresh)) {
            if (!m.own)
                ++unread;
        }
        const bool inView = roomInView(room);
        if (!inView && unread > 0)
            m_rooms->incrementUnread(room, unread);
        for (const ChatMessage &m : std::as_const(fresh)) {
            if (!m.own)
                m_tray->consider(room, SenderPolicy::label(m.senderId), m.text, m.own, m_rooms->isMuted(room),
                                 inView);
            Q_EMIT messageAdded(room, m.id);
        }
    }
}

// ---- presence and typing ----------------------------------------------------------------------

void AppController::sendPresence(const QString &room, const QString &kind, bool fireAndForget)
{
    if (!m_client || m_client->state() != Client::State::Connected)
        return;
    MessageEnvelope env;
    env.kind = MessageEnvelope::kindFromName(kind);
    env.sender = m_userName;
    env.instance = m_instanceId;
    env.timestamp = QDateTime::currentDateTimeUtc();
    if (env.kind == MessageEnvelope::Kind::Presence)
        env.state = isAway() ? QStringLiteral("away") : QStringLiteral("online");
    Client::SendOptions options;
    options.noEcho = true;
    options.fireAndForget = fireAndForget;
    m_client->sendToGroup(room, env.toPayload(), options);
}

void AppController::announceAll(const QString &kind)
{
    m_lastAway = isAway();
    const QStringList rooms = m_rooms->roomNames();
    for (const QString &room : rooms) {
        if (kind == u"presence")
            heardSelf(room);
        sendPresence(room, kind);
    }
}

void AppController::heardSelf(const QString &room)
{
    memberModel(room)->heard(m_userId, m_userName, m_instanceId, isAway(), QDateTime::currentDateTimeUtc());
}

void AppController::heartbeat()
{
    announceAll(QStringLiteral("presence"));
}

void AppController::answerWho(const QString &room)
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
            sendPresence(room, QStringLiteral("presence"));
    });
}

void AppController::userActivity()
{
    // The idle timer is opt-in: a UI that reports activity gets automatic "away"; one that sets
    // userIdle itself stays in control.
    m_idleTracking = true;
    noteActivity();
}

void AppController::noteActivity()
{
    if (!m_idleTracking)
        return;
    if (m_started)
        m_idleTimer.start();
    setUserIdle(false);
}

void AppController::queryPresence(const QString &room)
{
    if (m_rooms->contains(room))
        sendPresence(room, QStringLiteral("who"));
}

void AppController::composerTextEdited()
{
    noteActivity();
    if (!m_typingEnabled || m_currentRoom.isEmpty() || !m_client ||
        m_client->state() != Client::State::Connected)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime last = m_lastTypingSent.value(m_currentRoom);
    if (last.isValid() && last.msecsTo(now) < m_options.typingThrottle.count())
        return;
    m_lastTypingSent.insert(m_currentRoom, now);
    sendPresence(m_currentRoom, QStringLiteral("typing"));
}

void AppController::updateTypingText()
{
    QString text;
    if (m_typingEnabled && !m_currentRoom.isEmpty()) {
        if (MemberModel *members = m_memberModels.value(m_currentRoom)) {
            const QStringList names = members->typingNames(m_userId);
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

} // namespace Hubbub
