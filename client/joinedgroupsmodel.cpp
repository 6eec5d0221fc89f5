// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "joinedgroupsmodel.h"

#include "client.h"

namespace WebPubSub {

JoinedGroupsModel::JoinedGroupsModel(QObject *parent)
    : ClientListModel(parent)
{}

QMetaObject::Connection JoinedGroupsModel::follow(Client *client)
{
    return connect(client, &Client::groupsChanged, this, &JoinedGroupsModel::sync);
}

int JoinedGroupsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

QVariant JoinedGroupsModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m_groups.at(index.row());
    default:
        return {};
    }
}

QHash<int, QByteArray> JoinedGroupsModel::roleNames() const
{
    static const QHash<int, QByteArray> names{{NameRole, "name"}};
    return names;
}

void JoinedGroupsModel::sync()
{
    const QStringList target = client() ? client()->groups() : QStringList();
    const int before = int(m_groups.size());
    // Removals first (from the end, so rows stay valid), then insertions in target order.
    for (int row = int(m_groups.size()) - 1; row >= 0; --row) {
        if (!target.contains(m_groups.at(row))) {
            beginRemoveRows({}, row, row);
            m_groups.removeAt(row);
            endRemoveRows();
        }
    }
    for (int i = 0; i < target.size(); ++i) {
        if (i < m_groups.size() && m_groups.at(i) == target.at(i))
            continue;
        if (m_groups.contains(target.at(i))) {
            // Reordered (never done by Client, but stay correct): start over.
            beginResetModel();
            m_groups = target;
            endResetModel();
            break;
        }
        beginInsertRows({}, i, i);
        m_groups.insert(i, target.at(i));
        endInsertRows();
    }
    if (before != m_groups.size())
        Q_EMIT countChanged();
}

} // namespace WebPubSub
