// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file fakepubsubpeer.h
//! \brief A scripted stand-in for the Web PubSub service that the hubbub-cli tests drive frame by
//! frame: it accepts one client at a time, records what the client sends and sends what the test says.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

class FakePubSubPeer : public QObject
{
    Q_OBJECT
public:
    explicit FakePubSubPeer(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    //! ws://127.0.0.1:port/client/hubs/\a hub?access_token=\a token
    QUrl clientUrl(const QString &hub = QStringLiteral("chat"),
                   const QString &token = QStringLiteral("t0k3n")) const;

    //! The userId put in `connected` frames (empty = null).
    QString userId;
    //! Whether recovery requests (awps_connection_id) are accepted; otherwise closed with 1008.
    bool acceptRecovery = true;
    //! Whether `ping` gets a `pong` at once.
    bool autoPong = true;

    //! Every upgrade request URL seen, in order.
    QList<QUrl> requestUrls;
    //! The subprotocol of each accepted socket.
    QStringList subprotocols;
    //! Frames the client sent, in order (all connections).
    QList<QJsonObject> received;
    int connectionsAccepted() const { return int(requestUrls.size()); }
    int recoveries = 0;
    bool isConnected() const { return m_socket && m_socket->state() == QAbstractSocket::ConnectedState; }

    //! The first received frame with this `type` at index ≥ \a from, or an empty object.
    QJsonObject firstOfType(const QString &type, qsizetype from = 0) const;
    qsizetype countOfType(const QString &type) const;

    void sendJson(const QJsonObject &frame);
    void sendAck(qint64 ackId, const QString &errorName = {});
    void sendGroupMessage(const QString &group, const QString &dataType, const QJsonValue &data,
                          qint64 sequenceId, const QJsonValue &fromUserId = QStringLiteral("bob"));
    //! Closes the current socket with \a code (e.g. 1008: not recoverable).
    void closeCurrent(QWebSocketProtocol::CloseCode code, const QString &reason = {});

Q_SIGNALS:
    void frameReceived(const QJsonObject &frame);

private:
    void onNewConnection();

    QWebSocketServer m_server;
    QPointer<QWebSocket> m_socket;
    int m_nextConnection = 1;
};
