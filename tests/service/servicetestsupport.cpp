// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "servicetestsupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocketHandshakeOptions>

using namespace WebPubSub;

namespace TestSupport {

bool waitFor(const std::function<bool()> &predicate, int timeoutMs)
{
    return QTest::qWaitFor(predicate, timeoutMs);
}

Hubbub::ServiceOptions defaultOptions()
{
    Hubbub::ServiceOptions options;
    options.port = 0;
    options.accessKey = AccessKey;
    return options;
}

QString startRefusal(const Hubbub::ServiceOptions &options)
{
    Hubbub::Service service(options);
    QString error;
    return service.start(&error) ? QString() : error;
}

QString clientToken(const Hubbub::Service &service, const QString &hub, std::optional<QString> userId,
                    const QStringList &roles, const QStringList &groups, int lifetimeSeconds)
{
    TokenClaims claims;
    QUrl aud = service.endpoint();
    aud.setPath(QStringLiteral("/client/hubs/") + hub);
    claims.audience = aud.toString();
    claims.subject = userId;
    claims.roles = roles;
    claims.groups = groups;
    claims.issuedAt = QDateTime::currentDateTimeUtc().addSecs(-1);
    claims.expiresAt = QDateTime::currentDateTimeUtc().addSecs(lifetimeSeconds);
    return AccessToken::sign(claims, AccessKey.toUtf8());
}

QUrl clientUrl(const Hubbub::Service &service, const QString &hub, const QString &token)
{
    QUrl url = service.endpoint();
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/client/hubs/") + hub);
    if (!token.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("access_token"), token);
        url.setQuery(query);
    }
    return url;
}

TestClient::TestClient(QObject *parent)
    : QObject(parent)
{
    socket.setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    connect(&socket, &QWebSocket::connected, this, [this] { opened = true; });
    connect(&socket, &QWebSocket::disconnected, this, [this] {
        closed = true;
        closeCode = socket.closeCode();
        closeReason = socket.closeReason();
    });
    connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        texts.append(text);
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (doc.isObject()) {
            const QJsonObject frame = doc.object();
            if (frame.value(u"type").toString() == u"system" &&
                frame.value(u"event").toString() == u"connected") {
                connectionId = frame.value(u"connectionId").toString();
                reconnectionToken = frame.value(u"reconnectionToken").toString();
            }
            frames.append(frame);
        }
    });
    connect(&socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &data) { binaries.append(data); });
}

TestClient::~TestClient()
{
    socket.abort();
}

void TestClient::open(const QUrl &target, const QString &subprotocol)
{
    url = target;
    opened = false;
    closed = false;
    closeCode = -1;
    QWebSocketHandshakeOptions options;
    if (!subprotocol.isEmpty())
        options.setSubprotocols({subprotocol});
    socket.open(QNetworkRequest(target), options);
}

bool TestClient::connectTo(const QUrl &target, const QString &subprotocol)
{
    open(target, subprotocol);
    if (subprotocol.isEmpty())
        return waitFor([this] { return opened || closed; }) && opened;
    return waitFor([this] { return !connectionId.isEmpty() || closed; }) && !connectionId.isEmpty();
}

void TestClient::sendJson(const QJsonObject &frame)
{
    socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

std::optional<QJsonObject> TestClient::waitFrame(const std::function<bool(const QJsonObject &)> &predicate,
                                                 int timeoutMs)
{
    std::optional<QJsonObject> found;
    waitFor(
        [&] {
            for (const QJsonObject &f : std::as_const(frames)) {
                if (predicate(f)) {
                    found = f;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

std::optional<QJsonObject> TestClient::waitAck(qint64 ackId, int timeoutMs)
{
    return waitFrame(
        [ackId](const QJsonObject &f) {
            return f.value(u"type").toString() == u"ack" && f.value(u"ackId").toInteger() == ackId;
        },
        timeoutMs);
}

std::optional<QJsonObject> TestClient::waitMessage(int timeoutMs)
{
    return waitFrame([](const QJsonObject &f) { return f.value(u"type").toString() == u"message"; },
                     timeoutMs);
}

bool TestClient::waitClosed(int timeoutMs)
{
    return waitFor([this] { return closed; }, timeoutMs);
}

QList<QJsonObject> TestClient::messages() const
{
    QList<QJsonObject> out;
    for (const QJsonObject &f : frames) {
        if (f.value(u"type").toString() == u"message")
            out.append(f);
    }
    return out;
}

QJsonObject RestClient::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray RestClient::Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

RestClient::RestClient(const Hubbub::Service &service)
    : m_service(service)
{}

QString RestClient::tokenFor(const QUrl &url, int lifetimeSeconds) const
{
    TokenClaims claims;
    claims.audience = url.toString(QUrl::FullyEncoded);
    claims.issuedAt = QDateTime::currentDateTimeUtc().addSecs(-1);
    claims.expiresAt = QDateTime::currentDateTimeUtc().addSecs(lifetimeSeconds);
    return AccessToken::sign(claims, AccessKey.toUtf8());
}

RestClient::Reply RestClient::call(const QByteArray &method, const QString &pathAndQuery,
                                   const QByteArray &body, const QByteArray &contentType,
                                   std::optional<QString> bearer)
{
    QUrl url = m_service.endpoint().resolved(QUrl(pathAndQuery));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + (bearer ? *bearer : tokenFor(url)).toUtf8());
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    waitFor([reply] { return reply->isFinished(); }, 15000);
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return out;
}

int rawHandshakeStatus(quint16 port, const QByteArray &target, const QList<QByteArray> &extraHeaders)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10000))
        return -1;
    QByteArray request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                         "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    for (const QByteArray &h : extraHeaders)
        request += h + "\r\n";
    request += "\r\n";
    socket.write(request);
    QByteArray answer;
    waitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains("\r\n") || socket.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    answer += socket.readAll();
    const QList<QByteArray> statusLine = answer.left(answer.indexOf("\r\n")).split(' ');
    return statusLine.size() >= 2 ? statusLine.at(1).toInt() : -1;
}

} // namespace TestSupport
