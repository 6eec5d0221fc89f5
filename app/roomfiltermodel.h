// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The rooms whose name contains a filter text (case-insensitive): what the room switcher
//! (Ctrl+K) lists, so QML neither hides delegates nor skips hidden rows itself.
#pragma once

#include <QSortFilterProxyModel>

namespace Hubbub {

class RoomFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    //! Leading and trailing spaces are ignored; empty: every room.
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    explicit RoomFilterModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    int count() const { return rowCount(); }
    //! The room name in \a row, empty if there is no such row.
    Q_INVOKABLE QString nameAt(int row) const;

Q_SIGNALS:
    void filterTextChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    //! The source's "name" role (RoomListModel::NameRole), looked up by name.
    int nameRole() const;

    QString m_filterText;
};

} // namespace Hubbub
