// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The results of a message search, newest first, as the search popup lists them: room,
//! sender, time and a snippet of the text with the matches marked.
#pragma once

#include "applistmodel.h"
#include "searchquery.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Hubbub {

//! One message found by MessageSearch.
struct SearchHit
{
    QString room;
    QString messageId;
    QString senderId; //!< the service's fromUserId (empty: anonymous)
    QString text;     //!< the whole message text
    QDateTime timestamp;
    //! The excerpt shown (plain text) and where the matches are in it.
    QString snippet;
    QList<SearchQuery::Range> ranges;
};

class SearchResultModel : public AppListModel
{
    Q_OBJECT
public:
    enum Roles {
        RoomRole = Qt::UserRole + 1, //!< the room (plain text)
        MessageIdRole,
        SenderIdRole,    //!< the sender's userId
        SenderLabelRole, //!< the userId, or "anonymous"
        SnippetRole,     //!< plain text excerpt around the first match
        //! The excerpt HTML-escaped with the matches in <b>: for StyledText only (markup in the
        //! message stays literal text).
        SnippetHtmlRole,
        //! QVariantList of {start, length} (UTF-16 units) of the matches in SnippetRole.
        MatchRangesRole,
        TextRole,        //!< the whole message text (plain)
        TimestampRole,   //!< QDateTime, local time
        AvatarIndexRole, //!< Avatar::colourIndex of the sender label
        InitialsRole,    //!< Avatar::initials of the sender label
    };
    Q_ENUM(Roles)

    explicit SearchResultModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    int count() const override { return int(m_hits.size()); }

    //! Replaces the results (one reset: a new query is a new list).
    void setHits(const QList<SearchHit> &hits);
    const SearchHit &at(int row) const { return m_hits.at(row); }

private:
    QList<SearchHit> m_hits;
};

} // namespace Hubbub
