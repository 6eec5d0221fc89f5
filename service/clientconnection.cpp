// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "clientconnection.h"

#include "logging_p.h"

#include <framecodec.h>
#include <protocolnames.h>

#include <QWebSocket>

using namespace WebPubSub;

namespace Hubbub {

namespace {
constexpr quint64 MaxFrameSize = 1024 * 1024; // §1.1: 1 MB per client frame
// ackIds remembered per connection: enough for any honest retry window, bounded for a flood.
constexpr size_t MaxRememberedAckIds = 100000;
} // namespace

void ClientConnection::markProcessed(quint64 ackId)
{
    if (m_processedAckIds.contains(ackId))
        return;
    m_processedAckIds.insert(ackId);
    m_ackIdOrder.push_back(ackId);
    if (m_ackIdOrder.size() > MaxRememberedAckIds) {
        m_processedAckIds.remove(m_ackIdOrder.front());
        m_ackIdOrder.pop_front();
    }
}

ClientConnection::ClientConnection(const QString &id, const QString &hub, Kind kind, Limits limits,
                                   QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_hub(hub)
    , m_kind(kind)
    , m_limits(limits)
{
    m_recoveryTimer.setSingleShot(true);
    connect(&m_recoveryTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcServiceClient) << "connection" << m_id << "was not recovered in time";
        finish(QStringLiteral("The connection was not recovered within the recovery window."));
    });
}

ClientConnection::~ClientConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

QString ClientConnection::subprotocol() const
{
    switch (m_kind) {
    case Kind::Json:
        return ProtocolNames::JsonSubprotocol;
    case Kind::ReliableJson:
        return ProtocolNames::ReliableJsonSubprotocol;
    case Kind::Simple:
        break;
    }
    return {};
}

void ClientConnection::attach(QWebSocket *socket)
{
    if (m_socket) {
        // A recovery that raced ahead of our noticing the old socket died: the new one wins.
        QWebSocket *old = m_socket;
        old->disconnect(this);
        old->abort();
        old->deleteLater();
    }
    m_recoveryTimer.stop();
    m_socket = socket;
    m_closingByUs = false;
    m_peerClosed = false;
    m_lastHeard = QDateTime::currentDateTimeUtc();
    socket->setParent(this);
    socket->setMaxAllowedIncomingFrameSize(MaxFrameSize);
    socket->setMaxAllowedIncomingMessageSize(MaxFrameSize);
    connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_lastHeard = QDateTime::currentDateTimeUtc();
        Q_EMIT textReceived(this, text);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        m_lastHeard = QDateTime::currentDateTimeUtc();
        Q_EMIT binaryReceived(this, data);
    });
    // aboutToClose only fires on a close handshake, which tells a deliberate close from a lost link
    // (Qt reports close code 1000 for both).
    connect(socket, &QWebSocket::aboutToClose, this, [this] {
        if (!m_closingByUs)
            m_peerClosed = true;
    });
    connect(socket, &QWebSocket::pong, this, [this] { m_lastHeard = QDateTime::currentDateTimeUtc(); });
    connect(socket, &QWebSocket::disconnected, this, &ClientConnection::onSocketDisconnected);
}

void ClientConnection::onSocketDisconnected()
{
    QWebSocket *socket = m_socket;
    if (!socket || sender() != socket)
        return;
    const int code = socket->closeCode();
    const bool byUs = m_closingByUs;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->deleteLater();
    if (m_finished)
        return;
    // A reliable client that closes normally gives up recovery (as the emulator treats it);
    // anything else (abort, 1001, a dead link) keeps the connection for the recovery window.
    const bool normalClose = !byUs && m_peerClosed && code == QWebSocketProtocol::CloseCodeNormal;
    if (m_kind == Kind::ReliableJson && !byUs && !normalClose) {
        qCInfo(lcServiceClient) << "connection" << m_id << "dropped (code" << code
                                << "), waiting for recovery";
        m_recoveryTimer.start(m_limits.recoveryWindow);
        Q_EMIT dropped(this);
        return;
    }
    finish(byUs ? QStringLiteral("Closed by the service.") : QStringLiteral("Closed by the client."));
}

void ClientConnection::finish(const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    m_recoveryTimer.stop();
    m_unacked.clear();
    m_unackedBytes = 0;
    Q_EMIT finished(this, reason);
}

void ClientConnection::sendRaw(const QByteArray &utf8)
{
    if (m_socket)
        sendText(QString::fromUtf8(utf8));
}

void ClientConnection::sendText(const QString &text)
{
    if (!m_socket)
        return;
    m_socket->sendTextMessage(text);
    // A client that stopped reading must not make us queue without bound.
    if (m_socket && m_socket->bytesToWrite() > m_limits.maxUnackedBytes) {
        qCWarning(lcServiceClient) << "connection" << m_id << "does not read its messages; closing it";
        closeFinally(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("SlowClient"));
    }
}

void ClientConnection::sendControl(const Frame &frame)
{
    if (m_kind == Kind::Simple)
        return;
    sendRaw(FrameCodec::serialize(frame));
}

namespace {

// The receiver's sequenceId goes first, in front of the members serialised once for the whole
// fan-out: a JSON object's member order carries no meaning, and the digits need no escaping.
QByteArray withSequenceId(const QByteArray &unsequenced, quint64 sequenceId)
{
    const QByteArray digits = QByteArray::number(sequenceId);
    QByteArray out;
    out.reserve(unsequenced.size() + digits.size() + 16);
    out.append("{\"sequenceId\":");
    out.append(digits);
    if (unsequenced.size() > 2) { // not "{}"
        out.append(',');
        out.append(QByteArrayView(unsequenced).sliced(1));
    } else {
        out.append('}');
    }
    return out;
}

} // namespace

void ClientConnection::deliver(const Frame &message, FanOut *cache)
{
    if (m_finished)
        return;
    if (m_kind == Kind::Simple) {
        if (!m_socket)
            return;
        const Payload &p = message.payload;
        if (p.dataType() == DataType::Text || p.dataType() == DataType::Json)
            sendText(p.text());
        else
            m_socket->sendBinaryMessage(p.bytes());
        return;
    }
    if (m_kind == Kind::Json) {
        if (!cache) {
            sendRaw(FrameCodec::serialize(message));
            return;
        }
        if (cache->json.isEmpty())
            cache->json = QString::fromUtf8(FrameCodec::serialize(message));
        sendText(cache->json);
        return;
    }
    const quint64 sequenceId = m_nextSequenceId++;
    QByteArray utf8;
    if (message.sequenceId) { // not a fresh message: written as it is, with our sequenceId
        Frame sequenced = message;
        sequenced.sequenceId = sequenceId;
        utf8 = FrameCodec::serialize(sequenced);
    } else {
        QByteArray unsequenced = cache ? cache->unsequenced : QByteArray();
        if (unsequenced.isEmpty()) {
            unsequenced = FrameCodec::serialize(message);
            if (cache)
                cache->unsequenced = unsequenced;
        }
        utf8 = withSequenceId(unsequenced, sequenceId);
    }
    m_unackedBytes += utf8.size();
    m_unacked.push_back({sequenceId, utf8});
    if (int(m_unacked.size()) > m_limits.maxUnackedMessages || m_unackedBytes > m_limits.maxUnackedBytes) {
        qCWarning(lcServiceClient) << "connection" << m_id << "exceeded its un-acked buffer ("
                                   << m_unacked.size() << "messages," << m_unackedBytes
                                   << "bytes); closing it";
        if (m_socket)
            closeFinally(
                QWebSocketProtocol::CloseCodePolicyViolated,
                QStringLiteral("Too many un-acked messages; the connection can no longer be recovered."),
                QStringLiteral("SlowClient: too many un-acked messages"));
        else
            finish(QStringLiteral("The un-acked message buffer overflowed."));
        return;
    }
    sendRaw(utf8);
}

void ClientConnection::acknowledge(quint64 sequenceId)
{
    while (!m_unacked.empty() && m_unacked.front().sequenceId <= sequenceId) {
        m_unackedBytes -= m_unacked.front().utf8.size();
        m_unacked.pop_front();
    }
}

void ClientConnection::replay()
{
    // Copy first: sending may close the connection, which clears the buffer.
    const std::deque<Buffered> pending = m_unacked;
    for (const Buffered &b : pending) {
        if (!m_socket || m_finished)
            return;
        sendRaw(b.utf8);
    }
}

void ClientConnection::closeFinally(int code, const QString &reason, const std::optional<QString> &message)
{
    if (m_finished)
        return;
    if (m_socket) {
        if (message && m_kind != Kind::Simple)
            m_socket->sendTextMessage(
                QString::fromUtf8(FrameCodec::serialize(Frame::disconnected(*message))));
        m_closingByUs = true;
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        // The socket outlives this connection long enough to finish the close handshake.
        socket->setParent(nullptr);
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        socket->close(QWebSocketProtocol::CloseCode(code), reason);
        socket->flush();
        // A peer that never answers the close handshake must not keep the socket alive.
        QTimer::singleShot(5000, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
    }
    finish(reason);
}

void ClientConnection::keepAlive(std::chrono::milliseconds deadline)
{
    if (!m_socket)
        return;
    if (m_lastHeard.msecsTo(QDateTime::currentDateTimeUtc()) > deadline.count()) {
        qCInfo(lcServiceClient) << "connection" << m_id << "timed out (no pong)";
        m_socket->abort();
        return;
    }
    m_socket->ping();
}

} // namespace Hubbub
