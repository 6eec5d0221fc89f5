// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "noticemodel.h"

namespace Hubbub {

NoticeModel::NoticeModel(QObject *parent)
    : AppListModel({{TextRole, "text"},
                    {DataTypeRole, "dataType"},
                    {ReceivedAtRole, "receivedAt"},
                    {SequenceIdRole, "sequenceId"},
                    {NoticeIdRole, "noticeId"}},
                   parent)
{}

QVariant NoticeModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const Notice &n = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return n.text;
    case DataTypeRole:
        return n.dataType;
    case ReceivedAtRole:
        return n.receivedAt;
    case SequenceIdRole:
        return n.sequenceId ? QVariant(qint64(*n.sequenceId)) : QVariant();
    case NoticeIdRole:
        return n.id;
    default:
        return {};
    }
}

void NoticeModel::reset(const QList<Notice> &notices)
{
    beginResetModel();
    m_rows = notices.size() > kMaxRows ? notices.mid(notices.size() - kMaxRows) : notices;
    endResetModel();
    Q_EMIT countChanged();
}

void NoticeModel::append(const Notice &notice)
{
    const int row = count();
    beginInsertRows({}, row, row);
    m_rows.append(notice);
    endInsertRows();
    if (count() > kMaxRows) {
        beginRemoveRows({}, 0, 0);
        m_rows.removeFirst();
        endRemoveRows();
    }
    Q_EMIT countChanged();
}

} // namespace Hubbub
