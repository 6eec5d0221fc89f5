// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "notificationpolicy.h"

#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;

class TestNotificationPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void policy()
    {
        NotificationPolicy tray;
        tray.setMinimumInterval(0);
        QSignalSpy spy(&tray, &NotificationPolicy::notificationRequested);
        QVERIFY(!tray.consider(QStringLiteral("a"), QStringLiteral("bob"), QStringLiteral("hi"), false, false,
                               true));
        QVERIFY(!tray.consider(QStringLiteral("a"), QStringLiteral("bob"), QStringLiteral("hi"), false, true,
                               false));
        QVERIFY(!tray.consider(QStringLiteral("a"), QStringLiteral("me"), QStringLiteral("hi"), true, false,
                               false));
        QCOMPARE(spy.count(), 0);
        QVERIFY(tray.consider(QStringLiteral("a"), QStringLiteral("bob"), QStringLiteral("hi"), false, false,
                              false));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("a"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("bob"));
        QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("hi"));
        // Long texts are previewed.
        tray.consider(QStringLiteral("a"), QStringLiteral("bob"), QString(500, u'x'), false, false, false);
        QCOMPARE(spy.at(1).at(2).toString().size(), 200);
    }

    void rateLimitedPerRoom()
    {
        NotificationPolicy tray;
        tray.setMinimumInterval(60000);
        QSignalSpy spy(&tray, &NotificationPolicy::notificationRequested);
        QVERIFY(tray.consider(QStringLiteral("a"), QStringLiteral("bob"), QStringLiteral("1"), false, false,
                              false));
        QVERIFY(!tray.consider(QStringLiteral("a"), QStringLiteral("bob"), QStringLiteral("2"), false, false,
                               false));
        QVERIFY(tray.consider(QStringLiteral("b"), QStringLiteral("bob"), QStringLiteral("3"), false, false,
                              false));
        QCOMPARE(spy.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "tst_traynotifier.moc"
