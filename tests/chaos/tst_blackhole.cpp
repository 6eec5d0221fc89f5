// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// A receiver's link goes silent (a blackhole: no close, no data, as with a suspended laptop or a
// dead access point) for 15 s while a sender publishes 50 messages/s to its group through the
// real hubbub-service. With DEFAULT client options the receiver must notice, recover the same
// connection before the service's buffer (1000 messages) overflows, and lose nothing.

#include "chaosclients.h"
#include "faultproxy.h"
#include "serviceprocess.h"

#include "client.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTest>
#include <QTimer>

#include <set>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcBlackhole, "hubbub.tests.blackhole", QtInfoMsg)

namespace {
const QString kGroup = u"watch"_s;
constexpr auto kSendInterval = 20ms; // 50 messages/s
constexpr auto kBlackhole = 15000ms;
} // namespace

class TestBlackhole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void receiverRecoversFromBlackholeWithDefaults();
};

void TestBlackhole::receiverRecoversFromBlackholeWithDefaults()
{
    ServiceProcess service;
    QString error;
    QVERIFY2(service.start(QStringLiteral(HUBBUB_SERVICE_PATH), &error), qPrintable(error));
    FaultProxy proxy(service.port());
    QVERIFY(proxy.listen());

    const WebPubSub::ClientOptions defaults; // the point of the test: nothing tuned
    WebPubSub::Client receiver(
        WebPubSub::Credential::fromUrl(
            service.clientUrl(Chaos::kHub, u"receiver"_s, {u"webpubsub.joinLeaveGroup"_s}, proxy.port())),
        defaults);
    WebPubSub::Client sender(WebPubSub::Credential::fromUrl(service.clientUrl(
                                 Chaos::kHub, u"sender"_s, {u"webpubsub.sendToGroup.watch"_s})),
                             defaults);

    QElapsedTimer clock;
    clock.start();
    std::vector<int> arrivals;
    std::vector<qint64> arrivalTimes;
    qint64 blackholeAt = -1, noticedAt = -1, recoveredAt = -1;
    int recoveries = 0, newConnections = 0, gaps = 0, disconnects = 0;
    QObject guard;
    connect(&receiver, &WebPubSub::Client::groupMessageReceived, &guard,
            [&](const WebPubSub::GroupMessage &m) {
                arrivals.push_back(m.payload.json().toObject().value(u"n"_s).toInt(-1));
                arrivalTimes.push_back(clock.elapsed());
            });
    connect(&receiver, &WebPubSub::Client::stateChanged, &guard, [&](WebPubSub::Client::State state) {
        if (blackholeAt >= 0 && noticedAt < 0 && state != WebPubSub::Client::State::Connected)
            noticedAt = clock.elapsed();
    });
    connect(&receiver, &WebPubSub::Client::recovered, &guard, [&] {
        ++recoveries;
        recoveredAt = clock.elapsed();
    });
    connect(&receiver, &WebPubSub::Client::connected, &guard, [&] { ++newConnections; });
    connect(&receiver, &WebPubSub::Client::gapDetected, &guard, [&] { ++gaps; });
    connect(&receiver, &WebPubSub::Client::disconnected, &guard, [&] { ++disconnects; });

    receiver.start();
    sender.start();
    QTRY_VERIFY_WITH_TIMEOUT(receiver.state() == WebPubSub::Client::State::Connected &&
                                 sender.state() == WebPubSub::Client::State::Connected,
                             20000);
    auto join = receiver.joinGroup(kGroup);
    QTRY_VERIFY_WITH_TIMEOUT(join.isFinished(), 20000);
    QVERIFY(join.result().ok());

    int next = 0, outstanding = 0, failed = 0;
    std::set<int> delivered;
    QTimer sendTimer;
    sendTimer.setInterval(kSendInterval);
    connect(&sendTimer, &QTimer::timeout, &guard, [&] {
        const int n = next++;
        ++outstanding;
        sender.sendToGroup(kGroup, WebPubSub::Payload::fromJson(QJsonObject{{u"n"_s, n}}))
            .then(&guard, [&, n](const WebPubSub::OperationResult &result) {
                --outstanding;
                if (result.ok())
                    delivered.insert(n);
                else
                    ++failed;
            });
    });
    sendTimer.start();

    QTest::qWait(2000);
    blackholeAt = clock.elapsed();
    proxy.blackhole(kBlackhole);
    QTest::qWait(int(kBlackhole.count()) + 8000);
    sendTimer.stop();
    QTRY_VERIFY_WITH_TIMEOUT(outstanding == 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(std::set<int>(arrivals.begin(), arrivals.end()).size() >= delivered.size(),
                             30000);
    QTest::qWait(500); // late duplicates would show now

    std::set<int> seen;
    int duplicated = 0;
    for (int n : arrivals)
        duplicated += seen.insert(n).second ? 0 : 1;
    int lost = 0;
    for (int n : delivered)
        lost += seen.count(n) ? 0 : 1;
    qint64 stall = 0;
    for (size_t i = 1; i < arrivalTimes.size(); ++i)
        stall = std::max(stall, arrivalTimes[i] - arrivalTimes[i - 1]);
    qCInfo(lcBlackhole).noquote()
        << u"blackhole %1 ms at 50 msg/s, default options: sent %2, acked %3, failed %4, received %5, lost "
           u"%6, "
           u"duplicated %7; noticed after %8 ms, recovered after %9 ms (recoveries %10, new connections %11, "
           u"gaps %12); longest stall %13 ms"_s.arg(kBlackhole.count())
               .arg(next)
               .arg(delivered.size())
               .arg(failed)
               .arg(arrivals.size())
               .arg(lost)
               .arg(duplicated)
               .arg(noticedAt < 0 ? -1 : noticedAt - blackholeAt)
               .arg(recoveredAt < 0 ? -1 : recoveredAt - blackholeAt)
               .arg(recoveries)
               .arg(newConnections)
               .arg(gaps)
               .arg(stall);

    const int disconnectsBeforeStop = disconnects; // stop() reports the connection it closes
    receiver.stop();
    sender.stop();
    QTRY_VERIFY_WITH_TIMEOUT(receiver.state() == WebPubSub::Client::State::Stopped, 10000);

    QVERIFY2(noticedAt >= 0, "the receiver never noticed the dead link");
    QVERIFY2(noticedAt - blackholeAt <= 11000, "the dead link took longer than the default bound to notice");
    QCOMPARE(failed, 0);
    QCOMPARE(int(delivered.size()), next);
    QCOMPARE(lost, 0);
    QCOMPARE(duplicated, 0);
    QVERIFY(recoveries >= 1);
    QCOMPARE(newConnections, 1); // only the first: the connection was recovered, not replaced
    QCOMPARE(disconnectsBeforeStop, 0);
    QCOMPARE(gaps, 0);
}

QTEST_GUILESS_MAIN(TestBlackhole)
#include "tst_blackhole.moc"
