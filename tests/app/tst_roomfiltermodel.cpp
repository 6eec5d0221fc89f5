// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "roomfiltermodel.h"
#include "roomlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;

class TestRoomFilterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filtersByNameCaseInsensitively()
    {
        RoomListModel rooms;
        RoomFilterModel filtered;
        QAbstractItemModelTester tester(&filtered, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filtered.setSourceModel(&rooms);
        rooms.addRoom(QStringLiteral("lobby"));
        rooms.addRoom(QStringLiteral("Random"));
        rooms.addRoom(QStringLiteral("dev-ops"));
        QCOMPARE(filtered.count(), 3);

        QSignalSpy countSpy(&filtered, &RoomFilterModel::countChanged);
        filtered.setFilterText(QStringLiteral("  RAN "));
        QCOMPARE(filtered.filterText(), QStringLiteral("RAN"));
        QCOMPARE(filtered.count(), 1);
        QCOMPARE(filtered.nameAt(0), QStringLiteral("Random"));
        QCOMPARE(filtered.nameAt(1), QString());
        QVERIFY(countSpy.count() >= 1);

        filtered.setFilterText(QStringLiteral("o"));
        QCOMPARE(filtered.count(), 3);
        filtered.setFilterText(QStringLiteral("-o"));
        QCOMPARE(filtered.count(), 1);
        QCOMPARE(filtered.nameAt(0), QStringLiteral("dev-ops"));

        // The source changes under the filter: matching rooms appear and go.
        rooms.addRoom(QStringLiteral("x-ox"));
        QCOMPARE(filtered.count(), 2);
        rooms.removeRoom(QStringLiteral("dev-ops"));
        QCOMPARE(filtered.count(), 1);
        QCOMPARE(filtered.nameAt(0), QStringLiteral("x-ox"));

        filtered.setFilterText(QString());
        QCOMPARE(filtered.count(), 3);
        QCOMPARE(filtered.nameAt(-1), QString());
    }
};

QTEST_GUILESS_MAIN(TestRoomFilterModel)
#include "tst_roomfiltermodel.moc"
