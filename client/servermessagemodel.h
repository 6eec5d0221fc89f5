// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The server messages a Client received (what an app server sends through the REST API:
//! sendToAll, sendToUser, sendToConnection), newest last, as a list model for views (QML or
//! widgets); capped so a chatty server cannot grow memory forever.
#pragma once

#include "datamessage.h"
#include "webpubsub_export.h"

#include <QAbstractListModel>
#include <QPointer>

#include <deque>

namespace WebPubSub {

class Client;

class WEBPUBSUB_EXPORT ServerMessageModel : public QAbstractListModel
{
    Q_OBJECT
    //! The client whose serverMessageReceived feeds this model (null = fed by append() only).
    Q_PROPERTY(WebPubSub::Client *client READ client WRITE setClient NOTIFY clientChanged)
    //! The most messages kept; the oldest go first. 0 = unlimited.
    Q_PROPERTY(int maxMessages READ maxMessages WRITE setMaxMessages NOTIFY maxMessagesChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles {
        TextRole = Qt::UserRole + 1, //!< the data as text (JSON: compact JSON text; binary: UTF-8 decoding)
        DataTypeRole,                //!< `json`, `text`, `binary` or `protobuf`
        SequenceIdRole,              //!< the reliable sequenceId (qint64), or undefined
        ReceivedAtRole,              //!< when it arrived (UTC)
    };
    Q_ENUM(Roles)

    explicit ServerMessageModel(QObject *parent = nullptr);

    Client *client() const { return m_client; }
    void setClient(Client *client);
    int maxMessages() const { return m_max; }
    void setMaxMessages(int max);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The message in \a row (0 = oldest kept); \a row must be valid.
    const ServerMessage &at(int row) const { return m_messages.at(size_t(row)); }
    //! Adds a message as if the client had received it.
    void append(const WebPubSub::ServerMessage &message);
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void clientChanged();
    void maxMessagesChanged();
    void countChanged();

private:
    //! Drops the oldest beyond maxMessages; true (and countChanged) when it removed any.
    bool trim();

    QPointer<Client> m_client;
    QMetaObject::Connection m_connection;
    int m_max = 10000;
    std::deque<ServerMessage> m_messages; // oldest first
};

} // namespace WebPubSub
