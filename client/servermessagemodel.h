// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The server messages a Client received (what an app server sends through the REST API:
//! sendToAll, sendToUser, sendToConnection), newest last, as a list model for views (QML or
//! widgets); capped so a chatty server cannot grow memory forever. The client
//! (ClientListModel::client) feeds it through Client::serverMessageReceived.
#pragma once

#include "boundedmessagemodel.h"
#include "datamessage.h"

#include <deque>

namespace WebPubSub {

class WEBPUBSUB_EXPORT ServerMessageModel : public BoundedMessageModel
{
    Q_OBJECT
public:
    enum Roles {
        TextRole = Qt::UserRole + 1, //!< the data as text (JSON: compact JSON text; binary: UTF-8 decoding)
        DataTypeRole,                //!< `json`, `text`, `binary` or `protobuf`
        SequenceIdRole,              //!< the reliable sequenceId (qint64), or undefined
        ReceivedAtRole,              //!< when it arrived (UTC)
    };
    Q_ENUM(Roles)

    explicit ServerMessageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The message in \a row (0 = oldest kept); \a row must be valid.
    const ServerMessage &at(int row) const { return m_messages.at(size_t(row)); }
    //! Adds a message as if the client had received it.
    void append(const WebPubSub::ServerMessage &message);

protected:
    QMetaObject::Connection follow(Client *client) override;
    bool trim() override;
    bool keepsNone() const override { return m_messages.empty(); }
    void dropAll() override { m_messages.clear(); }

private:
    std::deque<ServerMessage> m_messages; // oldest first
};

} // namespace WebPubSub
