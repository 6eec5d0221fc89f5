// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// A real link going down and coming back. hubbub-cli (the receiver, default options) runs in a
// network namespace joined to the test's by a veth pair: 10.200.0.1/30 (here, where
// hubbub-service listens) ↔ 10.200.0.2/30 (there); no other address is ever used. A sender
// publishes numbered messages at 20/s. Then the namespace's end of the link goes down:
//  - for 5 s: the receiver carries on (or recovers) and loses nothing, and reports no gap;
//  - for 70 s (beyond the 30 s recovery window and the service's 1000-message buffer): a new
//    connection, messages flowing again within 15 s of the link coming back, and a `gap` that
//    covers every lost message.
// Needs root. Where network namespaces are not permitted the test says so and FAILS.

#include "cliprocess.h"
#include "serviceprocess.h"

#include "client.h"
#include "connectionstring.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTest>
#include <QTimer>

#include <map>
#include <optional>
#include <set>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString kHostAddress = u"10.200.0.1"_s;
const QString kNsAddress = u"10.200.0.2"_s;
const QString kHub = u"netns"_s;
const QString kGroup = u"wire"_s;

//! Runs `ip ARGS`; false with the output in \a error when it fails.
bool ip(const QStringList &arguments, QString *error = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"ip"_s, arguments);
    const bool ok = process.waitForFinished(10000) && process.exitStatus() == QProcess::NormalExit &&
                    process.exitCode() == 0;
    if (!ok && error)
        *error =
            u"ip %1: %2"_s.arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAll()).trimmed());
    return ok;
}

//! A namespace and a veth pair with unique names, removed again even when the test fails.
class Namespace
{
public:
    Namespace()
    {
        const QString tag = QString::number(QCoreApplication::applicationPid() % 100000) +
                            QString::number(QRandomGenerator::global()->bounded(256), 16);
        name = u"hbns"_s + tag;
        hostEnd = u"hbh"_s + tag;
        nsEnd = u"hbn"_s + tag;
    }
    ~Namespace()
    {
        ip({u"link"_s, u"del"_s, hostEnd});
        ip({u"netns"_s, u"del"_s, name});
    }

    bool setUp(QString *error)
    {
        return ip({u"netns"_s, u"add"_s, name}, error) &&
               ip({u"link"_s, u"add"_s, hostEnd, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s, nsEnd}, error) &&
               ip({u"link"_s, u"set"_s, nsEnd, u"netns"_s, name}, error) &&
               ip({u"addr"_s, u"add"_s, kHostAddress + u"/30"_s, u"dev"_s, hostEnd}, error) &&
               ip({u"link"_s, u"set"_s, hostEnd, u"up"_s}, error) &&
               inside({u"addr"_s, u"add"_s, kNsAddress + u"/30"_s, u"dev"_s, nsEnd}, error) &&
               inside({u"link"_s, u"set"_s, u"lo"_s, u"up"_s}, error) && setLink(true, error);
    }
    //! The namespace's end of the pair, as a cable pulled out and plugged in again.
    bool setLink(bool up, QString *error = nullptr)
    {
        return inside({u"link"_s, u"set"_s, nsEnd, up ? u"up"_s : u"down"_s}, error);
    }
    bool inside(const QStringList &arguments, QString *error) const
    {
        return ip(QStringList{u"netns"_s, u"exec"_s, name, u"ip"_s} + arguments, error);
    }

    QString name, hostEnd, nsEnd;
};

struct Sent
{
    qint64 issued = 0;
    qint64 acked = 0;
};

Q_LOGGING_CATEGORY(lcNetns, "hubbub.tests.netns", QtInfoMsg)

} // namespace

class TestNetns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linkDownAndUp();
};

void TestNetns::linkDownAndUp()
{
    Namespace ns;
    QString error;
    if (!ns.setUp(&error))
        QFAIL(qPrintable(u"network namespaces are not permitted here (this test needs root): "_s + error));

    // The service, listening on the host's end of the pair only (stopped when the test ends).
    ServiceProcess service;
    ServiceProcess::Options serviceOptions;
    serviceOptions.extraArguments = {u"--listen"_s, kHostAddress};
    QVERIFY2(service.start(QStringLiteral(HUBBUB_SERVICE_PATH), serviceOptions, &error), qPrintable(error));
    const QString connectionString = service.connectionString();
    QVERIFY2(!connectionString.isEmpty(), "no ready line from hubbub-service");
    const auto parsed = WebPubSub::ConnectionString::parse(connectionString, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->endpoint().host(), kHostAddress);

    // The receiver: hubbub-cli inside the namespace, default options, minting its own token.
    CliProcess receiver;
    receiver.process.start(u"ip"_s,
                           {u"netns"_s, u"exec"_s, ns.name, CliProcess::program(), u"--connection-string"_s,
                            connectionString, u"--hub"_s, kHub, u"--user"_s, u"receiver"_s, u"--role"_s,
                            u"webpubsub.joinLeaveGroup"_s, u"--log-level"_s, u"info"_s});
    QVERIFY(receiver.process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(receiver.countEvents(u"connected"_s) == 1, 20000);
    receiver.send({{u"op"_s, u"join"_s}, {u"group"_s, kGroup}, {u"id"_s, u"join"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(receiver.hasResult(u"join"_s), 20000);
    QCOMPARE(receiver.result(u"join"_s).value(u"ok"_s), QJsonValue(true));

    // The sender: in this namespace, default options.
    WebPubSub::ClientTokenOptions token;
    token.userId = u"sender"_s;
    token.roles = {u"webpubsub.sendToGroup.wire"_s};
    WebPubSub::Client sender(WebPubSub::Credential::fromUrl(parsed->clientAccessUrl(kHub, token)));
    sender.start();
    QTRY_COMPARE_WITH_TIMEOUT(sender.state(), WebPubSub::Client::State::Connected, 20000);
    QObject guard;
    std::map<int, Sent> acked;
    int next = 0, failed = 0, outstanding = 0;
    QTimer sendTimer;
    sendTimer.setInterval(50); // 20 messages/s
    connect(&sendTimer, &QTimer::timeout, &guard, [&] {
        const int n = next++;
        const qint64 issued = QDateTime::currentMSecsSinceEpoch();
        ++outstanding;
        sender.sendToGroup(kGroup, WebPubSub::Payload::fromJson(QJsonObject{{u"n"_s, n}}))
            .then(&guard, [&, n, issued](const WebPubSub::OperationResult &result) {
                --outstanding;
                if (result.ok())
                    acked[n] = {issued, QDateTime::currentMSecsSinceEpoch()};
                else
                    ++failed;
            });
    });
    sendTimer.start();

    auto received = [&receiver] {
        receiver.readOutput();
        std::map<int, int> counts;
        for (const QJsonObject &event : std::as_const(receiver.events))
            if (event.value(u"event"_s).toString() == u"group-message"_s)
                ++counts[event.value(u"data"_s).toObject().value(u"n"_s).toInt(-1)];
        return counts;
    };
    auto allAckedBefore = [&](qint64 issuedBefore) {
        const auto got = received();
        for (const auto &[n, sent] : acked)
            if (sent.issued < issuedBefore && !got.count(n))
                return false;
        return true;
    };

    // 1. Down for 5 s: nothing lost, no gap, no new connection.
    QTest::qWait(3000);
    QVERIFY2(ns.setLink(false, &error), qPrintable(error));
    QTest::qWait(5000);
    QVERIFY2(ns.setLink(true, &error), qPrintable(error));
    const qint64 shortUp = QDateTime::currentMSecsSinceEpoch();
    QTRY_VERIFY_WITH_TIMEOUT(allAckedBefore(shortUp), 20000);
    const auto afterShort = received();
    int duplicatedShort = 0;
    for (const auto &[n, count] : afterShort)
        duplicatedShort += count - 1;
    qCInfo(lcNetns).noquote()
        << u"down 5 s: sent %1, acked %2, received %3, lost 0, duplicated %4; recovered %5 "
           u"time(s), new connections %6, gaps %7"_s.arg(next)
               .arg(acked.size())
               .arg(afterShort.size())
               .arg(duplicatedShort)
               .arg(receiver.countEvents(u"recovered"_s))
               .arg(receiver.countEvents(u"connected"_s) - 1)
               .arg(receiver.countEvents(u"gap"_s));
    QCOMPARE(duplicatedShort, 0);
    QCOMPARE(receiver.countEvents(u"gap"_s), 0);
    QCOMPARE(receiver.countEvents(u"connected"_s), 1);

    // 2. Down for 70 s: beyond the recovery window and the service's buffer.
    const qsizetype eventsBeforeLong = receiver.events.size();
    QVERIFY2(ns.setLink(false, &error), qPrintable(error));
    QTest::qWait(70000);
    QVERIFY2(ns.setLink(true, &error), qPrintable(error));
    QElapsedTimer sinceUp;
    sinceUp.start();
    const qint64 longUp = QDateTime::currentMSecsSinceEpoch();
    auto flowing = [&] {
        const auto got = received();
        for (const auto &[n, sent] : acked)
            if (sent.issued > longUp && got.count(n))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(flowing(), 20000);
    const qint64 flowingAfter = sinceUp.elapsed();
    QTest::qWait(3000);
    sendTimer.stop();
    QTRY_COMPARE_WITH_TIMEOUT(outstanding, 0, 30000);
    QTest::qWait(2000); // the last messages reach the receiver

    const auto got = received();
    QJsonObject gap;
    for (qsizetype i = eventsBeforeLong; i < receiver.events.size(); ++i)
        if (receiver.events.at(i).value(u"event"_s).toString() == u"gap"_s)
            gap = receiver.events.at(i);
    const qint64 from = gap.value(u"from"_s).toInteger(), to = gap.value(u"to"_s).toInteger();
    int lost = 0, outsideGap = 0, duplicated = 0;
    for (const auto &[n, count] : got)
        duplicated += count - 1;
    for (const auto &[n, sent] : acked) {
        if (got.count(n))
            continue;
        ++lost;
        if (!(sent.issued <= to && sent.acked >= from))
            ++outsideGap;
    }
    qCInfo(lcNetns).noquote() << u"down 70 s: sent %1, acked %2, failed %3, received %4, lost %5 (outside "
                                 u"the gap: %6), duplicated %7; "
                                 u"gap %8 ms (opening about %9 ms before the link went down, closing %10 ms "
                                 u"after it came back); flowing again %11 ms "
                                 u"after the link came back; new connections %12"_s.arg(next)
                                     .arg(acked.size())
                                     .arg(failed)
                                     .arg(got.size())
                                     .arg(lost)
                                     .arg(outsideGap)
                                     .arg(duplicated)
                                     .arg(to - from)
                                     .arg(longUp - 70000 - from)
                                     .arg(to - longUp)
                                     .arg(flowingAfter)
                                     .arg(receiver.countEvents(u"connected"_s) - 1);

    receiver.closeInput();
    QTRY_COMPARE_WITH_TIMEOUT(receiver.process.state(), QProcess::NotRunning, 20000);
    sender.stop();

    QVERIFY2(!gap.isEmpty(), "no gap reported after a 70 s outage");
    QCOMPARE(gap.value(u"groups"_s).toArray(), QJsonArray{kGroup});
    QVERIFY(receiver.countEvents(u"connected"_s) == 2);
    QVERIFY(receiver.indexOfEvent(u"gap"_s, eventsBeforeLong) <
            receiver.indexOfEvent(u"connected"_s, eventsBeforeLong));
    QVERIFY2(flowingAfter <= 15000, "messages did not flow again within 15 s of the link coming back");
    QCOMPARE(failed, 0);
    QVERIFY(lost > 0);
    QCOMPARE(outsideGap, 0);
    QCOMPARE(duplicated, 0);
}

QTEST_GUILESS_MAIN(TestNetns)
#include "tst_netns.moc"
