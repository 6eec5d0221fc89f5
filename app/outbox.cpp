// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "outbox.h"

#include "client.h"
#include "historystore.h"
#include "localuser.h"
#include "logging.h"
#include "messageenvelope.h"
#include "messagemodel.h"
#include "pendingops.h"
#include "roomdirectory.h"
#include "roomlistmodel.h"
#include "senderpolicy.h"

#include <algorithm>

namespace Hubbub {

using WebPubSub::Client;

bool Outbox::isRetryable(int errorCode)
{
    using Code = WebPubSub::Error::Code;
    const auto code = Code(errorCode);
    return code == Code::NotConnected || code == Code::Stopped || code == Code::Timeout;
}

Outbox::Outbox(HistoryStore *history, RoomDirectory *rooms, SenderPolicy *senders, const LocalUser *self,
               QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_rooms(rooms)
    , m_senders(senders)
    , m_self(self)
    , m_ops(std::make_unique<PendingOps>(history->connectionName()))
{
    // Own messages that were still waiting when the app last quit go out again, in order; then the
    // edits, deletes and reactions (each made after the message it acts on).
    const auto pending = m_history->pendingOwn();
    for (const ChatMessage &m : pending)
        enqueue(m);
    const auto ops = m_ops->all();
    for (const PendingOps::Op &op : ops)
        m_entries.append({op.id, op.room, std::nullopt, {}, false, op.envelope, 0, true});
}

Outbox::~Outbox() = default;

void Outbox::sendEnvelope(const QString &room, const QString &id, const QJsonObject &envelope)
{
    m_ops->add({room, id, envelope});
    m_entries.append({id, room, std::nullopt, {}, false, envelope, 0, true});
    Q_EMIT countChanged(count());
    flush();
}

bool Outbox::connected() const
{
    return m_client && m_client->state() == Client::State::Connected;
}

void Outbox::enqueue(const ChatMessage &m)
{
    MessageEnvelope env = MessageEnvelope::chat(m.text, m.senderName, m.timestamp);
    env.id = m.id;
    env.replyTo = m.replyTo;
    m_senders->noteIssued(m.id);
    m_entries.append({m.id, m.room, std::nullopt, {}, false, env.toJson()});
}

bool Outbox::sendPrepared(const ChatMessage &m, const QJsonObject &envelope)
{
    if (!m_rooms->contains(m.room))
        return false;
    m_senders->noteIssued(m.id);
    m_history->insert(m);
    m_rooms->openMessages(m.room)->appendMessage(m);
    m_rooms->list()->setLastMessage(m.room, m.text, m.timestamp);
    m_entries.append({m.id, m.room, std::nullopt, {}, false, envelope});
    Q_EMIT countChanged(count());
    Q_EMIT messageAdded(m.room, m.id);
    flush();
    return true;
}

void Outbox::setEnvelopeBuilder(std::function<std::optional<QJsonObject>(const ChatMessage &)> builder)
{
    m_envelopeBuilder = std::move(builder);
    const auto pending = m_history->pendingOwn();
    for (const ChatMessage &m : pending) {
        if (!m.picture)
            continue;
        for (Entry &e : m_entries) {
            if (e.id == m.id && !e.inFlight) {
                if (const auto env = m_envelopeBuilder(m))
                    e.envelope = *env;
            }
        }
    }
}

void Outbox::setClient(Client *client)
{
    m_client = client;
    for (Entry &e : m_entries) {
        e.inFlight = false;
        e.ackId.reset();
    }
}

QStringList Outbox::ids() const
{
    QStringList ids;
    for (const Entry &e : m_entries)
        ids.append(e.id);
    return ids;
}

bool Outbox::send(const QString &room, const QString &rawText, const ReplyRef &replyTo)
{
    const QString text = rawText.trimmed();
    if (text.isEmpty() || !m_rooms->contains(room))
        return false;
    MessageEnvelope env = MessageEnvelope::chat(text, m_self->userName);
    env.replyTo = replyTo;
    ChatMessage m = env.toChatMessage(room, m_self->userId, true);
    m.status = DeliveryStatus::Sending;
    m_senders->noteIssued(m.id);
    m_history->insert(m);
    m_rooms->openMessages(room)->appendMessage(m);
    m_rooms->list()->setLastMessage(room, m.text, m.timestamp);
    m_entries.append({m.id, room, std::nullopt, {}, false, env.toJson()});
    Q_EMIT countChanged(count());
    Q_EMIT messageAdded(room, m.id);
    flush();
    return true;
}

void Outbox::flush()
{
    if (!connected())
        return;
    // In order: the client writes operations in call order and the service keeps a group's order.
    // Indexes, not iterators: a send may answer synchronously and erase its entry.
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (!m_entries[i].inFlight)
            sendEntry(m_entries[i]);
    }
}

void Outbox::sendEntry(Entry &entry)
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

void Outbox::onSendResult(const QString &messageId, int attempt, const QString &connectionId,
                          const WebPubSub::OperationResult &r)
{
    const auto it =
        std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.id == messageId; });
    if (it == m_entries.end())
        return; // deleted or the room was left meanwhile
    // An older attempt's failure (its client was replaced) says nothing about the current one;
    // its success, though, means the message is out.
    if (attempt != it->attempt && !(r.ok() || r.isDuplicated))
        return;
    if (r.ok() || r.isDuplicated) {
        settle(it, DeliveryStatus::Sent);
        return;
    }
    const bool stillConnected = connected();
    const bool sameConnection = m_client && m_client->connectionId() == connectionId;
    if (isRetryable(int(r.error.code())) &&
        !(r.error.code() == WebPubSub::Error::Code::Timeout && stillConnected && sameConnection)) {
        // Lost with the connection: it waits in the outbox (still "sending") and goes out again,
        // under its same message id, once connected; receivers drop it if it had arrived.
        it->inFlight = false;
        it->ackId = r.ackId;
        it->ackConnectionId = connectionId;
        qCDebug(lcApp) << "send of" << messageId << "waits for a connection:" << r.error.name();
        if (stillConnected)
            flush();
        return;
    }
    qCInfo(lcApp) << "send of" << messageId << "failed:" << r.error.name() << r.error.message();
    // An edit, delete or reaction the service refuses is dropped: it has no row to mark failed.
    settle(it, DeliveryStatus::Failed);
}

void Outbox::settle(QList<Entry>::iterator it, DeliveryStatus status)
{
    const QString room = it->room;
    const QString messageId = it->id;
    const bool op = it->op;
    m_entries.erase(it);
    if (op)
        m_ops->remove(messageId);
    else
        setStatus(room, messageId, status);
    Q_EMIT countChanged(count());
}

void Outbox::setStatus(const QString &room, const QString &messageId, DeliveryStatus status)
{
    m_history->updateStatus(room, messageId, status);
    if (MessageModel *model = m_rooms->findMessages(room))
        model->setDeliveryStatus(messageId, status);
}

void Outbox::retryEntry(const QString &room, const QString &messageId)
{
    MessageModel *model = m_rooms->openMessages(room);
    const int row = model->rowOf(messageId);
    if (row < 0)
        return;
    const ChatMessage m = model->at(row);
    if (!m.own || m.status != DeliveryStatus::Failed)
        return;
    MessageEnvelope env = MessageEnvelope::chat(m.text, m.senderName, m.timestamp);
    env.id = m.id;
    env.replyTo = m.replyTo;
    std::optional<QJsonObject> built;
    if (m.picture && m_envelopeBuilder)
        built = m_envelopeBuilder(m);
    m_entries.append({m.id, room, std::nullopt, {}, false, built ? *built : env.toJson()});
    setStatus(room, messageId, DeliveryStatus::Sending);
}

void Outbox::retry(const QString &messageId)
{
    const auto models = m_rooms->openedMessages();
    for (auto it = models.cbegin(); it != models.cend(); ++it) {
        if (it.value()->contains(messageId)) {
            retryEntry(it.key(), messageId);
            break;
        }
    }
    Q_EMIT countChanged(count());
    flush();
}

void Outbox::retryAllFailed()
{
    const QStringList rooms = m_rooms->names();
    for (const QString &room : rooms) {
        MessageModel *model = m_rooms->findMessages(room);
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
    Q_EMIT countChanged(count());
    flush();
}

void Outbox::remove(const QString &messageId)
{
    const auto models = m_rooms->openedMessages();
    for (auto it = models.cbegin(); it != models.cend(); ++it) {
        MessageModel *model = it.value();
        const int row = model->rowOf(messageId);
        if (row < 0)
            continue;
        const ChatMessage &m = model->at(row);
        // Only own messages that did not go out: a sent message is already with everyone.
        if (!m.own || m.status == DeliveryStatus::Sent)
            return;
        const auto entry = std::find_if(m_entries.begin(), m_entries.end(),
                                        [&](const Entry &e) { return e.id == messageId; });
        if (entry != m_entries.end()) {
            if (entry->inFlight)
                return; // on the wire: it may arrive, so it must stay visible
            m_entries.erase(entry);
        }
        m_history->remove(it.key(), messageId);
        model->removeMessage(messageId);
        Q_EMIT countChanged(count());
        return;
    }
}

void Outbox::failRoom(const QString &room)
{
    // Queued messages for a room we leave would go nowhere: they fail visibly instead.
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (m_entries.at(i).room == room) {
            if (!m_entries.at(i).op)
                m_history->updateStatus(room, m_entries.at(i).id, DeliveryStatus::Failed);
            m_entries.removeAt(i);
        }
    }
    m_ops->removeRoom(room);
    Q_EMIT countChanged(count());
}

} // namespace Hubbub
