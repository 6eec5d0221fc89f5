// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// AppControllers with separate profiles talking through one in-process Hubbub::Service.
#include "appcontroller.h"
#include "apptestcase.h"
#include "client.h"
#include "historystore.h"
#include "messageenvelope.h"
#include "notificationpolicy.h"
#include "service.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace std::chrono_literals;

namespace {
constexpr int kTimeout = 20000;

QStringList texts(MessageModel *model)
{
    QStringList out;
    for (int row = 0; row < model->count(); ++row)
        out.append(model->at(row).text);
    return out;
}
QString status(MessageModel *model, const QString &id)
{
    const int row = model->rowOf(id);
    return row < 0 ? QString() : model->data(model->index(row), MessageModel::DeliveryStatusRole).toString();
}
} // namespace

class TestAppController : public HubbubTest::AppTestCase
{
    Q_OBJECT

    AppOptions options(const QString &user, const QString &profile) { return m_hub.options(user, profile); }
    QString freshProfile(const QString &base) { return m_hub.freshProfile(base); }

    std::unique_ptr<AppController> makeApp(const AppOptions &o)
    {
        auto app = std::make_unique<AppController>(o);
        watch(app->rooms());
        watch(app->connection()->transitions());
        return app;
    }
    void watch(QAbstractItemModel *model) { m_hub.watch(model); }
    // Joins \a room in both and waits until each sees the other online (so both have joined).
    bool joinBoth(AppController *a, AppController *b, const QString &room)
    {
        const bool newA = !a->rooms()->contains(room);
        const bool newB = !b->rooms()->contains(room);
        a->joinRoom(room);
        b->joinRoom(room);
        if (newA)
            watch(a->directory()->openMessages(room)), watch(a->directory()->openMembers(room));
        if (newB)
            watch(b->directory()->openMessages(room)), watch(b->directory()->openMembers(room));
        return HubbubTest::allSeeEachOther({a, b}, room, kTimeout);
    }
    // Alice and Bob on fresh profiles, started; true once both are connected and in \a room.
    bool startAliceAndBob(std::unique_ptr<AppController> &alice, std::unique_ptr<AppController> &bob,
                          const QString &room)
    {
        alice = makeApp(options(QStringLiteral("alice"), freshProfile(QStringLiteral("alice"))));
        bob = makeApp(options(QStringLiteral("bob"), freshProfile(QStringLiteral("bob"))));
        alice->start();
        bob->start();
        if (!QTest::qWaitFor(
                [&] { return alice->connection()->isConnected() && bob->connection()->isConnected(); },
                kTimeout))
            return false;
        return joinBoth(alice.get(), bob.get(), room);
    }
    static void waitConnected(AppController *app)
    {
        QTRY_VERIFY_WITH_TIMEOUT(app->connection()->isConnected(), kTimeout);
    }
    //! Alice sends 20 messages ("\a label" with 1..20, appended to \a expected) and \a disrupt
    //! breaks her connection while they are in flight; then her outbox empties and Bob has them all.
    static void sendAcross(AppController *alice, MessageModel *bobModel, QStringList &expected,
                           const QString &label, void (ConnectionController::*disrupt)())
    {
        for (int i = 1; i <= 20; ++i) {
            expected.append(label.arg(i));
            QVERIFY(alice->sendMessage(expected.constLast()));
        }
        (alice->connection()->*disrupt)();
        QTRY_COMPARE_WITH_TIMEOUT(alice->connection()->outboxCount(), 0, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(bobModel->count(), expected.size(), kTimeout);
    }

public:
    TestAppController() { m_hub.defaults.typingExpiry = 1500ms; }

private Q_SLOTS:
    void chatUnreadAndNotifications()
    {
        auto alice = makeApp(options(QStringLiteral("alice"), freshProfile(QStringLiteral("alice"))));
        auto bob = makeApp(options(QStringLiteral("bob"), freshProfile(QStringLiteral("bob"))));
        QCOMPARE(alice->userName(), QStringLiteral("alice"));
        alice->start();
        bob->start();
        waitConnected(alice.get());
        waitConnected(bob.get());
        QVERIFY(joinBoth(alice.get(), bob.get(), QStringLiteral("lobby")));
        QVERIFY(joinBoth(alice.get(), bob.get(), QStringLiteral("random")));
        QCOMPARE(bob->currentRoom(), QStringLiteral("random"));
        QCOMPARE(bob->members()->presence(QStringLiteral("alice")), MemberModel::Presence::Online);

        QSignalSpy bobNotified(bob.get(), &AppController::notificationRequested);
        alice->selectRoom(QStringLiteral("lobby"));
        QVERIFY(!alice->sendMessage(QStringLiteral("   ")));
        QVERIFY(alice->sendMessage(QStringLiteral("hello bob")));
        MessageModel *aliceLobby = alice->directory()->openMessages(QStringLiteral("lobby"));
        MessageModel *bobLobby = bob->directory()->openMessages(QStringLiteral("lobby"));
        QCOMPARE(aliceLobby->count(), 1);
        const QString id = aliceLobby->at(0).id;
        QVERIFY(aliceLobby->at(0).own);
        QTRY_COMPARE_WITH_TIMEOUT(status(aliceLobby, id), QStringLiteral("sent"), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(bobLobby->count(), 1, kTimeout);
        QCOMPARE(bobLobby->at(0).id, id);
        QCOMPARE(bobLobby->at(0).senderId, QStringLiteral("alice"));
        QCOMPARE(bobLobby->at(0).senderName, QStringLiteral("alice"));
        QCOMPARE(status(bobLobby, id), QStringLiteral("received"));
        QVERIFY(!bobLobby->at(0).own);
        // Not in view for bob: unread, notified.
        QCOMPARE(bob->rooms()->unreadCount(QStringLiteral("lobby")), 1);
        QCOMPARE(bob->rooms()->totalUnread(), 1);
        QCOMPARE(bobNotified.count(), 1);
        QCOMPARE(bobNotified.at(0).at(0).toString(), QStringLiteral("lobby"));
        QCOMPARE(bobNotified.at(0).at(2).toString(), QStringLiteral("hello bob"));
        QCOMPARE(alice->connection()->outboxCount(), 0);

        // Muted: still unread, no notification.
        bob->setRoomMuted(QStringLiteral("lobby"), true);
        bob->notifications()->setMinimumInterval(0);
        QVERIFY(alice->sendMessage(QStringLiteral("second")));
        QTRY_COMPARE_WITH_TIMEOUT(bobLobby->count(), 2, kTimeout);
        QCOMPARE(bob->rooms()->unreadCount(QStringLiteral("lobby")), 2);
        QCOMPARE(bobNotified.count(), 1);

        // Selecting the room: divider above the first unread, unread cleared.
        bob->nextUnreadRoom();
        QCOMPARE(bob->currentRoom(), QStringLiteral("lobby"));
        QCOMPARE(bob->messages(), bobLobby);
        QCOMPARE(bobLobby->firstUnreadRow(), 0);
        QCOMPARE(bob->rooms()->totalUnread(), 0);
        // In view now: no unread, no notification, divider frozen.
        QVERIFY(alice->sendMessage(QStringLiteral("third")));
        QTRY_COMPARE_WITH_TIMEOUT(bobLobby->count(), 3, kTimeout);
        QCOMPARE(bob->rooms()->unreadCount(QStringLiteral("lobby")), 0);
        QCOMPARE(bobLobby->firstUnreadRow(), 0);
        QCOMPARE(texts(bobLobby), (QStringList{QStringLiteral("hello bob"), QStringLiteral("second"),
                                               QStringLiteral("third")}));
        QCOMPARE(bob->rooms()->room(QStringLiteral("lobby"))->lastMessageText, QStringLiteral("third"));
        // Grouping: the three come from alice within seconds → one header.
        QCOMPARE(bobLobby->data(bobLobby->index(0), MessageModel::ShowSenderRole).toBool(), true);
        QCOMPARE(bobLobby->data(bobLobby->index(2), MessageModel::ShowSenderRole).toBool(), false);

        // Leaving: the room is gone from the list, alice sees bob's goodbye.
        bob->leaveRoom(QStringLiteral("random"));
        QVERIFY(!bob->rooms()->contains(QStringLiteral("random")));
        QTRY_COMPARE_WITH_TIMEOUT(
            alice->directory()->openMembers(QStringLiteral("random"))->presence(QStringLiteral("bob")),
            MemberModel::Presence::Offline, kTimeout);
    }

    void plainTextFromAnotherClient()
    {
        auto alice = makeApp(options(QStringLiteral("alice"), freshProfile(QStringLiteral("alice"))));
        alice->start();
        waitConnected(alice.get());
        alice->joinRoom(QStringLiteral("plain"));
        MessageModel *model = alice->directory()->openMessages(QStringLiteral("plain"));
        watch(model);
        // Like the official JS SDK: sendToGroup("plain", "hello from js", "text").
        auto js = m_hub.connectedRawClient(
            QStringLiteral("js-user"),
            {QStringLiteral("webpubsub.sendToGroup"), QStringLiteral("webpubsub.joinLeaveGroup")}, kTimeout);
        QVERIFY(js); // connected
        // Alice has joined once her own "who" query comes back around (she sees herself online).
        QTRY_VERIFY_WITH_TIMEOUT(alice->connection()->client()->groups().contains(QStringLiteral("plain")),
                                 kTimeout);
        QTest::qWait(200);
        js->sendToGroup(QStringLiteral("plain"),
                        WebPubSub::Payload::fromText(QStringLiteral("hello from js")));
        QTRY_COMPARE_WITH_TIMEOUT(model->count(), 1, kTimeout);
        QCOMPARE(model->at(0).text, QStringLiteral("hello from js"));
        QCOMPARE(model->at(0).senderName, QStringLiteral("js-user"));
        QCOMPARE(model->at(0).status, DeliveryStatus::Received);
        QVERIFY(alice->history()->contains(QStringLiteral("plain"), model->at(0).id));
        js->stop();
    }

    void typingThrottleAndOffSetting()
    {
        std::unique_ptr<AppController> alice, bob;
        // Both connected, then both in the room.
        QVERIFY(startAliceAndBob(alice, bob, QStringLiteral("typing")));

        // Count alice's typing envelopes as bob's client receives them.
        int typingSeen = 0;
        connect(bob->connection()->client(), &WebPubSub::Client::groupMessageReceived, this,
                [&](const WebPubSub::GroupMessage &m) {
                    const auto env = MessageEnvelope::fromGroupMessage(m);
                    if (env && env->kind == MessageEnvelope::Kind::Typing)
                        ++typingSeen;
                });
        for (int i = 0; i < 5; ++i)
            alice->composerTextEdited();
        QTRY_COMPARE_WITH_TIMEOUT(bob->typingText(), QStringLiteral("alice is typing…"), kTimeout);
        QVERIFY(bob->members()->isTyping(QStringLiteral("alice")));
        // A chat message sent after the keystrokes arrives after any typing envelope (one
        // connection keeps order), so counting after it is exact.
        QVERIFY(alice->sendMessage(QStringLiteral("marker 1")));
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages()->count(), 1, kTimeout);
        QCOMPARE(typingSeen, 1);
        // The message ends the indicator.
        QCOMPARE(bob->typingText(), QString());

        // Expiry: a renewed indicator disappears on its own (typingExpiry is 1.5 s here).
        AppOptions carolOptions = options(QStringLiteral("carol"), freshProfile(QStringLiteral("carol")));
        carolOptions.typingThrottle = 0ms;
        auto carol = makeApp(carolOptions);
        carol->start();
        waitConnected(carol.get());
        QVERIFY(joinBoth(carol.get(), bob.get(), QStringLiteral("typing")));
        carol->composerTextEdited();
        QTRY_COMPARE_WITH_TIMEOUT(bob->typingText(), QStringLiteral("carol is typing…"), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(bob->typingText(), QString(), kTimeout);

        // Off on bob's side: not shown.
        QSignalSpy setting(bob.get(), &AppController::typingIndicatorsEnabledChanged);
        bob->setTypingIndicatorsEnabled(false);
        QCOMPARE(setting.count(), 1);
        carol->composerTextEdited();
        QVERIFY(carol->sendMessage(QStringLiteral("marker 2")));
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages()->count(), 2, kTimeout);
        QCOMPARE(bob->typingText(), QString());
        QVERIFY(!bob->members()->isTyping(QStringLiteral("carol")));

        // Off on alice's side: not sent.
        alice->setTypingIndicatorsEnabled(false);
        const int before = typingSeen;
        QTest::qWait(3100); // past alice's throttle window, so only the setting can hold it back
        alice->composerTextEdited();
        QVERIFY(alice->sendMessage(QStringLiteral("marker 3")));
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages()->count(), 3, kTimeout);
        QCOMPARE(typingSeen, before);

        // The setting persists per profile.
        const AppOptions aliceOptions = options(QStringLiteral("alice"), alice->profile());
        alice.reset();
        auto alice2 = makeApp(aliceOptions);
        QCOMPARE(alice2->typingIndicatorsEnabled(), false);
    }

    void presenceOfTwoConnectionsAndAway()
    {
        // Short heartbeats: an instance silent for 2.5 × 400 ms = 1 s is gone.
        auto withHeartbeat = [](AppOptions o) {
            o.heartbeatInterval = 400ms;
            return o;
        };
        auto alice =
            makeApp(withHeartbeat(options(QStringLiteral("alice"), freshProfile(QStringLiteral("alice")))));
        auto carol1 = makeApp(
            withHeartbeat(options(QStringLiteral("carol"), freshProfile(QStringLiteral("carol-laptop")))));
        auto carol2 = makeApp(
            withHeartbeat(options(QStringLiteral("carol"), freshProfile(QStringLiteral("carol-phone")))));
        for (auto *app : {alice.get(), carol1.get(), carol2.get()})
            app->start();
        for (auto *app : {alice.get(), carol1.get(), carol2.get()})
            waitConnected(app);
        QVERIFY(joinBoth(alice.get(), carol1.get(), QStringLiteral("here")));
        QVERIFY(joinBoth(alice.get(), carol2.get(), QStringLiteral("here")));
        MemberModel *members = alice->directory()->openMembers(QStringLiteral("here"));
        QCOMPARE(members->presence(QStringLiteral("carol")), MemberModel::Presence::Online);
        QCOMPARE(members->onlineCount(), 2); // alice herself and carol

        // One of carol's connections quits: she stays online.
        carol1->shutdown();
        carol1.reset();
        QTest::qWait(1500); // longer than the expiry: only carol2's heartbeats keep her online
        QCOMPARE(members->presence(QStringLiteral("carol")), MemberModel::Presence::Online);
        // The other goes idle: away.
        carol2->setUserIdle(true);
        QTRY_COMPARE_WITH_TIMEOUT(members->presence(QStringLiteral("carol")), MemberModel::Presence::Away,
                                  kTimeout);
        carol2->setUserIdle(false);
        QTRY_COMPARE_WITH_TIMEOUT(members->presence(QStringLiteral("carol")), MemberModel::Presence::Online,
                                  kTimeout);

        // A connection that dies without a goodbye expires after ~2.5 heartbeats.
        auto ghost = m_hub.connectedRawClient(QStringLiteral("ghost"),
                                              {QStringLiteral("webpubsub.sendToGroup")}, kTimeout);
        QVERIFY(ghost); // connected
        MessageEnvelope hello;
        hello.kind = MessageEnvelope::Kind::Presence;
        hello.instance = QStringLiteral("ghost-1");
        hello.sender = QStringLiteral("Ghost");
        hello.state = QStringLiteral("online");
        ghost->sendToGroup(QStringLiteral("here"), hello.toPayload());
        QTRY_COMPARE_WITH_TIMEOUT(members->presence(QStringLiteral("ghost")), MemberModel::Presence::Online,
                                  kTimeout);
        QCOMPARE(members->displayName(QStringLiteral("ghost")), QStringLiteral("Ghost"));
        QTRY_COMPARE_WITH_TIMEOUT(members->presence(QStringLiteral("ghost")), MemberModel::Presence::Offline,
                                  kTimeout);
        // Carol keeps beating, so she stays.
        QCOMPARE(members->presence(QStringLiteral("carol")), MemberModel::Presence::Online);
        ghost->stop();

        carol2.reset();
        QTRY_COMPARE_WITH_TIMEOUT(members->presence(QStringLiteral("carol")), MemberModel::Presence::Offline,
                                  kTimeout);
    }

    void outboxWhileOfflineIsOrderedAndExactlyOnce()
    {
        std::unique_ptr<AppController> alice, bob;
        // Both connected, then both in the room.
        QVERIFY(startAliceAndBob(alice, bob, QStringLiteral("outbox")));
        MessageModel *aliceModel = alice->directory()->openMessages(QStringLiteral("outbox"));
        MessageModel *bobModel = bob->directory()->openMessages(QStringLiteral("outbox"));

        // 1. Offline for a few seconds (recovered): typed messages wait and go out in order.
        alice->connection()->goOffline(3000);
        QTRY_VERIFY_WITH_TIMEOUT(!alice->connection()->isConnected(), kTimeout);
        QCOMPARE(alice->connection()->state(), ConnectionController::State::Offline);
        QStringList expected;
        for (int i = 1; i <= 5; ++i) {
            expected.append(QStringLiteral("offline %1").arg(i));
            QVERIFY(alice->sendMessage(expected.constLast()));
        }
        QCOMPARE(alice->connection()->outboxCount(), 5);
        for (int row = 0; row < aliceModel->count(); ++row)
            QCOMPARE(aliceModel->at(row).status, DeliveryStatus::Sending);
        QTRY_COMPARE_WITH_TIMEOUT(bobModel->count(), 5, 60000);
        QCOMPARE(texts(bobModel), expected);
        QTRY_COMPARE_WITH_TIMEOUT(alice->connection()->outboxCount(), 0, kTimeout);
        for (int row = 0; row < aliceModel->count(); ++row)
            QCOMPARE(aliceModel->at(row).status, DeliveryStatus::Sent);

        // 2. Dropped with messages in flight: the client resends with the same ackIds.
        sendAcross(alice.get(), bobModel, expected, QStringLiteral("in flight %1"),
                   &ConnectionController::dropConnection);
        if (QTest::currentTestFailed())
            return;

        // 3. A brand-new connection (no recovery) with messages in flight: resent by message id,
        // duplicates dropped by the receiver.
        sendAcross(alice.get(), bobModel, expected, QStringLiteral("new connection %1"),
                   &ConnectionController::forceReconnect);
        if (QTest::currentTestFailed())
            return;
        QTest::qWait(500); // any straggling duplicate would have arrived by now
        QCOMPARE(bobModel->count(), expected.size());
        QCOMPARE(texts(bobModel), expected);
        QCOMPARE(bob->history()->count(QStringLiteral("outbox")), expected.size());
        // The new connection left a gap (item 5): Alice's timeline marks it after what she had,
        // then her messages, each once.
        QCOMPARE(aliceModel->count(), expected.size() + 1);
        QVERIFY(aliceModel->at(aliceModel->count() - 1).gapMarker);
        QStringList aliceTexts = texts(aliceModel);
        aliceTexts.removeLast();
        QCOMPARE(aliceTexts, expected);
        for (int row = 0; row < aliceModel->count() - 1; ++row)
            QCOMPARE(aliceModel->at(row).status, DeliveryStatus::Sent);
    }

    void historyAndOutboxSurviveRestart()
    {
        const QString aliceProfile = freshProfile(QStringLiteral("alice"));
        auto bob = makeApp(options(QStringLiteral("bob"), freshProfile(QStringLiteral("bob"))));
        bob->start();
        waitConnected(bob.get());
        QString pendingId;
        {
            auto alice = makeApp(options(QStringLiteral("alice"), aliceProfile));
            alice->start();
            waitConnected(alice.get());
            QVERIFY(joinBoth(alice.get(), bob.get(), QStringLiteral("history")));
            alice->joinRoom(QStringLiteral("second"));
            alice->selectRoom(QStringLiteral("history"));
            QVERIFY(alice->sendMessage(QStringLiteral("before restart")));
            QTRY_COMPARE_WITH_TIMEOUT(bob->directory()->openMessages(QStringLiteral("history"))->count(), 1,
                                      kTimeout);
            QTRY_COMPARE_WITH_TIMEOUT(alice->connection()->outboxCount(), 0, kTimeout);
            // Quit while offline with a message typed: it must go out on the next start.
            alice->connection()->goOffline(60000);
            QTRY_VERIFY_WITH_TIMEOUT(!alice->connection()->isConnected(), kTimeout);
            QVERIFY(alice->sendMessage(QStringLiteral("typed offline")));
            pendingId = alice->messages()->at(1).id;
            alice->shutdown();
        }
        auto alice = makeApp(options(QStringLiteral("alice"), aliceProfile));
        QCOMPARE(alice->rooms()->roomNames(),
                 (QStringList{QStringLiteral("history"), QStringLiteral("second")}));
        QCOMPARE(alice->currentRoom(), QStringLiteral("history"));
        watch(alice->messages());
        QCOMPARE(texts(alice->messages()),
                 (QStringList{QStringLiteral("before restart"), QStringLiteral("typed offline")}));
        QCOMPARE(alice->messages()->at(0).status, DeliveryStatus::Sent);
        QCOMPARE(alice->messages()->at(1).status, DeliveryStatus::Sending);
        QCOMPARE(alice->outboxIds(), QStringList{pendingId});
        QCOMPARE(alice->connection()->outboxCount(), 1);
        alice->start();
        waitConnected(alice.get());
        // Rejoined automatically; the pending message goes out once.
        MessageModel *bobModel = bob->directory()->openMessages(QStringLiteral("history"));
        QTRY_COMPARE_WITH_TIMEOUT(bobModel->count(), 2, kTimeout);
        QCOMPARE(bobModel->at(1).id, pendingId);
        QTRY_COMPARE_WITH_TIMEOUT(status(alice->messages(), pendingId), QStringLiteral("sent"), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(alice->connection()->client()->groups().contains(QStringLiteral("second")),
                                 kTimeout);
        QVERIFY(bob->sendMessageTo(QStringLiteral("history"), QStringLiteral("welcome back")));
        QTRY_COMPARE_WITH_TIMEOUT(alice->messages()->count(), 3, kTimeout);
        QCOMPARE(alice->history()->count(QStringLiteral("history")), 3);
    }

    void firstLocalStartHasALobbyAndIdleGoesAway()
    {
        AppOptions o =
            HubbubTest::localAppOptions(QStringLiteral("erin"), freshProfile(QStringLiteral("erin")));
        o.idleAwayAfter = 300ms;
        {
            auto erin = makeApp(o);
            QCOMPARE(erin->rooms()->roomNames(), QStringList{QStringLiteral("lobby")});
            QCOMPARE(erin->currentRoom(), QStringLiteral("lobby"));
            QSignalSpy idle(erin.get(), &AppController::userIdleChanged);
            erin->start();
            QTRY_VERIFY_WITH_TIMEOUT(erin->connection()->isConnected(), kTimeout);
            QVERIFY(erin->connection()->embedded());
            QTest::qWait(500);
            QVERIFY(!erin->userIdle()); // no activity reports: the UI decides
            erin->userActivity();
            QTRY_VERIFY_WITH_TIMEOUT(erin->userIdle(), kTimeout);
            QTRY_COMPARE_WITH_TIMEOUT(
                erin->directory()->openMembers(QStringLiteral("lobby"))->presence(QStringLiteral("erin")),
                MemberModel::Presence::Away, kTimeout);
            erin->userActivity();
            QVERIFY(!erin->userIdle());
            QCOMPARE(
                erin->directory()->openMembers(QStringLiteral("lobby"))->presence(QStringLiteral("erin")),
                MemberModel::Presence::Online);
            QVERIFY(idle.count() >= 2);
            erin->leaveRoom(QStringLiteral("lobby"));
            QCOMPARE(erin->currentRoom(), QString());
            QCOMPARE(erin->messages()->count(), 0);
        }
        // Left once: not seeded again.
        auto again = makeApp(o);
        QCOMPARE(again->rooms()->count(), 0);
    }

    void failedRetryAndDelete()
    {
        // A Client Access URL whose token may not send: every send is refused (Forbidden).
        const auto cs = WebPubSub::ConnectionString::parse(m_hub.service()->connectionString());
        WebPubSub::ClientTokenOptions token;
        token.userId = QStringLiteral("dave");
        AppOptions o = options(QStringLiteral("dave"), freshProfile(QStringLiteral("dave")));
        o.endpoint = AppOptions::Endpoint::Url;
        o.clientAccessUrl = cs->clientAccessUrl(HubbubTest::AppTestFixture::hub, token).toString();
        auto dave = makeApp(o);
        QSignalSpy errors(dave.get(), &AppController::errorShown);
        dave->start();
        waitConnected(dave.get());
        dave->joinRoom(QStringLiteral("closed"));
        watch(dave->messages());
        QTRY_VERIFY_WITH_TIMEOUT(errors.count() >= 1, kTimeout); // the join was refused
        QVERIFY(dave->sendMessage(QStringLiteral("one")));
        QVERIFY(dave->sendMessage(QStringLiteral("two")));
        const QString one = dave->messages()->at(0).id;
        const QString two = dave->messages()->at(1).id;
        QTRY_COMPARE_WITH_TIMEOUT(status(dave->messages(), one), QStringLiteral("failed"), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(status(dave->messages(), two), QStringLiteral("failed"), kTimeout);
        QCOMPARE(dave->connection()->outboxCount(), 0);
        dave->retryMessage(one);
        QCOMPARE(status(dave->messages(), one), QStringLiteral("sending"));
        QCOMPARE(dave->connection()->outboxCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(status(dave->messages(), one), QStringLiteral("failed"), kTimeout);
        dave->retryAllFailed();
        QCOMPARE(dave->connection()->outboxCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(dave->connection()->outboxCount(), 0, kTimeout);
        dave->deleteMessage(two);
        QCOMPARE(dave->messages()->count(), 1);
        QVERIFY(!dave->history()->contains(QStringLiteral("closed"), two));
        QVERIFY(dave->history()->contains(QStringLiteral("closed"), one));
    }
};

QTEST_MAIN(TestAppController)
#include "tst_appcontroller.moc"
