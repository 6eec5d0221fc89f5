// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Roles and wildcard group patterns of protocol.md §2.9.
#include <permissions.h>

#include <QTest>

using Hubbub::Permissions;

class TestPermissions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wildcard_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        QTest::newRow("literal") << "room"
                                 << "room" << true;
        QTest::newRow("literal differs") << "room"
                                         << "rooms" << false;
        QTest::newRow("case-sensitive") << "Room"
                                        << "room" << false;
        QTest::newRow("star in segment") << "team.*"
                                         << "team.red" << true;
        QTest::newRow("star stops at dot") << "team.*"
                                           << "team.red.sub" << false;
        QTest::newRow("star matches empty") << "team.*"
                                            << "team." << true;
        QTest::newRow("double star crosses dots") << "team.**"
                                                  << "team.red.sub" << true;
        QTest::newRow("question mark") << "g?"
                                       << "g1" << true;
        QTest::newRow("question mark not dot") << "g?"
                                               << "g." << false;
        QTest::newRow("question mark needs one") << "g?"
                                                 << "g" << false;
        QTest::newRow("escaped star") << "a\\*"
                                      << "a*" << true;
        QTest::newRow("escaped star literal only") << "a\\*"
                                                   << "ab" << false;
        QTest::newRow("escaped question") << "a\\?"
                                          << "a?" << true;
        QTest::newRow("escaped backslash") << "a\\\\b"
                                           << "a\\b" << true;
        QTest::newRow("middle star") << "a*z"
                                     << "abcz" << true;
        QTest::newRow("too many stars") << "*.*.*.*.*.*"
                                        << "a.b.c.d.e.f" << false;
        QTest::newRow("five stars ok") << "*.*.*.*.*"
                                       << "a.b.c.d.e" << true;
        QTest::newRow("dangling escape") << "a\\"
                                         << "a\\" << false;
    }
    void wildcard()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, name);
        QFETCH(bool, matches);
        QCOMPARE(Permissions::wildcardMatch(pattern, name), matches);
    }

    void roles()
    {
        using A = Permissions::Action;
        QVERIFY(!Permissions::allows({}, A::JoinLeaveGroup, QStringLiteral("g")));
        QVERIFY(!Permissions::allows({}, A::SendToGroup, QStringLiteral("g")));
        QVERIFY(Permissions::allows({QStringLiteral("webpubsub.joinLeaveGroup")}, A::JoinLeaveGroup,
                                    QStringLiteral("any")));
        QVERIFY(!Permissions::allows({QStringLiteral("webpubsub.joinLeaveGroup")}, A::SendToGroup,
                                     QStringLiteral("any")));
        QVERIFY(Permissions::allows({QStringLiteral("webpubsub.sendToGroup.g.1")}, A::SendToGroup,
                                    QStringLiteral("g.1")));
        QVERIFY(!Permissions::allows({QStringLiteral("webpubsub.sendToGroup.g.1")}, A::SendToGroup,
                                     QStringLiteral("g.2")));
        QVERIFY(Permissions::allows({QStringLiteral("webpubsub.joinLeaveGroups.lobby-*")}, A::JoinLeaveGroup,
                                    QStringLiteral("lobby-7")));
        QVERIFY(!Permissions::allows({QStringLiteral("webpubsub.joinLeaveGroups.lobby-*")}, A::SendToGroup,
                                     QStringLiteral("lobby-7")));
        // A scoped role's suffix is a literal group name, not a pattern.
        QVERIFY(!Permissions::allows({QStringLiteral("webpubsub.joinLeaveGroup.*")}, A::JoinLeaveGroup,
                                     QStringLiteral("x")));
    }

    void restGrantRoles()
    {
        QCOMPARE(Permissions::roleFor(QStringLiteral("joinLeaveGroup"), {}), u"webpubsub.joinLeaveGroup");
        QCOMPARE(Permissions::roleFor(QStringLiteral("sendToGroup"), QStringLiteral("g")),
                 u"webpubsub.sendToGroup.g");
        QVERIFY(Permissions::roleFor(QStringLiteral("admin"), {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
