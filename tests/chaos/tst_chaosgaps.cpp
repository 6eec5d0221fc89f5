// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// The second chaos run: senders publish at full speed (a window of sends in flight, no rate
// limit) while the receivers' links are reset, blackholed and refused. The service's recovery
// buffer (1000 messages) overflows, so receivers lose connections for good and losses are
// unavoidable. What must hold: every lost message falls inside a gap the receiver reported (no
// silent loss), and nothing is duplicated or reordered.

#include "chaosclients.h"
#include "faultproxy.h"
#include "serviceprocess.h"

#include "client.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcGaps, "hubbub.tests.chaosgaps", QtInfoMsg)

namespace {

using Chaos::kHub;
const QString kGroup = u"flood"_s;
constexpr int kSenders = 2;
constexpr int kReceivers = 3;
constexpr int kWindow = 100; // sends in flight per sender
constexpr int kSeconds = 30;

struct Arrival
{
    int sender = -1; //!< -1: a gap marker
    int n = -1;
    qint64 at = QDateTime::currentMSecsSinceEpoch();
};

//! Consecutive lost numbers of one sender that share their neighbours in the timeline, for the report.
struct LossRanges
{
    struct Range
    {
        int sender, first, last, from, to;
    };
    std::vector<Range> ranges;
    void add(int sender, int n, int from, int to)
    {
        if (!ranges.empty()) {
            Range &r = ranges.back();
            if (r.sender == sender && r.last + 1 == n && r.from == from && r.to == to) {
                r.last = n;
                return;
            }
        }
        ranges.push_back({sender, n, n, from, to});
    }
};

QString gapPositionsText(const std::vector<int> &positions)
{
    QStringList parts;
    for (int p : positions)
        parts << QString::number(p);
    return parts.join(u", "_s);
}

struct Receiver
{
    std::unique_ptr<WebPubSub::Client> client;
    std::vector<Arrival> timeline; // messages and gap markers in the order the client reported them
    std::vector<std::pair<qint64, qint64>> gaps; // from, to (ms since the epoch)
    int recoveries = 0;
    int newConnections = 0;
    int beforeSettled = 0; //!< messages that came while the client was still rejoining
};

struct Sender
{
    std::unique_ptr<WebPubSub::Client> client;
    int next = 0;
    int inFlight = 0;
    int failed = 0;
    std::map<int, std::pair<qint64, qint64>> acked; // n → (issued, acked), ms since the epoch
    std::map<QString, int> errors;
};

} // namespace

class TestChaosGaps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLossIsInsideAReportedGap();
};

void TestChaosGaps::everyLossIsInsideAReportedGap()
{
    ServiceProcess service;
    QString error;
    QVERIFY2(service.start(QStringLiteral(HUBBUB_SERVICE_PATH), &error), qPrintable(error));
    FaultProxy proxy(service.port());
    QVERIFY(proxy.listen());

    std::vector<Receiver> receivers(kReceivers);
    std::vector<Sender> senders(kSenders);
    bool sending = false;
    QObject guard; // dies first: no continuation outlives the state above
    for (int r = 0; r < kReceivers; ++r) {
        Receiver &receiver = receivers[r];
        receiver.client = std::make_unique<WebPubSub::Client>(
            WebPubSub::Credential::fromUrl(service.clientUrl(kHub, u"receiver-%1"_s.arg(r),
                                                             {u"webpubsub.joinLeaveGroup"_s}, proxy.port())),
            Chaos::quickToNoticeOptions());
        connect(receiver.client.get(), &WebPubSub::Client::groupMessageReceived, &guard,
                [&receiver](const WebPubSub::GroupMessage &message) {
                    if (receiver.client->state() != WebPubSub::Client::State::Connected)
                        ++receiver.beforeSettled;
                    const QJsonObject data = message.payload.json().toObject();
                    receiver.timeline.push_back({data.value(u"s"_s).toInt(-2), data.value(u"n"_s).toInt(-1)});
                });
        connect(receiver.client.get(), &WebPubSub::Client::gapDetected, &guard,
                [&receiver](const QStringList &, const QDateTime &from, const QDateTime &to) {
                    receiver.timeline.push_back({-1, -1});
                    receiver.gaps.emplace_back(from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
                });
        Chaos::countReconnects(receiver, &guard);
        receiver.client->start();
    }
    // Senders talk to the service directly: the faults are on the receivers' side.
    for (int s = 0; s < kSenders; ++s) {
        senders[s].client = std::make_unique<WebPubSub::Client>(
            WebPubSub::Credential::fromUrl(
                service.clientUrl(kHub, u"sender-%1"_s.arg(s), {u"webpubsub.sendToGroup.flood"_s})),
            WebPubSub::ClientOptions{});
        senders[s].client->start();
    }
    QTRY_VERIFY_WITH_TIMEOUT(Chaos::allConnected(receivers, senders), 20000);
    int joined = 0;
    for (Receiver &receiver : receivers)
        receiver.client->joinGroup(kGroup).then(
            &guard, [&joined](const WebPubSub::OperationResult &result) { joined += result.ok() ? 1 : 0; });
    QTRY_COMPARE_WITH_TIMEOUT(joined, kReceivers, 20000);

    // Full speed: each completion issues the next send, keeping kWindow in flight.
    std::function<void(int)> sendOne = [&](int s) {
        Sender &sender = senders[s];
        const int n = sender.next++;
        ++sender.inFlight;
        const qint64 issued = QDateTime::currentMSecsSinceEpoch();
        sender.client
            ->sendToGroup(kGroup, WebPubSub::Payload::fromJson(QJsonObject{{u"s"_s, s}, {u"n"_s, n}}),
                          {true, false, {}})
            .then(&guard, [&, s, n, issued](const WebPubSub::OperationResult &result) {
                Sender &sender = senders[s];
                --sender.inFlight;
                if (result.ok()) {
                    sender.acked[n] = {issued, QDateTime::currentMSecsSinceEpoch()};
                } else {
                    ++sender.failed;
                    ++sender.errors[result.error.name()];
                }
                if (sending)
                    sendOne(s);
            });
    };
    sending = true;
    for (int s = 0; s < kSenders; ++s)
        for (int i = 0; i < kWindow; ++i)
            sendOne(s);

    // Faults on the receivers' links: a reset, blackholes long enough to overflow the service's
    // buffer at this rate, and a reset with new connections refused for a while.
    const std::vector<std::pair<int, std::function<void()>>> schedule{
        {3000, [&] { proxy.resetAll(); }},
        {7000, [&] { proxy.blackhole(4000ms); }},
        {15000,
         [&] {
             proxy.refuseNew(3000ms);
             proxy.resetAll();
         }},
        {21000, [&] { proxy.blackhole(6000ms); }},
    };
    for (const auto &[at, action] : schedule)
        QTimer::singleShot(at, &guard, action);
    QTest::qWait(kSeconds * 1000);
    sending = false;
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(senders.begin(), senders.end(), [](const Sender &s) { return s.inFlight == 0; }), 30000);
    // Drain: every receiver connected and quiet for 2 s.
    QTRY_VERIFY_WITH_TIMEOUT(Chaos::allConnected(receivers, senders), 30000);
    for (;;) {
        size_t before = 0;
        for (const Receiver &receiver : receivers)
            before += receiver.timeline.size();
        QTest::qWait(2000);
        size_t after = 0;
        for (const Receiver &receiver : receivers)
            after += receiver.timeline.size();
        if (after == before)
            break;
    }

    int sent = 0, acked = 0, failed = 0;
    for (const Sender &sender : senders) {
        sent += sender.next;
        acked += int(sender.acked.size());
        failed += sender.failed;
    }
    qint64 maxEarly = 0;
    int totalLost = 0, totalDup = 0, totalOoo = 0, totalOutside = 0, totalOutsideTime = 0, totalGaps = 0;
    for (int r = 0; r < kReceivers; ++r) {
        const Receiver &receiver = receivers[r];
        std::vector<int> gapPositions;
        std::vector<std::map<int, int>> positions(kSenders); // n → timeline index
        int dup = 0, ooo = 0, corrupt = 0;
        std::vector<int> highest(kSenders, -1);
        for (int i = 0; i < int(receiver.timeline.size()); ++i) {
            const Arrival &a = receiver.timeline[i];
            if (a.sender == -1) {
                gapPositions.push_back(i);
                continue;
            }
            if (a.sender < 0 || a.sender >= kSenders) {
                ++corrupt;
                continue;
            }
            if (!positions[a.sender].emplace(a.n, i).second) {
                ++dup;
                continue;
            }
            if (a.n < highest[a.sender])
                ++ooo;
            highest[a.sender] = std::max(highest[a.sender], a.n);
        }
        int lost = 0, outside = 0, outsideTime = 0, received = 0;
        LossRanges outsideRanges;
        for (int s = 0; s < kSenders; ++s) {
            received += int(positions[s].size());
            for (const auto &entry : senders[s].acked) {
                // Not a structured binding: clang 14 (the asan build) cannot capture one in a lambda.
                const auto n = entry.first;
                const auto &times = entry.second;
                const auto &byNumber = positions[s];
                if (byNumber.count(n))
                    continue;
                ++lost;
                // In the stream: a gap marker between the last message before it that arrived
                // and the first one after it that arrived.
                const auto after = byNumber.upper_bound(n);
                const int to = after == byNumber.end() ? int(receiver.timeline.size()) : after->second;
                const int from = after == byNumber.begin() ? -1 : std::prev(after)->second;
                const bool inGap = std::any_of(gapPositions.begin(), gapPositions.end(),
                                               [&](int g) { return g > from && g < to; });
                outside += inGap ? 0 : 1;
                if (!inGap)
                    outsideRanges.add(s, n, from, to);
                // In time: published between issued and acked, which must meet a reported window.
                const bool inWindow =
                    std::any_of(receiver.gaps.begin(), receiver.gaps.end(), [&](const auto &gap) {
                        return times.first <= gap.second && times.second >= gap.first;
                    });
                outsideTime += inWindow ? 0 : 1;
                if (!inWindow) {
                    // Acked before the next window opened: by how much (the message was still on
                    // its way to this receiver when its last frame arrived).
                    qint64 early = std::numeric_limits<qint64>::max();
                    for (const auto &gap : receiver.gaps)
                        if (gap.first > times.second)
                            early = std::min(early, gap.first - times.second);
                    if (early != std::numeric_limits<qint64>::max())
                        maxEarly = std::max(maxEarly, early);
                }
            }
        }
        qCInfo(lcGaps).noquote()
            << u"receiver-%1: received %2, lost %3 (outside a reported gap: %4 in the stream, %5 in time), "
               u"duplicated %6, out of order %7; gaps %8, recoveries %9, new connections %10, messages "
               u"before a "
               u"rejoin settled %11"_s.arg(r)
                   .arg(received)
                   .arg(lost)
                   .arg(outside)
                   .arg(outsideTime)
                   .arg(dup)
                   .arg(ooo + corrupt)
                   .arg(receiver.gaps.size())
                   .arg(receiver.recoveries)
                   .arg(receiver.newConnections)
                   .arg(receiver.beforeSettled);
        for (const auto &[from, to] : receiver.gaps)
            qCInfo(lcGaps).noquote() << u"  gap of %1 ms (%2 .. %3)"_s.arg(to - from).arg(from).arg(to);
        // Where a silent loss sits: which numbers, between which arrivals, and when those arrived.
        // The first 20 (not std::views::take: clang 14, the asan build, rejects it with libstdc++ 12).
        const size_t shown = std::min<size_t>(outsideRanges.ranges.size(), 20);
        for (size_t i = 0; i < shown; ++i) {
            const LossRanges::Range &range = outsideRanges.ranges[i];
            qCWarning(lcGaps).noquote()
                << u"  silent loss: sender %1 n %2..%3 (%4 messages) between timeline %5 (at %6) and %7 (at "
                   u"%8); "
                   u"timeline %9 entries, gap markers at %10"_s.arg(range.sender)
                       .arg(range.first)
                       .arg(range.last)
                       .arg(range.last - range.first + 1)
                       .arg(range.from)
                       .arg(range.from >= 0 ? receiver.timeline[range.from].at : -1)
                       .arg(range.to)
                       .arg(range.to < int(receiver.timeline.size()) ? receiver.timeline[range.to].at : -1)
                       .arg(receiver.timeline.size())
                       .arg(gapPositionsText(gapPositions));
        }
        totalLost += lost;
        totalDup += dup;
        totalOoo += ooo + corrupt;
        totalOutside += outside;
        totalOutsideTime += outsideTime;
        totalGaps += int(receiver.gaps.size());
    }
    qCInfo(lcGaps).noquote()
        << u"full speed for %1 s: sent %2 (%3 msg/s), acked %4, failed %5; lost %6, all inside reported gaps "
           u"(in "
           u"the stream): %7; acked before their gap's window opened: %14 (at most %15 ms before); "
           u"duplicated %8, out of order %9, gaps %10; resets %11, blackholes %12, refused %13"_s
               .arg(kSeconds)
               .arg(sent)
               .arg(sent / kSeconds)
               .arg(acked)
               .arg(failed)
               .arg(totalLost)
               .arg(totalOutside == 0 ? u"yes"_s : u"NO"_s)
               .arg(totalDup)
               .arg(totalOoo)
               .arg(totalGaps)
               .arg(proxy.counts().resets)
               .arg(proxy.counts().blackholes)
               .arg(proxy.counts().refused)
               .arg(totalOutsideTime)
               .arg(maxEarly);

    Chaos::stopAll(receivers, senders);

    QVERIFY(sent > 0);
    QCOMPARE(failed, 0); // the senders' links are clean
    QVERIFY2(totalGaps > 0, "the run never overflowed the service's buffer: not a test of gaps");
    // Every lost message lies between the last message received before a reported gap and the
    // first one received after it. (In time, the window opens at the last frame received; a
    // message published just before that but still in transit is lost too: printed above.)
    QCOMPARE(totalOutside, 0);
    QCOMPARE(totalDup, 0);
    QCOMPARE(totalOoo, 0);
}

QTEST_GUILESS_MAIN(TestChaosGaps)
#include "tst_chaosgaps.moc"
