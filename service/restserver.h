// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The HTTP side of hubbub-service: QtHttpServer parses requests and writes responses, and
//! every request goes to one handler that routes the REST paths itself.
//!
//! QHttpServer's router would need a rule per operation and placeholder types for `:send`-style
//! segments; one handler with explicit segment matching keeps the 25 operations readable. After
//! each answer it says so (requestHandled), so that ConnectionRouter checks the next request's head
//! on a keep-alive connection before QtHttpServer reads its body.
#pragma once

#include <QAbstractHttpServer>
#include <QHttpServerResponse>

#include <functional>

namespace Hubbub {

class RestServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<QHttpServerResponse(const QHttpServerRequest &)>;
    explicit RestServer(Handler handler, QObject *parent = nullptr);

Q_SIGNALS:
    //! The response to a request on \a socket is written; what follows is a new request.
    void requestHandled(QTcpSocket *socket);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace Hubbub
