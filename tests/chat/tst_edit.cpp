// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// chat.edit: editing own messages, seen by another profile through the in-process service; forged,
// relayed, duplicate, early, offline and restarted cases (docs/message-envelope.md, "Edits, deletes
// and reactions").
#include "chattestsupport.h"
#include "historystore.h"

#include <QJsonObject>

using namespace Hubbub;
using namespace ChatTest;

class TestEdit : public HubbubTest::AppTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void ownEditSeenByTheOtherProfile()
    {
        const QString room = QStringLiteral("edit");
        std::unique_ptr<AppController> alice, bob;
        QVERIFY(startPair(m_hub, alice, bob, room));
        alice->selectRoom(room);
        bob->selectRoom(room);
        const QString id = sendAndWait(alice.get(), bob.get(), room, QStringLiteral("helo wrold"));
        QVERIFY(!id.isEmpty());
        MessageModel *bobModel = bob->directory()->openMessages(room);
        MessageModel *aliceModel = alice->directory()->openMessages(room);

        // The Up arrow's target: Alice's last own message; Bob has none of his own.
        QCOMPARE(alice->chat()->lastEditableMessageId(), id);
        QCOMPARE(bob->chat()->lastEditableMessageId(), QString());
        QVERIFY(!bob->chat()->edit(id, QStringLiteral("bob edits alice")));
        QVERIFY(!alice->chat()->edit(id, QStringLiteral("   ")));
        QVERIFY(!alice->chat()->edit(id, QStringLiteral("helo wrold"))); // unchanged: nothing sent

        QVERIFY(alice->chat()->edit(id, QStringLiteral("hello world")));
        // Applied locally at once, then sent.
        QCOMPARE(textOf(aliceModel, id), QStringLiteral("hello world"));
        QVERIFY(
            aliceModel->data(aliceModel->index(aliceModel->rowOf(id)), MessageModel::EditedRole).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(textOf(bobModel, id), QStringLiteral("hello world"), kTimeout);
        const QModelIndex bobRow = bobModel->index(bobModel->rowOf(id));
        QVERIFY(bobModel->data(bobRow, MessageModel::EditedRole).toBool());
        QVERIFY(!bobModel->data(bobRow, MessageModel::DeletedRole).toBool());
        QCOMPARE(bobModel->count(), 1); // an edit is not a new message
        QTRY_COMPARE_WITH_TIMEOUT(alice->connection()->outboxCount(), 0, kTimeout);

        // The last edit to arrive wins.
        QVERIFY(alice->chat()->edit(id, QStringLiteral("hello, world")));
        QTRY_COMPARE_WITH_TIMEOUT(textOf(bobModel, id), QStringLiteral("hello, world"), kTimeout);
        QCOMPARE(bob->rooms()->room(room)->lastMessageText, QStringLiteral("hello, world")); // the preview
        // In Bob's history too.
        const auto stored = bob->history()->latest(room, 10);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).text, QStringLiteral("hello, world"));
        QVERIFY(stored.at(0).edited);
    }

    void forgedEditFromAnotherUserIsDropped()
    {
        const QString room = QStringLiteral("forged-edit");
        std::unique_ptr<AppController> alice, bob;
        QVERIFY(startPair(m_hub, alice, bob, room));
        const QString id = sendAndWait(alice.get(), bob.get(), room, QStringLiteral("original"));
        QVERIFY(!id.isEmpty());
        auto mallory = rawMember(m_hub, QStringLiteral("mallory"), room);
        QVERIFY(mallory);
        QSignalSpy dropped(bob->chat()->mutations(), &MessageMutations::dropped);
        // Claims to be Alice in every payload field: only fromUserId counts.
        QJsonObject forged = editJson(MessageEnvelope::newId(), id, QStringLiteral("pwned"));
        forged.insert(QStringLiteral("sender"), QStringLiteral("alice"));
        sendJson(mallory.get(), room, forged);
        QVERIFY(barrier(mallory.get(), bob.get(), room));
        MessageModel *bobModel = bob->directory()->openMessages(room);
        QCOMPARE(textOf(bobModel, id), QStringLiteral("original"));
        QVERIFY(!message(bobModel, id)->edited);
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(1).toString(), forged.value(QStringLiteral("id")).toString());
        QCOMPARE(bob->history()->latest(room, 10).at(0).text, QStringLiteral("original"));
    }

    void relayedOriginalCannotBeEdited()
    {
        const QString room = QStringLiteral("relayed-edit");
        std::unique_ptr<AppController> alice, bob;
        QVERIFY(startPair(m_hub, alice, bob, room));
        // A message Bob only has relayed (by carol, after a gap), claimed to be Alice's.
        ChatMessage relayed;
        relayed.id = MessageEnvelope::newId();
        relayed.room = room;
        relayed.senderId = QStringLiteral("alice");
        relayed.text = QStringLiteral("relayed text");
        relayed.timestamp = QDateTime::currentDateTimeUtc();
        relayed.relayedBy = QStringLiteral("carol");
        QVERIFY(bob->history()->insert(relayed));
        MessageModel *bobModel = bob->directory()->openMessages(room);
        QVERIFY(bobModel->appendMessage(relayed));
        // Even from Alice's own identity the edit does not apply: the original's sender is unproven.
        auto rawAlice = rawMember(m_hub, QStringLiteral("alice"), room);
        QVERIFY(rawAlice);
        QSignalSpy dropped(bob->chat()->mutations(), &MessageMutations::dropped);
        sendJson(rawAlice.get(), room,
                 editJson(MessageEnvelope::newId(), relayed.id, QStringLiteral("changed")));
        QVERIFY(barrier(rawAlice.get(), bob.get(), room));
        QCOMPARE(textOf(bobModel, relayed.id), QStringLiteral("relayed text"));
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(2).toString(), QStringLiteral("the message was relayed"));
    }

    void duplicateOpIdAppliesOnceAndUnknownKindsAreIgnored()
    {
        const QString room = QStringLiteral("dup-edit");
        std::unique_ptr<AppController> alice, bob;
        QVERIFY(startPair(m_hub, alice, bob, room));
        auto rawAlice = rawMember(m_hub, QStringLiteral("alice"), room);
        QVERIFY(rawAlice);
        const QString id = MessageEnvelope::newId();
        const QJsonObject first = editJson(MessageEnvelope::newId(), id, QStringLiteral("first edit"));
        sendJson(rawAlice.get(), room, chatJson(id, QStringLiteral("original")));
        QVERIFY(barrier(rawAlice.get(), bob.get(), room));
        sendJson(rawAlice.get(), room, first);
        sendJson(rawAlice.get(), room, editJson(MessageEnvelope::newId(), id, QStringLiteral("second edit")));
        // An in-doubt resend of the first edit arrives after the second: it must not undo it.
        sendJson(rawAlice.get(), room, first);
        // A newer version and an unknown kind are ignored, nothing breaks.
        sendJson(rawAlice.get(), room, editJson(MessageEnvelope::newId(), id, QStringLiteral("v2 edit"), 2));
        sendJson(rawAlice.get(), room,
                 QJsonObject{{QStringLiteral("kind"), QStringLiteral("frobnicate")},
                             {QStringLiteral("v"), 1},
                             {QStringLiteral("id"), MessageEnvelope::newId()},
                             {QStringLiteral("target"), id},
                             {QStringLiteral("text"), QStringLiteral("frob")}});
        QVERIFY(barrier(rawAlice.get(), bob.get(), room));
        MessageModel *bobModel = bob->directory()->openMessages(room);
        QCOMPARE(textOf(bobModel, id), QStringLiteral("second edit"));
        QCOMPARE(bobModel->count(), 3); // the message and two markers: nothing else became a row
    }

    void editBeforeItsMessageIsHeldUntilItArrives()
    {
        const QString room = QStringLiteral("early-edit");
        std::unique_ptr<AppController> alice, bob;
        QVERIFY(startPair(m_hub, alice, bob, room));
        auto rawAlice = rawMember(m_hub, QStringLiteral("alice"), room);
        QVERIFY(rawAlice);
        // Reordered across a drop: the edit is delivered before the message it edits.
        const QString id = MessageEnvelope::newId();
        const auto edit =
            MessageEnvelope::fromJson(editJson(MessageEnvelope::newId(), id, QStringLiteral("fixed")));
        QVERIFY(edit);
        bob->chat()->mutations()->handle(room, QStringLiteral("alice"), *edit);
        QCOMPARE(bob->chat()->mutations()->heldCount(room), 1);
        sendJson(rawAlice.get(), room, chatJson(id, QStringLiteral("typo")));
        MessageModel *bobModel = bob->directory()->openMessages(room);
        QTRY_COMPARE_WITH_TIMEOUT(textOf(bobModel, id), QStringLiteral("fixed"), kTimeout);
        QVERIFY(message(bobModel, id)->edited);
        QCOMPARE(bob->chat()->mutations()->heldCount(room), 0);
    }

    void offlineEditWaitsInTheOutboxAfterItsMessage()
    {
        const QString room = QStringLiteral("offline-edit");
        std::unique_ptr<AppController> alice, bob;
        QVERIFY(startPair(m_hub, alice, bob, room));
        alice->selectRoom(room);
        // An observer records the order in which the service delivers Alice's envelopes.
        auto observer = rawMember(m_hub, QStringLiteral("observer"), room);
        QVERIFY(observer);
        QStringList order;
        connect(observer.get(), &WebPubSub::Client::groupMessageReceived, this,
                [&](const WebPubSub::GroupMessage &m) {
                    const auto env = MessageEnvelope::fromGroupMessage(m);
                    if (env && (env->kind == MessageEnvelope::Kind::Message || env->isMutation()))
                        order.append(MessageEnvelope::kindName(env->kind));
                });
        const QString sent = sendAndWait(alice.get(), bob.get(), room, QStringLiteral("sent before"));
        QVERIFY(!sent.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 1, kTimeout);

        alice->connection()->goOffline(3000);
        QTRY_VERIFY_WITH_TIMEOUT(!alice->connection()->isConnected(), kTimeout);
        QVERIFY(alice->chat()->edit(sent, QStringLiteral("edited offline")));
        QVERIFY(alice->sendMessage(QStringLiteral("typed offline")));
        const QString typed = alice->messages()->at(alice->messages()->count() - 1).id;
        // Edited before it was ever sent: the edit waits behind it.
        QVERIFY(alice->chat()->edit(typed, QStringLiteral("typed offline, edited")));
        QCOMPARE(alice->connection()->outboxCount(), 3);
        QCOMPARE(alice->outboxIds().at(1), typed);
        QCOMPARE(textOf(alice->messages(), sent), QStringLiteral("edited offline"));

        MessageModel *bobModel = bob->directory()->openMessages(room);
        QTRY_COMPARE_WITH_TIMEOUT(alice->connection()->outboxCount(), 0, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(textOf(bobModel, typed), QStringLiteral("typed offline, edited"), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(textOf(bobModel, sent), QStringLiteral("edited offline"), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 4, kTimeout);
        QCOMPARE(order, (QStringList{QStringLiteral("message"), QStringLiteral("edit"),
                                     QStringLiteral("message"), QStringLiteral("edit")}));
        QCOMPARE(bob->chat()->mutations()->heldCount(room), 0);
    }

    void editsSurviveRestartOnBothSides()
    {
        const QString room = QStringLiteral("restart-edit");
        const QString aliceProfile = m_hub.freshProfile(QStringLiteral("alice"));
        const QString bobProfile = m_hub.freshProfile(QStringLiteral("bob"));
        QString first, second;
        QString pendingOp;
        {
            auto alice = app(m_hub, QStringLiteral("alice"), aliceProfile);
            auto bob = app(m_hub, QStringLiteral("bob"), bobProfile);
            QVERIFY(HubbubTest::joinAll({alice.get(), bob.get()}, room, kTimeout));
            alice->selectRoom(room);
            first = sendAndWait(alice.get(), bob.get(), room, QStringLiteral("first"));
            second = sendAndWait(alice.get(), bob.get(), room, QStringLiteral("second"));
            QVERIFY(!first.isEmpty() && !second.isEmpty());
            QVERIFY(alice->chat()->edit(first, QStringLiteral("first, edited")));
            QTRY_COMPARE_WITH_TIMEOUT(textOf(bob->directory()->openMessages(room), first),
                                      QStringLiteral("first, edited"), kTimeout);
            QTRY_COMPARE_WITH_TIMEOUT(alice->connection()->outboxCount(), 0, kTimeout);
            // Alice quits offline with an edit made: it goes out on the next start.
            alice->connection()->goOffline(60000);
            QTRY_VERIFY_WITH_TIMEOUT(!alice->connection()->isConnected(), kTimeout);
            QVERIFY(alice->chat()->edit(second, QStringLiteral("second, edited offline")));
            QCOMPARE(alice->outboxIds().size(), 1);
            pendingOp = alice->outboxIds().at(0);
            alice->shutdown();
            bob->shutdown();
        }
        auto bob = std::make_unique<AppController>(m_hub.options(QStringLiteral("bob"), bobProfile));
        bob->selectRoom(room);
        QCOMPARE(textOf(bob->messages(), first), QStringLiteral("first, edited"));
        QVERIFY(message(bob->messages(), first)->edited);
        QCOMPARE(textOf(bob->messages(), second), QStringLiteral("second"));
        auto alice = std::make_unique<AppController>(m_hub.options(QStringLiteral("alice"), aliceProfile));
        alice->selectRoom(room);
        QCOMPARE(textOf(alice->messages(), second), QStringLiteral("second, edited offline"));
        QCOMPARE(alice->outboxIds(), QStringList{pendingOp});
        // Bob back in the room first: the service keeps nothing for a member not joined.
        bob->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            bob->connection()->client() && bob->connection()->client()->groups().contains(room), kTimeout);
        alice->start();
        QTRY_COMPARE_WITH_TIMEOUT(textOf(bob->messages(), second), QStringLiteral("second, edited offline"),
                                  kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(alice->connection()->outboxCount(), 0, kTimeout);
    }
};

QTEST_MAIN(TestEdit)
#include "tst_edit.moc"
