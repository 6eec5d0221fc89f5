// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "restserver.h"

#include <QHttpServerResponder>

namespace Hubbub {

RestServer::RestServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{}

bool RestServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_handler(request).write(makeResponder(request, socket));
    Q_EMIT requestHandled(socket);
    return true;
}

void RestServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace Hubbub
