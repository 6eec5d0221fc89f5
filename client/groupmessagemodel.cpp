// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "groupmessagemodel.h"

#include "client.h"

namespace WebPubSub {

GroupMessageModel::GroupMessageModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void GroupMessageModel::setClient(Client *client)
{
    if (m_client == client)
        return;
    QObject::disconnect(m_connection);
    m_client = client;
    if (client)
        m_connection = connect(client, &Client::groupMessageReceived, this, &GroupMessageModel::append);
    Q_EMIT clientChanged();
}

void GroupMessageModel::setGroupFilter(const QString &group)
{
    if (m_filter == group)
        return;
    m_filter = group;
    rebuildRows();
    Q_EMIT groupFilterChanged();
}

void GroupMessageModel::setMaxMessages(int max)
{
    max = std::max(0, max);
    if (m_max == max)
        return;
    m_max = max;
    trim();
    Q_EMIT maxMessagesChanged();
}

int GroupMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant GroupMessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GroupMessage &m = *m_rows.at(size_t(index.row()));
    switch (role) {
    case GroupRole:
        return m.group;
    case FromUserIdRole:
        return m.fromUserId.value_or(QString());
    case DataTypeRole:
        return dataTypeName(m.payload.dataType());
    case Qt::DisplayRole:
    case TextRole:
        return m.payload.text();
    case JsonRole:
        return m.payload.json().toVariant();
    case SequenceIdRole:
        return m.sequenceId ? QVariant(qint64(*m.sequenceId)) : QVariant();
    case ReceivedAtRole:
        return m.receivedAt;
    case OwnRole:
        return m_client && !m_client->userId().isEmpty() && m.fromUserId == m_client->userId();
    default:
        return {};
    }
}

QHash<int, QByteArray> GroupMessageModel::roleNames() const
{
    static const QHash<int, QByteArray> names{
        {GroupRole, "group"},
        {FromUserIdRole, "fromUserId"},
        {DataTypeRole, "dataType"},
        {TextRole, "text"},
        {JsonRole, "json"},
        {SequenceIdRole, "sequenceId"},
        {ReceivedAtRole, "receivedAt"},
        {OwnRole, "own"},
    };
    return names;
}

void GroupMessageModel::append(const GroupMessage &message)
{
    m_all.push_back(message);
    if (visible(message)) {
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.push_back(&m_all.back()); // deque::push_back keeps references to other elements valid
        endInsertRows();
        Q_EMIT countChanged();
    }
    trim();
}

void GroupMessageModel::clear()
{
    if (m_all.empty())
        return;
    beginResetModel();
    m_rows.clear();
    m_all.clear();
    endResetModel();
    Q_EMIT countChanged();
}

void GroupMessageModel::rebuildRows()
{
    beginResetModel();
    m_rows.clear();
    for (const GroupMessage &m : m_all) {
        if (visible(m))
            m_rows.push_back(&m);
    }
    endResetModel();
    Q_EMIT countChanged();
}

void GroupMessageModel::trim()
{
    bool changed = false;
    while (m_max > 0 && m_all.size() > size_t(m_max)) {
        if (!m_rows.empty() && m_rows.front() == &m_all.front()) {
            beginRemoveRows({}, 0, 0);
            m_rows.pop_front();
            m_all.pop_front();
            endRemoveRows();
            changed = true;
        } else {
            m_all.pop_front();
        }
    }
    if (changed)
        Q_EMIT countChanged();
}

} // namespace WebPubSub
