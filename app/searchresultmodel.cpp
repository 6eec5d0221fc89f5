// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "searchresultmodel.h"

#include "avatar.h"
#include "senderpolicy.h"

#include <QVariantMap>

namespace Hubbub {

SearchResultModel::SearchResultModel(QObject *parent)
    : AppListModel({{RoomRole, "room"},
                    {MessageIdRole, "messageId"},
                    {SenderIdRole, "senderId"},
                    {SenderLabelRole, "senderLabel"},
                    {SnippetRole, "snippet"},
                    {SnippetHtmlRole, "snippetHtml"},
                    {MatchRangesRole, "matchRanges"},
                    {TextRole, "text"},
                    {TimestampRole, "timestamp"},
                    {AvatarIndexRole, "avatarIndex"},
                    {InitialsRole, "initials"}},
                   parent)
{}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case RoomRole:
        return hit.room;
    case MessageIdRole:
        return hit.messageId;
    case SenderIdRole:
        return hit.senderId;
    case SenderLabelRole:
        return SenderPolicy::label(hit.senderId);
    case Qt::DisplayRole:
    case SnippetRole:
        return hit.snippet;
    case SnippetHtmlRole:
        return SearchQuery::highlightedHtml(hit.snippet, hit.ranges);
    case MatchRangesRole: {
        QVariantList ranges;
        for (const SearchQuery::Range &r : hit.ranges)
            ranges.append(
                QVariantMap{{QStringLiteral("start"), r.start}, {QStringLiteral("length"), r.length}});
        return ranges;
    }
    case TextRole:
        return hit.text;
    case TimestampRole:
        return hit.timestamp.toLocalTime();
    case AvatarIndexRole:
        return Avatar::colourIndex(SenderPolicy::label(hit.senderId));
    case InitialsRole:
        return Avatar::initials(SenderPolicy::label(hit.senderId));
    default:
        return {};
    }
}

void SearchResultModel::setHits(const QList<SearchHit> &hits)
{
    const bool countChanges = hits.size() != m_hits.size();
    beginResetModel();
    m_hits = hits;
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

} // namespace Hubbub
