// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The event handler client of hubbub-service: CloudEvents binary-mode POSTs (protocol.md §7)
//! for connect, connected, disconnected and user events.
#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace Hubbub {

class Upstream : public QObject
{
    Q_OBJECT
public:
    struct Event
    {
        QString hub;
        QString connectionId;
        std::optional<QString> userId;
        QString subprotocol;
        QString type;      //!< after `azure.webpubsub.`: `sys.connect`, `user.message`, …
        QString eventName; //!< `connect`, `message`, …
        QByteArray connectionState;
        qint64 eventId = 0;
    };
    struct Response
    {
        int status = 0; //!< 0 = no HTTP answer (network error, timeout)
        QByteArray body;
        QByteArray contentType;
        std::optional<QByteArray> connectionState;
        bool ok() const { return status >= 200 && status < 300; }
    };
    using Callback = std::function<void(const Response &)>;

    Upstream(const QString &urlTemplate, const QByteArray &accessKey, const QString &origin,
             QObject *parent = nullptr);

    //! Posts \a event; \a done (may be empty) runs on the answer, bound to \a context's lifetime.
    void post(const Event &event, const QByteArray &body, const QByteArray &contentType, QObject *context,
              Callback done);
    //! The handler URL for \a hub and \a event.
    QUrl urlFor(const QString &hub, const QString &event) const;
    //! HMAC-SHA256 of the connection id, as in `ce-signature` (§7.2).
    static QByteArray signature(const QByteArray &accessKey, const QString &connectionId);

private:
    void validateOnce(const QString &hub);

    QString m_template;
    QByteArray m_key;
    QString m_origin;
    QNetworkAccessManager m_network;
    QSet<QString> m_validated;
};

} // namespace Hubbub
