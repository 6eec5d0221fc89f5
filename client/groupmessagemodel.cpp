// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "groupmessagemodel.h"

#include "client.h"

namespace WebPubSub {

GroupMessageModel::GroupMessageModel(QObject *parent)
    : BoundedMessageModel(parent)
{}

QMetaObject::Connection GroupMessageModel::follow(Client *client)
{
    return connect(client, &Client::groupMessageReceived, this, &GroupMessageModel::append);
}

void GroupMessageModel::setGroupFilter(const QString &group)
{
    if (m_filter == group)
        return;
    m_filter = group;
    rebuildRows();
    Q_EMIT groupFilterChanged();
}

int GroupMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant GroupMessageModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
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
        return client() && !client()->userId().isEmpty() && m.fromUserId == client()->userId();
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

void GroupMessageModel::dropAll()
{
    m_rows.clear(); // first: it points into m_all
    m_all.clear();
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

bool GroupMessageModel::trim()
{
    bool changed = false;
    while (overCap(m_all.size())) {
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
    return changed;
}

} // namespace WebPubSub
