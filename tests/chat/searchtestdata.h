// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What chat.search's tests share: messages and gap markers to store, and a history with
//! the search index in a temporary folder.
#pragma once

#include "chatmessage.h"
#include "historystore.h"
#include "searchindex.h"
#include "searchquery.h"
#include "searchresultmodel.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

namespace SearchTestData {

using namespace Hubbub;
inline constexpr int kTimeout = 20000;
inline constexpr qint64 kBase = 1700000000000;

inline ChatMessage msg(const QString &room, const QString &id, const QString &text, qint64 minute = 0)
{
    ChatMessage m;
    m.room = room;
    m.id = id;
    m.senderId = QStringLiteral("bob");
    m.senderName = QStringLiteral("Bob");
    m.text = text;
    m.timestamp = QDateTime::fromMSecsSinceEpoch(kBase + minute * 60000, Qt::UTC);
    return m;
}

inline ChatMessage gapMarker(const QString &room, const QString &id, const QString &text)
{
    ChatMessage m = msg(room, id, text);
    m.gapMarker = true;
    m.gapEnd = m.timestamp.addSecs(60);
    return m;
}

inline QStringList ids(const QList<SearchHit> &hits)
{
    QStringList out;
    for (const SearchHit &h : hits)
        out.append(h.messageId);
    return out;
}

// A history with the index, in a temporary folder; rooms "a" and "b" joined.
struct Store
{
    QTemporaryDir dir;
    std::unique_ptr<HistoryStore> history;
    std::unique_ptr<SearchIndex> index;

    explicit Store(bool withIndex = true) { open(withIndex); }
    void open(bool withIndex = true)
    {
        index.reset();
        history = std::make_unique<HistoryStore>(dir.filePath(QStringLiteral("history.sqlite")));
        history->saveRoom({QStringLiteral("a"), 0, false});
        history->saveRoom({QStringLiteral("b"), 0, false});
        if (withIndex)
            index = std::make_unique<SearchIndex>(history->connectionName());
    }
    QStringList find(const QString &query, int limit = 200) const
    {
        return ids(index->search(SearchQuery(query), limit));
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(history->connectionName(), false));
        return q.exec(sql);
    }
};
} // namespace SearchTestData
