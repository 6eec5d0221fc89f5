// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "gatetestsupport.h"

#include "service.h"
#include "servicetestsupport.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QTest>

namespace GateSupport {

QJsonObject Answer::json() const
{
    return QJsonDocument::fromJson(body).object();
}

namespace {
//! -1 while incomplete, else the size of the response in \a bytes.
qsizetype completeSize(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return -1;
    qsizetype length = 0;
    for (const QByteArray &line : bytes.left(end).split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.toLower().startsWith("content-length:"))
            length = trimmed.mid(15).trimmed().toLongLong();
    }
    const bool noBody = bytes.startsWith("HTTP/1.1 101");
    const qsizetype total = end + 4 + (noBody ? 0 : length);
    return bytes.size() >= total ? total : -1;
}
} // namespace

Answer parseAnswer(const QByteArray &bytes)
{
    Answer answer;
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (!bytes.startsWith("HTTP/1.") || end < 0)
        return answer;
    answer.head = bytes.left(end);
    answer.status = bytes.mid(9, 3).toInt();
    answer.body = bytes.mid(end + 4);
    return answer;
}

Answer readAnswer(QTcpSocket &socket, int timeoutMs)
{
    QByteArray bytes;
    (void)QTest::qWaitFor(
        [&] {
            bytes += socket.readAll();
            return completeSize(bytes) >= 0 || socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    bytes += socket.readAll();
    const qsizetype size = completeSize(bytes);
    return parseAnswer(size >= 0 ? bytes.left(size) : bytes);
}

Answer exchange(quint16 port, const QByteArray &request, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(request);
    return readAnswer(socket, timeoutMs);
}

Answer get(quint16 port, const QByteArray &target, const QByteArray &host,
           const QList<QByteArray> &extraHeaders)
{
    QByteArray request = "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    for (const QByteArray &h : extraHeaders)
        request += h + "\r\n";
    return exchange(port, request + "\r\n");
}

QByteArray upgradeRequest(const QByteArray &target, const QByteArray &host,
                          const QList<QByteArray> &extraHeaders)
{
    QByteArray request = "GET " + target + " HTTP/1.1\r\nHost: " + host +
                         "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    for (const QByteArray &h : extraHeaders)
        request += h + "\r\n";
    return request + "\r\n";
}

QByteArray ownHost(const Hubbub::Service &service)
{
    return "127.0.0.1:" + QByteArray::number(service.port());
}

std::unique_ptr<Hubbub::Service> startedInvitedService()
{
    Hubbub::ServiceOptions options = TestSupport::defaultOptions();
    options.invite = QString::fromLatin1(Invite);
    auto service = std::make_unique<Hubbub::Service>(options);
    if (!service->start())
        return nullptr;
    return service;
}

} // namespace GateSupport
