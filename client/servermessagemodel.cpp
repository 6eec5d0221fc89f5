// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "servermessagemodel.h"

#include "client.h"

namespace WebPubSub {

ServerMessageModel::ServerMessageModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void ServerMessageModel::setClient(Client *client)
{
    if (m_client == client)
        return;
    QObject::disconnect(m_connection);
    m_client = client;
    if (client)
        m_connection = connect(client, &Client::serverMessageReceived, this, &ServerMessageModel::append);
    Q_EMIT clientChanged();
}

void ServerMessageModel::setMaxMessages(int max)
{
    max = std::max(0, max);
    if (m_max == max)
        return;
    m_max = max;
    trim();
    Q_EMIT maxMessagesChanged();
}

int ServerMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant ServerMessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
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

void ServerMessageModel::clear()
{
    if (m_messages.empty())
        return;
    beginResetModel();
    m_messages.clear();
    endResetModel();
    Q_EMIT countChanged();
}

bool ServerMessageModel::trim()
{
    if (m_max <= 0 || m_messages.size() <= size_t(m_max))
        return false;
    const int excess = int(m_messages.size()) - m_max;
    beginRemoveRows({}, 0, excess - 1);
    m_messages.erase(m_messages.begin(), m_messages.begin() + excess);
    endRemoveRows();
    Q_EMIT countChanged();
    return true;
}

} // namespace WebPubSub
