// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// WebPubSub::Client against the real in-process hubbub-service: join, send, recovery after the
// socket is killed, a new connection after the recovery window, and rejoin.
#include "clientwaits.h"
#include "servicetestsupport.h"

#include <client.h>
#include <connectionstring.h>

#include <QSignalSpy>
#include <QTest>

using namespace TestSupport;
using namespace WebPubSub;
using namespace std::chrono_literals;

namespace {
const QString Hub = QStringLiteral("chat");

ClientTokenOptions member(const QString &user)
{
    ClientTokenOptions options;
    options.userId = user;
    options.roles = {QStringLiteral("webpubsub.joinLeaveGroup"), QStringLiteral("webpubsub.sendToGroup")};
    return options;
}

template<typename T> std::optional<T> await(QFuture<T> future, int timeoutMs = 15000)
{
    if (!waitFor([&] { return future.isFinished(); }, timeoutMs))
        return std::nullopt;
    return future.result();
}
} // namespace

class TestClientAgainstService : public QObject
{
    Q_OBJECT
    std::unique_ptr<Hubbub::Service> service;
    std::optional<ConnectionString> connectionString;

    void start(Hubbub::ServiceOptions options)
    {
        service = std::make_unique<Hubbub::Service>(options);
        QVERIFY(service->start());
        connectionString = ConnectionString::parse(service->connectionString());
        QVERIFY(connectionString);
    }

private Q_SLOTS:
    void cleanup() { service.reset(); }

    void joinSendAndRecover()
    {
        start(defaultOptions());
        Client alice(
            Credential::fromConnectionString(*connectionString, Hub, member(QStringLiteral("alice"))));
        Client bob(Credential::fromConnectionString(*connectionString, Hub, member(QStringLiteral("bob"))));
        QSignalSpy bobMessages(&bob, &Client::groupMessageReceived);
        QSignalSpy aliceRecovered(&alice, &Client::recovered);
        QVERIFY(HubbubTest::startConnected({&alice, &bob}));
        QCOMPARE(alice.userId(), u"alice");

        auto joined = await(alice.joinGroup(QStringLiteral("room")));
        QVERIFY(joined && joined->ok());
        joined = await(bob.joinGroup(QStringLiteral("room")));
        QVERIFY(joined && joined->ok());
        auto sent =
            await(alice.sendToGroup(QStringLiteral("room"), Payload::fromText(QStringLiteral("one"))));
        QVERIFY(sent && sent->ok());
        QTRY_COMPARE_WITH_TIMEOUT(bobMessages.size(), 1, 15000);
        auto first = bobMessages.at(0).at(0).value<GroupMessage>();
        QCOMPARE(first.payload.text(), u"one");
        QCOMPARE(first.fromUserId.value_or(QString()), u"alice");

        // Kill bob's socket: the reliable connection recovers (same id) and nothing is lost.
        const QString bobId = bob.connectionId();
        QSignalSpy bobRecovered(&bob, &Client::recovered);
        bob.dropConnection();
        sent =
            await(alice.sendToGroup(QStringLiteral("room"), Payload::fromText(QStringLiteral("while away"))));
        QVERIFY(sent && sent->ok());
        QTRY_COMPARE_WITH_TIMEOUT(bobRecovered.size(), 1, 20000);
        QCOMPARE(bob.connectionId(), bobId);
        QTRY_COMPARE_WITH_TIMEOUT(bobMessages.size(), 2, 15000);
        QCOMPARE(bobMessages.at(1).at(0).value<GroupMessage>().payload.text(), u"while away");
        QCOMPARE(aliceRecovered.size(), 0);

        alice.stop();
        bob.stop();
        QTRY_COMPARE_WITH_TIMEOUT(service->connectionCount(), 0, 15000);
    }

    void reconnectAfterRecoveryWindowAndRejoin()
    {
        Hubbub::ServiceOptions options = defaultOptions();
        options.recoveryWindow = 300ms;
        start(options);
        ClientOptions clientOptions;
        clientOptions.reconnectRetry.delay = 200ms;
        clientOptions.reconnectRetry.maxDelay = 500ms;
        Client carol(
            Credential::fromConnectionString(*connectionString, Hub, member(QStringLiteral("carol"))),
            clientOptions);
        QSignalSpy connected(&carol, &Client::connected);
        QSignalSpy received(&carol, &Client::groupMessageReceived);
        carol.start();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 15000);
        auto joined = await(carol.joinGroup(QStringLiteral("room")));
        QVERIFY(joined && joined->ok());
        const QString firstId = carol.connectionId();

        // Offline longer than the service keeps the connection: recovery fails (1008) and the
        // client opens a new connection, rejoining its groups.
        carol.goOffline(1500);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 30000);
        QVERIFY(connected.at(1).at(2).toBool()); // a reconnect
        QVERIFY(carol.connectionId() != firstId);
        QTRY_COMPARE_WITH_TIMEOUT(carol.groups(), QStringList{QStringLiteral("room")}, 15000);

        RestClient rest(*service);
        QTRY_COMPARE_WITH_TIMEOUT(rest.call("HEAD", QStringLiteral("/api/hubs/chat/groups/room")).status, 200,
                                  15000);
        QCOMPARE(rest.call("POST", QStringLiteral("/api/hubs/chat/groups/room/:send"), "after", "text/plain")
                     .status,
                 202);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 15000);
        QCOMPARE(received.at(0).at(0).value<GroupMessage>().payload.text(), u"after");
        carol.stop();
    }
};

QTEST_GUILESS_MAIN(TestClientAgainstService)
#include "tst_clientagainstservice.moc"
