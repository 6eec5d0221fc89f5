// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "fakepubsubservice.h"

#include "framecodec.h"

#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

using namespace WebPubSub;

FakePubSubService::FakePubSubService(QObject *parent)
    : QObject(parent)
    , m_server(QStringLiteral("fake-webpubsub"), QWebSocketServer::NonSecureMode)
{
    m_server.setSupportedSubprotocols(
        {QStringLiteral("json.reliable.webpubsub.azure.v1"), QStringLiteral("json.webpubsub.azure.v1")});
    connect(&m_server, &QWebSocketServer::newConnection, this, &FakePubSubService::onNewConnection);
}

FakePubSubService::~FakePubSubService()
{
    for (Connection &c : m_connections) {
        if (c.socket) {
            c.socket->disconnect(this);
            c.socket->abort();
        }
    }
}

bool FakePubSubService::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 FakePubSubService::port() const
{
    return m_server.serverPort();
}

QUrl FakePubSubService::clientUrl(const QString &hub, const QString &token) const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(QStringLiteral("/client/hubs/") + hub);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("access_token"), token);
    url.setQuery(query);
    return url;
}

void FakePubSubService::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        Connection c;
        c.socket = socket;
        c.requestUrl = socket->requestUrl();
        c.subprotocol = socket->subprotocol();
        const QUrlQuery query(c.requestUrl);
        c.recovery = query.hasQueryItem(QStringLiteral("awps_connection_id"));
        c.connectionId = c.recovery
                             ? query.queryItemValue(QStringLiteral("awps_connection_id"), QUrl::FullyDecoded)
                             : QStringLiteral("conn-%1").arg(++m_nextId);
        const bool reject = c.recovery && rejectRecovery;
        const bool drop = c.recovery ? dropRecoveries : dropNewConnections;
        c.refused = reject || drop;
        m_connections.append(c);
        const int index = int(m_connections.size()) - 1;
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, index](const QString &text) { onText(index, text); });

        if (reject) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("The connection can no longer be recovered."));
        } else if (drop) {
            socket->abort();
        } else if (!c.recovery && autoConnected) {
            sendConnected(index, c.connectionId,
                          sendReconnectionToken ? QStringLiteral("token/+=%1").arg(m_nextId) : QString());
        }
        Q_EMIT connectionAccepted(index);
    }
}

void FakePubSubService::onText(int index, const QString &text)
{
    Connection &c = m_connections[index];
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (!doc.isObject()) {
        ++c.malformedFrames;
        return;
    }
    const QJsonObject frame = doc.object();
    c.frames.append(frame);
    c.rawFrames.append(text);
    m_received.append(frame);
    Q_EMIT frameReceived(index, frame);
    if (onFrame && onFrame(index, frame))
        return;
    const QString type = frame.value(u"type").toString();
    if (type == u"ping" && autoPong) {
        sendJson(index, QJsonObject{{QStringLiteral("type"), QStringLiteral("pong")}});
    } else if (autoAck && frame.contains(u"ackId")) {
        // QJsonDocument reads numbers as doubles; the codec keeps 64-bit ids exact.
        const auto parsed = FrameCodec::parse(text.toUtf8());
        if (!parsed.ok() || !parsed.frame->ackId)
            return;
        const quint64 ackId = *parsed.frame->ackId;
        QSet<quint64> &seen = m_seenAckIds[m_connections.at(index).connectionId];
        if (seen.contains(ackId)) {
            sendAck(index, ackId, QStringLiteral("Duplicate"),
                    QStringLiteral("Message with ack-id: %1 has been processed").arg(ackId));
        } else {
            seen.insert(ackId);
            sendAck(index, ackId);
        }
    }
}

QList<QJsonObject> FakePubSubService::frames(int i, const QString &type) const
{
    QList<QJsonObject> out;
    for (int c = 0; c < m_connections.size(); ++c) {
        if (i >= 0 && c != i)
            continue;
        for (const QJsonObject &f : m_connections.at(c).frames) {
            if (type.isEmpty() || f.value(u"type").toString() == type)
                out.append(f);
        }
    }
    return out;
}

int FakePubSubService::totalMalformed() const
{
    int n = 0;
    for (const Connection &c : m_connections)
        n += c.malformedFrames;
    return n;
}

QJsonObject FakePubSubService::firstOfType(const QString &type, qsizetype from) const
{
    for (qsizetype i = from; i < m_received.size(); ++i) {
        if (m_received.at(i).value(u"type").toString() == type)
            return m_received.at(i);
    }
    return {};
}

qsizetype FakePubSubService::countOfType(const QString &type) const
{
    return std::count_if(m_received.cbegin(), m_received.cend(), [&type](const QJsonObject &frame) {
        return frame.value(u"type").toString() == type;
    });
}

int FakePubSubService::recoveries() const
{
    return int(std::count_if(m_connections.cbegin(), m_connections.cend(),
                             [](const Connection &c) { return c.recovery && !c.refused; }));
}

void FakePubSubService::sendText(int i, const QString &text)
{
    if (QWebSocket *s = m_connections.value(i).socket)
        s->sendTextMessage(text);
}

void FakePubSubService::sendJson(int i, const QJsonObject &object)
{
    sendText(i, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void FakePubSubService::sendFrame(int i, const Frame &frame)
{
    sendText(i, QString::fromUtf8(FrameCodec::serialize(frame)));
}

void FakePubSubService::sendConnected(int i, const QString &connectionId, const QString &token)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("system")},
                  {QStringLiteral("event"), QStringLiteral("connected")},
                  {QStringLiteral("connectionId"), connectionId},
                  {QStringLiteral("userId"), userId ? QJsonValue(*userId) : QJsonValue(QJsonValue::Null)}};
    if (!token.isEmpty())
        o.insert(QStringLiteral("reconnectionToken"), token);
    sendJson(i, o);
}

void FakePubSubService::sendAck(int i, quint64 ackId, const QString &errorName, const QString &message)
{
    // Written by hand so 64-bit ids are exact on the wire whatever QJsonValue does with them.
    QString text = QStringLiteral("{\"type\":\"ack\",\"ackId\":%1,\"success\":%2")
                       .arg(ackId)
                       .arg(errorName.isEmpty() ? QStringLiteral("true") : QStringLiteral("false"));
    if (!errorName.isEmpty()) {
        const QJsonObject error{{QStringLiteral("name"), errorName},
                                {QStringLiteral("message"),
                                 message.isEmpty() ? QStringLiteral("fake says ") + errorName : message}};
        text += QStringLiteral(",\"error\":") +
                QString::fromUtf8(QJsonDocument(error).toJson(QJsonDocument::Compact));
    }
    text += u'}';
    sendText(i, text);
}

void FakePubSubService::sendGroupText(int i, const QString &group, const QString &text,
                                      std::optional<quint64> sequenceId)
{
    sendGroupMessage(i, group, QStringLiteral("text"), text, sequenceId);
}

void FakePubSubService::sendGroupMessage(int i, const QString &group, const QString &dataType,
                                         const QJsonValue &data, std::optional<quint64> sequenceId,
                                         const QJsonValue &fromUserId)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("message")},
                  {QStringLiteral("from"), QStringLiteral("group")},
                  {QStringLiteral("group"), group},
                  {QStringLiteral("fromUserId"), fromUserId},
                  {QStringLiteral("dataType"), dataType},
                  {QStringLiteral("data"), data}};
    if (sequenceId)
        o.insert(QStringLiteral("sequenceId"), qint64(*sequenceId));
    sendJson(i, o);
}

void FakePubSubService::closeConnection(int i, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (QWebSocket *s = m_connections.value(i).socket)
        s->close(code, reason);
}

void FakePubSubService::abortConnection(int i)
{
    if (QWebSocket *s = m_connections.value(i).socket)
        s->abort();
}

void FakePubSubService::pauseAccepting()
{
    m_server.pauseAccepting();
}

void FakePubSubService::resumeAccepting()
{
    m_server.resumeAccepting();
}

bool FakePubSubService::isOpen(int i) const
{
    const QWebSocket *s = m_connections.value(i).socket;
    return s && s->state() == QAbstractSocket::ConnectedState;
}
