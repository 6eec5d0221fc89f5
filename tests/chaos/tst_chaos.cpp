// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// The reliability promise end to end: WebPubSub::Client instances talk to the real hubbub-service
// executable through a FaultProxy that resets links, blackholes them and refuses reconnects on a
// schedule, while two senders publish numbered messages to a group watched by three receivers.
// Every send must succeed and every receiver must see every message exactly once, in order per
// sender — the outbox, retries with stable ackIds, sequence ids and recovery together.

#include "chaosclients.h"
#include "faultproxy.h"
#include "serviceprocess.h"

#include "client.h"
#include "connectionstring.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

using Chaos::kHub;
const QString kGroup = u"storm"_s;
constexpr int kSenders = 2;
constexpr int kReceivers = 3;
constexpr auto kSendInterval = 50ms;

int chaosSeconds()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("HUBBUB_CHAOS_SECONDS", &ok);
    // At least one fault (the first comes at 3 s, none in the last 2 s) must fit in the storm.
    return ok ? std::max(seconds, 6) : 60;
}

WebPubSub::ClientOptions chaosOptions()
{
    WebPubSub::ClientOptions options = Chaos::quickToNoticeOptions();
    options.protocol = WebPubSub::ClientOptions::Protocol::JsonReliable;
    // A send caught by a fault is retried with the same ackId until the link is back.
    options.messageRetry = {20, 500ms, 2s, WebPubSub::RetryOptions::Mode::Fixed, 0.0};
    options.outboxTimeout = 60s;
    return options;
}

struct Receiver
{
    std::unique_ptr<WebPubSub::Client> client;
    std::map<int, std::vector<int>> received; // sender → message numbers in arrival order
    int disconnects = 0;
    int recoveries = 0;
    int newConnections = 0;
};

struct Sender
{
    std::unique_ptr<WebPubSub::Client> client;
    int next = 0; // the next message number
    int ok = 0;
    int failed = 0;
    int duplicatedAcks = 0;
    std::set<int> delivered; // numbers whose send succeeded
    std::map<QString, int> errors;
    int disconnects = 0;
    int recoveries = 0;
};

} // namespace

Q_LOGGING_CATEGORY(lcChaos, "hubbub.tests.chaos", QtInfoMsg)

class TestChaos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyMessageExactlyOnceThroughFaults();

private:
    ServiceProcess m_service;
};

void TestChaos::initTestCase()
{
    QString error;
    QVERIFY2(m_service.start(QStringLiteral(HUBBUB_SERVICE_PATH), &error), qPrintable(error));
    QVERIFY(m_service.port() != 0);
}

void TestChaos::cleanupTestCase()
{
    m_service.stop();
}

void TestChaos::everyMessageExactlyOnceThroughFaults()
{
    FaultProxy proxy(m_service.port());
    QVERIFY(proxy.listen());

    // Tokens are minted for the service's own endpoint, then pointed at the proxy: the service
    // accepts the audience of its own endpoint whatever host the client addressed.
    auto makeClient = [&](const QString &userId, const QStringList &roles) {
        return std::make_unique<WebPubSub::Client>(
            WebPubSub::Credential::fromUrl(m_service.clientUrl(kHub, userId, roles, proxy.port())),
            chaosOptions());
    };

    std::vector<Receiver> receivers(kReceivers);
    std::vector<Sender> senders(kSenders);
    int joined = 0;
    int outstanding = 0;
    // The context of every connection and continuation below. Declared after the state they
    // touch, so it dies first: a QTRY that returns early cannot leave a queued continuation
    // pointing at destroyed locals.
    QObject guard;
    for (int r = 0; r < kReceivers; ++r) {
        Receiver &receiver = receivers[r];
        receiver.client = makeClient(u"receiver-%1"_s.arg(r), {u"webpubsub.joinLeaveGroup"_s});
        connect(receiver.client.get(), &WebPubSub::Client::groupMessageReceived, &guard,
                [&receiver](const WebPubSub::GroupMessage &message) {
                    const QJsonObject data = message.payload.json().toObject();
                    receiver.received[data.value(u"s"_s).toInt(-1)].push_back(data.value(u"n"_s).toInt(-1));
                });
        connect(receiver.client.get(), &WebPubSub::Client::disconnected, &guard,
                [&receiver] { ++receiver.disconnects; });
        Chaos::countReconnects(receiver, &guard);
        receiver.client->start();
    }
    for (int s = 0; s < kSenders; ++s) {
        Sender &sender = senders[s];
        sender.client = makeClient(u"sender-%1"_s.arg(s), {u"webpubsub.sendToGroup.storm"_s});
        connect(sender.client.get(), &WebPubSub::Client::disconnected, &guard,
                [&sender] { ++sender.disconnects; });
        connect(sender.client.get(), &WebPubSub::Client::recovered, &guard,
                [&sender] { ++sender.recoveries; });
        sender.client->start();
    }

    QTRY_VERIFY_WITH_TIMEOUT(Chaos::allConnected(receivers, senders), 20000);

    for (Receiver &receiver : receivers) {
        receiver.client->joinGroup(kGroup).then(&guard, [&joined](const WebPubSub::OperationResult &result) {
            if (result.ok())
                ++joined;
            else
                qCWarning(lcChaos) << "joinGroup failed:" << result.error.name() << result.error.message();
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(joined, kReceivers, 20000);

    // Senders publish numbered messages until the storm is over.
    const int seconds = chaosSeconds();
    std::vector<std::unique_ptr<QTimer>> sendTimers;
    for (int s = 0; s < kSenders; ++s) {
        auto timer = std::make_unique<QTimer>();
        timer->setInterval(kSendInterval);
        connect(timer.get(), &QTimer::timeout, &guard, [&, s] {
            Sender &sender = senders[s];
            const int n = sender.next++;
            ++outstanding;
            sender.client
                ->sendToGroup(kGroup, WebPubSub::Payload::fromJson(QJsonObject{{u"s"_s, s}, {u"n"_s, n}}))
                .then(&guard, [&sender, &outstanding, n](const WebPubSub::OperationResult &result) {
                    --outstanding;
                    if (result.ok()) {
                        ++sender.ok;
                        sender.delivered.insert(n);
                        if (result.isDuplicated)
                            ++sender.duplicatedAcks;
                    } else {
                        ++sender.failed;
                        ++sender.errors[result.error.name()];
                    }
                });
        });
        timer->start();
        sendTimers.push_back(std::move(timer));
    }

    // The fault schedule, repeated every 21 s: a reset, a 4 s blackhole, then a reset with new
    // connections refused for 3 s (recovery attempts bounce until it lifts).
    std::vector<std::pair<qint64, std::function<void()>>> schedule;
    for (qint64 cycle = 0; cycle < seconds * 1000; cycle += 21000) {
        schedule.emplace_back(cycle + 3000, [&] { proxy.resetAll(); });
        schedule.emplace_back(cycle + 7000, [&] { proxy.blackhole(4000ms); });
        schedule.emplace_back(cycle + 14000, [&] {
            proxy.refuseNew(3000ms);
            proxy.resetAll();
        });
    }
    for (const auto &[at, action] : schedule) {
        // Leave the last 2 s fault-free so the last sends are not all caught in the final fault.
        if (at < seconds * 1000 - 2000)
            QTimer::singleShot(std::chrono::milliseconds(at), &guard, action);
    }

    QTest::qWait(seconds * 1000);
    for (auto &timer : sendTimers)
        timer->stop();
    qCInfo(lcChaos) << "storm over after" << seconds << "s; draining";

    // Drain: every send resolves and every acknowledged message reaches every receiver.
    auto drained = [&] {
        if (outstanding > 0)
            return false;
        for (const Receiver &receiver : receivers) {
            for (int s = 0; s < kSenders; ++s) {
                const auto it = receiver.received.find(s);
                const std::set<int> got = it == receiver.received.end()
                                              ? std::set<int>{}
                                              : std::set<int>(it->second.begin(), it->second.end());
                for (int n : senders[s].delivered)
                    if (!got.count(n))
                        return false;
            }
        }
        return true;
    };
    QElapsedTimer drainClock;
    drainClock.start();
    while (!drained() && drainClock.elapsed() < 60000)
        QTest::qWait(100);
    QTest::qWait(500); // late duplicates would arrive now

    int sent = 0, sendOk = 0, sendFailed = 0, lost = 0, duplicated = 0, outOfOrder = 0, lostLinks = 0;
    for (const Sender &sender : senders) {
        sent += sender.next;
        sendOk += sender.ok;
        sendFailed += sender.failed;
        QString errors;
        for (const auto &[name, count] : sender.errors)
            errors += u" %1×%2"_s.arg(name).arg(count);
        qCInfo(lcChaos).noquote()
            << u"sender: sent %1, ok %2 (%3 acked as Duplicate), failed %4%5; recoveries %6, connections lost %7"_s
                   .arg(sender.next)
                   .arg(sender.ok)
                   .arg(sender.duplicatedAcks)
                   .arg(sender.failed)
                   .arg(errors)
                   .arg(sender.recoveries)
                   .arg(sender.disconnects);
        lostLinks += sender.disconnects;
    }
    for (int r = 0; r < kReceivers; ++r) {
        const Receiver &receiver = receivers[r];
        int rLost = 0, rDup = 0, rOoo = 0, rTotal = 0;
        for (int s = 0; s < kSenders; ++s) {
            const auto it = receiver.received.find(s);
            const std::vector<int> arrivals = it == receiver.received.end() ? std::vector<int>{} : it->second;
            std::set<int> seen;
            int highest = -1;
            for (int n : arrivals) {
                ++rTotal;
                if (!seen.insert(n).second) {
                    ++rDup;
                    continue;
                }
                if (n < highest)
                    ++rOoo;
                highest = std::max(highest, n);
            }
            for (int n : senders[s].delivered)
                if (!seen.count(n))
                    ++rLost;
        }
        // Anything from an unknown sender is corruption: count it as out of order.
        for (const auto &[s, arrivals] : receiver.received)
            if (s < 0 || s >= kSenders)
                rOoo += static_cast<int>(arrivals.size());
        qCInfo(lcChaos).noquote()
            << u"receiver-%1: received %2, lost %3, duplicated %4, out of order %5; recoveries %6, connections lost %7"_s
                   .arg(r)
                   .arg(rTotal)
                   .arg(rLost)
                   .arg(rDup)
                   .arg(rOoo)
                   .arg(receiver.recoveries)
                   .arg(receiver.disconnects);
        lost += rLost;
        duplicated += rDup;
        outOfOrder += rOoo;
        lostLinks += receiver.disconnects;
    }
    const FaultProxy::Counts counts = proxy.counts();
    qCInfo(lcChaos).noquote()
        << u"summary: sent %1 (ok %2, failed %3), resets %4 (%5 links), blackholes %6, refusals %7 (%8 connections refused), lost %9, duplicated %10, out of order %11, connections lost for good %12"_s
               .arg(sent)
               .arg(sendOk)
               .arg(sendFailed)
               .arg(counts.resets)
               .arg(counts.linksReset)
               .arg(counts.blackholes)
               .arg(counts.refusals)
               .arg(counts.refused)
               .arg(lost)
               .arg(duplicated)
               .arg(outOfOrder)
               .arg(lostLinks);

    // Stop cleanly: every pending operation resolves (Stopped) while the state is still alive.
    Chaos::stopAll(receivers, senders);
    const int outstandingAtEnd = outstanding;
    QElapsedTimer stopClock;
    stopClock.start();
    while (outstanding > 0 && stopClock.elapsed() < 15000)
        QTest::qWait(50);

    QVERIFY2(sent > 0 && counts.resets > 0 && counts.linksReset > 0,
             "the schedule injected faults into live links");
    QCOMPARE(outstandingAtEnd, 0);
    QCOMPARE(sendFailed, 0);
    QCOMPARE(sendOk, sent);
    QCOMPARE(lost, 0);
    QCOMPARE(duplicated, 0);
    QCOMPARE(outOfOrder, 0);
    // The outages are far shorter than the service's 30 s window: every drop must be recovered.
    QCOMPARE(lostLinks, 0);
}

QTEST_GUILESS_MAIN(TestChaos)
#include "tst_chaos.moc"
