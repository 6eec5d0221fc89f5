// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What the app's flat list models (rooms, messages, members, transitions) share: a role
//! name table given once, rowCount() from count(), the count property, and the index check data()
//! starts with.
#pragma once

#include <QAbstractListModel>
#include <QHash>

namespace Hubbub {

class AppListModel : public QAbstractListModel
{
    Q_OBJECT
    //! Number of rows.
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    virtual int count() const = 0;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : count(); }
    QHash<int, QByteArray> roleNames() const override { return m_roleNames; }

Q_SIGNALS:
    void countChanged();

protected:
    AppListModel(QHash<int, QByteArray> roleNames, QObject *parent)
        : QAbstractListModel(parent)
        , m_roleNames(std::move(roleNames))
    {}
    //! \a index is a valid row of this model (what data() may read).
    bool isRow(const QModelIndex &index) const
    {
        return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
    }

private:
    QHash<int, QByteArray> m_roleNames;
};

} // namespace Hubbub
