// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief A scripted stand-in for Azure Web PubSub's client endpoint, for the client's tests: a
//! QWebSocketServer on localhost that records every request URL and frame, answers what it is
//! told to (connected, acks, pongs) and lets the test drop, close or refuse connections at will.
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

    void sendJson(int i, const QJsonObject &object);
    void sendText(int i, const QString &text);
    void sendFrame(int i, const WebPubSub::Frame &frame);
    void sendConnected(int i, const QString &connectionId, const QString &token = {});
    void sendAck(int i, quint64 ackId, const QString &errorName = {}, const QString &message = {});
    void sendGroupText(int i, const QString &group, const QString &text, std::optional<quint64> sequenceId);
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
    QHash<QString, QSet<quint64>> m_seenAckIds; // per connectionId, kept across recovery
    int m_nextId = 0;
};
