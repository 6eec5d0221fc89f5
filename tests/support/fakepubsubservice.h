// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief A scripted stand-in for Azure Web PubSub's client endpoint, for the client's and
//! hubbub-cli's tests: a QWebSocketServer on localhost that records every request URL and frame,
//! answers what it is told to (connected, acks, pongs) and lets the test drop, close or refuse
//! connections at will. By default a well-behaved service (it acks by itself); a test that answers
//! every ack by hand sets autoAck = false and drives the latest connection, last().
#pragma once

#include "frame.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>

class FakePubSubService : public QObject
{
    Q_OBJECT
public:
    struct Connection
    {
        QPointer<QWebSocket> socket;
        QUrl requestUrl;
        QString subprotocol;
        QString connectionId; //!< assigned (new) or asked for (recovery)
        bool recovery = false;
        bool refused = false;      //!< closed or aborted at once (rejectRecovery, drop*)
        QList<QJsonObject> frames; //!< every text frame the client sent, parsed
        QStringList rawFrames;     //!< the same frames as sent (for exact 64-bit numbers)
        int malformedFrames = 0;
    };

    explicit FakePubSubService(QObject *parent = nullptr);
    ~FakePubSubService() override;

    bool listen();
    quint16 port() const;
    //! `ws://127.0.0.1:<port>/client/hubs/<hub>?access_token=<token>`
    QUrl clientUrl(const QString &hub = QStringLiteral("chat"),
                   const QString &token = QStringLiteral("t0k")) const;

    // Behaviour knobs (defaults: a well-behaved service).
    bool autoConnected = true; //!< send system/connected on every new (non-recovery) connection
    bool autoAck =
        true; //!< ack every frame carrying an ackId (Duplicate when already seen on that connectionId)
    bool autoPong = true;
    bool sendReconnectionToken = true;
    bool rejectRecovery = false;     //!< accept recovery upgrades, then close them with 1008
    bool dropNewConnections = false; //!< abort new connections right after the upgrade
    bool dropRecoveries = false;     //!< abort recovery connections right after the upgrade
    std::optional<QString> userId = QStringLiteral("alice");
    //! Called for each frame; return true when the test answered it (no automatic answer then).
    std::function<bool(int connection, const QJsonObject &frame)> onFrame;

    int count() const { return int(m_connections.size()); }
    int last() const { return count() - 1; }
    const Connection &at(int i) const { return m_connections.at(i); }
    //! Frames of connection \a i (all connections when -1), optionally only of \a type.
    QList<QJsonObject> frames(int i = -1, const QString &type = {}) const;
    int totalMalformed() const;
    //! Every frame of every connection, in the order they arrived.
    const QList<QJsonObject> &received() const { return m_received; }
    //! The first of received() with this `type` at index >= \a from, or an empty object.
    QJsonObject firstOfType(const QString &type, qsizetype from = 0) const;
    qsizetype countOfType(const QString &type) const;
    //! Recovery connections accepted (not refused).
    int recoveries() const;

    void sendJson(int i, const QJsonObject &object);
    void sendText(int i, const QString &text);
    void sendFrame(int i, const WebPubSub::Frame &frame);
    void sendConnected(int i, const QString &connectionId, const QString &token = {});
    //! An error ack when \a errorName is set (its message "fake says <name>" unless \a message is).
    void sendAck(int i, quint64 ackId, const QString &errorName = {}, const QString &message = {});
    void sendGroupText(int i, const QString &group, const QString &text, std::optional<quint64> sequenceId);
    //! A group message of any \a dataType (\a data as it goes on the wire: text, JSON or base64).
    void sendGroupMessage(int i, const QString &group, const QString &dataType, const QJsonValue &data,
                          std::optional<quint64> sequenceId,
                          const QJsonValue &fromUserId = QStringLiteral("bob"));
    void closeConnection(int i, QWebSocketProtocol::CloseCode code, const QString &reason = {});
    void abortConnection(int i);
    //! Stops answering handshakes (TCP connects, the upgrade never completes).
    void pauseAccepting();
    void resumeAccepting();
    bool isOpen(int i) const;

Q_SIGNALS:
    void connectionAccepted(int index);
    void frameReceived(int index, const QJsonObject &frame);

private:
    void onNewConnection();
    void onText(int index, const QString &text);

    QWebSocketServer m_server;
    QList<Connection> m_connections;
    QList<QJsonObject> m_received;
    QHash<QString, QSet<quint64>> m_seenAckIds; // per connectionId, kept across recovery
    int m_nextId = 0;
};
