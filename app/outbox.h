// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The user's own chat messages, and any other own envelope that must arrive exactly once
//! (edits, deletes, reactions), from "send" until the service acknowledges them: kept in one
//! order, persisted (messages in the history with status "sending", other envelopes in PendingOps),
//! retried across connections with the same envelope id, and failed visibly when they cannot go.
//!
//! The one rule for how this outbox relates to the client's: this is the only outbox above the
//! client. An entry stays here until its send is acknowledged (or fails for good); while one is on
//! the wire, or waits inside the client for a connection, the client's operation queue holds it
//! too. So count() is what the user waits for (the banner, diagnostics' outboxSize) and the
//! client's queue (presence and joins as well) is reported apart (clientQueue), never added to it.
//! Delivery is exactly once as seen by readers: a resend keeps its message id (receivers drop
//! repeats) and, on the same connection, its ackId (the service answers Duplicate).
#pragma once

#include "chatmessage.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace WebPubSub {
class Client;
struct OperationResult;
} // namespace WebPubSub

namespace Hubbub {

class HistoryStore;
class PendingOps;
class RoomDirectory;
class SenderPolicy;
struct LocalUser;

class Outbox : public QObject
{
    Q_OBJECT
public:
    //! Restores the messages \a history still holds as "sending" (they go out again, in order).
    //! All pointers must outlive this.
    Outbox(HistoryStore *history, RoomDirectory *rooms, SenderPolicy *senders, const LocalUser *self,
           QObject *parent = nullptr);
    ~Outbox() override;

    //! A new client (or none): whatever was in flight will be sent again on it.
    void setClient(WebPubSub::Client *client);
    //! Writes \a text to \a room as a new own message (history, model, outbox) and sends it when
    //! connected; false when empty or the room is unknown.
    //! Queues an own \a envelope that is not a chat message (its `id` is \a id) for \a room: persisted,
    //! sent after everything queued before it, resent with the same envelope until acknowledged.
    void sendEnvelope(const QString &room, const QString &id, const QJsonObject &envelope);
    //! \a replyTo: the message it replies to (ReplyResolver::reference()), empty for none.
    bool send(const QString &room, const QString &text, const ReplyRef &replyTo = {});
    //! Like send(), for an own message whose envelope is already built (a picture): \a message
    //! (status Sending) is stored and shown as is, \a envelope goes out through the same queue.
    bool sendPrepared(const ChatMessage &message, const QJsonObject &envelope);
    //! Rebuilds the envelope of a stored own message that is not plain chat (ChatMessage::picture)
    //! when it is resent after a restart or retried; applied at once to the restored entries.
    void setEnvelopeBuilder(std::function<std::optional<QJsonObject>(const ChatMessage &)> builder);
    //! Sends every waiting entry not on the wire, in order (when connected).
    void flush();
    //! Sends a failed own message again.
    void retry(const QString &messageId);
    void retryAllFailed();
    //! Deletes an own message that did not go out (not one on the wire).
    void remove(const QString &messageId);
    //! \a room is being left: its waiting messages fail.
    void failRoom(const QString &room);

    int count() const { return int(m_entries.size()); }
    //! The waiting messages' ids, in send order.
    QStringList ids() const;

    //! Errors after which the operation may succeed on a later connection.
    static bool isRetryable(int errorCode);

Q_SIGNALS:
    void countChanged(int count);
    //! An own message was added to \a room's model.
    void messageAdded(const QString &room, const QString &messageId);

private:
    struct Entry
    {
        QString id;
        QString room;
        std::optional<quint64> ackId; // reused when retrying on the same connection
        QString ackConnectionId;
        bool inFlight = false;
        QJsonObject envelope;
        int attempt = 0; // results of older attempts (e.g. from a replaced client) are ignored
        bool op = false; // not a chat message (sendEnvelope): persisted in m_ops, no delivery status
    };

    void enqueue(const ChatMessage &message);
    void sendEntry(Entry &entry);
    void onSendResult(const QString &messageId, int attempt, const QString &connectionId,
                      const WebPubSub::OperationResult &r);
    void setStatus(const QString &room, const QString &messageId, DeliveryStatus status);
    //! Ends an entry's sending: drops it, and the op it carried or else its row's status becomes \a status.
    void settle(QList<Entry>::iterator it, DeliveryStatus status);
    void retryEntry(const QString &room, const QString &messageId);
    bool connected() const;

    HistoryStore *m_history;
    RoomDirectory *m_rooms;
    SenderPolicy *m_senders;
    const LocalUser *m_self;
    QPointer<WebPubSub::Client> m_client;
    QList<Entry> m_entries;
    std::unique_ptr<PendingOps> m_ops;
    std::function<std::optional<QJsonObject>(const ChatMessage &)> m_envelopeBuilder;
};

} // namespace Hubbub
