// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The connection's state transitions with timestamps, newest last, capped in size.
#pragma once

#include "applistmodel.h"

#include <QDateTime>
#include <QList>

namespace Hubbub {

class TransitionLogModel : public AppListModel
{
    Q_OBJECT
public:
    enum Roles {
        TimeRole = Qt::UserRole + 1, //!< QDateTime of the transition
        TextRole,                    //!< what happened, e.g. "connected → reconnecting (close 1006)"
    };
    Q_ENUM(Roles)

    explicit TransitionLogModel(int capacity = 200, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int count() const override { return int(m_entries.size()); }
    int capacity() const { return m_capacity; }
    //! Appends an entry; the oldest is dropped beyond capacity().
    void append(const QString &text, const QDateTime &time = QDateTime::currentDateTime());
    //! All entries as "hh:mm:ss.zzz text" lines (for copying diagnostics).
    QString toText() const;
    void clear();

private:
    struct Entry
    {
        QDateTime time;
        QString text;
    };
    QList<Entry> m_entries;
    int m_capacity;
};

} // namespace Hubbub
