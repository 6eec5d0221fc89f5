// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "historystore.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Hubbub;

namespace {
ChatMessage msg(const QString &room, const QString &id, const QString &text, bool own = false,
                DeliveryStatus status = DeliveryStatus::Received)
{
    ChatMessage m;
    m.room = room;
    m.id = id;
    m.senderId = own ? QStringLiteral("me") : QStringLiteral("bob");
    m.senderName = own ? QStringLiteral("Me") : QStringLiteral("Bob");
    m.text = text;
    m.timestamp = QDateTime::fromMSecsSinceEpoch(1700000000000 + text.size(), Qt::UTC);
    m.own = own;
    m.status = status;
    return m;
}
} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultPathIsPerProfile()
    {
        const QString a = HistoryStore::defaultPath(QStringLiteral("alice"));
        const QString b = HistoryStore::defaultPath(QStringLiteral("bob"));
        QVERIFY(a != b);
        QVERIFY(a.endsWith(QStringLiteral("/alice/history.sqlite")));
        QVERIFY(a.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void persistsAcrossReopenAndDeduplicates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p/history.sqlite"));
        {
            HistoryStore store(path);
            QVERIFY(store.isOpen());
            QVERIFY(store.insert(msg(QStringLiteral("lobby"), QStringLiteral("1"), QStringLiteral("one"))));
            QVERIFY(store.insert(msg(QStringLiteral("lobby"), QStringLiteral("2"), QStringLiteral("two"),
                                     true, DeliveryStatus::Sending)));
            QVERIFY(!store.insert(
                msg(QStringLiteral("lobby"), QStringLiteral("1"), QStringLiteral("one again"))));
            // The same id in another room is another message.
            QVERIFY(
                store.insert(msg(QStringLiteral("other"), QStringLiteral("1"), QStringLiteral("elsewhere"))));
            QVERIFY(store.saveRoom({QStringLiteral("lobby"), 3, true}));
            QVERIFY(store.saveRoom({QStringLiteral("other"), 0, false}));
        }
        // Two stores on one file (two connections) must not clash either.
        HistoryStore store(path);
        HistoryStore second(path);
        QVERIFY(store.isOpen() && second.isOpen());
        QCOMPARE(store.count(QStringLiteral("lobby")), 2);
        const auto latest = store.latest(QStringLiteral("lobby"), 10);
        QCOMPARE(latest.size(), 2);
        QCOMPARE(latest.at(0).text, QStringLiteral("one"));
        QCOMPARE(latest.at(1).text, QStringLiteral("two"));
        QCOMPARE(latest.at(1).own, true);
        QCOMPARE(latest.at(1).status, DeliveryStatus::Sending);
        QCOMPARE(latest.at(0).timestamp, msg({}, {}, QStringLiteral("one")).timestamp);
        QCOMPARE(latest.at(0).senderName, QStringLiteral("Bob"));
        QCOMPARE(store.pendingOwn().size(), 1);
        QVERIFY(store.updateStatus(QStringLiteral("lobby"), QStringLiteral("2"), DeliveryStatus::Sent));
        QCOMPARE(second.pendingOwn().size(), 0);
        QCOMPARE(second.latest(QStringLiteral("lobby"), 10).at(1).status, DeliveryStatus::Sent);

        const auto rooms = store.rooms();
        QCOMPARE(rooms.size(), 2);
        QCOMPARE(rooms.at(0).name, QStringLiteral("lobby"));
        QCOMPARE(rooms.at(0).unread, 3);
        QCOMPARE(rooms.at(0).muted, true);
        QVERIFY(store.saveRoom({QStringLiteral("lobby"), 0, false}));
        QCOMPARE(store.rooms().at(0).name, QStringLiteral("lobby")); // keeps its position
        QCOMPARE(store.rooms().at(0).unread, 0);
        QVERIFY(store.removeRoom(QStringLiteral("other")));
        QCOMPARE(store.rooms().size(), 1);

        QVERIFY(store.remove(QStringLiteral("lobby"), QStringLiteral("1")));
        QVERIFY(!store.contains(QStringLiteral("lobby"), QStringLiteral("1")));
        QVERIFY(store.contains(QStringLiteral("other"), QStringLiteral("1")));
    }

    void paging()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QList<ChatMessage> many;
        for (int i = 0; i < 250; ++i)
            many.append(msg(QStringLiteral("r"), QString::number(i), QStringLiteral("m%1").arg(i)));
        QCOMPARE(store.insertMany(many), 250);
        QCOMPARE(store.insertMany(many), 0); // all duplicates
        const auto page1 = store.latest(QStringLiteral("r"), 100);
        QCOMPARE(page1.size(), 100);
        QCOMPARE(page1.first().id, QStringLiteral("150"));
        QCOMPARE(page1.last().id, QStringLiteral("249"));
        const auto page2 = store.olderThan(QStringLiteral("r"), page1.first().id, 100);
        QCOMPARE(page2.size(), 100);
        QCOMPARE(page2.first().id, QStringLiteral("50"));
        QCOMPARE(page2.last().id, QStringLiteral("149"));
        const auto page3 = store.olderThan(QStringLiteral("r"), page2.first().id, 100);
        QCOMPARE(page3.size(), 50);
        QCOMPARE(page3.first().id, QStringLiteral("0"));
        QVERIFY(store.olderThan(QStringLiteral("r"), QStringLiteral("0"), 100).isEmpty());
    }

    void boundValuesNotSql()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        const QString evil = QStringLiteral("x'); DROP TABLE messages; --");
        QVERIFY(store.insert(msg(evil, evil, evil)));
        QCOMPARE(store.latest(evil, 5).constFirst().text, evil);
        QVERIFY(store.saveRoom({evil, 1, false}));
        QCOMPARE(store.rooms().constFirst().name, evil);
        QCOMPARE(store.count(evil), 1);
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
