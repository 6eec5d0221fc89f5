// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "messagesearch.h"

#include "historystore.h"
#include "logging.h"
#include "roomdirectory.h"
#include "searchindex.h"
#include "searchquery.h"
#include "searchresultmodel.h"

namespace Hubbub {

MessageSearch::MessageSearch(HistoryStore *history, RoomDirectory *rooms, QObject *parent)
    : QObject(parent)
    , m_rooms(rooms)
    , m_index(std::make_unique<SearchIndex>(history->connectionName()))
    , m_results(new SearchResultModel(this))
{}

MessageSearch::~MessageSearch() = default;

bool MessageSearch::available() const
{
    return m_index->isAvailable();
}

void MessageSearch::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    refresh();
    Q_EMIT queryChanged();
}

void MessageSearch::refresh()
{
    m_results->setHits(m_index->search(SearchQuery(m_query), m_limit));
}

bool MessageSearch::jumpTo(int row)
{
    if (row < 0 || row >= m_results->count())
        return false;
    const SearchHit hit = m_results->at(row); // a copy: selecting a room may run QML that searches
    return jumpToMessage(hit.room, hit.messageId);
}

bool MessageSearch::jumpToMessage(const QString &room, const QString &messageId)
{
    const int row = m_rooms->reveal(room, messageId);
    if (row < 0) {
        qCInfo(lcApp) << "search: message no longer in" << room;
        return false;
    }
    Q_EMIT messageRevealed(room, messageId, row);
    return true;
}

} // namespace Hubbub
