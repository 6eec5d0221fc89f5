// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Issue 10, feature 6: search across all local history (SQLite FTS5). The index stays in step
// with every way a message reaches the history, queries are literal words, results are newest
// first with a plain-text snippet, and a jump loads the message's surroundings in its room.
#include "appcontroller.h"
#include "apptestcase.h"
#include "historystore.h"
#include "inprocessapp.h"
#include "messagesearch.h"
#include "roomdirectory.h"
#include "searchindex.h"
#include "searchquery.h"
#include "searchresultmodel.h"
#include "searchtestdata.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace SearchTestData;

class TestSearch : public HubbubTest::AppTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void fts5IsAvailable()
    {
        // Debian bookworm's Qt SQLite driver uses the system libsqlite3, which has FTS5 built in.
        Store s;
        QVERIFY(s.exec(QStringLiteral("CREATE VIRTUAL TABLE probe USING fts5(x)")));
        QVERIFY2(s.index->isAvailable(), qPrintable(s.index->lastError()));
    }

    void indexFollowsEveryInsertPath()
    {
        Store s;
        // insert() (an own message or one received), insertNew() (a batch), a relayed one (backfill).
        ChatMessage own = msg(QStringLiteral("a"), QStringLiteral("own"), QStringLiteral("own apple"));
        own.own = true;
        own.status = DeliveryStatus::Sending;
        QVERIFY(s.history->insert(own));
        QVERIFY(s.history->insert(
            msg(QStringLiteral("a"), QStringLiteral("rx"), QStringLiteral("received apple"))));
        QCOMPARE(s.history
                     ->insertNew(
                         {msg(QStringLiteral("b"), QStringLiteral("batch1"), QStringLiteral("batch apple")),
                          msg(QStringLiteral("b"), QStringLiteral("batch2"), QStringLiteral("pear"))})
                     .size(),
                 2);
        ChatMessage relayed =
            msg(QStringLiteral("b"), QStringLiteral("relayed"), QStringLiteral("relayed apple"));
        relayed.relayedBy = QStringLiteral("carol");
        QVERIFY(s.history->insert(relayed));
        // A duplicate (INSERT OR IGNORE) neither indexes twice nor replaces the text.
        QVERIFY(!s.history->insert(
            msg(QStringLiteral("a"), QStringLiteral("rx"), QStringLiteral("duplicate kiwi"))));
        QCOMPARE(s.find(QStringLiteral("apple")).size(), 4);
        QVERIFY(s.find(QStringLiteral("kiwi")).isEmpty());
        QCOMPARE(s.find(QStringLiteral("pear")), QStringList{QStringLiteral("batch2")});

        // A status change does not touch the index; an edit (UPDATE of text) re-indexes; a delete
        // unindexes: whatever code path another feature uses.
        QVERIFY(s.history->updateStatus(QStringLiteral("a"), QStringLiteral("own"), DeliveryStatus::Sent));
        QCOMPARE(s.find(QStringLiteral("own")), QStringList{QStringLiteral("own")});
        QVERIFY(s.exec(QStringLiteral("UPDATE messages SET text = 'edited banana' WHERE id = 'rx'")));
        QVERIFY(!s.find(QStringLiteral("apple")).contains(QStringLiteral("rx")));
        QCOMPARE(s.find(QStringLiteral("banana")), QStringList{QStringLiteral("rx")});
        QVERIFY(s.history->remove(QStringLiteral("b"), QStringLiteral("batch1")));
        QVERIFY(!s.find(QStringLiteral("apple")).contains(QStringLiteral("batch1")));
        QCOMPARE(s.find(QStringLiteral("apple")).size(), 2);
        // The index agrees with its content table after all of it.
        QVERIFY(s.exec(
            QStringLiteral("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)")));
    }

    void gapMarkersAreNotIndexed()
    {
        Store s;
        QVERIFY(s.history->insert(
            gapMarker(QStringLiteral("a"), QStringLiteral("gap-1"), QStringLiteral("ghost"))));
        QVERIFY(s.history->insert(msg(QStringLiteral("a"), QStringLiteral("m"), QStringLiteral("visible"))));
        QVERIFY(s.history->setGapFilled(QStringLiteral("a"), QStringLiteral("gap-1"), 3));
        QVERIFY(s.find(QStringLiteral("ghost")).isEmpty());
        QVERIFY(s.find(QStringLiteral("gho")).isEmpty());
        // Not by the literal (LIKE) path either.
        QVERIFY(s.exec(QStringLiteral("UPDATE messages SET text = 'ghost 🎃' WHERE id = 'gap-1'")));
        QVERIFY(s.find(QStringLiteral("🎃")).isEmpty());
        QVERIFY(s.history->remove(QStringLiteral("a"), QStringLiteral("gap-1")));
        QVERIFY(s.exec(
            QStringLiteral("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)")));
        QCOMPARE(s.find(QStringLiteral("visible")), QStringList{QStringLiteral("m")});
    }

    void queryIsLiteral_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        // m1..m9 below; a query finds what contains it literally, never errors.
        QTest::newRow("quote") << QStringLiteral("\"")
                               << QStringList{QStringLiteral("m10"), QStringLiteral("m1")};
        QTest::newRow("two quotes") << QStringLiteral("\"\"") << QStringList{QStringLiteral("m10")};
        QTest::newRow("AND") << QStringLiteral("AND")
                             << QStringList{QStringLiteral("m3"), QStringLiteral("m2")};
        QTest::newRow("OR") << QStringLiteral("cats OR") << QStringList{QStringLiteral("m2")};
        QTest::newRow("NOT") << QStringLiteral("NOT dogs") << QStringList{};
        QTest::newRow("star") << QStringLiteral("*") << QStringList{QStringLiteral("m4")};
        QTest::newRow("NEAR(") << QStringLiteral("NEAR(") << QStringList{QStringLiteral("m5")};
        QTest::newRow("NEAR expr") << QStringLiteral("NEAR(cats dogs, 2)") << QStringList{};
        QTest::newRow("minus") << QStringLiteral("-") << QStringList{QStringLiteral("m6")};
        QTest::newRow("minus word") << QStringLiteral("-cats")
                                    << QStringList{QStringLiteral("m3"), QStringLiteral("m2")};
        QTest::newRow("column filter") << QStringLiteral("text:cats") << QStringList{};
        QTest::newRow("caret") << QStringLiteral("^cats")
                               << QStringList{QStringLiteral("m3"), QStringLiteral("m2")};
        QTest::newRow("parens") << QStringLiteral("(") << QStringList{QStringLiteral("m5")};
        QTest::newRow("percent") << QStringLiteral("%") << QStringList{QStringLiteral("m7")};
        QTest::newRow("underscore") << QStringLiteral("_") << QStringList{QStringLiteral("m8")};
        QTest::newRow("backslash") << QStringLiteral("\\") << QStringList{QStringLiteral("m9")};
        QTest::newRow("quote inside") << QStringLiteral("said\"hi") << QStringList{QStringLiteral("m1")};
        QTest::newRow("whitespace only") << QStringLiteral("  \t ") << QStringList{};
        QTest::newRow("curly") << QStringLiteral("{text}: cats") << QStringList{};
    }
    void queryIsLiteral()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        Store s;
        const QList<ChatMessage> messages{
            msg(QStringLiteral("a"), QStringLiteral("m1"), QStringLiteral("she said \"hi\""), 1),
            msg(QStringLiteral("a"), QStringLiteral("m2"), QStringLiteral("cats and dogs or birds"), 2),
            msg(QStringLiteral("a"), QStringLiteral("m3"), QStringLiteral("cats AND mice"), 3),
            msg(QStringLiteral("a"), QStringLiteral("m4"), QStringLiteral("a star * here"), 4),
            msg(QStringLiteral("a"), QStringLiteral("m5"), QStringLiteral("call NEAR( it"), 5),
            msg(QStringLiteral("a"), QStringLiteral("m6"), QStringLiteral("x - y"), 6),
            msg(QStringLiteral("a"), QStringLiteral("m7"), QStringLiteral("100% sure"), 7),
            msg(QStringLiteral("a"), QStringLiteral("m8"), QStringLiteral("snake_case"), 8),
            msg(QStringLiteral("a"), QStringLiteral("m9"), QStringLiteral("C:\\path"), 9),
            msg(QStringLiteral("a"), QStringLiteral("m10"), QStringLiteral("empty \"\" quotes"), 10),
        };
        QCOMPARE(s.history->insertMany(messages), int(messages.size()));
        const QStringList found = s.find(query);
        QVERIFY2(s.index->lastError().isEmpty(), qPrintable(s.index->lastError()));
        QCOMPARE(found, expected);
    }

    void lastTermIsAPrefix()
    {
        Store s;
        s.history->insert(msg(QStringLiteral("a"), QStringLiteral("hw"), QStringLiteral("Hello World"), 1));
        s.history->insert(msg(QStringLiteral("a"), QStringLiteral("help"), QStringLiteral("help wanted"), 2));
        QCOMPARE(s.find(QStringLiteral("hel")), (QStringList{QStringLiteral("help"), QStringLiteral("hw")}));
        QCOMPARE(s.find(QStringLiteral("hello wor")), QStringList{QStringLiteral("hw")});
        // Only the last term is a prefix: the others are whole words.
        QVERIFY(s.find(QStringLiteral("hel world")).isEmpty());
        QCOMPARE(s.find(QStringLiteral("WORLD hello")), QStringList{QStringLiteral("hw")});
    }

    void unicode()
    {
        Store s;
        s.history->insertMany({
            msg(QStringLiteral("a"), QStringLiteral("de"), QStringLiteral("Grüße aus München"), 1),
            msg(QStringLiteral("a"), QStringLiteral("fr"), QStringLiteral("Crème brûlée, s'il vous plaît"),
                2),
            msg(QStringLiteral("a"), QStringLiteral("emoji"), QStringLiteral("party 🎉 time"), 3),
            msg(QStringLiteral("a"), QStringLiteral("ja"), QStringLiteral("東京タワーに行きました"), 4),
            msg(QStringLiteral("a"), QStringLiteral("ja2"), QStringLiteral("日本語 テスト"), 5),
            msg(QStringLiteral("a"), QStringLiteral("ru"), QStringLiteral("Привет, МИР"), 6),
        });
        // Case and diacritics folded (unicode61 remove_diacritics 2) for every script.
        QCOMPARE(s.find(QStringLiteral("grüße")), QStringList{QStringLiteral("de")});
        QCOMPARE(s.find(QStringLiteral("GRUSSE")), QStringList{}); // ß is its own letter, not "ss"
        QCOMPARE(s.find(QStringLiteral("munchen")), QStringList{QStringLiteral("de")});
        QCOMPARE(s.find(QStringLiteral("creme brulee")), QStringList{QStringLiteral("fr")});
        QCOMPARE(s.find(QStringLiteral("мир")), QStringList{QStringLiteral("ru")});
        // An emoji is no token for unicode61: it is matched literally, alone or with words.
        QCOMPARE(s.find(QStringLiteral("🎉")), QStringList{QStringLiteral("emoji")});
        QCOMPARE(s.find(QStringLiteral("party 🎉")), QStringList{QStringLiteral("emoji")});
        QCOMPARE(s.find(QStringLiteral("time 🎈")), QStringList{});
        // CJK: unicode61 has no word breaker for it, a run of CJK is one token: found from its
        // start (prefix), by whole space-separated words, not from the middle of a run.
        QCOMPARE(s.find(QStringLiteral("東京")), QStringList{QStringLiteral("ja")});
        QCOMPARE(s.find(QStringLiteral("テスト")), QStringList{QStringLiteral("ja2")});
        QCOMPARE(s.find(QStringLiteral("タワー")), QStringList{});

        // The highlighted ranges follow the same folding.
        const QList<SearchHit> hits = s.index->search(SearchQuery(QStringLiteral("grusse munch")), 10);
        QVERIFY(hits.isEmpty());
        const QList<SearchHit> de = s.index->search(SearchQuery(QStringLiteral("GRÜSSE")), 10);
        QVERIFY(de.isEmpty());
        const QList<SearchHit> fr = s.index->search(SearchQuery(QStringLiteral("brulee")), 10);
        QCOMPARE(fr.size(), 1);
        QCOMPARE(fr.at(0).ranges, (QList<SearchQuery::Range>{{6, 6}}));
        const QList<SearchHit> party = s.index->search(SearchQuery(QStringLiteral("🎉")), 10);
        QCOMPARE(party.at(0).ranges, (QList<SearchQuery::Range>{{6, 2}}));
    }

    void newestFirstLimitedToJoinedRooms()
    {
        Store s;
        QList<ChatMessage> many;
        for (int i = 0; i < 250; ++i)
            many.append(msg(i % 2 ? QStringLiteral("a") : QStringLiteral("b"), QString::number(i),
                            QStringLiteral("word %1").arg(i), i));
        // Stored late but sent early (relayed after a gap): ordered by time, not by arrival.
        many.append(msg(QStringLiteral("a"), QStringLiteral("late"), QStringLiteral("word late"), -5));
        many.append(msg(QStringLiteral("left"), QStringLiteral("gone"), QStringLiteral("word gone"), 1000));
        s.history->insertMany(many);
        const QList<SearchHit> hits = s.index->search(SearchQuery(QStringLiteral("word")), 200);
        QCOMPARE(hits.size(), 200);
        QCOMPARE(hits.first().messageId, QStringLiteral("249"));
        for (int i = 1; i < hits.size(); ++i)
            QVERIFY(hits.at(i - 1).timestamp >= hits.at(i).timestamp);
        // A room that was left is not searched.
        QVERIFY(!s.find(QStringLiteral("gone")).contains(QStringLiteral("gone")));
        QCOMPARE(s.find(QStringLiteral("late"), 5), QStringList{QStringLiteral("late")});
        QCOMPARE(s.find(QStringLiteral("word"), 300).last(), QStringLiteral("late"));
    }

    void existingHistoryIsMigrated()
    {
        Store s(false); // a history from before the index
        QList<ChatMessage> old;
        for (int i = 0; i < 30; ++i)
            old.append(
                msg(QStringLiteral("a"), QString::number(i), QStringLiteral("old message %1").arg(i), i));
        old.append(gapMarker(QStringLiteral("a"), QStringLiteral("gap"), QStringLiteral("old")));
        QCOMPARE(s.history->insertMany(old), 31);
        s.open(true);
        QVERIFY(s.index->isAvailable());
        QCOMPARE(s.index->migratedCount(), 30);
        QCOMPARE(s.find(QStringLiteral("old")).size(), 30);
        QCOMPARE(s.find(QStringLiteral("17")), QStringList{QStringLiteral("17")});
        // New rows are indexed from now on; reopening builds nothing twice.
        s.history->insert(msg(QStringLiteral("a"), QStringLiteral("new"), QStringLiteral("old and new"), 99));
        s.open(true);
        QCOMPARE(s.index->migratedCount(), 0);
        QCOMPARE(s.find(QStringLiteral("old")).size(), 31);
        QCOMPARE(s.find(QStringLiteral("old")).first(), QStringLiteral("new"));
        // integrity-check compares the index with every row of its content table, gap markers
        // included (which real markers pass: their text is empty); this one has text, so it goes.
        QVERIFY(s.history->remove(QStringLiteral("a"), QStringLiteral("gap")));
        QVERIFY(s.exec(
            QStringLiteral("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)")));
    }

    void snippetIsPlainTextWithRanges()
    {
        // Markup in a message is text: the plain snippet keeps it, the HTML form escapes it and
        // only the highlight is markup.
        const SearchQuery q(QStringLiteral("cats"));
        const QString text = QStringLiteral("<b>bold</b> & <i>claims</i> about cats");
        QList<SearchQuery::Range> ranges = q.matches(text);
        QCOMPARE(ranges, (QList<SearchQuery::Range>{{int(text.size()) - 4, 4}}));
        const QString snippet = SearchQuery::snippet(text, &ranges);
        QCOMPARE(snippet, text);
        QCOMPARE(SearchQuery::highlightedHtml(snippet, ranges),
                 QStringLiteral("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;claims&lt;/i&gt; about <b>cats</b>"));

        // A long text: an excerpt around the first match, cut ends marked, ranges moved with it.
        const QString longText = QString(QStringLiteral("lorem ")).repeated(50) +
                                 QStringLiteral("needle\nin it ") +
                                 QString(QStringLiteral("ipsum ")).repeated(50);
        QList<SearchQuery::Range> r = SearchQuery(QStringLiteral("needle")).matches(longText);
        const QString cut = SearchQuery::snippet(longText, &r);
        QVERIFY(cut.startsWith(QStringLiteral("…")));
        QVERIFY(cut.endsWith(QStringLiteral("…")));
        QVERIFY(cut.size() <= 142);
        QVERIFY(!cut.contains(u'\n'));
        QCOMPARE(r.size(), 1);
        QCOMPARE(cut.mid(r.at(0).start, r.at(0).length), QStringLiteral("needle"));
        // Several terms, a literal one, overlapping: sorted and merged.
        const SearchQuery multi(QStringLiteral("cat 🐱 ca"));
        QCOMPARE(multi.matches(QStringLiteral("cat🐱 catalog cat")),
                 (QList<SearchQuery::Range>{{0, 5}, {6, 7}, {14, 3}}));
    }

    void resultModel()
    {
        Store s;
        RoomDirectory rooms(s.history.get(), 50, std::chrono::milliseconds(60000));
        MessageSearch search(s.history.get(), &rooms);
        QAbstractItemModelTester tester(search.results(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ChatMessage anon =
            msg(QStringLiteral("b"), QStringLiteral("x2"), QStringLiteral("<b>bold</b> cats"), 2);
        anon.senderId.clear();
        s.history->insertMany(
            {msg(QStringLiteral("a"), QStringLiteral("x1"), QStringLiteral("cats here"), 1), anon});
        QSignalSpy queryChanged(&search, &MessageSearch::queryChanged);
        search.setQuery(QStringLiteral("cat"));
        QCOMPARE(queryChanged.count(), 1);
        SearchResultModel *m = search.results();
        QCOMPARE(m->count(), 2);
        QCOMPARE(m->roleNames().value(SearchResultModel::RoomRole), QByteArray("room"));
        QCOMPARE(int(SearchResultModel::RoomRole), Qt::UserRole + 1);
        const QModelIndex first = m->index(0);
        QCOMPARE(m->data(first, SearchResultModel::RoomRole).toString(), QStringLiteral("b"));
        QCOMPARE(m->data(first, SearchResultModel::MessageIdRole).toString(), QStringLiteral("x2"));
        QCOMPARE(m->data(first, SearchResultModel::SenderLabelRole).toString(), QStringLiteral("anonymous"));
        QCOMPARE(m->data(first, SearchResultModel::SnippetRole).toString(),
                 QStringLiteral("<b>bold</b> cats"));
        QCOMPARE(m->data(first, SearchResultModel::SnippetHtmlRole).toString(),
                 QStringLiteral("&lt;b&gt;bold&lt;/b&gt; <b>cats</b>"));
        const QVariantList ranges = m->data(first, SearchResultModel::MatchRangesRole).toList();
        QCOMPARE(ranges.size(), 1);
        QCOMPARE(ranges.at(0).toMap().value(QStringLiteral("start")).toInt(), 12);
        QCOMPARE(m->data(first, SearchResultModel::TimestampRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(kBase + 120000, Qt::UTC).toLocalTime());
        const QModelIndex second = m->index(1);
        QCOMPARE(m->data(second, SearchResultModel::SenderIdRole).toString(), QStringLiteral("bob"));
        QCOMPARE(m->data(second, SearchResultModel::InitialsRole).toString(), QStringLiteral("B"));
        QVERIFY(m->data(second, SearchResultModel::AvatarIndexRole).toInt() >= 0);
        QVERIFY(!m->data(m->index(5), SearchResultModel::RoomRole).isValid());
        search.setQuery(QStringLiteral("nothing"));
        QCOMPARE(m->count(), 0);
        search.setQuery(QString());
        QCOMPARE(m->count(), 0);
        // refresh(): what arrived after the query was typed.
        search.setQuery(QStringLiteral("cats"));
        s.history->insert(msg(QStringLiteral("a"), QStringLiteral("x3"), QStringLiteral("more cats"), 3));
        search.refresh();
        QCOMPARE(m->count(), 3);
        QVERIFY(!search.jumpTo(7));
    }

    void jumpLoadsTheSurroundingHistoryInItsRoom()
    {
        const QString profile = m_hub.freshProfile(QStringLiteral("alice"));
        AppOptions options = m_hub.options(QStringLiteral("alice"), profile);
        options.historyPageSize = 20;
        QStringList archiveIds;
        {
            auto alice = std::make_unique<AppController>(options);
            alice->joinRoom(QStringLiteral("archive"));
            alice->joinRoom(QStringLiteral("other"));
            QList<ChatMessage> old;
            for (int i = 0; i < 300; ++i) {
                old.append(
                    msg(QStringLiteral("archive"), QStringLiteral("old-%1").arg(i),
                        i == 40 ? QStringLiteral("the needle is here") : QStringLiteral("hay %1").arg(i), i));
                archiveIds.append(old.last().id);
            }
            QCOMPARE(alice->history()->insertMany(old), 300);
            alice->selectRoom(QStringLiteral("other"));
        }
        // After a restart, in another room, the archive's model not even opened.
        auto alice = std::make_unique<AppController>(options);
        auto bob = m_hub.startedApp(QStringLiteral("bob"));
        QCOMPARE(alice->currentRoom(), QStringLiteral("other"));
        QVERIFY(!alice->directory()->findMessages(QStringLiteral("archive")));
        alice->start();
        QVERIFY(HubbubTest::joinAll({alice.get(), bob.get()}, QStringLiteral("archive"), kTimeout));
        alice->selectRoom(QStringLiteral("other"));

        // Received (through the service) and own messages are indexed as they arrive.
        QVERIFY(bob->sendMessageTo(QStringLiteral("archive"), QStringLiteral("a live needle from bob")));
        MessageModel *archive = alice->directory()->openMessages(QStringLiteral("archive"));
        QTRY_COMPARE_WITH_TIMEOUT(archive->count(), 21, kTimeout);
        QTest::qWait(5); // newer than bob's by the clock
        QVERIFY(alice->sendMessageTo(QStringLiteral("other"), QStringLiteral("my own needle")));

        QAbstractItemModelTester tester(alice->search()->results(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester archiveTester(archive,
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        alice->search()->setQuery(QStringLiteral("needle"));
        SearchResultModel *results = alice->search()->results();
        QCOMPARE(results->count(), 3);
        QCOMPARE(results->at(0).text, QStringLiteral("my own needle"));
        QCOMPARE(results->at(1).text, QStringLiteral("a live needle from bob"));
        QCOMPARE(results->at(1).senderId, QStringLiteral("bob"));
        QCOMPARE(results->at(2).messageId, QStringLiteral("old-40"));

        // Jump to the old one: its room becomes current, the page before it and everything up to
        // the newest message are loaded (one contiguous run), the view is told its row.
        QSignalSpy revealed(alice->search(), &MessageSearch::messageRevealed);
        QSignalSpy roomChanged(alice.get(), &AppController::currentRoomChanged);
        QVERIFY(alice->search()->jumpTo(2));
        QCOMPARE(alice->currentRoom(), QStringLiteral("archive"));
        QCOMPARE(alice->messages(), archive);
        QVERIFY(roomChanged.count() >= 1);
        QCOMPARE(revealed.count(), 1);
        QCOMPARE(revealed.at(0).at(0).toString(), QStringLiteral("archive"));
        QCOMPARE(revealed.at(0).at(1).toString(), QStringLiteral("old-40"));
        const int row = revealed.at(0).at(2).toInt();
        QCOMPARE(archive->at(row).id, QStringLiteral("old-40"));
        QCOMPARE(row, 10); // half a page (20 / 2) of context above it
        QCOMPARE(archive->at(0).id, QStringLiteral("old-30"));
        QCOMPARE(archive->count(), 300 - 30 + 1);
        for (int i = 0; i < 270; ++i)
            QCOMPARE(archive->at(i).id, archiveIds.at(30 + i));
        QCOMPARE(archive->at(archive->count() - 1).text, QStringLiteral("a live needle from bob"));
        QVERIFY(archive->canLoadOlder());
        alice->loadOlder();
        QCOMPARE(archive->at(0).id, QStringLiteral("old-10"));

        // A message already loaded: no loading, just its row; back in another room first.
        alice->selectRoom(QStringLiteral("other"));
        const int count = archive->count();
        QVERIFY(alice->search()->jumpTo(1));
        QCOMPARE(alice->currentRoom(), QStringLiteral("archive"));
        QCOMPARE(archive->count(), count);
        QCOMPARE(revealed.last().at(2).toInt(), count - 1);
        // A room left meanwhile: nothing happens.
        QVERIFY(!alice->search()->jumpToMessage(QStringLiteral("nowhere"), QStringLiteral("old-1")));
        QVERIFY(!alice->search()->jumpToMessage(QStringLiteral("archive"), QStringLiteral("no-such-id")));
        QCOMPARE(revealed.count(), 2);
    }

    void ctrlFThenEnterInTheMainWindow()
    {
        // As a user: Ctrl+F, type, Enter; the old message is shown in its room, far above the page.
        const QString profile = m_hub.freshProfile(QStringLiteral("ui"));
        AppOptions options = m_hub.options(QStringLiteral("alice"), profile);
        options.historyPageSize = 30;
        {
            AppController before(options);
            before.joinRoom(QStringLiteral("archive"));
            before.joinRoom(QStringLiteral("other"));
            QList<ChatMessage> old;
            for (int i = 0; i < 200; ++i)
                old.append(msg(QStringLiteral("archive"), QStringLiteral("old-%1").arg(i),
                               i == 5 ? QStringLiteral("where is the treasure map")
                                      : QStringLiteral("hay %1").arg(i),
                               i));
            QCOMPARE(before.history()->insertMany(old), 200);
        }
        AppController app(options);
        QCOMPARE(app.currentRoom(), QStringLiteral("other"));
        auto engine = InProcessApp::loadMainWindow(&app);
        QCOMPARE(engine->rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window, 10000));
        window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window, 10000));

        auto *popup = window->findChild<QObject *>(QStringLiteral("searchPopup"));
        QVERIFY(popup);
        QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(popup->property("opened").toBool());
        for (const QChar ch : QStringLiteral("treasure ma"))
            QTest::keyClick(window, ch.toLatin1());
        QCOMPARE(app.search()->query(), QStringLiteral("treasure ma"));
        QTRY_COMPARE(app.search()->results()->count(), 1);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_VERIFY(!popup->property("visible").toBool());
        QCOMPARE(app.currentRoom(), QStringLiteral("archive"));
        MessageModel *model = app.messages();
        const int row = model->rowOf(QStringLiteral("old-5"));
        QCOMPARE(row, 5); // 15 rows of context asked for, only 5 exist above it
        QCOMPARE(model->count(), 200);
        auto *list = window->findChild<QObject *>(QStringLiteral("messageList"));
        QVERIFY(list);
        QTRY_COMPARE(list->property("currentIndex").toInt(), row);
        auto *title = window->findChild<QObject *>(QStringLiteral("roomTitle"));
        QCOMPARE(title->property("text").toString(), QStringLiteral("#archive"));
        // The row is on screen, not the bottom of the room.
        QQuickItem *item = nullptr;
        QTRY_VERIFY(QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, item),
                                              Q_ARG(int, row)) &&
                    item);
        const double contentY = list->property("contentY").toDouble();
        const double y = item->property("y").toDouble();
        QVERIFY2(y + item->property("height").toDouble() > contentY &&
                     y < contentY + list->property("height").toDouble(),
                 qPrintable(QStringLiteral("row at %1, view %2").arg(y).arg(contentY)));
        QVERIFY(!list->property("atYEnd").toBool());
    }

    void historyAroundAndBetween()
    {
        Store s;
        QList<ChatMessage> rows;
        for (int i = 0; i < 10; ++i)
            rows.append(msg(QStringLiteral("a"), QString::number(i), QStringLiteral("t%1").arg(i), i));
        rows.insert(5, gapMarker(QStringLiteral("a"), QStringLiteral("gap"), QString()));
        rows.append(msg(QStringLiteral("b"), QStringLiteral("elsewhere"), QStringLiteral("b"), 3));
        s.history->insertMany(rows);
        auto idsOf = [](const QList<ChatMessage> &list) {
            QStringList out;
            for (const ChatMessage &m : list)
                out.append(m.id);
            return out;
        };
        // History order, gap markers in their place, only the room asked for.
        QCOMPARE(idsOf(s.history->around(QStringLiteral("a"), QStringLiteral("6"), 3, 2)),
                 (QStringList{QStringLiteral("4"), QStringLiteral("gap"), QStringLiteral("5"),
                              QStringLiteral("6"), QStringLiteral("7"), QStringLiteral("8")}));
        QCOMPARE(idsOf(s.history->around(QStringLiteral("a"), QStringLiteral("1"), 5, 0)),
                 (QStringList{QStringLiteral("0"), QStringLiteral("1")}));
        QVERIFY(s.history->around(QStringLiteral("a"), QStringLiteral("elsewhere"), 5, 5).isEmpty());
        QVERIFY(s.history->around(QStringLiteral("a"), QStringLiteral("nope"), 5, 5).isEmpty());
        QCOMPARE(idsOf(s.history->between(QStringLiteral("a"), QStringLiteral("7"), QString())),
                 (QStringList{QStringLiteral("7"), QStringLiteral("8"), QStringLiteral("9")}));
        QCOMPARE(idsOf(s.history->between(QStringLiteral("a"), QStringLiteral("3"), QStringLiteral("5"))),
                 (QStringList{QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("gap")}));
        QVERIFY(s.history->between(QStringLiteral("a"), QStringLiteral("nope"), QString()).isEmpty());
    }

    void hundredThousandMessages()
    {
        Store s(false);
        QList<ChatMessage> many;
        many.reserve(100000);
        const QStringList words{QStringLiteral("alpha"), QStringLiteral("bravo"), QStringLiteral("charlie"),
                                QStringLiteral("delta"), QStringLiteral("echo"),  QStringLiteral("foxtrot")};
        for (int i = 0; i < 100000; ++i)
            many.append(msg(i % 3 ? QStringLiteral("a") : QStringLiteral("b"), QString::number(i),
                            QStringLiteral("message %1 %2 %3").arg(i).arg(words.at(i % 6), words.at(i % 5)),
                            i));
        many[77777].text = QStringLiteral("the unique needle");
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(s.history->insertMany(many), 100000);
        const qint64 plainInsert = timer.restart();
        s.open(true); // migration: index 100k existing messages
        const qint64 migration = timer.restart();
        QCOMPARE(s.index->migratedCount(), 100000);
        // Messages as they arrive: one insert (one transaction) each, into the 100k.
        for (int i = 0; i < 200; ++i)
            s.history->insert(msg(QStringLiteral("b"), QStringLiteral("single-%1").arg(i),
                                  QStringLiteral("one more"), 200000));
        const qint64 singles = timer.restart();
        QCOMPARE(s.find(QStringLiteral("needle")), QStringList{QStringLiteral("77777")});
        const qint64 rare = timer.restart();
        QCOMPARE(s.find(QStringLiteral("message")).size(), 200);
        const qint64 common = timer.restart();
        QCOMPARE(s.find(QStringLiteral("m")).size(), 200);
        const qint64 prefix = timer.restart();
        QCOMPARE(s.find(QStringLiteral("alpha echo")).size(), 200);
        const qint64 twoWords = timer.restart();
        QVERIFY(s.find(QStringLiteral("🎉")).isEmpty());
        const qint64 literalScan = timer.restart();
        qInfo("100k messages: insert %lld ms (one transaction, before the index); building the index for them"
              " (migration) %lld ms; then 200 single inserts, each indexed by the triggers, %lld ms",
              plainInsert, migration, singles);
        qInfo("100k messages: search rare word %lld ms, common word (100k hits, newest 200) %lld ms, "
              "one-letter prefix %lld ms, two words %lld ms, emoji (literal scan) %lld ms",
              rare, common, prefix, twoWords, literalScan);

        RoomDirectory rooms(s.history.get(), 100, std::chrono::milliseconds(60000));
        timer.restart();
        QVERIFY(rooms.reveal(QStringLiteral("a"), QStringLiteral("1")) >= 0);
        qInfo("jump to the oldest of %d messages in a room: %lld ms",
              rooms.findMessages(QStringLiteral("a"))->count(), timer.elapsed());
    }
};

QTEST_MAIN(TestSearch)
#include "tst_search.moc"
