// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "servermessagemodel.h"

#include "client.h"

namespace WebPubSub {

ServerMessageModel::ServerMessageModel(QObject *parent)
    : BoundedMessageModel(parent)
{}

QMetaObject::Connection ServerMessageModel::follow(Client *client)
{
    return connect(client, &Client::serverMessageReceived, this, &ServerMessageModel::append);
}

int ServerMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant ServerMessageModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const ServerMessage &m = m_messages.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return m.payload.text();
    case DataTypeRole:
        return dataTypeName(m.payload.dataType());
    case SequenceIdRole:
        return m.sequenceId ? QVariant(qint64(*m.sequenceId)) : QVariant();
    case ReceivedAtRole:
        return m.receivedAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> ServerMessageModel::roleNames() const
{
    static const QHash<int, QByteArray> names{
        {TextRole, "text"},
        {DataTypeRole, "dataType"},
        {SequenceIdRole, "sequenceId"},
        {ReceivedAtRole, "receivedAt"},
    };
    return names;
}

void ServerMessageModel::append(const ServerMessage &message)
{
    const int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.push_back(message);
    endInsertRows();
    if (!trim()) // trim() says so itself when it removed rows
        Q_EMIT countChanged();
}

bool ServerMessageModel::trim()
{
    if (!overCap(m_messages.size()))
        return false;
    const int excess = int(m_messages.size()) - maxMessages();
    beginRemoveRows({}, 0, excess - 1);
    m_messages.erase(m_messages.begin(), m_messages.begin() + excess);
    endRemoveRows();
    Q_EMIT countChanged();
    return true;
}

} // namespace WebPubSub
