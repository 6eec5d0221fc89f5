// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// chat.reactions: idempotent set/unset per (message, emoji, user), counts and who reacted, seen by
// another profile through the in-process service; forged, duplicate, early, invalid, offline and
// restarted cases.
#include "backfill.h"
#include "chattestsupport.h"
#include "historystore.h"

#include <QJsonObject>

using namespace std::chrono_literals;

using namespace Hubbub;
using namespace ChatTest;

namespace {
const QString kThumbs = QStringLiteral("\U0001F44D");
const QString kParty = QStringLiteral("\U0001F389");
} // namespace

class TestReactions : public HubbubTest::AppTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void countsWhoAndToggleYourOwn()
    {
        const QString room = QStringLiteral("react");
        std::unique_ptr<AppController> alice, bob;
        QVERIFY(startPair(m_hub, alice, bob, room));
        bob->selectRoom(room);
        alice->selectRoom(room);
        const QString id = sendAndWait(alice.get(), bob.get(), room, QStringLiteral("lunch?"));
        QVERIFY(!id.isEmpty());
        MessageModel *a = alice->messages();
        MessageModel *b = bob->messages();

        QVERIFY(bob->chat()->setReaction(id, kThumbs, true));
        QCOMPARE(reactionsOf(b, id), kThumbs + QStringLiteral("*:bob"));
        QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(a, id), kThumbs + QStringLiteral(":bob"), kTimeout);
        QVERIFY(alice->chat()->setReaction(id, kThumbs, true));
        QVERIFY(alice->chat()->setReaction(id, kParty, true));
        QTRY_COMPARE_WITH_TIMEOUT(
            reactionsOf(b, id), kThumbs + QStringLiteral("*:bob,alice|") + kParty + QStringLiteral(":alice"),
            kTimeout);
        const QVariantMap first =
            b->data(b->index(b->rowOf(id)), MessageModel::ReactionsRole).toList().at(0).toMap();
        QCOMPARE(first.value(QStringLiteral("count")).toInt(), 2);
        QCOMPARE(first.value(QStringLiteral("users")).toStringList(),
                 (QStringList{QStringLiteral("bob"), QStringLiteral("alice")}));
        QCOMPARE(first.value(QStringLiteral("mine")).toBool(), true);
        // Unset is idempotent: Bob's own goes, Alice's stays.
        QVERIFY(bob->chat()->setReaction(id, kThumbs, false));
        QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(a, id),
                                  kThumbs + QStringLiteral("*:alice|") + kParty + QStringLiteral("*:alice"),
                                  kTimeout);
        QCOMPARE(reactionsOf(b, id), kThumbs + QStringLiteral(":alice|") + kParty + QStringLiteral(":alice"));
        QVERIFY(!bob->chat()->setReaction(id, QStringLiteral("not an emoji"), true)); // has spaces
        QVERIFY(!bob->chat()->setReaction(id, QString(40, u'x'), true));              // too long
        QCOMPARE(b->count(), 1);
    }

    void forgedDuplicateInvalidAndNewerAreHarmless()
    {
        const QString room = QStringLiteral("react-hostile");
        std::unique_ptr<AppController> alice, bob;
        QVERIFY(startPair(m_hub, alice, bob, room));
        const QString id = sendAndWait(alice.get(), bob.get(), room, QStringLiteral("vote"));
        QVERIFY(!id.isEmpty());
        QVERIFY(alice->chat()->setReactionIn(room, id, kThumbs, true));
        MessageModel *b = bob->directory()->openMessages(room);
        QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(b, id), kThumbs + QStringLiteral(":alice"), kTimeout);

        auto mallory = rawMember(m_hub, QStringLiteral("mallory"), room);
        QVERIFY(mallory);
        // Mallory tries to take Alice's reaction away, claiming to be her: only Mallory's own
        // (absent) reaction is unset.
        QJsonObject forged = reactionJson(MessageEnvelope::newId(), id, kThumbs, false);
        forged.insert(QStringLiteral("sender"), QStringLiteral("alice"));
        sendJson(mallory.get(), room, forged);
        // Set twice under two ids (idempotent: one reaction), then set/unset/resent set (the resend
        // of an applied id is dropped: stays unset).
        sendJson(mallory.get(), room, reactionJson(MessageEnvelope::newId(), id, kParty, true));
        sendJson(mallory.get(), room, reactionJson(MessageEnvelope::newId(), id, kParty, true));
        QVERIFY(barrier(mallory.get(), bob.get(), room));
        QCOMPARE(reactionsOf(b, id),
                 kThumbs + QStringLiteral(":alice|") + kParty + QStringLiteral(":mallory"));
        const QJsonObject set = reactionJson(MessageEnvelope::newId(), id, kParty, true);
        sendJson(mallory.get(), room, set);
        sendJson(mallory.get(), room, reactionJson(MessageEnvelope::newId(), id, kParty, false));
        sendJson(mallory.get(), room, set);
        // Invalid emoji (a line break inside, too long), a newer version, an unknown kind: ignored.
        sendJson(mallory.get(), room,
                 reactionJson(MessageEnvelope::newId(), id, QStringLiteral("a\nb"), true));
        sendJson(mallory.get(), room, reactionJson(MessageEnvelope::newId(), id, QString(33, u'x'), true));
        sendJson(mallory.get(), room, reactionJson(MessageEnvelope::newId(), id, kParty, true, 2));
        sendJson(mallory.get(), room,
                 QJsonObject{{QStringLiteral("kind"), QStringLiteral("reaction-v9")},
                             {QStringLiteral("id"), MessageEnvelope::newId()},
                             {QStringLiteral("target"), id}});
        QVERIFY(barrier(mallory.get(), bob.get(), room));
        QCOMPARE(reactionsOf(b, id), kThumbs + QStringLiteral(":alice"));
        QCOMPARE(b->count(), 3); // the message and two markers
    }

    void reactionBeforeItsMessageIsAppliedWhenItArrives()
    {
        const QString room = QStringLiteral("react-early");
        std::unique_ptr<AppController> alice, bob;
        QVERIFY(startPair(m_hub, alice, bob, room));
        auto carol = rawMember(m_hub, QStringLiteral("carol"), room);
        auto rawAlice = rawMember(m_hub, QStringLiteral("alice"), room);
        QVERIFY(carol && rawAlice);
        const QString id = MessageEnvelope::newId();
        // Carol saw the message (on another path) and reacts before Bob has it.
        sendJson(carol.get(), room, reactionJson(MessageEnvelope::newId(), id, kThumbs, true));
        QTRY_COMPARE_WITH_TIMEOUT(bob->chat()->mutations()->heldCount(room), 1, kTimeout);
        sendJson(rawAlice.get(), room, chatJson(id, QStringLiteral("late")));
        MessageModel *b = bob->directory()->openMessages(room);
        QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(b, id), kThumbs + QStringLiteral(":carol"), kTimeout);
        QCOMPARE(bob->chat()->mutations()->heldCount(room), 0);
    }

    void reactionHeldForABackfilledMessageAppliesWhenFilled()
    {
        // Bob misses dave's message in a gap; carol's reaction to it reaches him first and is
        // held; when dave fills the gap, the held reaction applies to the relayed message.
        const QString room = QStringLiteral("react-filled");
        AppOptions options = m_hub.options(QStringLiteral("bob"), m_hub.freshProfile(QStringLiteral("bob")));
        // Offline longer than this: the connection cannot be recovered, a new one has a gap.
        options.clientOptions.recoveryTimeout = 500ms;
        auto bob = std::make_unique<AppController>(options);
        bob->start();
        QTRY_VERIFY_WITH_TIMEOUT(bob->connection()->isConnected(), kTimeout);
        bob->joinRoom(room);
        m_hub.watch(bob->directory()->openMessages(room));
        QTRY_VERIFY_WITH_TIMEOUT(bob->connection()->client()->groups().contains(room), kTimeout);
        auto dave = rawMember(m_hub, QStringLiteral("dave"), room);
        auto carol = rawMember(m_hub, QStringLiteral("carol"), room);
        QVERIFY(dave && carol);
        QStringList requests;
        connect(dave.get(), &WebPubSub::Client::groupMessageReceived, this,
                [&](const WebPubSub::GroupMessage &m) {
                    const auto env = MessageEnvelope::fromGroupMessage(m);
                    if (env && env->kind == MessageEnvelope::Kind::BackfillRequest)
                        requests.append(env->id);
                });

        bob->connection()->goOffline(3000);
        QTRY_VERIFY_WITH_TIMEOUT(!bob->connection()->isConnected(), kTimeout);
        const QString id = MessageEnvelope::newId();
        const QDateTime sentAt = QDateTime::currentDateTimeUtc();
        sendJson(dave.get(), room, chatJson(id, QStringLiteral("missed by bob")));
        QTRY_VERIFY_WITH_TIMEOUT(bob->connection()->isConnected(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(requests.size(), 1, kTimeout);
        MessageModel *b = bob->directory()->openMessages(room);
        QVERIFY(!b->contains(id));

        sendJson(carol.get(), room, reactionJson(MessageEnvelope::newId(), id, kThumbs, true));
        QTRY_COMPARE_WITH_TIMEOUT(bob->chat()->mutations()->heldCount(room), 1, kTimeout);

        MessageEnvelope answer;
        answer.kind = MessageEnvelope::Kind::Backfill;
        answer.version = MessageEnvelope::kBackfillVersion;
        answer.id = MessageEnvelope::newId();
        answer.requestId = requests.first();
        answer.relayed = {{id, QStringLiteral("dave"), QStringLiteral("missed by bob"), sentAt}};
        dave->sendToGroup(room, answer.toPayload());
        QTRY_VERIFY_WITH_TIMEOUT(b->contains(id), kTimeout);
        QCOMPARE(b->at(b->rowOf(id)).relayedBy, QStringLiteral("dave"));
        QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(b, id), kThumbs + QStringLiteral(":carol"), kTimeout);
        QCOMPARE(bob->chat()->mutations()->heldCount(room), 0);
    }

    void offlineReactionWaitsAndReactionsSurviveRestart()
    {
        const QString room = QStringLiteral("react-restart");
        const QString bobProfile = m_hub.freshProfile(QStringLiteral("bob"));
        auto alice = app(m_hub, QStringLiteral("alice"));
        QString id;
        {
            auto bob = app(m_hub, QStringLiteral("bob"), bobProfile);
            QVERIFY(HubbubTest::joinAll({alice.get(), bob.get()}, room, kTimeout));
            id = sendAndWait(alice.get(), bob.get(), room, QStringLiteral("ship it"));
            QVERIFY(!id.isEmpty());
            bob->connection()->goOffline(3000);
            QTRY_VERIFY_WITH_TIMEOUT(!bob->connection()->isConnected(), kTimeout);
            QVERIFY(bob->chat()->setReactionIn(room, id, kParty, true));
            QCOMPARE(bob->connection()->outboxCount(), 1);
            QVERIFY(alice->chat()->setReactionIn(room, id, kThumbs, true));
            MessageModel *a = alice->directory()->openMessages(room);
            QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(a, id),
                                      kThumbs + QStringLiteral("*:alice|") + kParty + QStringLiteral(":bob"),
                                      60000);
            QTRY_COMPARE_WITH_TIMEOUT(bob->connection()->outboxCount(), 0, kTimeout);
            QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(bob->directory()->openMessages(room), id),
                                      kParty + QStringLiteral("*:bob|") + kThumbs + QStringLiteral(":alice"),
                                      kTimeout);
            bob->shutdown();
        }
        auto bob = std::make_unique<AppController>(m_hub.options(QStringLiteral("bob"), bobProfile));
        bob->selectRoom(room);
        QCOMPARE(reactionsOf(bob->messages(), id),
                 kParty + QStringLiteral("*:bob|") + kThumbs + QStringLiteral(":alice"));
        // And still toggles: Bob's own goes.
        QVERIFY(bob->chat()->setReaction(id, kParty, false));
        QCOMPARE(reactionsOf(bob->messages(), id), kThumbs + QStringLiteral(":alice"));
    }
};

QTEST_MAIN(TestReactions)
#include "tst_reactions.moc"
