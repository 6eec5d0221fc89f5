// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The event handler client of hubbub-service: CloudEvents binary-mode POSTs (protocol.md §7)
//! for connect, connected, disconnected and user events, behind the abuse-protection validation.
//!
//! No event reaches a handler URL before that handler passed the §7.3 validation (OPTIONS, or GET
//! when OPTIONS is 404, answered 2xx with a `WebHook-Allowed-Origin` that admits us), as the
//! emulator does; a failed validation is reported (warning + validationFailed) and the events meant
//! for it are refused (their callback gets a Response with `refused` set), retried after a while.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace Hubbub {

class ClientConnection;

class Upstream : public QObject
{
    Q_OBJECT
public:
    struct Event
    {
        enum class Category { System, User }; //!< `sys.<name>` or `user.<name>`
        //! The one way an event is built: \a category's event \a eventName of a connection.
        static Event of(Category category, const QString &eventName, const QString &hub,
                        const QString &connectionId, const std::optional<QString> &userId,
                        const QString &subprotocol);

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
        int status = 0; //!< 0 = no HTTP answer (network error, timeout, refused)
        QByteArray body;
        QByteArray contentType;
        std::optional<QByteArray> connectionState;
        //! Not sent at all: the handler failed validation, or a header value was unsafe.
        bool refused = false;
        QString error; //!< why, when there is no HTTP answer
        bool ok() const { return status >= 200 && status < 300; }
    };
    using Callback = std::function<void(const Response &)>;

    Upstream(const QString &urlTemplate, const QByteArray &accessKey, const QString &origin,
             QObject *parent = nullptr);

    //! Posts \a event once its handler is validated; \a done (may be empty) runs on the answer (or
    //! the refusal, never synchronously), bound to \a context's lifetime.
    void post(const Event &event, const QByteArray &body, const QByteArray &contentType, QObject *context,
              Callback done);
    //! Posts connection \a c's event (its next event id, its connection state); an answer's
    //! `ce-connectionState` is kept on \a c, then \a done (may be empty) runs, while \a c lives.
    void post(ClientConnection *c, Event::Category category, const QString &eventName, const QByteArray &body,
              const QByteArray &contentType, Callback done = {});
    //! The handler URL for \a hub and \a event, both percent-encoded into the template.
    QUrl urlFor(const QString &hub, const QString &event) const;
    //! HMAC-SHA256 of the connection id, as in `ce-signature` (§7.2).
    static QByteArray signature(const QByteArray &accessKey, const QString &connectionId);

    //! How long a failed validation is trusted before the handler is asked again.
    static constexpr int RevalidateAfterSeconds = 30;

Q_SIGNALS:
    //! The handler behind \a url did not pass abuse-protection validation (\a why); its events are refused.
    void validationFailed(const QUrl &url, const QString &why);

private:
    enum class State { Pending, Passed, Failed };
    struct Validation
    {
        State state = State::Pending;
        QDateTime decidedAt;
        QList<std::function<void(bool passed)>> waiting;
    };

    void whenValidated(const QString &hub, std::function<void(bool passed)> then);
    void requestValidation(const QUrl &url, const QByteArray &method);
    void finishValidation(const QUrl &url, const QString &failure);
    void send(const Event &event, const QByteArray &body, const QByteArray &contentType,
              const QPointer<QObject> &context, const Callback &done);
    void refuse(const QPointer<QObject> &context, const Callback &done, const QString &why);

    QString m_template;
    QByteArray m_key;
    QString m_origin;
    QNetworkAccessManager m_network;
    QHash<QString, Validation> m_validations; // validation URL → state
};

} // namespace Hubbub
