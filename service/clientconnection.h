// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief One logical client connection of hubbub-service: identity, groups, permissions, ackId
//! memory and, on the reliable subprotocol, the sequence-numbered buffer that outlives a dropped
//! socket for the recovery window.
//!
//! It owns the WebSocket it is attached to (if any) and does the socket-level work (framing kinds,
//! sequence ids, replay, keep-alive, slow-client limits); what a frame *means* is decided by
//! the service, which listens to textReceived/binaryReceived.
#pragma once

#include <frame.h>
#include <payload.h>

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWebSocket>

#include <chrono>
#include <deque>
#include <optional>

class QWebSocket;

namespace Hubbub {

//! One message's serialisations, shared by the receivers of a fan-out: a group of 300 gets the frame
//! written once, not 300 times, which is most of what delivering costs.
struct FanOut
{
    QString json;           //!< the frame for JSON (non-reliable) receivers
    QByteArray unsequenced; //!< the frame for reliable receivers, before their own sequenceId
};

class ClientConnection : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Simple, Json, ReliableJson };
    Q_ENUM(Kind)

    struct Limits
    {
        int maxUnackedMessages = 1000;
        qint64 maxUnackedBytes = 16 * 1024 * 1024;
        std::chrono::milliseconds recoveryWindow{30000};
    };

    ClientConnection(const QString &id, const QString &hub, Kind kind, Limits limits,
                     QObject *parent = nullptr);
    ~ClientConnection() override;

    QString id() const { return m_id; }
    QString hub() const { return m_hub; } //!< as the client spelled it
    Kind kind() const { return m_kind; }
    QString subprotocol() const;

    std::optional<QString> userId;
    QStringList roles;
    QSet<QString> groups;
    QJsonObject claims;         //!< token claims, for the upstream connect event
    QByteArray connectionState; //!< `ce-connectionState`, as the upstream last set it
    qint64 nextEventId = 1;

    //! Takes ownership of \a socket (a recovered connection gets a new one).
    void attach(QWebSocket *socket);
    bool isAttached() const { return !m_socket.isNull(); }
    QWebSocket *socket() const { return m_socket; }

    //! Whether a message with \a ackId was already processed (§2.8).
    bool hasProcessed(quint64 ackId) const { return m_processedAckIds.contains(ackId); }
    void markProcessed(quint64 ackId);

    //! Sends a non-message frame (ack, pong, connected, …) if attached; nothing is buffered.
    void sendControl(const WebPubSub::Frame &frame);
    //! Delivers a `message` frame: JSON clients get the frame (with a sequence id on the reliable
    //! protocol, buffered until acked), simple clients the raw payload.
    //! \a cache (optional) holds what is serialised once for all the receivers of a fan-out.
    void deliver(const WebPubSub::Frame &message, FanOut *cache = nullptr);
    //! Cumulative sequenceAck (§2.4).
    void acknowledge(quint64 sequenceId);
    //! Re-sends every un-acked message in order (after recovery).
    void replay();
    int unackedCount() const { return int(m_unacked.size()); }
    qint64 unackedBytes() const { return m_unackedBytes; }

    //! Sends `disconnected` (JSON clients, when \a message is set) and closes with \a code; the
    //! connection ends (no recovery).
    void closeFinally(int code, const QString &reason, const std::optional<QString> &message = std::nullopt);
    //! Keep-alive tick: pings, or aborts a socket that stayed silent for \a deadline.
    void keepAlive(std::chrono::milliseconds deadline);
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void textReceived(Hubbub::ClientConnection *connection, const QString &text);
    void binaryReceived(Hubbub::ClientConnection *connection, const QByteArray &data);
    //! The socket went away but the connection waits for recovery.
    void dropped(Hubbub::ClientConnection *connection);
    //! The connection is over; the service removes it (and fires the upstream `disconnected`).
    void finished(Hubbub::ClientConnection *connection, const QString &reason);

private:
    void onSocketDisconnected();
    void finish(const QString &reason);
    void sendRaw(const QByteArray &utf8);
    void sendText(const QString &text);

    QString m_id;
    QString m_hub;
    Kind m_kind;
    Limits m_limits;
    QPointer<QWebSocket> m_socket;
    QSet<quint64> m_processedAckIds;
    std::deque<quint64> m_ackIdOrder; // oldest first, to bound the memory of a flooding client
    quint64 m_nextSequenceId = 1;
    struct Buffered
    {
        quint64 sequenceId;
        QByteArray utf8;
    };
    std::deque<Buffered> m_unacked;
    qint64 m_unackedBytes = 0;
    QTimer m_recoveryTimer;
    QDateTime m_lastHeard;
    bool m_finished = false;
    bool m_closingByUs = false;
    bool m_peerClosed = false;
};

} // namespace Hubbub
