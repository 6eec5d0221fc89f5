// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The state behind Hubbub::Service: its sockets and servers, the hubs (HubRegistry), the
//! handshake gate and the client frame handler, and a connection's life from admission to its end.
#pragma once

#include "clientconnection.h"
#include "filterparser.h"
#include "framehandler.h"
#include "guestcontrols.h"
#include "handshakegate.h"
#include "hubregistry.h"
#include "invitegate.h"
#include "requesthead.h"
#include "service.h"
#include "serviceworker.h"
#include "upstream.h"

#include <accesstoken.h>
#include <frame.h>

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace Hubbub {

class ConnectionRouter;
class PendingConnectionServer;
class RestApi;
class RestServer;

class ServicePrivate : public QObject
{
    Q_OBJECT
public:
    ServicePrivate(Service *q, ServiceOptions options);
    ~ServicePrivate() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void closeAll(int code, const QString &reason, const QString &message);
    void teardown();

    // What Service's public methods do, on the thread the service lives in (its worker, if any).
    bool start(QString *error);
    void stop();
    bool rebind(const QHostAddress &address, QString *error);
    bool isRunning() const;
    quint16 port() const;
    QString invite();
    QUrl joinUrl();
    void setJoinPage(bool on);
    void setGuestsLocked(bool locked);
    void endGuestSession();

    //! Announces a change: emits \a signal (null: none) at once, or with a worker, hands it and a
    //! fresh snapshot to the Service's thread (ServiceWorker::noteChange()).
    void notify(ServiceWorker::Signal signal);
    //! The state as Service's getters answer it (ServiceWorker).
    ServiceSnapshot snapshot();

    QUrl endpoint() const;
    QByteArray key() const { return options.accessKey.toUtf8(); }
    //! Listening on a loopback address only.
    bool loopbackOnly() const;
    //! Whether an invite must be in force: beyond loopback, or with the guest page.
    bool inviteNeeded() const { return !loopbackOnly() || options.joinPage; }
    //! Loopback mode without an invite: `/negotiate` is open to local tools, so Host must name a
    //! loopback host (DNS rebinding). With an invite in force the invite is the gate (and a tunnel
    //! or reverse proxy to a loopback service may use its own name).
    bool hostMustBeLoopback();

    //! Whether \a audience names \a path on the host the client used (\a hostHeader) or on our own
    //! endpoint; hub paths compared case-insensitively.
    bool audienceAccepted(const QString &audience, const QByteArray &hostHeader, const QString &path) const;

    static FilterContext filterContext(const ClientConnection *connection);
    QString signClientToken(const QString &hub, const QByteArray &hostHeader,
                            const WebPubSub::TokenClaims &base, std::chrono::seconds lifetime) const;

    Service *q;
    ServiceOptions options;
    InviteGate invites;
    HubRegistry hubs;
    HandshakeGate handshakes;
    FrameHandler frames;
    GuestControls guests;
    QHostAddress boundAddress;
    QWebSocketServer *webSockets = nullptr;
    PendingConnectionServer *httpFeed = nullptr;
    RestServer *http = nullptr;
    RestApi *rest = nullptr;
    ConnectionRouter *router = nullptr;
    Upstream *upstream = nullptr;
    QTimer keepAliveTimer;
    quint64 snapshotSerial = 0;

private:
    void onNewWebSocket();
    void admit(QWebSocket *socket, const HandshakeGate::Handshake &handshake);
    void recover(QWebSocket *socket, const HandshakeGate::Handshake &handshake);
    void rejectRecovery(QWebSocket *socket);
    void onFinished(ClientConnection *connection, const QString &reason);
};

} // namespace Hubbub
