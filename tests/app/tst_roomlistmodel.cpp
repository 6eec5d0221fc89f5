// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "roomlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;

class TestRoomListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unreadCountsAndTotal()
    {
        RoomListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy total(&model, &RoomListModel::totalUnreadChanged);
        QVERIFY(model.addRoom(QStringLiteral("lobby")));
        QVERIFY(model.addRoom(QStringLiteral("random")));
        QVERIFY(!model.addRoom(QStringLiteral("lobby")));
        QVERIFY(!model.addRoom(QString()));
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.totalUnread(), 0);
        model.incrementUnread(QStringLiteral("lobby"), 3);
        model.incrementUnread(QStringLiteral("random"));
        QCOMPARE(model.unreadCount(QStringLiteral("lobby")), 3);
        QCOMPARE(model.totalUnread(), 4);
        QCOMPARE(total.count(), 2);
        QCOMPARE(model.data(model.index(0), RoomListModel::UnreadCountRole).toInt(), 3);
        model.setUnreadCount(QStringLiteral("lobby"), 0);
        QCOMPARE(model.totalUnread(), 1);
        QVERIFY(model.removeRoom(QStringLiteral("random")));
        QCOMPARE(model.totalUnread(), 0);
        QCOMPARE(model.count(), 1);
        QVERIFY(!model.removeRoom(QStringLiteral("random")));
    }

    void muteAndCurrentAndLastMessage()
    {
        RoomListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addRoom(QStringLiteral("a"));
        model.addRoom(QStringLiteral("b"));
        QSignalSpy roomChanged(&model, &RoomListModel::roomChanged);
        model.setMuted(QStringLiteral("b"), true);
        QVERIFY(model.isMuted(QStringLiteral("b")));
        QCOMPARE(model.data(model.index(1), RoomListModel::MutedRole).toBool(), true);
        QCOMPARE(roomChanged.count(), 1);
        // A muted room still counts its unread messages (only notifications are silenced).
        model.incrementUnread(QStringLiteral("b"), 2);
        QCOMPARE(model.totalUnread(), 2);

        model.setCurrentRoom(QStringLiteral("a"));
        QCOMPARE(model.data(model.index(0), RoomListModel::IsCurrentRole).toBool(), true);
        QCOMPARE(model.data(model.index(1), RoomListModel::IsCurrentRole).toBool(), false);
        model.setCurrentRoom(QStringLiteral("b"));
        QCOMPARE(model.data(model.index(0), RoomListModel::IsCurrentRole).toBool(), false);

        const QDateTime when = QDateTime::currentDateTime();
        model.setLastMessage(QStringLiteral("a"), QStringLiteral("hi"), when);
        QCOMPARE(model.data(model.index(0), RoomListModel::LastMessageTextRole).toString(),
                 QStringLiteral("hi"));
        QCOMPARE(model.data(model.index(0), RoomListModel::LastActivityRole).toDateTime(), when);
        QCOMPARE(model.data(model.index(0), RoomListModel::NameRole).toString(), QStringLiteral("a"));
        const auto names = model.roleNames().values();
        for (const char *n : {"name", "unreadCount", "muted", "lastMessageText", "lastActivity", "isCurrent"})
            QVERIFY2(names.contains(QByteArray(n)), n);
    }

    void nextUnread()
    {
        RoomListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const char *n : {"a", "b", "c", "d"})
            model.addRoom(QString::fromLatin1(n));
        QCOMPARE(model.nextUnreadRoom(), QString());
        model.incrementUnread(QStringLiteral("a"));
        model.incrementUnread(QStringLiteral("c"));
        model.setCurrentRoom(QStringLiteral("a"));
        QCOMPARE(model.nextUnreadRoom(), QStringLiteral("c"));
        model.setCurrentRoom(QStringLiteral("c"));
        QCOMPARE(model.nextUnreadRoom(), QStringLiteral("a")); // wraps
        model.setCurrentRoom(QString());
        QCOMPARE(model.nextUnreadRoom(), QStringLiteral("a"));
    }
};

QTEST_GUILESS_MAIN(TestRoomListModel)
#include "tst_roomlistmodel.moc"
