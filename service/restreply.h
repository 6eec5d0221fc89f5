// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The answers of the REST API (protocol.md §6): Azure's error body and `x-ms-error-code`
//! header, empty answers, and a request header by name; shared by RestApi and the hub resources.
#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QString>

namespace Hubbub::RestReply {

using Status = QHttpServerResponse::StatusCode;

//! The value of request header \a name (case-insensitive), empty when absent.
QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name);
//! `{"code": code, "message": message}` with \a status and `x-ms-error-code: code`.
QHttpServerResponse error(Status status, const QString &code, const QString &message);
QHttpServerResponse badRequest(const QString &message);
QHttpServerResponse notFound(const QString &message);
QHttpServerResponse notAllowed();
QHttpServerResponse empty(Status status);

} // namespace Hubbub::RestReply
