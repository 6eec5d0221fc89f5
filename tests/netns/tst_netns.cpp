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
// With the app built, the room also has two real `hubbub` instances (offscreen, profiles in a
// temporary HOME): one inside the namespace, one outside it (the peer). The sender also writes a
// chat message a second into the room. After the 70 s outage the app inside must have every chat
// message in its history (read from its profile after it quit on SIGTERM): the ones it missed
// filled in from the peer's history and stored as relayed by the peer.
// Needs root. Where network namespaces are not permitted the test says so and FAILS.

#include "cliprocess.h"
#include "serviceprocess.h"

#include "client.h"
#include "connectionstring.h"
#ifdef HUBBUB_APP_PATH
#include "chatmessage.h"
#include "historystore.h"
#include "isolatedhome.h"
#endif

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
#include <QUuid>

#include <map>
#include <optional>
#include <set>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcNetns, "hubbub.tests.netns", QtInfoMsg)

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

#ifdef HUBBUB_APP_PATH
const QString kAppInside = u"inside"_s;
const QString kAppPeer = u"peer"_s;

//! A real `hubbub` in profile \a user (its user too), started through \a prefix (e.g. `ip netns
//! exec NS`), the room already joined as a previous session would have left it.
bool startApp(QProcess &app, const QStringList &prefix, const QString &connectionString, const QString &user)
{
    {
        Hubbub::HistoryStore store(Hubbub::HistoryStore::defaultPath(user));
        if (!store.isOpen() || !store.saveRoom({kGroup, 0, false}))
            return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QStringList arguments{u"--connection-string"_s,
                                connectionString,
                                u"--hub"_s,
                                kHub,
                                u"--user"_s,
                                user,
                                u"--profile"_s,
                                user};
    if (prefix.isEmpty())
        app.start(QStringLiteral(HUBBUB_APP_PATH), arguments);
    else
        app.start(prefix.constFirst(),
                  prefix.mid(1) + QStringList{QStringLiteral(HUBBUB_APP_PATH)} + arguments);
    return app.waitForStarted(10000);
}

//! Quits \a app as the desktop does (SIGTERM: goodbye, history flushed); true on a clean exit.
bool quitApp(QProcess &app)
{
    if (app.state() == QProcess::NotRunning)
        return false;
    app.terminate();
    if (app.waitForFinished(15000))
        return app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0;
    app.kill();
    app.waitForFinished(5000);
    return false;
}
#endif

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

    auto presenceFrom = [&receiver](const QString &user) {
        receiver.readOutput();
        for (const QJsonObject &event : std::as_const(receiver.events))
            if (event.value(u"event"_s).toString() == u"group-message"_s &&
                event.value(u"fromUserId"_s).toString() == user &&
                event.value(u"data"_s).toObject().value(u"kind"_s).toString() == u"presence"_s)
                return true;
        return false;
    };
#ifdef HUBBUB_APP_PATH
    // The apps: one beside the receiver in the namespace, the peer here. Both in the room before
    // anything is sent (the CLI receiver hears their presence).
    QProcess appInside, appPeer;
    auto stopApps = qScopeGuard([&] {
        for (QProcess *app : {&appInside, &appPeer}) {
            if (app->state() != QProcess::NotRunning) {
                app->kill();
                app->waitForFinished(5000);
            }
        }
    });
    QVERIFY(startApp(appInside, {u"ip"_s, u"netns"_s, u"exec"_s, ns.name}, connectionString, kAppInside));
    QVERIFY(startApp(appPeer, {}, connectionString, kAppPeer));
    QTRY_VERIFY_WITH_TIMEOUT(presenceFrom(kAppInside) && presenceFrom(kAppPeer), 30000);
#else
    Q_UNUSED(presenceFrom);
    qCWarning(lcNetns) << "the hubbub app is not built: no app leg (gap filled from a peer)";
#endif

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

    // Chat messages (what the apps store) at 1/s: the ~80 a 70 s outage loses fit in one backfill
    // answer (at most 200).
    std::map<QString, Sent> chatAcked;
    int chatNext = 0, chatFailed = 0;
    QTimer chatTimer;
    chatTimer.setInterval(1000);
    connect(&chatTimer, &QTimer::timeout, &guard, [&] {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const qint64 issued = QDateTime::currentMSecsSinceEpoch();
        const QJsonObject envelope{{u"kind"_s, u"message"_s},
                                   {u"id"_s, id},
                                   {u"text"_s, u"chat %1"_s.arg(chatNext++)},
                                   {u"sender"_s, u"sender"_s},
                                   {u"ts"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
        ++outstanding;
        sender.sendToGroup(kGroup, WebPubSub::Payload::fromJson(envelope))
            .then(&guard, [&, id, issued](const WebPubSub::OperationResult &result) {
                --outstanding;
                if (result.ok())
                    chatAcked[id] = {issued, QDateTime::currentMSecsSinceEpoch()};
                else
                    ++chatFailed;
            });
    });
    chatTimer.start();

    auto received = [&receiver] {
        receiver.readOutput();
        std::map<int, int> counts;
        for (const QJsonObject &event : std::as_const(receiver.events))
            if (event.value(u"event"_s).toString() == u"group-message"_s &&
                event.value(u"data"_s).toObject().contains(u"n"_s)) // not the apps' or the chat
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
    chatTimer.stop();
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

#ifdef HUBBUB_APP_PATH
    // The app inside: every chat message in its history, the missed ones filled from the peer.
    // Read while it runs (to wait for the fill), then again after it quit (what a restart shows).
    auto inHistory = [](const QString &profile) {
        Hubbub::HistoryStore store(Hubbub::HistoryStore::defaultPath(profile));
        std::map<QString, QString> relayedBy; // message id → relayed by ("" = received directly)
        const auto rows = store.latest(kGroup, 100000);
        for (const Hubbub::ChatMessage &m : rows)
            if (!m.gapMarker)
                relayedBy[m.id] = m.relayedBy;
        return relayedBy;
    };
    auto missing = [&](const std::map<QString, QString> &history) {
        int count = 0;
        for (const auto &[id, sent] : chatAcked)
            count += history.count(id) ? 0 : 1;
        return count;
    };
    if (!QTest::qWaitFor([&] { return missing(inHistory(kAppInside)) == 0; }, 30000)) {
        // Where a message still missing sits against the app's gap window, if one is.
        Hubbub::HistoryStore store(Hubbub::HistoryStore::defaultPath(kAppInside));
        const auto rows = store.latest(kGroup, 100000);
        std::map<QString, QString> have;
        for (const Hubbub::ChatMessage &m : rows) {
            if (m.gapMarker)
                qCInfo(lcNetns).noquote() << u"the app inside's gap: %1 .. %2"_s.arg(
                    m.timestamp.toUTC().toString(Qt::ISODateWithMs),
                    m.gapEnd.toUTC().toString(Qt::ISODateWithMs));
            else
                have[m.id] = m.relayedBy;
        }
        for (const auto &[id, sent] : chatAcked) {
            if (!have.count(id))
                qCWarning(lcNetns).noquote() << u"missing from the app inside: %1, issued %2, acked %3"_s.arg(
                    id, QDateTime::fromMSecsSinceEpoch(sent.issued, Qt::UTC).toString(Qt::ISODateWithMs),
                    QDateTime::fromMSecsSinceEpoch(sent.acked, Qt::UTC).toString(Qt::ISODateWithMs));
        }
    }
    QCOMPARE(missing(inHistory(kAppInside)), 0);
    const bool insideQuit = quitApp(appInside);
    const bool peerQuit = quitApp(appPeer);
    const auto insideHistory = inHistory(kAppInside);
    const auto peerHistory = inHistory(kAppPeer);
    // The room's gap marker, as a restart shows it: how many messages were filled from peers.
    QList<Hubbub::ChatMessage> markers;
    {
        Hubbub::HistoryStore store(Hubbub::HistoryStore::defaultPath(kAppInside));
        const auto rows = store.latest(kGroup, 100000);
        for (const Hubbub::ChatMessage &m : rows)
            if (m.gapMarker)
                markers.append(m);
    }
    int filled = 0, filledByOther = 0, chatLostOnTheLink = 0;
    for (const auto &[id, sent] : chatAcked) {
        const auto it = insideHistory.find(id);
        if (it == insideHistory.end() || it->second.isEmpty())
            continue;
        ++filled;
        filledByOther += it->second == kAppPeer ? 0 : 1;
    }
    for (const auto &[id, sent] : chatAcked)
        chatLostOnTheLink += (sent.issued >= longUp - 70000 && sent.issued <= longUp) ? 1 : 0;
    qCInfo(lcNetns).noquote()
        << u"app leg: chat sent %1, acked %2, failed %3; the app inside stored %4 "
           u"(missing %5), %6 of them filled from the peer (%7 relayed by someone "
           u"else); sent while the link was down: %8; the peer stored %9 (missing "
           u"%10); clean quits: inside %11, peer %12; gap markers stored %13 (filled %14)"_s.arg(chatNext)
               .arg(chatAcked.size())
               .arg(chatFailed)
               .arg(insideHistory.size())
               .arg(missing(insideHistory))
               .arg(filled)
               .arg(filledByOther)
               .arg(chatLostOnTheLink)
               .arg(peerHistory.size())
               .arg(missing(peerHistory))
               .arg(insideQuit)
               .arg(peerQuit)
               .arg(markers.size())
               .arg(markers.isEmpty() ? -1 : markers.constFirst().gapFilled);
#endif

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
#ifdef HUBBUB_APP_PATH
    QCOMPARE(chatFailed, 0);
    QVERIFY(insideQuit);
    QVERIFY(peerQuit);
    QCOMPARE(missing(peerHistory), 0);
    QCOMPARE(missing(insideHistory), 0); // after the restart-equivalent: persisted
    QVERIFY2(filled >= chatLostOnTheLink - 2, "the gap was not filled from the peer"); // ±1 s edges
    QVERIFY(filled > 0);
    QCOMPARE(filledByOther, 0);
    QCOMPARE(markers.size(), 1);
    QCOMPARE(markers.constFirst().gapFilled, filled);
#endif
}

#ifdef HUBBUB_APP_PATH
int main(int argc, char *argv[])
{
    IsolatedHome home; // inherited by both apps: their profiles live here
    if (!home.isValid())
        return 1;
    QCoreApplication app(argc, argv);
    // The app's name (it sets no organization), so HistoryStore::defaultPath() finds its profiles.
    QCoreApplication::setApplicationName(u"hubbub"_s);
    TestNetns test;
    return QTest::qExec(&test, argc, argv);
}
#else
QTEST_GUILESS_MAIN(TestNetns)
#endif
#include "tst_netns.moc"
