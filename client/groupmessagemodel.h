// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The group messages a Client received, newest last, as a list model for views (QML or
//! widgets); optionally only one group's, and capped so a busy group cannot grow memory forever.
//! The client (ClientListModel::client) feeds it through Client::groupMessageReceived.
#pragma once

#include "boundedmessagemodel.h"
#include "datamessage.h"

#include <deque>

namespace WebPubSub {

class WEBPUBSUB_EXPORT GroupMessageModel : public BoundedMessageModel
{
    Q_OBJECT
    //! When not empty, only messages of this group are rows (others are still kept, up to the cap).
    Q_PROPERTY(QString groupFilter READ groupFilter WRITE setGroupFilter NOTIFY groupFilterChanged)
public:
    enum Roles {
        GroupRole = Qt::UserRole + 1, //!< the group the message was sent to
        FromUserIdRole,               //!< the sender's userId; empty when anonymous or sent by REST
        DataTypeRole,                 //!< `json`, `text`, `binary` or `protobuf`
        TextRole,                     //!< the text (for JSON: compact JSON text; binary: UTF-8 decoding)
        JsonRole,                     //!< the JSON value as a QVariant (text: a string; binary: base64)
        SequenceIdRole,               //!< the reliable sequenceId (qint64), or undefined
        ReceivedAtRole,               //!< when it arrived (UTC)
        //! true when this model's client sent it (fromUserId is the client's non-empty userId), so
        //! a view can set its own messages apart; added last so the other roles keep their values
        OwnRole,
    };
    Q_ENUM(Roles)

    explicit GroupMessageModel(QObject *parent = nullptr);

    QString groupFilter() const { return m_filter; }
    void setGroupFilter(const QString &group);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Adds a message as if the client had received it.
    void append(const WebPubSub::GroupMessage &message);

Q_SIGNALS:
    void groupFilterChanged();

protected:
    QMetaObject::Connection follow(Client *client) override;
    bool trim() override;
    bool keepsNone() const override { return m_all.empty(); }
    void dropAll() override;

private:
    bool visible(const GroupMessage &m) const { return m_filter.isEmpty() || m.group == m_filter; }
    void rebuildRows();

    QString m_filter;
    std::deque<GroupMessage> m_all;          // everything kept, oldest first
    std::deque<const GroupMessage *> m_rows; // the visible subset of m_all
};

} // namespace WebPubSub
