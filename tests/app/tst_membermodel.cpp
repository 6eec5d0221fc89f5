// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "membermodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;
using namespace std::chrono_literals;

class TestMemberModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void twoConnectionsOfOneUser()
    {
        MemberModel model(QStringLiteral("lobby"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExpiry(75s);
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        model.heard(QStringLiteral("bob"), QStringLiteral("Bob"), QStringLiteral("laptop"), false, t0);
        model.heard(QStringLiteral("bob"), QStringLiteral("Bob"), QStringLiteral("phone"), false, t0);
        QCOMPARE(model.count(), 1);
        QCOMPARE(model.onlineCount(), 1);
        QCOMPARE(model.presence(QStringLiteral("bob")), MemberModel::Presence::Online);
        QCOMPARE(model.data(model.index(0), MemberModel::PresenceRole).toString(), QStringLiteral("online"));
        QCOMPARE(model.data(model.index(0), MemberModel::DisplayNameRole).toString(), QStringLiteral("Bob"));
        QCOMPARE(model.data(model.index(0), MemberModel::UserIdRole).toString(), QStringLiteral("bob"));
        // The avatar comes from the userId (not "Bob"), the same as in the message list.
        QCOMPARE(model.data(model.index(0), MemberModel::AvatarIndexRole).toInt(), 8);
        QCOMPARE(model.data(model.index(0), MemberModel::InitialsRole).toString(), QStringLiteral("B"));
        QVERIFY(model.roleNames().values().contains("avatarIndex"));
        // One connection leaves: still online.
        model.goodbye(QStringLiteral("bob"), QStringLiteral("laptop"));
        QCOMPARE(model.presence(QStringLiteral("bob")), MemberModel::Presence::Online);
        // The other leaves too: offline, but still listed.
        QSignalSpy online(&model, &MemberModel::onlineCountChanged);
        model.goodbye(QStringLiteral("bob"), QStringLiteral("phone"));
        QCOMPARE(model.presence(QStringLiteral("bob")), MemberModel::Presence::Offline);
        QCOMPARE(model.onlineCount(), 0);
        QCOMPARE(online.count(), 1);
        QCOMPARE(model.count(), 1);
    }

    void heartbeatExpiry()
    {
        MemberModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExpiry(75s);
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        model.heard(QStringLiteral("bob"), QStringLiteral("Bob"), QStringLiteral("laptop"), false, t0);
        model.heard(QStringLiteral("bob"), QStringLiteral("Bob"), QStringLiteral("phone"), false, t0);
        // The phone keeps beating, the laptop went silent (crashed, no goodbye).
        model.heard(QStringLiteral("bob"), QString(), QStringLiteral("phone"), false, t0.addSecs(30));
        model.heard(QStringLiteral("bob"), QString(), QStringLiteral("phone"), false, t0.addSecs(60));
        QVERIFY(!model.expire(t0.addSecs(70)));
        model.expire(t0.addSecs(80)); // the laptop expires
        QCOMPARE(model.presence(QStringLiteral("bob")), MemberModel::Presence::Online);
        QVERIFY(!model.expire(t0.addSecs(130)));
        QVERIFY(model.expire(t0.addSecs(140))); // the phone too: 80 s of silence
        QCOMPARE(model.presence(QStringLiteral("bob")), MemberModel::Presence::Offline);
        // A display name given once is kept when later beats omit it.
        QCOMPARE(model.displayName(QStringLiteral("bob")), QStringLiteral("Bob"));
    }

    void away()
    {
        MemberModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        model.heard(QStringLiteral("bob"), QStringLiteral("Bob"), QStringLiteral("laptop"), true, t0);
        QCOMPARE(model.presence(QStringLiteral("bob")), MemberModel::Presence::Away);
        QCOMPARE(model.data(model.index(0), MemberModel::PresenceRole).toString(), QStringLiteral("away"));
        QCOMPARE(model.onlineCount(), 1); // away still counts as here
        // An active second connection makes the user online.
        model.heard(QStringLiteral("bob"), QStringLiteral("Bob"), QStringLiteral("phone"), false, t0);
        QCOMPARE(model.presence(QStringLiteral("bob")), MemberModel::Presence::Online);
        model.heard(QStringLiteral("bob"), QStringLiteral("Bob"), QStringLiteral("phone"), true, t0);
        QCOMPARE(model.presence(QStringLiteral("bob")), MemberModel::Presence::Away);
    }

    void typingExpires()
    {
        MemberModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        model.heard(QStringLiteral("bob"), QStringLiteral("Bob"), QStringLiteral("i"), false, now);
        model.heard(QStringLiteral("me"), QStringLiteral("Me"), QStringLiteral("j"), false, now);
        QSignalSpy typing(&model, &MemberModel::typingChanged);
        model.setTyping(QStringLiteral("bob"), QString(), now.addSecs(6));
        model.setTyping(QStringLiteral("me"), QString(), now.addSecs(6));
        QCOMPARE(typing.count(), 2);
        QVERIFY(model.isTyping(QStringLiteral("bob")));
        // The typing line names identities (userIds), never the display names peers announce.
        QCOMPARE(model.typingNames(QStringLiteral("me")), QStringList{QStringLiteral("bob")});
        QCOMPARE(model.data(model.index(0), MemberModel::TypingRole).toBool(), true);
        model.expire(now.addSecs(3));
        QVERIFY(model.isTyping(QStringLiteral("bob")));
        model.expire(now.addSecs(7));
        QVERIFY(!model.isTyping(QStringLiteral("bob")));
        QVERIFY(model.typingNames().isEmpty());
        model.setTyping(QStringLiteral("bob"), QString(), QDateTime::currentDateTimeUtc().addSecs(6));
        model.clearTyping();
        QVERIFY(!model.isTyping(QStringLiteral("bob")));
    }
};

QTEST_GUILESS_MAIN(TestMemberModel)
#include "tst_membermodel.moc"
