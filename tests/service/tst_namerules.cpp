// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Hub and group naming rules (protocol.md §1.1).
#include <namerules.h>

#include <QTest>

using Hubbub::NameRules;

class TestNameRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hubs_data()
    {
        QTest::addColumn<QString>("hub");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << "chat" << true;
        QTest::newRow("mixed") << "Chat_1.a,b`[x]" << true;
        QTest::newRow("leading digit") << "1chat" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("dash") << "my-hub" << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("128 chars") << QString(128, u'a') << true;
        QTest::newRow("129 chars") << QString(129, u'a') << false;
    }
    void hubs()
    {
        QFETCH(QString, hub);
        QFETCH(bool, valid);
        QCOMPARE(NameRules::isValidHub(hub), valid);
    }

    void hubKeysAreCaseInsensitive()
    {
        QCOMPARE(NameRules::hubKey(QStringLiteral("Chat")), NameRules::hubKey(QStringLiteral("cHAT")));
    }

    void groups_data()
    {
        QTest::addColumn<QString>("group");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << "room" << true;
        QTest::newRow("spaces inside") << " a b " << true;
        QTest::newRow("unicode") << QStringLiteral("café ☕") << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("whitespace only") << " \t " << false;
        QTest::newRow("1024") << QString(1024, u'g') << true;
        QTest::newRow("1025") << QString(1025, u'g') << false;
    }
    void groups()
    {
        QFETCH(QString, group);
        QFETCH(bool, valid);
        QCOMPARE(NameRules::isValidGroup(group), valid);
    }
};

QTEST_GUILESS_MAIN(TestNameRules)
#include "tst_namerules.moc"
