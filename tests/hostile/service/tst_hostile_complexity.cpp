// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 5: bounded cost for what a caller controls.
//  - The OData filter parser bounded parentheses and `not` but not nested function calls: 20 000
//    nested `tolower(` overflowed the stack (SIGSEGV). Every recursive construct is bounded now:
//    a clear parse error, a 400 from the REST API.
//  - Wildcard roles were matched by backtracking, O(n^5) for `*a*a*a*a*b` (a 200-character group
//    blocked the service for 14 s). The matcher simulates the pattern in one pass now. The tests
//    assert results; the times are printed as figures, not asserted.
#include "servicetestsupport.h"

#include <filterparser.h>
#include <permissions.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace TestSupport;
using Hubbub::FilterParser;
using Hubbub::Permissions;

namespace {
const QString Hub = QStringLiteral("chat");

QString repeated(const QString &part, int times)
{
    QString out;
    out.reserve(part.size() * times);
    for (int i = 0; i < times; ++i)
        out += part;
    return out;
}
} // namespace

class TestHostileComplexity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deepFiltersAreParseErrors_data()
    {
        QTest::addColumn<QString>("filter");
        const int n = 20000;
        QTest::newRow("20000 nested tolower(") << repeated(QStringLiteral("tolower("), n) +
                                                      QStringLiteral("userId") + QString(n, u')') +
                                                      QStringLiteral(" eq 'a'");
        QTest::newRow("20000 nested tolower( unclosed") << repeated(QStringLiteral("tolower("), n);
        QTest::newRow("20000 nested concat(") << repeated(QStringLiteral("concat('x',"), n) +
                                                     QStringLiteral("userId") + QString(n, u')') +
                                                     QStringLiteral(" eq 'a'");
        QTest::newRow("20000 nested parentheses")
            << QString(n, u'(') + QStringLiteral("userId eq 'a'") + QString(n, u')');
        QTest::newRow("20000 not") << repeated(QStringLiteral("not "), n) + QStringLiteral("true");
        QTest::newRow("mixed not ( tolower(")
            << repeated(QStringLiteral("not (tolower("), n / 2) + QStringLiteral("userId");
        QTest::newRow("nested lists") << repeated(QStringLiteral("userId in ("), n);
    }
    void deepFiltersAreParseErrors()
    {
        QFETCH(QString, filter);
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto parsed = FilterParser::parse(filter, &error);
        qInfo("parse of %lld characters refused in %lld ms: %s", qlonglong(filter.size()),
              qlonglong(timer.elapsed()), qPrintable(error.left(100)));
        QVERIFY(!parsed);
        QVERIFY2(error.contains(QStringLiteral("deeply")) || error.contains(QStringLiteral("missing")),
                 qPrintable(error));
    }

    void reasonableNestingStillParses()
    {
        // The bound is far above what a real filter uses.
        const int n = 30;
        const QString filter = repeated(QStringLiteral("tolower("), n) + QStringLiteral("userId") +
                               QString(n, u')') + QStringLiteral(" eq 'alice'");
        QString error;
        const auto parsed = FilterParser::parse(filter, &error);
        QVERIFY2(parsed, qPrintable(error));
        Hubbub::FilterContext alice;
        alice.userId = QStringLiteral("Alice");
        QVERIFY(parsed->matches(alice));
        QVERIFY(FilterParser::parse(QString(30, u'(') + QStringLiteral("true") + QString(30, u')')));
        QVERIFY(FilterParser::parse(repeated(QStringLiteral("not "), 30) + QStringLiteral("true")));
    }

    void restRefusesDeepFilterWith400()
    {
        Hubbub::Service service(defaultOptions());
        QVERIFY(service.start());
        TestClient client;
        QVERIFY(client.connectTo(clientUrl(service, Hub, clientToken(service, Hub, QStringLiteral("alice"))),
                                 Json));
        RestClient rest(service);
        const int n = 20000;
        const QString deep = repeated(QStringLiteral("tolower("), n) + QStringLiteral("userId") +
                             QString(n, u')') + QStringLiteral(" eq 'alice'");
        QElapsedTimer timer;
        timer.start();
        // In a body (no URL length limit in the way) ...
        const auto viaBody =
            rest.call("POST", QStringLiteral("/api/hubs/chat/:addToGroups?api-version=2024-01-01"),
                      QJsonDocument(QJsonObject{{QStringLiteral("groups"), QJsonArray{QStringLiteral("g")}},
                                                {QStringLiteral("filter"), deep}})
                          .toJson(QJsonDocument::Compact),
                      "application/json");
        qInfo("REST :addToGroups with 20000 nested tolower( answered %d in %lld ms", viaBody.status,
              qlonglong(timer.elapsed()));
        QCOMPARE(viaBody.status, 400);
        QVERIFY2(viaBody.json().value(u"message").toString().contains(u"deeply"), viaBody.body.constData());
        // ... and in the query string of :send.
        const int m = 1000;
        const QString deepQuery = repeated(QStringLiteral("tolower("), m) + QStringLiteral("userId") +
                                  QString(m, u')') + QStringLiteral(" eq 'alice'");
        const auto viaQuery =
            rest.call("POST",
                      QStringLiteral("/api/hubs/chat/:send?api-version=2024-01-01&filter=") +
                          QString::fromLatin1(QUrl::toPercentEncoding(deepQuery)),
                      "hello", "text/plain");
        QCOMPARE(viaQuery.status, 400);
        // The service is alive and still serves.
        QCOMPARE(service.connectionCount(), 1);
        const auto sent = rest.call("POST", QStringLiteral("/api/hubs/chat/:send?api-version=2024-01-01"),
                                    "still here", "text/plain");
        QCOMPARE(sent.status, 202);
        QVERIFY(client.waitMessage());
    }

    void wildcardIsLinear_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        for (const int length : {200, 1024}) {
            const QString as(length, u'a');
            const QString tag = QString::number(length);
            QTest::newRow(qPrintable(QStringLiteral("*a*a*a*a*b vs a^") + tag))
                << QStringLiteral("*a*a*a*a*b") << as << false;
            QTest::newRow(qPrintable(QStringLiteral("*a*a*a*a*b vs a^") + tag + QStringLiteral("b")))
                << QStringLiteral("*a*a*a*a*b") << QString(as + u'b') << true;
            QTest::newRow(qPrintable(QStringLiteral("**a**a*b vs a^") + tag))
                << QStringLiteral("**a**a*b") << as << false;
            QTest::newRow(qPrintable(QStringLiteral("*?*?*?*?*b vs a^") + tag))
                << QStringLiteral("*?*?*?*?*b") << as << false;
            QTest::newRow(qPrintable(QStringLiteral("**a**a*? vs a^") + tag))
                << QStringLiteral("**a**a*?") << as << true;
            QTest::newRow(qPrintable(QStringLiteral("*a*a*a*a*b vs dotted a^") + tag))
                << QStringLiteral("*a*a*a*a*b") << QString(as + QStringLiteral(".b")) << false;
            QTest::newRow(qPrintable(QStringLiteral("**a*a*a*b vs dotted a^") + tag))
                << QStringLiteral("**a*a*a*b") << QString(as + QStringLiteral(".aaab")) << true;
        }
    }
    void wildcardIsLinear()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, name);
        QFETCH(bool, matches);
        QElapsedTimer timer;
        timer.start();
        const bool result = Permissions::wildcardMatch(pattern, name);
        qInfo("%s against %lld characters: %s in %lld us", qPrintable(pattern), qlonglong(name.size()),
              result ? "match" : "no match", qlonglong(timer.nsecsElapsed() / 1000));
        QCOMPARE(result, matches);
    }

    void joinWithHostileRoleStaysResponsive()
    {
        // Through the service: a role `webpubsub.joinLeaveGroups.*a*a*a*a*b` and a 1024-character
        // group; the join is refused and the next frame is answered.
        Hubbub::Service service(defaultOptions());
        QVERIFY(service.start());
        TestClient client;
        QVERIFY(
            client.connectTo(clientUrl(service, Hub,
                                       clientToken(service, Hub, QStringLiteral("alice"),
                                                   {QStringLiteral("webpubsub.joinLeaveGroups.*a*a*a*a*b")})),
                             Json));
        QElapsedTimer timer;
        timer.start();
        client.sendJson(QJsonObject{{QStringLiteral("type"), QStringLiteral("joinGroup")},
                                    {QStringLiteral("group"), QString(1024, u'a')},
                                    {QStringLiteral("ackId"), 1}});
        client.sendJson(QJsonObject{{QStringLiteral("type"), QStringLiteral("joinGroup")},
                                    {QStringLiteral("group"), QString(1023, u'a') + u'b'},
                                    {QStringLiteral("ackId"), 2}});
        const auto refused = client.waitAck(1, 30000);
        const auto granted = client.waitAck(2, 30000);
        qInfo("two joins against *a*a*a*a*b with 1024-character groups answered in %lld ms",
              qlonglong(timer.elapsed()));
        QVERIFY(refused);
        QCOMPARE(refused->value(u"error").toObject().value(u"name").toString(), QStringLiteral("Forbidden"));
        QVERIFY(granted);
        QCOMPARE(granted->value(u"success").toBool(), true);
    }
};

QTEST_MAIN(TestHostileComplexity)
#include "tst_hostile_complexity.moc"
