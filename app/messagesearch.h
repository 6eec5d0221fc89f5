// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Search across all local history (`controller.search` in QML): the query, its results and
//! the jump to a result in its room.
//!
//! Setting `query` searches at once (SQLite FTS5 through SearchIndex; the input is literal words,
//! see SearchQuery) and fills `results`, newest first, at most `limit` rows. jumpTo() selects the
//! result's room, loads the history from a page before the message up to what the room's model
//! already holds (RoomDirectory::reveal) and then emits messageRevealed() with the message's row,
//! for the view to scroll to and highlight.
#pragma once

#include "searchresultmodel.h"

#include <QObject>
#include <QString>

#include <memory>

namespace Hubbub {

class HistoryStore;
class RoomDirectory;
class SearchIndex;

class MessageSearch : public QObject
{
    Q_OBJECT
    //! What the user typed; results follow it.
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(Hubbub::SearchResultModel *results READ results CONSTANT)
    //! False when the SQLite library has no FTS5 (the popup says search is unavailable).
    Q_PROPERTY(bool available READ available CONSTANT)
public:
    //! \a history and \a rooms must outlive this.
    MessageSearch(HistoryStore *history, RoomDirectory *rooms, QObject *parent = nullptr);
    ~MessageSearch() override;

    QString query() const { return m_query; }
    void setQuery(const QString &query);
    SearchResultModel *results() const { return m_results; }
    bool available() const;
    //! Most results listed (default 200: a search is for finding one message, not paging).
    void setLimit(int limit) { m_limit = limit; }
    //! The index (tests: migratedCount()).
    const SearchIndex *index() const { return m_index.get(); }

    //! Runs the current query again (the history may have grown since).
    Q_INVOKABLE void refresh();
    //! Jumps to the result in \a row: see jumpToMessage().
    Q_INVOKABLE bool jumpTo(int row);
    //! Makes \a room current with \a messageId loaded, then emits messageRevealed(); false when the
    //! room is not joined or the message is not in its history.
    Q_INVOKABLE bool jumpToMessage(const QString &room, const QString &messageId);

Q_SIGNALS:
    void queryChanged();
    //! \a messageId is in the current room's model at \a row: scroll to it, highlight it.
    void messageRevealed(const QString &room, const QString &messageId, int row);

private:
    RoomDirectory *m_rooms;
    std::unique_ptr<SearchIndex> m_index;
    SearchResultModel *m_results;
    QString m_query;
    int m_limit = 200;
};

} // namespace Hubbub
