// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The OData filter subset of protocol.md §6.4: parsing, type errors and evaluation.
#include <filterparser.h>

#include <QTest>

using Hubbub::FilterContext;
using Hubbub::FilterParser;

class TestFilterParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void evaluates_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("alice");     // userId alice, connection c1, groups g1,g2
        QTest::addColumn<bool>("anonymous"); // no userId, connection c2, no groups

        QTest::newRow("eq") << "userId eq 'alice'" << true << false;
        QTest::newRow("ne") << "userId ne 'alice'" << false << true;
        QTest::newRow("eq null") << "userId eq null" << false << true;
        QTest::newRow("in groups") << "'g1' in groups" << true << false;
        QTest::newRow("or") << "'g1' in groups or 'g9' in groups" << true << false;
        QTest::newRow("and not") << "userId eq 'alice' and (not ('g3' in groups))" << true << false;
        QTest::newRow("in list") << "connectionId in ('c2', 'c3')" << false << true;
        QTest::newRow("case-insensitive keywords")
            << "UserId EQ 'alice' AND connectionId Ne 'x'" << true << false;
        QTest::newRow("precedence and over or")
            << "userId eq 'x' and 'g1' in groups or connectionId eq 'c2'" << false << true;
        QTest::newRow("parentheses") << "userId eq 'x' and ('g1' in groups or connectionId eq 'c2')" << false
                                     << false;
        QTest::newRow("escaped quote") << "userId ne 'o''neil'" << true << true;
        QTest::newRow("tolower") << "tolower(userId) eq 'alice'" << true << false;
        QTest::newRow("toupper") << "toupper(userId) eq 'ALICE'" << true << false;
        QTest::newRow("length of groups") << "length(groups) ge 2" << true << false;
        QTest::newRow("length of string") << "length(connectionId) eq 2" << true << true;
        QTest::newRow("startswith") << "startswith(connectionId, 'c')" << true << true;
        QTest::newRow("endswith") << "endswith(connectionId, '2')" << false << true;
        QTest::newRow("contains") << "contains(userId, 'lic')" << true << false;
        QTest::newRow("substring") << "substring(userId, 1, 3) eq 'lic'" << true << false;
        QTest::newRow("concat") << "concat(userId, '!') eq 'alice!'" << true << false;
        QTest::newRow("indexof") << "indexof(userId, 'i') eq 2" << true << false;
        QTest::newRow("trim") << "trim(' c1 ') eq connectionId" << true << false;
        QTest::newRow("string ordering") << "connectionId gt 'c1'" << false << true;
        QTest::newRow("numbers") << "length(userId) lt 6" << true << false;
        QTest::newRow("booleans") << "true eq true" << true << true;
        QTest::newRow("double not") << "not not (userId eq 'alice')" << true << false;
    }
    void evaluates()
    {
        QFETCH(QString, filter);
        QFETCH(bool, alice);
        QFETCH(bool, anonymous);
        QString error;
        const auto expression = FilterParser::parse(filter, &error);
        QVERIFY2(expression, qPrintable(error));
        FilterContext a;
        a.userId = QStringLiteral("alice");
        a.connectionId = QStringLiteral("c1");
        a.groups = {QStringLiteral("g1"), QStringLiteral("g2")};
        FilterContext anon;
        anon.connectionId = QStringLiteral("c2");
        QCOMPARE(expression->matches(a), alice);
        QCOMPARE(expression->matches(anon), anonymous);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("dangling operator") << "userId eq"
                                           << "end of filter";
        QTest::newRow("unterminated string") << "userId eq 'abc"
                                             << "unterminated";
        QTest::newRow("unknown identifier") << "name eq 'x'"
                                            << "unknown identifier";
        QTest::newRow("unknown function") << "upper(userId) eq 'X'"
                                          << "unknown function";
        QTest::newRow("unbalanced") << "(userId eq 'a'"
                                    << ")";
        QTest::newRow("trailing garbage") << "userId eq 'a' 'b'"
                                          << "unexpected";
        QTest::newRow("not on a string") << "not length(userId) gt 5"
                                         << "not";
        QTest::newRow("type mismatch") << "userId eq 5"
                                       << "type mismatch";
        QTest::newRow("in needs collection") << "'a' in userId"
                                             << "in";
        QTest::newRow("non-boolean filter") << "userId"
                                            << "boolean";
        QTest::newRow("and needs booleans") << "userId and 'g' in groups"
                                            << "boolean";
        QTest::newRow("bad character") << "userId eq 'a' && true"
                                       << "unexpected character";
        QTest::newRow("wrong arity") << "tolower(userId, 'x') eq 'a'"
                                     << "arguments";
        QTest::newRow("ordering on null") << "userId gt null"
                                          << "strings or numbers";
        QTest::newRow("deep nesting")
            << QString(500, u'(') + QStringLiteral("true") + QString(500, u')') << "deeply";
    }
    void rejects()
    {
        QFETCH(QString, filter);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!FilterParser::parse(filter, &error));
        QVERIFY2(error.startsWith(u"Invalid filter"), qPrintable(error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestFilterParser)
#include "tst_filterparser.moc"
