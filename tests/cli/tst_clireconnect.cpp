// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// hubbub-cli across connections that cannot be recovered: the disconnected/connected pair, the
// rejoin-group-failed event, and what --no-auto-reconnect and --no-auto-rejoin change.
#include "cliprocess.h"
#include "fakepubsubservice.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 20000;
}

class TestCliReconnect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rejoinFailureIsReported();
    void noAutoRejoin();
    void noAutoReconnectStops();
    void gapAndCloseCodeOnReconnect();
    void inFlightSendIsIndeterminate();
    void inFlightSendIsResentWhenAsked();

private:
    // Lets \a peer listen (acking nothing by itself), starts the CLI against it, waits for
    // `connected` and joins \a group (acked).
    static bool startAndJoin(CliProcess &cli, FakePubSubService &peer, const QStringList &extraArguments,
                             const QString &group);
};

bool TestCliReconnect::startAndJoin(CliProcess &cli, FakePubSubService &peer,
                                    const QStringList &extraArguments, const QString &group)
{
    peer.autoAck = false; // every ack is the test's
    if (!peer.listen())
        return false;
    cli.start(QStringList{u"--url"_s, peer.clientUrl().toString(), u"--reconnect-delay-ms"_s, u"100"_s,
                          u"--max-retries"_s, u"0"_s} +
              extraArguments);
    if (!cli.process.waitForStarted(30000))
        return false;
    if (!QTest::qWaitFor([&] { return cli.countEvents(u"connected"_s) == 1; }, Timeout))
        return false;
    cli.send({{u"op"_s, u"join"_s}, {u"group"_s, group}, {u"id"_s, u"join"_s}, {u"ackId"_s, 1}});
    if (!QTest::qWaitFor([&] { return !peer.firstOfType(u"joinGroup"_s).isEmpty(); }, Timeout))
        return false;
    peer.sendAck(peer.last(), 1);
    return QTest::qWaitFor([&] { return cli.hasResult(u"join"_s); }, Timeout);
}

void TestCliReconnect::rejoinFailureIsReported()
{
    FakePubSubService peer;
    CliProcess cli;
    QVERIFY(startAndJoin(cli, peer, {}, u"g1"_s));

    const qsizetype framesBefore = peer.received().size();
    peer.sendJson(
        peer.last(),
        {{u"type"_s, u"system"_s}, {u"event"_s, u"disconnected"_s}, {u"message"_s, u"Service reload"_s}});
    peer.closeConnection(peer.last(), QWebSocketProtocol::CloseCodePolicyViolated, u"not recoverable"_s);

    // The new connection rejoins g1; the peer refuses.
    QTRY_VERIFY_WITH_TIMEOUT(!peer.firstOfType(u"joinGroup"_s, framesBefore).isEmpty(), Timeout);
    const QJsonObject rejoin = peer.firstOfType(u"joinGroup"_s, framesBefore);
    QCOMPARE(rejoin.value(u"group"_s).toString(), u"g1"_s);
    peer.sendAck(peer.last(), rejoin.value(u"ackId"_s).toInteger(), u"Forbidden"_s);

    QTRY_VERIFY_WITH_TIMEOUT(cli.countEvents(u"rejoin-group-failed"_s) == 1, Timeout);
    const QJsonObject failed = cli.firstEvent(u"rejoin-group-failed"_s);
    QCOMPARE(failed.value(u"group"_s).toString(), u"g1"_s);
    QCOMPARE(failed.value(u"error"_s).toObject().value(u"name"_s).toString(), u"Forbidden"_s);
    QVERIFY(failed.value(u"error"_s).toObject().contains(u"message"_s));

    QTRY_VERIFY_WITH_TIMEOUT(cli.countEvents(u"connected"_s) == 2, Timeout);
    const qsizetype disconnectedAt = cli.indexOfEvent(u"disconnected"_s);
    QVERIFY(disconnectedAt >= 0);
    const QJsonObject disconnected = cli.events.at(disconnectedAt);
    QCOMPARE(disconnected.value(u"connectionId"_s).toString(), u"conn-1"_s);
    QCOMPARE(disconnected.value(u"message"_s).toString(), u"Service reload"_s);
    const qsizetype reconnectedAt = cli.indexOfEvent(u"connected"_s, disconnectedAt);
    QVERIFY(reconnectedAt > disconnectedAt);
    QCOMPARE(cli.events.at(reconnectedAt).value(u"connectionId"_s).toString(), u"conn-2"_s);
    QCOMPARE(cli.events.at(reconnectedAt).value(u"reconnect"_s), QJsonValue(true));
    QCOMPARE(cli.countEvents(u"recovered"_s), 0);
}

void TestCliReconnect::noAutoRejoin()
{
    FakePubSubService peer;
    CliProcess cli;
    QVERIFY(startAndJoin(cli, peer, {u"--no-auto-rejoin"_s}, u"g1"_s));

    const qsizetype framesBefore = peer.received().size();
    peer.closeConnection(peer.last(), QWebSocketProtocol::CloseCodePolicyViolated);
    QTRY_VERIFY_WITH_TIMEOUT(cli.countEvents(u"connected"_s) == 2, Timeout);
    // Give a rejoin, if one were (wrongly) coming, the chance to show up behind a state round trip.
    cli.send({{u"op"_s, u"state"_s}, {u"id"_s, u"st"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(cli.hasResult(u"st"_s), Timeout);
    QCOMPARE(peer.countOfType(u"joinGroup"_s), 1);
    QVERIFY(peer.firstOfType(u"joinGroup"_s, framesBefore).isEmpty());
    QCOMPARE(cli.countEvents(u"rejoin-group-failed"_s), 0);
}

void TestCliReconnect::noAutoReconnectStops()
{
    FakePubSubService peer;
    CliProcess cli;
    QVERIFY(startAndJoin(cli, peer, {u"--no-auto-reconnect"_s}, u"g1"_s));

    peer.closeConnection(peer.last(), QWebSocketProtocol::CloseCodePolicyViolated, u"bye"_s);
    QTRY_VERIFY_WITH_TIMEOUT(cli.countEvents(u"stopped"_s) == 1, Timeout);
    QVERIFY(cli.indexOfEvent(u"disconnected"_s) >= 0);
    QVERIFY(cli.indexOfEvent(u"disconnected"_s) < cli.indexOfEvent(u"stopped"_s));
    // The close that ended it, on both.
    QCOMPARE(cli.firstEvent(u"disconnected"_s).value(u"code"_s).toInt(), 1008);
    QCOMPARE(cli.firstEvent(u"disconnected"_s).value(u"reason"_s).toString(), u"bye"_s);
    QCOMPARE(cli.firstEvent(u"stopped"_s).value(u"code"_s).toInt(), 1008);
    QCOMPARE(cli.firstEvent(u"stopped"_s).value(u"reason"_s).toString(), u"bye"_s);
    QCOMPARE(cli.process.state(), QProcess::Running); // only the end of input ends the program

    cli.send({{u"op"_s, u"state"_s}, {u"id"_s, u"st"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(cli.hasResult(u"st"_s), Timeout);
    QCOMPARE(cli.firstEvent(u"state"_s).value(u"state"_s).toString(), u"Stopped"_s);
    QCOMPARE(peer.count(), 1);

    cli.closeInput();
    QTRY_COMPARE_WITH_TIMEOUT(cli.process.state(), QProcess::NotRunning, Timeout);
    cli.readOutput();
    QCOMPARE(cli.process.exitCode(), 0);
    QCOMPARE(cli.events.constLast().value(u"event"_s).toString(), u"stopped"_s);
}

void TestCliReconnect::gapAndCloseCodeOnReconnect()
{
    FakePubSubService peer;
    CliProcess cli;
    QVERIFY(startAndJoin(cli, peer, {}, u"g1"_s));

    const qint64 beforeLast = QDateTime::currentMSecsSinceEpoch();
    peer.sendGroupMessage(peer.last(), u"g1"_s, u"text"_s, u"last"_s, 1);
    QTRY_VERIFY_WITH_TIMEOUT(cli.countEvents(u"group-message"_s) == 1, Timeout);
    const qint64 afterLast = QDateTime::currentMSecsSinceEpoch();
    QTest::qWait(600);
    const qsizetype framesBefore = peer.received().size();
    peer.closeConnection(peer.last(), QWebSocketProtocol::CloseCodePolicyViolated, u"not recoverable"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!peer.firstOfType(u"joinGroup"_s, framesBefore).isEmpty(), Timeout);
    const qint64 beforeRejoin = QDateTime::currentMSecsSinceEpoch();
    peer.sendAck(peer.last(), peer.firstOfType(u"joinGroup"_s, framesBefore).value(u"ackId"_s).toInteger());
    QTRY_VERIFY_WITH_TIMEOUT(cli.countEvents(u"connected"_s) == 2, Timeout);
    const qint64 afterRejoin = QDateTime::currentMSecsSinceEpoch();

    const QJsonObject disconnected = cli.firstEvent(u"disconnected"_s);
    QCOMPARE(disconnected.value(u"code"_s).toInt(), 1008);
    QCOMPARE(disconnected.value(u"reason"_s).toString(), u"not recoverable"_s);
    const qsizetype gapAt = cli.indexOfEvent(u"gap"_s);
    QVERIFY(gapAt > cli.indexOfEvent(u"disconnected"_s));
    QCOMPARE(cli.indexOfEvent(u"connected"_s, gapAt), gapAt + 1); // printed just before it
    QVERIFY(cli.events.at(gapAt + 1).value(u"reconnect"_s).toBool());
    const QJsonObject gap = cli.events.at(gapAt);
    QCOMPARE(gap.value(u"groups"_s).toArray(), QJsonArray{u"g1"_s});
    const qint64 from = gap.value(u"from"_s).toInteger();
    const qint64 to = gap.value(u"to"_s).toInteger();
    QVERIFY2(from >= beforeLast && from <= afterLast,
             qPrintable(u"from %1 not in [%2, %3]"_s.arg(from).arg(beforeLast).arg(afterLast)));
    QVERIFY2(to >= beforeRejoin && to <= afterRejoin,
             qPrintable(u"to %1 not in [%2, %3]"_s.arg(to).arg(beforeRejoin).arg(afterRejoin)));
}

void TestCliReconnect::inFlightSendIsIndeterminate()
{
    FakePubSubService peer;
    CliProcess cli;
    QVERIFY(startAndJoin(cli, peer, {}, u"g1"_s));
    cli.send({{u"op"_s, u"send"_s},
              {u"group"_s, u"g1"_s},
              {u"dataType"_s, u"text"_s},
              {u"data"_s, u"pay 100 EUR"_s},
              {u"ackId"_s, 7},
              {u"id"_s, u"pay"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(!peer.firstOfType(u"sendToGroup"_s).isEmpty(), Timeout);
    const qsizetype framesBefore = peer.received().size();
    peer.closeConnection(peer.last(),
                         QWebSocketProtocol::CloseCodePolicyViolated); // lost for good, never acked
    QTRY_VERIFY_WITH_TIMEOUT(cli.hasResult(u"pay"_s), Timeout);
    const QJsonObject result = cli.result(u"pay"_s);
    QCOMPARE(result.value(u"ok"_s), QJsonValue(false));
    QCOMPARE(result.value(u"ackId"_s).toInteger(), 7);
    QCOMPARE(result.value(u"error"_s).toObject().value(u"name"_s).toString(), u"Indeterminate"_s);
    QTRY_VERIFY_WITH_TIMEOUT(cli.countEvents(u"connected"_s) == 2, Timeout);
    cli.send({{u"op"_s, u"state"_s}, {u"id"_s, u"st"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(cli.hasResult(u"st"_s), Timeout);
    QVERIFY(peer.firstOfType(u"sendToGroup"_s, framesBefore).isEmpty()); // never resent
}

void TestCliReconnect::inFlightSendIsResentWhenAsked()
{
    FakePubSubService peer;
    CliProcess cli;
    QVERIFY(startAndJoin(cli, peer, {u"--resend-in-doubt"_s}, u"g1"_s));
    cli.send({{u"op"_s, u"send"_s},
              {u"group"_s, u"g1"_s},
              {u"dataType"_s, u"text"_s},
              {u"data"_s, u"hi"_s},
              {u"ackId"_s, 7},
              {u"id"_s, u"hi"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(!peer.firstOfType(u"sendToGroup"_s).isEmpty(), Timeout);
    const qsizetype framesBefore = peer.received().size();
    peer.closeConnection(peer.last(), QWebSocketProtocol::CloseCodePolicyViolated);
    // Rejoin first, then the resend.
    QTRY_VERIFY_WITH_TIMEOUT(!peer.firstOfType(u"joinGroup"_s, framesBefore).isEmpty(), Timeout);
    peer.sendAck(peer.last(), peer.firstOfType(u"joinGroup"_s, framesBefore).value(u"ackId"_s).toInteger());
    QTRY_VERIFY_WITH_TIMEOUT(!peer.firstOfType(u"sendToGroup"_s, framesBefore).isEmpty(), Timeout);
    QCOMPARE(peer.firstOfType(u"sendToGroup"_s, framesBefore).value(u"ackId"_s).toInteger(), 7);
    QVERIFY(!cli.hasResult(u"hi"_s));
    peer.sendAck(peer.last(), 7);
    QTRY_VERIFY_WITH_TIMEOUT(cli.hasResult(u"hi"_s), Timeout);
    QCOMPARE(cli.result(u"hi"_s).value(u"ok"_s), QJsonValue(true));
}

QTEST_GUILESS_MAIN(TestCliReconnect)
#include "tst_clireconnect.moc"
