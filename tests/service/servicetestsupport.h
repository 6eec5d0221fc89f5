// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Helpers shared by the hubbub-service tests: an in-process service on port 0, a raw
//! WebSocket client that records every frame, signed REST calls and raw handshakes.
#pragma once

#include <service.h>

#include <accesstoken.h>

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <memory>
#include <optional>

namespace TestSupport {

inline const QString AccessKey = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH");
inline const QString Json = QStringLiteral("json.webpubsub.azure.v1");
inline const QString Reliable = QStringLiteral("json.reliable.webpubsub.azure.v1");

//! Waits (spinning the event loop) until \a predicate holds; generous by default for slow CI.
bool waitFor(const std::function<bool()> &predicate, int timeoutMs = 10000);

Hubbub::ServiceOptions defaultOptions();
//! Why a service with \a options does not start: its error, empty when it started after all.
QString startRefusal(const Hubbub::ServiceOptions &options);

//! A token for \a hub on \a service (aud = its endpoint).
QString clientToken(const Hubbub::Service &service, const QString &hub,
                    std::optional<QString> userId = std::nullopt, const QStringList &roles = {},
                    const QStringList &groups = {}, int lifetimeSeconds = 3600);
QUrl clientUrl(const Hubbub::Service &service, const QString &hub, const QString &token);

//! One raw WebSocket client that records what it receives.
class TestClient : public QObject
{
    Q_OBJECT
public:
    explicit TestClient(QObject *parent = nullptr);
    ~TestClient() override;

    void open(const QUrl &url, const QString &subprotocol = Json);
    //! Opens and waits for the `connected` frame (JSON protocols) or the open socket (simple).
    bool connectTo(const QUrl &url, const QString &subprotocol = Json);
    void sendJson(const QJsonObject &frame);

    //! Waits for a received JSON frame matching \a predicate (scanning from \a from); nullopt on timeout.
    std::optional<QJsonObject> waitFrame(const std::function<bool(const QJsonObject &)> &predicate,
                                         int timeoutMs = 10000);
    std::optional<QJsonObject> waitAck(qint64 ackId, int timeoutMs = 10000);
    std::optional<QJsonObject> waitMessage(int timeoutMs = 10000);
    bool waitClosed(int timeoutMs = 10000);
    //! Frames of type `message` received so far.
    QList<QJsonObject> messages() const;

    QWebSocket socket;
    QList<QJsonObject> frames;
    QStringList texts;
    QList<QByteArray> binaries;
    bool opened = false;
    bool closed = false;
    int closeCode = -1;
    QString closeReason;
    QString connectionId;
    QString reconnectionToken;
    QUrl url;
};

//! REST calls with a bearer token signed for the exact request URL.
class RestClient
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QJsonObject json() const;
        QByteArray header(const QByteArray &name) const;
    };
    explicit RestClient(const Hubbub::Service &service);
    //! \a pathAndQuery like `/api/hubs/chat/:send?api-version=2024-01-01`.
    Reply call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
               const QByteArray &contentType = {}, std::optional<QString> bearer = {});
    QString tokenFor(const QUrl &url, int lifetimeSeconds = 3600) const;

private:
    const Hubbub::Service &m_service;
    QNetworkAccessManager m_network;
};

//! Sends a WebSocket upgrade request by hand and returns the HTTP status of the answer.
int rawHandshakeStatus(quint16 port, const QByteArray &target, const QList<QByteArray> &extraHeaders = {});

} // namespace TestSupport
