// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Helpers of the gate tests: raw HTTP exchanges (exact headers, Host and Origin included,
//! which QNetworkAccessManager would rewrite) and a few requests against an in-process service.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QTcpSocket>

#include <memory>

namespace Hubbub {
class Service;
}

namespace GateSupport {

//! The invite of the invite-gated services of these tests, and two guests' device ids.
inline const QByteArray Invite = "correct-horse-battery-staple";
inline const QByteArray DeviceA = "device-a-0123456789abcdef";
inline const QByteArray DeviceB = "device-b-0123456789abcdef";

struct Answer
{
    int status = 0; //!< 0: no answer (connection closed or timeout)
    QByteArray head;
    QByteArray body;
    QJsonObject json() const;
};

//! Splits a complete HTTP response (status line, headers, Content-Length body).
Answer parseAnswer(const QByteArray &bytes);
//! Reads from \a socket until one complete response arrived (or it closed / timed out).
Answer readAnswer(QTcpSocket &socket, int timeoutMs = 15000);
//! Connects to 127.0.0.1:\a port, sends \a request as is, and reads one response.
Answer exchange(quint16 port, const QByteArray &request, int timeoutMs = 15000);
//! `GET <target> HTTP/1.1` with `Host: <host>` and \a extraHeaders.
Answer get(quint16 port, const QByteArray &target, const QByteArray &host,
           const QList<QByteArray> &extraHeaders = {});
//! A WebSocket upgrade request for \a target.
QByteArray upgradeRequest(const QByteArray &target, const QByteArray &host,
                          const QList<QByteArray> &extraHeaders = {});

//! What a local tool sends as Host to \a service: "127.0.0.1:<its port>".
QByteArray ownHost(const Hubbub::Service &service);

//! An in-process service (TestSupport::defaultOptions()) that wants the invite Invite, started;
//! null when it could not start.
std::unique_ptr<Hubbub::Service> startedInvitedService();

} // namespace GateSupport
