// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "transitionlogmodel.h"

namespace Hubbub {

TransitionLogModel::TransitionLogModel(int capacity, QObject *parent)
    : AppListModel({{TimeRole, "time"}, {TextRole, "text"}}, parent)
    , m_capacity(qMax(1, capacity))
{}

QVariant TransitionLogModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case TimeRole:
        return e.time;
    case Qt::DisplayRole:
    case TextRole:
        return e.text;
    default:
        return {};
    }
}

void TransitionLogModel::append(const QString &text, const QDateTime &time)
{
    if (m_entries.size() >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_entries.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append({time, text});
    endInsertRows();
    Q_EMIT countChanged();
}

QString TransitionLogModel::toText() const
{
    QString out;
    for (const Entry &e : m_entries)
        out += e.time.toString(QStringLiteral("hh:mm:ss.zzz")) + u' ' + e.text + u'\n';
    return out;
}

void TransitionLogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
    Q_EMIT countChanged();
}

} // namespace Hubbub
