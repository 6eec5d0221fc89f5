// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// chat.delete: "delete for everyone" of own messages, seen by another profile through the in-process
// service: a tombstone everywhere, the text gone from the history; forged, relayed, delete-wins,
// offline and restarted cases.
#include "chattestsupport.h"
#include "historystore.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Hubbub;
using namespace ChatTest;

namespace {
bool isTombstone(MessageModel *model, const QString &id)
{
    const int row = model->rowOf(id);
    return row >= 0 && model->data(model->index(row), MessageModel::DeletedRole).toBool() &&
           model->data(model->index(row), MessageModel::TextRole).toString().isEmpty();
}
//! Whether \a text is anywhere in the history file's messages table (read with a connection of its own).
bool historyFileContains(const QString &path, const QString &text)
{
    bool found = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE text LIKE ?"));
            q.addBindValue(u'%' + text + u'%');
            found = q.exec() && q.next() && q.value(0).toInt() > 0;
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    return found;
}
} // namespace

class TestDelete : public HubbubTest::AppTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void deleteForEveryoneLeavesATombstoneEverywhere()
    {
        const QString room = QStringLiteral("delete");
        std::unique_ptr<AppController> alice, bob;
        QVERIFY(startPair(m_hub, alice, bob, room));
        alice->selectRoom(room);
        const QString keep = sendAndWait(alice.get(), bob.get(), room, QStringLiteral("keep me"));
        const QString id = sendAndWait(alice.get(), bob.get(), room, QStringLiteral("my secret 4711"));
        QVERIFY(!id.isEmpty() && !keep.isEmpty());
        QVERIFY(bob->chat()->setReactionIn(room, id, QStringLiteral("\U0001F44D"), true));
        QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(alice->messages(), id), QStringLiteral("\U0001F44D:bob"),
                                  kTimeout);
        QVERIFY(!bob->chat()->deleteIn(room, id)); // not Bob's

        QVERIFY(alice->chat()->deleteForEveryone(id));
        QVERIFY(isTombstone(alice->messages(), id));
        QCOMPARE(alice->rooms()->room(room)->lastMessageText, QStringLiteral("message deleted"));
        QCOMPARE(reactionsOf(alice->messages(), id), QString()); // a tombstone has no reactions
        MessageModel *bobModel = bob->directory()->openMessages(room);
        QTRY_VERIFY_WITH_TIMEOUT(isTombstone(bobModel, id), kTimeout);
        QCOMPARE(reactionsOf(bobModel, id), QString());
        QCOMPARE(bobModel->count(), 2);
        QCOMPARE(textOf(bobModel, keep), QStringLiteral("keep me"));
        // The Up arrow skips it; it cannot be edited or deleted again.
        QCOMPARE(alice->chat()->lastEditableMessageId(), keep);
        QVERIFY(!alice->chat()->edit(id, QStringLiteral("back")));
        QVERIFY(!alice->chat()->deleteForEveryone(id));
        QTRY_COMPARE_WITH_TIMEOUT(alice->connection()->outboxCount(), 0, kTimeout);
        // The text is gone from both history files, not just hidden, and never relayed in a backfill.
        QVERIFY(!historyFileContains(alice->history()->path(), QStringLiteral("4711")));
        QVERIFY(!historyFileContains(bob->history()->path(), QStringLiteral("4711")));
        QVERIFY(historyFileContains(bob->history()->path(), QStringLiteral("keep me")));
        const auto relayable = bob->history()->receivedBetween(
            room, QDateTime::currentDateTimeUtc().addSecs(-600), QDateTime::currentDateTimeUtc(), 100);
        QCOMPARE(relayable.size(), 1);
        QCOMPARE(relayable.at(0).id, keep);
    }

    void forgedAndRelayedDeletesAreDropped()
    {
        const QString room = QStringLiteral("forged-delete");
        std::unique_ptr<AppController> alice, bob;
        QVERIFY(startPair(m_hub, alice, bob, room));
        const QString id = sendAndWait(alice.get(), bob.get(), room, QStringLiteral("still here"));
        QVERIFY(!id.isEmpty());
        MessageModel *bobModel = bob->directory()->openMessages(room);
        ChatMessage relayed;
        relayed.id = MessageEnvelope::newId();
        relayed.room = room;
        relayed.senderId = QStringLiteral("mallory");
        relayed.text = QStringLiteral("relayed");
        relayed.timestamp = QDateTime::currentDateTimeUtc();
        relayed.relayedBy = QStringLiteral("carol");
        QVERIFY(bob->history()->insert(relayed));
        QVERIFY(bobModel->appendMessage(relayed));

        auto mallory = rawMember(m_hub, QStringLiteral("mallory"), room);
        QVERIFY(mallory);
        QSignalSpy dropped(bob->chat()->mutations(), &MessageMutations::dropped);
        QJsonObject forged = deleteJson(MessageEnvelope::newId(), id);
        forged.insert(QStringLiteral("sender"), QStringLiteral("alice"));
        sendJson(mallory.get(), room, forged);
        // Mallory "is" the claimed sender of the relayed one, but a relayed sender is unproven.
        sendJson(mallory.get(), room, deleteJson(MessageEnvelope::newId(), relayed.id));
        QVERIFY(barrier(mallory.get(), bob.get(), room));
        QCOMPARE(dropped.count(), 2);
        QCOMPARE(dropped.at(0).at(2).toString(), QStringLiteral("not the sender of the message"));
        QCOMPARE(dropped.at(1).at(2).toString(), QStringLiteral("the message was relayed"));
        QCOMPARE(textOf(bobModel, id), QStringLiteral("still here"));
        QCOMPARE(textOf(bobModel, relayed.id), QStringLiteral("relayed"));
        QVERIFY(!message(bobModel, id)->deleted);
    }

    void deleteWinsOverLaterEditsAndDuplicates()
    {
        const QString room = QStringLiteral("delete-wins");
        std::unique_ptr<AppController> alice, bob;
        QVERIFY(startPair(m_hub, alice, bob, room));
        auto rawAlice = rawMember(m_hub, QStringLiteral("alice"), room);
        QVERIFY(rawAlice);
        MessageModel *bobModel = bob->directory()->openMessages(room);
        // Delivered in order: message, delete, a later edit, the delete again.
        const QString one = MessageEnvelope::newId();
        const QJsonObject del = deleteJson(MessageEnvelope::newId(), one);
        sendJson(rawAlice.get(), room, chatJson(one, QStringLiteral("one")));
        QVERIFY(barrier(rawAlice.get(), bob.get(), room));
        sendJson(rawAlice.get(), room, del);
        sendJson(rawAlice.get(), room,
                 editJson(MessageEnvelope::newId(), one, QStringLiteral("resurrected")));
        sendJson(rawAlice.get(), room, del);
        QVERIFY(barrier(rawAlice.get(), bob.get(), room));
        QVERIFY(isTombstone(bobModel, one));

        // Reordered (held before the message): an edit, then the delete, then the message.
        const QString two = MessageEnvelope::newId();
        MessageMutations *mutations = bob->chat()->mutations();
        mutations->handle(
            room, QStringLiteral("alice"),
            *MessageEnvelope::fromJson(editJson(MessageEnvelope::newId(), two, QStringLiteral("e1"))));
        mutations->handle(room, QStringLiteral("alice"),
                          *MessageEnvelope::fromJson(deleteJson(MessageEnvelope::newId(), two)));
        mutations->handle(
            room, QStringLiteral("alice"),
            *MessageEnvelope::fromJson(editJson(MessageEnvelope::newId(), two, QStringLiteral("e2"))));
        QCOMPARE(mutations->heldCount(room), 3);
        sendJson(rawAlice.get(), room, chatJson(two, QStringLiteral("two")));
        QTRY_VERIFY_WITH_TIMEOUT(isTombstone(bobModel, two), kTimeout);
        QCOMPARE(mutations->heldCount(room), 0);
    }

    void offlineDeleteWaitsAndTombstoneSurvivesRestart()
    {
        const QString room = QStringLiteral("restart-delete");
        const QString bobProfile = m_hub.freshProfile(QStringLiteral("bob"));
        auto alice = app(m_hub, QStringLiteral("alice"));
        QString id;
        {
            auto bob = app(m_hub, QStringLiteral("bob"), bobProfile);
            QVERIFY(HubbubTest::joinAll({alice.get(), bob.get()}, room, kTimeout));
            alice->selectRoom(room);
            id = sendAndWait(alice.get(), bob.get(), room, QStringLiteral("regret"));
            QVERIFY(!id.isEmpty());
            alice->connection()->goOffline(3000);
            QTRY_VERIFY_WITH_TIMEOUT(!alice->connection()->isConnected(), kTimeout);
            QVERIFY(alice->chat()->deleteForEveryone(id));
            QCOMPARE(alice->connection()->outboxCount(), 1);
            QVERIFY(isTombstone(alice->messages(), id));
            MessageModel *bobModel = bob->directory()->openMessages(room);
            QVERIFY(!isTombstone(bobModel, id));
            QTRY_VERIFY_WITH_TIMEOUT(isTombstone(bobModel, id), 60000);
            QTRY_COMPARE_WITH_TIMEOUT(alice->connection()->outboxCount(), 0, kTimeout);
            bob->shutdown();
        }
        auto bob = std::make_unique<AppController>(m_hub.options(QStringLiteral("bob"), bobProfile));
        bob->selectRoom(room);
        QVERIFY(isTombstone(bob->messages(), id));
        QCOMPARE(bob->messages()->count(), 1);
        QCOMPARE(bob->rooms()->room(room)->lastMessageText, QStringLiteral("message deleted"));
    }
};

QTEST_MAIN(TestDelete)
#include "tst_delete.moc"
