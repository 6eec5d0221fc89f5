// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The state and client-protocol logic behind Hubbub::Service: hubs, connections, groups,
//! users, the handshake check and the meaning of every client frame (protocol.md §2–4).
#pragma once

#include "clientconnection.h"
#include "filterparser.h"
#include "invitegate.h"
#include "requesthead.h"
#include "service.h"
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

    // Hub state, used by the REST API.
    QList<ClientConnection *> connectionsOf(const QString &hub) const;
    ClientConnection *connection(const QString &hub, const QString &connectionId) const;
    QList<ClientConnection *> userConnections(const QString &hub, const QString &userId) const;
    QList<ClientConnection *> groupConnections(const QString &hub, const QString &group) const;
    //! Every connection of every hub, as guarded pointers: what a loop that calls out (close,
    //! abort, deliver, keep-alive) walks, since each of those may remove connections and hubs.
    QList<QPointer<ClientConnection>> allConnections() const;
    //! \a connections as guarded pointers, for loops whose body may finish one of them.
    static QList<QPointer<ClientConnection>> guarded(const QList<ClientConnection *> &connections);
    void addUserToGroup(const QString &hub, const QString &userId, const QString &group);
    void removeUserFromGroup(const QString &hub, const QString &userId, const QString &group);
    void removeUserFromAllGroups(const QString &hub, const QString &userId);
    static FilterContext filterContext(const ClientConnection *connection);
    QString signClientToken(const QString &hub, const QByteArray &hostHeader,
                            const WebPubSub::TokenClaims &base, std::chrono::seconds lifetime) const;

    Service *q;
    ServiceOptions options;
    InviteGate invites;
    QHostAddress boundAddress;
    QWebSocketServer *webSockets = nullptr;
    PendingConnectionServer *httpFeed = nullptr;
    RestServer *http = nullptr;
    RestApi *rest = nullptr;
    ConnectionRouter *router = nullptr;
    Upstream *upstream = nullptr;
    QTimer keepAliveTimer;
    int connectionTotal = 0;

private:
    struct Handshake
    {
        QString hub;
        QString connectionId;
        std::optional<WebPubSub::TokenClaims> claims;
        QString recoveryToken; //!< set on a recovery attempt
        bool recovery = false;
        QDateTime created;
    };

    void onUpgradeRequest(QTcpSocket *socket, const RequestHead &head);
    void onNewWebSocket();
    void admit(QWebSocket *socket, Handshake handshake);
    void recover(QWebSocket *socket, const Handshake &handshake);
    void rejectRecovery(QWebSocket *socket);
    void onText(ClientConnection *connection, const QString &text);
    void onBinary(ClientConnection *connection, const QByteArray &data);
    void onFinished(ClientConnection *connection, const QString &reason);
    void handleFrame(ClientConnection *connection, const WebPubSub::Frame &frame);
    void handleUserEvent(ClientConnection *connection, const WebPubSub::Frame &frame);
    void handleInvoke(ClientConnection *connection, const WebPubSub::Frame &frame);
    void handleSimpleFrame(ClientConnection *connection, const WebPubSub::Payload &payload);
    void sendAck(ClientConnection *connection, std::optional<quint64> ackId,
                 std::optional<WebPubSub::ErrorDetail> error = std::nullopt);
    void postEvent(ClientConnection *connection, const QString &type, const QString &eventName,
                   const QByteArray &body, const QByteArray &contentType,
                   std::function<void(const Upstream::Response &)> done);
    QString newConnectionId() const;
    static QString peerKey(const QHostAddress &address, quint16 port);

    QHash<QString, QHash<QString, ClientConnection *>> m_hubs;  // hub key → connectionId → connection
    QHash<QString, QHash<QString, QSet<QString>>> m_userGroups; // hub key → userId → groups
    QHash<QString, Handshake> m_pendingHandshakes;              // peer address:port → handshake
};

} // namespace Hubbub
