// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "roomfiltermodel.h"

namespace Hubbub {

RoomFilterModel::RoomFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &RoomFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &RoomFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &RoomFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &RoomFilterModel::countChanged);
}

void RoomFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    invalidateFilter();
    Q_EMIT filterTextChanged();
    Q_EMIT countChanged();
}

QString RoomFilterModel::nameAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return data(index(row, 0), nameRole()).toString();
}

int RoomFilterModel::nameRole() const
{
    const QAbstractItemModel *source = sourceModel();
    const int role = source ? source->roleNames().key(QByteArrayLiteral("name"), -1) : -1;
    return role >= 0 ? role : int(Qt::DisplayRole);
}

bool RoomFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filterText.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(nameRole()).toString().contains(m_filterText, Qt::CaseInsensitive);
}

} // namespace Hubbub
