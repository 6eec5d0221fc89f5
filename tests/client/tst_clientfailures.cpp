// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// "Truth under failure": a dead link is noticed within the default deadline (also when the link
// only writes, or after a resume from sleep or a network change), an in-flight send across a lost connection
// is reported as in doubt, a gap is reported with an honest window, close codes reach the caller, and stop()
// then start() works from every state.
#include "client.h"
#include "clienttestutils.h"
#include "fakepubsubservice.h"
#include "networkchangewatcher.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QPromise>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <atomic>

using namespace WebPubSub;
using namespace ClientTest;
using State = Client::State;

namespace {

bool isRecoveryUrl(const QUrl &url)
{
    return QUrlQuery(url).hasQueryItem(QStringLiteral("awps_connection_id"));
}

std::unique_ptr<Client> makeClient(const FakePubSubService &service, ClientOptions options)
{
    return std::make_unique<Client>(Credential::fromUrl(service.clientUrl()), std::move(options));
}

// The defaults under test, with only the reconnect delays shortened (they play no part here).
ClientOptions defaultOptions()
{
    ClientOptions options;
    options.reconnectRetry.delay = std::chrono::milliseconds(50);
    return options;
}

} // namespace

class TestClientFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreTight();
    void silentLinkIsDetectedWithDefaults();
    void writeOnlyLinkKeepsBeingChecked();
    void silentWriteOnlyLinkIsDetectedWithDefaults();
    void wallClockJumpProbesAtOnce();
    void networkChangeProbesAtOnce();
    void inFlightSendAcrossLostConnectionIsIndeterminate();
    void inFlightSendWithinRecoveryCompletesOnce();
    void gapIsReportedWithItsWindow();
    void noGapWhenRecovered();
    void closeCodeAndReasonReachTheCaller();
    void stopThenStartFromEveryState_data();
    void stopThenStartFromEveryState();
};

void TestClientFailures::defaultsAreTight()
{
    const ClientOptions options;
    QVERIFY(options.deadLinkTimeout > std::chrono::milliseconds(0));
    QVERIFY(options.deadLinkTimeout <= std::chrono::milliseconds(10000));
    QVERIFY(options.keepAliveInterval > std::chrono::milliseconds(0));
    QVERIFY(options.keepAliveInterval * 2 <= options.deadLinkTimeout);
    QVERIFY(options.reconnectRetry.maxDelay <= std::chrono::milliseconds(5000));
    QVERIFY(options.reconnectRetry.jitter > 0.0);
    QVERIFY(!options.resendInDoubt);
}

void TestClientFailures::silentLinkIsDetectedWithDefaults()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    service.autoPong = false; // a blackhole: the socket stays open, nothing comes back
    auto client = makeClient(service, defaultOptions());
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
    QElapsedTimer silence; // the `connected` frame was the last one
    silence.start();
    QSignalSpy recovered(client.get(), &Client::recovered);
    // Detected within the default deadline (at most 10 s), plus slack for a loaded machine.
    QTRY_VERIFY_WITH_TIMEOUT(service.count() >= 2, 11500);
    const qint64 detectedAfter = silence.elapsed();
    qInfo("silent link detected after %lld ms with default options", detectedAfter);
    QVERIFY(detectedAfter <= 11500);
    QVERIFY(isRecoveryUrl(service.at(1).requestUrl));
    QVERIFY(service.frames(0, QStringLiteral("ping")).size() >= 1); // it asked before giving up
    QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, 10000);
}

void TestClientFailures::writeOnlyLinkKeepsBeingChecked()
{
    // Writes used to restart the ping timer while only received frames counted for the deadline:
    // a healthy link that only writes got no pings, hence no pongs, and was declared dead.
    FakePubSubService service;
    QVERIFY(service.listen());
    ClientOptions options = fastOptions();
    options.keepAliveInterval = std::chrono::milliseconds(300);
    options.deadLinkTimeout = std::chrono::milliseconds(1000);
    auto client = makeClient(service, options);
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
    QTimer typing;
    typing.setInterval(100);
    QObject::connect(&typing, &QTimer::timeout, client.get(), [&client] {
        client->sendEvent(QStringLiteral("typing"), Payload::fromText(QStringLiteral("t")),
                          {false, true, {}});
    });
    typing.start();
    QTest::qWait(3000);
    typing.stop();
    QCOMPARE(service.count(), 1); // never dropped
    QCOMPARE(client->state(), State::Connected);
    QVERIFY(service.frames(0, QStringLiteral("ping")).size() >= 3);
    QVERIFY(service.frames(0, QStringLiteral("event")).size() >= 20);
}

void TestClientFailures::silentWriteOnlyLinkIsDetectedWithDefaults()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    service.autoPong = false;
    auto client = makeClient(service, defaultOptions());
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
    QElapsedTimer silence;
    silence.start();
    QTimer typing; // fire-and-forget every 200 ms over the silent link
    typing.setInterval(200);
    QObject::connect(&typing, &QTimer::timeout, client.get(), [&client] {
        client->sendEvent(QStringLiteral("typing"), Payload::fromText(QStringLiteral("t")),
                          {false, true, {}});
    });
    typing.start();
    QTRY_VERIFY_WITH_TIMEOUT(service.count() >= 2, 11500);
    typing.stop();
    qInfo("silent write-only link detected after %lld ms with default options", silence.elapsed());
    QVERIFY(isRecoveryUrl(service.at(1).requestUrl));
    QVERIFY(service.frames(0, QStringLiteral("event")).size() >= 10);
    QVERIFY(service.frames(0, QStringLiteral("ping")).size() >= 1);
}

void TestClientFailures::wallClockJumpProbesAtOnce()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    service.autoPong = false;
    std::atomic<qint64> offset{0};
    ClientOptions options = fastOptions();
    options.keepAliveInterval = std::chrono::milliseconds(0); // only a probe pings
    options.deadLinkTimeout = std::chrono::milliseconds(60000);
    options.wallClock = [&offset] { return QDateTime::currentMSecsSinceEpoch() + offset.load(); };
    auto client = makeClient(service, options);
    QSignalSpy recovered(client.get(), &Client::recovered);
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
    QTest::qWait(1500);
    QCOMPARE(service.frames(0, QStringLiteral("ping")).size(), 0);

    // A resume after an hour of sleep: the wall clock jumped, the monotonic clock did not.
    offset = 3600 * 1000;
    QElapsedTimer sinceJump;
    sinceJump.start();
    QTRY_COMPARE_WITH_TIMEOUT(service.frames(0, QStringLiteral("ping")).size(), 1, 5000);
    qInfo("probe %lld ms after the wall-clock jump", sinceJump.elapsed());
    QVERIFY(sinceJump.elapsed() < 2500);
    // Nothing answers the probe: the link is dropped and recovered long before the 60 s deadline.
    QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, 10000);
    QVERIFY(sinceJump.elapsed() < 10000);
}

void TestClientFailures::networkChangeProbesAtOnce()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    service.autoPong = false;
    ClientOptions options = fastOptions();
    options.keepAliveInterval = std::chrono::milliseconds(0); // only a probe pings
    options.deadLinkTimeout = std::chrono::milliseconds(60000);
    auto client = makeClient(service, options);
    QSignalSpy recovered(client.get(), &Client::recovered);
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
    QTest::qWait(1500);
    QCOMPARE(service.frames(0, QStringLiteral("ping")).size(), 0);

    // The network changed (reported as the QNetworkInformation backend reports it): a ping at once.
    NetworkChangeWatcher *watcher = NetworkChangeWatcher::instance();
    QVERIFY(watcher);
    qInfo("network information backend loaded: %s", watcher->hasBackend() ? "yes" : "no");
    QElapsedTimer sinceChange;
    sinceChange.start();
    watcher->notifyChanged(QStringLiteral("transport medium changed (test)"));
    QTRY_COMPARE_WITH_TIMEOUT(service.frames(0, QStringLiteral("ping")).size(), 1, 5000);
    qInfo("probe %lld ms after the network change", sinceChange.elapsed());
    QVERIFY(sinceChange.elapsed() < 1000);
    // Nothing answers the probe: the link is dropped and recovered long before the 60 s deadline.
    QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, 10000);
    QVERIFY(sinceChange.elapsed() < 10000);
}

void TestClientFailures::inFlightSendAcrossLostConnectionIsIndeterminate()
{
    // Reliable protocol, recovery refused: the connection is lost for good.
    FakePubSubService service;
    QVERIFY(service.listen());
    auto client = makeClient(service, fastOptions());
    QSignalSpy connected(client.get(), &Client::connected);
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    service.autoAck = false;
    auto send = client->sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("pay 100 EUR")));
    QTRY_COMPARE_WITH_TIMEOUT(service.frames(0, QStringLiteral("sendToGroup")).size(), 1, 10000);
    const qint64 ackId = service.frames(0, QStringLiteral("sendToGroup")).at(0).value(u"ackId").toInteger();
    service.autoAck = true;
    service.rejectRecovery = true;
    service.abortConnection(0);
    QVERIFY(waitFor(send));
    QCOMPARE(send.result().error.code(), Error::Code::Indeterminate);
    QCOMPARE(qint64(*send.result().ackId), ackId);
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 10000);
    QTest::qWait(200);
    // Sent once only, on the connection that is gone.
    QCOMPARE(service.frames(-1, QStringLiteral("sendToGroup")).size(), 1);
    // A send issued now goes out on the new connection as usual.
    auto after = client->sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("next")));
    QVERIFY(waitFor(after));
    QVERIFY(after.result().ok());
}

void TestClientFailures::inFlightSendWithinRecoveryCompletesOnce()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    auto client = makeClient(service, fastOptions());
    QSignalSpy recovered(client.get(), &Client::recovered);
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
    service.autoAck = false;
    auto send = client->sendEvent(QStringLiteral("e"), Payload::fromText(QStringLiteral("x")));
    int resolutions = 0;
    send.then(this, [&resolutions](const OperationResult &) { ++resolutions; });
    QTRY_COMPARE_WITH_TIMEOUT(service.frames(0, QStringLiteral("event")).size(), 1, 10000);
    service.autoAck = true;
    service.abortConnection(0);
    QVERIFY(waitFor(send));
    QVERIFY(send.result().ok()); // same connection: resent under its ackId, which still means it
    QCOMPARE(recovered.size(), 1);
    QTest::qWait(100);
    QCOMPARE(resolutions, 1);
}

void TestClientFailures::gapIsReportedWithItsWindow()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    auto client = makeClient(service, fastOptions());
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
    auto join = client->joinGroup(QStringLiteral("room"));
    QVERIFY(waitFor(join));
    QVERIFY(join.result().ok());

    QStringList order;
    QSignalSpy gaps(client.get(), &Client::gapDetected);
    QSignalSpy messages(client.get(), &Client::groupMessageReceived);
    QObject::connect(client.get(), &Client::gapDetected, this, [&order] { order << QStringLiteral("gap"); });
    QObject::connect(client.get(), &Client::connected, this,
                     [&order] { order << QStringLiteral("connected"); });

    const qint64 beforeLastFrame = QDateTime::currentMSecsSinceEpoch();
    service.sendGroupText(0, QStringLiteral("room"), QStringLiteral("last"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 10000);
    const qint64 afterLastFrame = QDateTime::currentMSecsSinceEpoch();
    QTest::qWait(800); // the link stays up but silent; it is dropped later
    service.rejectRecovery = true;
    service.onFrame = [](int i, const QJsonObject &frame) {
        return i > 0 && frame.value(u"type").toString() == u"joinGroup"; // the test answers rejoins
    };
    const qint64 dropAt = QDateTime::currentMSecsSinceEpoch();
    service.abortConnection(0);
    // conn 1: the refused recovery; conn 2: the new connection, rejoining.
    QTRY_COMPARE_WITH_TIMEOUT(service.frames(2, QStringLiteral("joinGroup")).size(), 1, 10000);
    QTest::qWait(300);
    QCOMPARE(gaps.size(), 0); // not restored before the rejoin is acked
    const qint64 beforeRejoinAck = QDateTime::currentMSecsSinceEpoch();
    service.sendAck(
        2, quint64(service.frames(2, QStringLiteral("joinGroup")).at(0).value(u"ackId").toInteger()));
    QTRY_COMPARE_WITH_TIMEOUT(gaps.size(), 1, 10000);
    const qint64 afterRejoinAck = QDateTime::currentMSecsSinceEpoch();

    QCOMPARE(gaps.at(0).at(0).toStringList(), QStringList{QStringLiteral("room")});
    const qint64 from = gaps.at(0).at(1).toDateTime().toMSecsSinceEpoch();
    const qint64 to = gaps.at(0).at(2).toDateTime().toMSecsSinceEpoch();
    // From the last frame received, not from when the drop was noticed. The client keeps that moment on a
    // monotonic clock and turns it into wall time when asked (now - elapsed), and the two millisecond
    // roundings can land one either side; CI saw 520 in [519, 519].
    constexpr qint64 rounding = 2;
    QVERIFY2(
        from >= beforeLastFrame - rounding && from <= afterLastFrame + rounding,
        qPrintable(
            QStringLiteral("from %1 not in [%2, %3]").arg(from).arg(beforeLastFrame).arg(afterLastFrame)));
    QVERIFY(from < dropAt - 500);
    // To when the new connection had rejoined the group.
    QVERIFY2(
        to >= beforeRejoinAck && to <= afterRejoinAck,
        qPrintable(QStringLiteral("to %1 not in [%2, %3]").arg(to).arg(beforeRejoinAck).arg(afterRejoinAck)));
    QCOMPARE(order, (QStringList{QStringLiteral("gap"), QStringLiteral("connected")}));
}

void TestClientFailures::noGapWhenRecovered()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    auto client = makeClient(service, fastOptions());
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
    QVERIFY(waitFor(client->joinGroup(QStringLiteral("room"))));
    QSignalSpy gaps(client.get(), &Client::gapDetected);
    QSignalSpy recovered(client.get(), &Client::recovered);
    service.abortConnection(0);
    QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, 10000);
    // Nor after a stop and a start: nothing was promised across a stop.
    client->stop();
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
    QTest::qWait(100);
    QCOMPARE(gaps.size(), 0);
}

void TestClientFailures::closeCodeAndReasonReachTheCaller()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    ClientOptions options = fastOptions();
    options.protocol = ClientOptions::Protocol::Json;
    options.autoReconnect = false;
    auto client = makeClient(service, options);
    QSignalSpy disconnected(client.get(), &Client::disconnected);
    QSignalSpy stopped(client.get(), &Client::stopped);
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
    service.closeConnection(0, QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("maintenance"));
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected.at(0).at(0).toString(), QStringLiteral("conn-1"));
    QCOMPARE(disconnected.at(0).at(2).toInt(), 1001);
    QCOMPARE(disconnected.at(0).at(3).toString(), QStringLiteral("maintenance"));
    QCOMPARE(stopped.at(0).at(0).toInt(), 1001);
    QCOMPARE(stopped.at(0).at(1).toString(), QStringLiteral("maintenance"));

    // A link that dies without a close frame has no code.
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
    service.abortConnection(1);
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 2, 10000);
    QCOMPARE(disconnected.size(), 2);
    QCOMPARE(disconnected.at(1).at(2).toInt(), 0);
    QCOMPARE(stopped.at(1).at(0).toInt(), 0);

    // stop() by the caller: no code on `stopped`.
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
    client->stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 3, 10000);
    QCOMPARE(stopped.at(2).at(0).toInt(), 0);
    QCOMPARE(stopped.at(2).at(1).toString(), QString());
    QCOMPARE(disconnected.size(), 3);
    QCOMPARE(disconnected.at(2).at(2).toInt(), 1000); // our own close handshake
}

void TestClientFailures::stopThenStartFromEveryState_data()
{
    QTest::addColumn<State>("state");
    QTest::newRow("Connecting") << State::Connecting;
    QTest::newRow("Connected") << State::Connected;
    QTest::newRow("Recovering") << State::Recovering;
    QTest::newRow("Reconnecting") << State::Reconnecting;
    QTest::newRow("Stopped") << State::Stopped;
}

void TestClientFailures::stopThenStartFromEveryState()
{
    QFETCH(State, state);
    FakePubSubService service;
    QVERIFY(service.listen());
    ClientOptions options = fastOptions();
    if (state == State::Reconnecting)
        options.protocol = ClientOptions::Protocol::Json;
    auto client = makeClient(service, options);
    QSignalSpy stopped(client.get(), &Client::stopped);
    QSignalSpy connected(client.get(), &Client::connected);

    if (state == State::Connecting) {
        service.pauseAccepting(); // the handshake hangs
        client->start();
    } else {
        client->start();
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), State::Connected, 10000);
        if (state == State::Recovering) {
            service.dropRecoveries = true;
            service.abortConnection(0);
        } else if (state == State::Reconnecting) {
            service.dropNewConnections = true;
            service.abortConnection(0);
        } else if (state == State::Stopped) {
            client->stop();
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), state, 10000);
    const int connectedBefore = int(connected.size());

    client->stop();
    client->start();
    service.resumeAccepting();
    service.dropRecoveries = false;
    service.dropNewConnections = false;
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), connectedBefore + 1, 10000);
    QCOMPARE(client->state(), State::Connected);
    QCOMPARE(connected.last().at(2).toBool(), false); // a fresh start, not a reconnect
    QCOMPARE(stopped.size(), 1);
    QTest::qWait(200);
    QCOMPARE(client->state(), State::Connected);
    QCOMPARE(stopped.size(), 1);
}

QTEST_GUILESS_MAIN(TestClientFailures)
#include "tst_clientfailures.moc"
