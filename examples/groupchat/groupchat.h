// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The example's one C++ class: it owns the WebPubSub::Client and gives QML the two calls a
//! chat window needs (join, send); the window itself declares the library's list models.
#pragma once

#include <client.h>

#include <QObject>
#include <QUrl>

class QQmlEngine;

class GroupChat : public QObject
{
    Q_OBJECT
    Q_PROPERTY(WebPubSub::Client *client READ client CONSTANT)
public:
    explicit GroupChat(WebPubSub::Credential credential, QObject *parent = nullptr);

    //! A credential from the command line: a Client Access URL (`wss://…?access_token=…`) or, for
    //! development, a connection string plus \a hub and \a userId. Empty when neither parses.
    static std::optional<WebPubSub::Credential> credentialFrom(const QString &urlOrConnectionString,
                                                               const QString &hub, const QString &userId);
    //! Registers the library's QML types (GroupMessageModel, JoinedGroupsModel, Client) under the
    //! import `WebPubSub 1.0`; once per process, before the QML that uses them is loaded.
    static void registerQmlTypes();

    WebPubSub::Client *client() const { return m_client; }

    Q_INVOKABLE void join(const QString &group);
    //! Sends \a text as a text message to \a group; it comes back to this client's models too.
    Q_INVOKABLE void send(const QString &group, const QString &text);

Q_SIGNALS:
    //! An operation failed (the window shows it).
    void failed(const QString &message);

private:
    WebPubSub::Client *m_client;
};
