// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "fakepubsubpeer.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

FakePubSubPeer::FakePubSubPeer(QObject *parent)
    : QObject(parent)
    , m_server(u"fake-webpubsub"_s, QWebSocketServer::NonSecureMode)
{
    m_server.setSupportedSubprotocols({u"json.reliable.webpubsub.azure.v1"_s, u"json.webpubsub.azure.v1"_s});
    connect(&m_server, &QWebSocketServer::newConnection, this, &FakePubSubPeer::onNewConnection);
}

bool FakePubSubPeer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakePubSubPeer::clientUrl(const QString &hub, const QString &token) const
{
    QUrl url;
    url.setScheme(u"ws"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    url.setPath(u"/client/hubs/"_s + hub);
    url.setQuery(u"access_token="_s + token);
    return url;
}

void FakePubSubPeer::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        const QUrl url = socket->requestUrl();
        requestUrls.append(url);
        subprotocols.append(socket->subprotocol());
        // One client at a time: a new socket replaces the old one (as after a drop).
        if (m_socket && m_socket != socket)
            m_socket->abort();
        m_socket = socket;
        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
            const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
            received.append(frame);
            if (autoPong && frame.value(u"type"_s).toString() == u"ping" && socket == m_socket)
                sendJson({{u"type"_s, u"pong"_s}});
            Q_EMIT frameReceived(frame);
        });
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);

        const QUrlQuery query(url);
        const QString recoverId = query.queryItemValue(u"awps_connection_id"_s);
        if (!recoverId.isEmpty()) {
            if (acceptRecovery) {
                ++recoveries; // a recovered connection gets no new `connected`
            } else {
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"cannot be recovered"_s);
            }
            continue;
        }
        const int n = m_nextConnection++;
        QJsonObject connected{
            {u"type"_s, u"system"_s},
            {u"event"_s, u"connected"_s},
            {u"connectionId"_s, u"conn-%1"_s.arg(n)},
            {u"userId"_s, userId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(userId)}};
        if (socket->subprotocol() == u"json.reliable.webpubsub.azure.v1")
            connected.insert(u"reconnectionToken"_s, u"rt-%1"_s.arg(n));
        sendJson(connected);
    }
}

QJsonObject FakePubSubPeer::firstOfType(const QString &type, qsizetype from) const
{
    for (qsizetype i = from; i < received.size(); ++i) {
        if (received.at(i).value(u"type"_s).toString() == type)
            return received.at(i);
    }
    return {};
}

qsizetype FakePubSubPeer::countOfType(const QString &type) const
{
    return std::count_if(received.cbegin(), received.cend(), [&type](const QJsonObject &frame) {
        return frame.value(u"type"_s).toString() == type;
    });
}

void FakePubSubPeer::sendJson(const QJsonObject &frame)
{
    if (m_socket)
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void FakePubSubPeer::sendAck(qint64 ackId, const QString &errorName)
{
    QJsonObject ack{{u"type"_s, u"ack"_s}, {u"ackId"_s, ackId}, {u"success"_s, errorName.isEmpty()}};
    if (!errorName.isEmpty())
        ack.insert(u"error"_s,
                   QJsonObject{{u"name"_s, errorName}, {u"message"_s, u"fake says "_s + errorName}});
    sendJson(ack);
}

void FakePubSubPeer::sendGroupMessage(const QString &group, const QString &dataType, const QJsonValue &data,
                                      qint64 sequenceId, const QJsonValue &fromUserId)
{
    QJsonObject frame{{u"type"_s, u"message"_s}, {u"from"_s, u"group"_s}, {u"group"_s, group},
                      {u"dataType"_s, dataType}, {u"data"_s, data},       {u"fromUserId"_s, fromUserId}};
    if (sequenceId > 0)
        frame.insert(u"sequenceId"_s, sequenceId);
    sendJson(frame);
}

void FakePubSubPeer::closeCurrent(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_socket)
        m_socket->close(code, reason);
}
