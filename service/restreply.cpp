// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "restreply.h"

#include <QJsonObject>

namespace Hubbub::RestReply {

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &h : request.headers()) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QHttpServerResponse error(Status status, const QString &code, const QString &message)
{
    QHttpServerResponse response(
        QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}, status);
    response.setHeader("x-ms-error-code", code.toUtf8());
    return response;
}

QHttpServerResponse badRequest(const QString &message)
{
    return error(Status::BadRequest, QStringLiteral("Error.BadRequest"), message);
}

QHttpServerResponse notFound(const QString &message)
{
    return error(Status::NotFound, QStringLiteral("Error.NotFound"), message);
}

QHttpServerResponse notAllowed()
{
    return error(Status::MethodNotAllowed, QStringLiteral("Error.MethodNotAllowed"),
                 QStringLiteral("This method is not supported on this path."));
}

QHttpServerResponse empty(Status status)
{
    return QHttpServerResponse(status);
}

} // namespace Hubbub::RestReply
