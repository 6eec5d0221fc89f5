// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The client's pure helpers: RetryPolicy, Error's name mapping, AckIdAllocator, SequenceTracker.
#include "ackidallocator.h"
#include "error.h"
#include "retrypolicy.h"
#include "sequencetracker.h"

#include <QTest>

using namespace WebPubSub;
using namespace std::chrono_literals;

class TestClientHelpers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedRetry()
    {
        const RetryPolicy policy({3, 1000ms, 30000ms, RetryOptions::Mode::Fixed, 0.0});
        QCOMPARE(policy.nextDelay(1), std::optional(1000ms));
        QCOMPARE(policy.nextDelay(3), std::optional(1000ms));
        QCOMPARE(policy.nextDelay(4), std::nullopt);
    }
    void exponentialRetryFollowsTheJsFormula()
    {
        const RetryPolicy policy({-1, 1000ms, 30000ms, RetryOptions::Mode::Exponential, 0.0});
        const QList<qint64> expected{1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(policy.nextDelay(i + 1)->count(), expected.at(i));
        QCOMPARE(policy.nextDelay(1000)->count(), 30000); // unlimited, capped
        // .NET's pinned example: 1 s / 14 s / 7 retries.
        const RetryPolicy net({7, 1000ms, 14000ms, RetryOptions::Mode::Exponential, 0.0});
        const QList<qint64> netExpected{1000, 2000, 4000, 8000, 14000, 14000, 14000};
        for (int i = 0; i < netExpected.size(); ++i)
            QCOMPARE(net.nextDelay(i + 1)->count(), netExpected.at(i));
        QCOMPARE(net.nextDelay(8), std::nullopt);
    }
    void jitterStaysInBounds()
    {
        const RetryPolicy policy({-1, 1000ms, 30000ms, RetryOptions::Mode::Exponential, 0.3});
        bool varied = false;
        qint64 first = -1;
        for (int i = 0; i < 200; ++i) {
            const qint64 d = policy.nextDelay(2)->count();
            QVERIFY2(d >= 1400 && d <= 2600, qPrintable(QString::number(d)));
            if (first < 0)
                first = d;
            else if (d != first)
                varied = true;
        }
        QVERIFY(varied);
    }
    void errorNames()
    {
        QCOMPARE(Error(QStringLiteral("Duplicate"), {}).code(), Error::Code::Duplicate);
        QCOMPARE(Error(QStringLiteral("Forbidden"), QStringLiteral("no")).code(), Error::Code::Forbidden);
        QCOMPARE(Error(QStringLiteral("InternalServerError"), {}).code(), Error::Code::InternalServerError);
        QCOMPARE(Error(QStringLiteral("BadRequest"), {}).code(), Error::Code::BadRequest);
        const Error future(QStringLiteral("SomethingNew"), QStringLiteral("msg"));
        QCOMPARE(future.code(), Error::Code::Other);
        QCOMPARE(future.name(), QStringLiteral("SomethingNew"));
        QVERIFY(future.isError());
        const Error timeout = Error::fromCode(Error::Code::Timeout, QStringLiteral("late"));
        QCOMPARE(timeout.name(), QStringLiteral("Timeout"));
        QCOMPARE(timeout.message(), QStringLiteral("late"));
        QVERIFY(!Error().isError());
    }
    void ackIdsSkipCallerChosenOnes()
    {
        AckIdAllocator ids;
        QCOMPARE(ids.next(), 1u);
        ids.reserve(2);
        ids.reserve(3);
        ids.reserve(10);
        QCOMPARE(ids.next(), 4u);
        ids.reserve(1); // already used: nothing changes
        for (quint64 expected : {5u, 6u, 7u, 8u, 9u, 11u})
            QCOMPARE(ids.next(), expected);
        ids.reserve(std::numeric_limits<quint64>::max());
        QCOMPARE(ids.next(), 12u);
    }
    void sequenceTracker()
    {
        SequenceTracker t;
        QVERIFY(!t.ackDue());
        QCOMPARE(t.receive(1), SequenceTracker::Outcome::New);
        QCOMPARE(t.receive(2), SequenceTracker::Outcome::New);
        QCOMPARE(t.receive(2), SequenceTracker::Outcome::Duplicate);
        QCOMPARE(t.receive(1), SequenceTracker::Outcome::Duplicate);
        QCOMPARE(t.newSinceAck(), 2);
        QVERIFY(t.ackDue());
        t.markAcked();
        QCOMPARE(t.lastAcked(), 2u);
        QVERIFY(!t.ackDue());
        QCOMPARE(t.receive(2), SequenceTracker::Outcome::Duplicate);
        QVERIFY(t.ackDue()); // a replay re-acks the maximum
        QCOMPARE(t.newSinceAck(), 0);
        QCOMPARE(t.receive(quint64(1) << 62), SequenceTracker::Outcome::New);
        QCOMPARE(t.largest(), quint64(1) << 62);
        t.reset();
        QCOMPARE(t.largest(), 0u);
        QCOMPARE(t.receive(1), SequenceTracker::Outcome::New);
    }
};

QTEST_GUILESS_MAIN(TestClientHelpers)
#include "tst_clienthelpers.moc"
