// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The Notices place's list: server notices, oldest first, capped at kMaxRows (the newest
//! stay). Rows carry no sender: a notice is the server's, never a room member's.
#pragma once

#include "applistmodel.h"
#include "notice.h"

#include <QList>

namespace Hubbub {

class NoticeModel : public AppListModel
{
    Q_OBJECT
public:
    //! The most rows shown (and loaded on start); the history keeps more.
    static constexpr int kMaxRows = 500;

    enum Roles {
        TextRole = Qt::UserRole + 1, //!< plain display text
        DataTypeRole,                //!< `text`, `json`, `binary`, `protobuf`
        ReceivedAtRole,              //!< QDateTime (UTC)
        SequenceIdRole,              //!< qint64, or undefined without the reliable protocol
        NoticeIdRole,                //!< the dedupe key
    };
    Q_ENUM(Roles)

    explicit NoticeModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    const Notice &at(int row) const { return m_rows.at(row); }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    //! Replaces the rows (the newest kMaxRows of \a notices).
    void reset(const QList<Notice> &notices);
    void append(const Notice &notice);

private:
    QList<Notice> m_rows;
};

} // namespace Hubbub
