// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// chat.heldops: edits, deletes and reactions that arrive before their message are held in the
// history (HeldOps), so they survive a restart of the profile and still apply exactly once, with
// the same authority checks, when the message arrives; forged ones are still dropped; the bound,
// the expiry and the dedupe hold across restarts. And the applied op ids (MutationStore's
// `applied_ops`) are pruned by age without letting a resend apply twice.
#include "chattestsupport.h"
#include "heldops.h"
#include "historystore.h"
#include "mutationstore.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Hubbub;
using namespace ChatTest;

namespace {
const QString kThumbs = QStringLiteral("\U0001F44D");

MessageEnvelope reaction(const QString &target)
{
    return MessageEnvelope::reaction(target, kThumbs, true, QStringLiteral("carol"));
}

//! Runs \a sql with \a value bound on the history file \a path through a connection of its own.
void execOn(const QString &path, const QString &sql, const QVariant &value)
{
    const QString name = QStringLiteral("tst-heldops-raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.prepare(sql));
        if (value.isValid())
            q.addBindValue(value);
        QVERIFY(q.exec());
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}
} // namespace

class TestHeldOps : public HubbubTest::AppTestCase
{
    Q_OBJECT

    //! An app for \a user on \a profile, in \a room (rejoined from the history after a restart).
    std::unique_ptr<AppController> inRoom(const QString &user, const QString &profile, const QString &room)
    {
        auto a = app(m_hub, user, profile);
        if (!QTest::qWaitFor([&] { return a->connection()->isConnected(); }, kTimeout))
            return nullptr;
        if (!a->directory()->contains(room))
            a->joinRoom(room);
        if (!QTest::qWaitFor([&] { return a->connection()->client()->groups().contains(room); }, kTimeout))
            return nullptr;
        return a;
    }

private Q_SLOTS:

    void heldOpsSurviveRestartAndApplyOnceWhenTheMessageArrives()
    {
        const QString room = QStringLiteral("held-restart");
        const QString profile = m_hub.freshProfile(QStringLiteral("bob"));
        auto bob = inRoom(QStringLiteral("bob"), profile, room);
        QVERIFY(bob);
        auto alice = rawMember(m_hub, QStringLiteral("alice"), room);
        auto carol = rawMember(m_hub, QStringLiteral("carol"), room);
        auto mallory = rawMember(m_hub, QStringLiteral("mallory"), room);
        QVERIFY(alice && carol && mallory);

        // Alice's three messages have not reached Bob; what acts on them has (reordered by a drop).
        const QString edited = MessageEnvelope::newId(), kept = MessageEnvelope::newId(),
                      deleted = MessageEnvelope::newId();
        const QString alicesName = QStringLiteral("alice"), carolsName = QStringLiteral("carol");
        const QJsonObject genuineEdit =
            MessageEnvelope::edit(edited, QStringLiteral("fixed"), alicesName).toJson();
        // Mallory's envelopes claim to be Alice's and Carol's: a claim, nothing more.
        const QJsonObject forgedEdit =
            MessageEnvelope::edit(edited, QStringLiteral("pwned"), alicesName).toJson();
        const QJsonObject genuineReaction = reaction(edited).toJson();
        // Mallory "unsets Carol's reaction": only ever her own (absent) one.
        const QJsonObject forgedUnset =
            MessageEnvelope::reaction(edited, kThumbs, false, carolsName).toJson();
        const QJsonObject forgedDelete = MessageEnvelope::deletion(kept, alicesName).toJson();
        const QJsonObject genuineDelete = MessageEnvelope::deletion(deleted, alicesName).toJson();
        sendJson(alice.get(), room, genuineEdit);
        sendJson(mallory.get(), room, forgedEdit); // after the genuine one: it would win
        sendJson(carol.get(), room, genuineReaction);
        sendJson(carol.get(), room, genuineReaction); // an in-doubt resend: held once
        sendJson(mallory.get(), room, forgedUnset);
        sendJson(mallory.get(), room, forgedDelete);
        sendJson(alice.get(), room, genuineDelete);
        QTRY_COMPARE_WITH_TIMEOUT(bob->chat()->mutations()->heldCount(room), 6, kTimeout);

        // Restart: a new AppController on the same profile.
        bob->shutdown();
        bob.reset();
        bob = inRoom(QStringLiteral("bob"), profile, room);
        QVERIFY(bob);
        MessageMutations *mutations = bob->chat()->mutations();
        QCOMPARE(mutations->heldCount(room), 6);
        QSignalSpy applied(mutations, &MessageMutations::applied);
        QSignalSpy dropped(mutations, &MessageMutations::dropped);

        sendJson(carol.get(), room, genuineReaction); // a resend after the restart: still held once
        QVERIFY(barrier(carol.get(), bob.get(), room));
        QCOMPARE(mutations->heldCount(room), 6);
        sendJson(alice.get(), room, chatJson(edited, QStringLiteral("typo")));
        sendJson(alice.get(), room, chatJson(kept, QStringLiteral("stays")));
        sendJson(alice.get(), room, chatJson(deleted, QStringLiteral("goes")));
        QVERIFY(barrier(alice.get(), bob.get(), room));
        sendJson(carol.get(), room, genuineReaction); // a resend after it applied: a duplicate
        QVERIFY(barrier(carol.get(), bob.get(), room));

        MessageModel *model = bob->directory()->openMessages(room);
        QCOMPARE(textOf(model, edited), QStringLiteral("fixed"));
        QVERIFY(message(model, edited)->edited);
        QCOMPARE(reactionsOf(model, edited), kThumbs + QStringLiteral(":carol"));
        QCOMPARE(textOf(model, kept), QStringLiteral("stays"));
        QVERIFY(!message(model, kept)->deleted);
        QVERIFY(message(model, deleted)->deleted);
        QCOMPARE(mutations->heldCount(room), 0);

        // Each genuine op exactly once; Mallory's unset applies as hers (a no-op), the rest dropped.
        QStringList appliedIds, droppedIds;
        for (const QList<QVariant> &args : std::as_const(applied))
            appliedIds.append(args.at(2).toString());
        for (const QList<QVariant> &args : std::as_const(dropped))
            droppedIds.append(args.at(1).toString() + u' ' + args.at(2).toString());
        appliedIds.sort();
        QStringList expected{genuineEdit.value(QStringLiteral("id")).toString(),
                             genuineReaction.value(QStringLiteral("id")).toString(),
                             forgedUnset.value(QStringLiteral("id")).toString(),
                             genuineDelete.value(QStringLiteral("id")).toString()};
        expected.sort();
        QCOMPARE(appliedIds, expected);
        QVERIFY2(droppedIds.contains(forgedEdit.value(QStringLiteral("id")).toString() +
                                     QStringLiteral(" not the sender of the message")),
                 qPrintable(droppedIds.join(u'\n')));
        QVERIFY2(droppedIds.contains(forgedDelete.value(QStringLiteral("id")).toString() +
                                     QStringLiteral(" not the sender of the message")),
                 qPrintable(droppedIds.join(u'\n')));
        QVERIFY2(droppedIds.contains(genuineReaction.value(QStringLiteral("id")).toString() +
                                     QStringLiteral(" duplicate")),
                 qPrintable(droppedIds.join(u'\n')));
        QCOMPARE(droppedIds.size(), 3);

        // Settled ops are gone from the history too: nothing waits after another restart.
        bob->shutdown();
        bob.reset();
        bob = inRoom(QStringLiteral("bob"), profile, room);
        QVERIFY(bob);
        QCOMPARE(bob->chat()->mutations()->heldCount(room), 0);
        model = bob->directory()->openMessages(room);
        QCOMPARE(textOf(model, edited), QStringLiteral("fixed"));
        QCOMPARE(reactionsOf(model, edited), kThumbs + QStringLiteral(":carol"));
    }

    void heldOpsAreBoundedExpireAndDedupeAcrossRestarts()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const QString room = QStringLiteral("bounded");
        QStringList ids;
        {
            HistoryStore history(path);
            QVERIFY(history.isOpen());
            HeldOps held(history.connectionName());
            for (int i = 0; i < HeldOps::kMaxPerRoom + 5; ++i) {
                const MessageEnvelope env = reaction(QStringLiteral("target-%1").arg(i));
                ids.append(env.id);
                QVERIFY(held.add(room, QStringLiteral("carol"), env));
            }
            QCOMPARE(held.count(room), HeldOps::kMaxPerRoom);
            QVERIFY(
                held.add(QStringLiteral("other"), QStringLiteral("carol"), reaction(QStringLiteral("x"))));
        }
        {
            HistoryStore history(path);
            HeldOps held(history.connectionName());
            QCOMPARE(held.count(room), HeldOps::kMaxPerRoom);
            QCOMPARE(held.count(QStringLiteral("other")), 1);
            // The oldest five went first; the newest are there, with the service's fromUserId.
            const auto first =
                held.take(room, [](const HeldOps::Op &op) { return op.env.target == u"target-4"; });
            QVERIFY(first.isEmpty());
            const auto kept =
                held.take(room, [](const HeldOps::Op &op) { return op.env.target == u"target-1004"; });
            QCOMPARE(kept.size(), 1);
            QCOMPARE(kept.at(0).fromUserId, QStringLiteral("carol"));
            QCOMPARE(kept.at(0).env.id, ids.last());
            QCOMPARE(kept.at(0).env.emoji, kThumbs);
            held.restore(kept.at(0));
            // A resend of a held op is held once, after a restart too.
            MessageEnvelope again = kept.at(0).env;
            QVERIFY(!held.add(room, QStringLiteral("carol"), again));
            QCOMPARE(held.count(room), HeldOps::kMaxPerRoom);
            // Settled: erased from the file.
            QCOMPARE(
                held.take(room, [](const HeldOps::Op &op) { return op.env.target == u"target-1003"; }).size(),
                1);
            held.erase(room, ids.at(1003));
        }
        {
            HistoryStore history(path);
            HeldOps held(history.connectionName());
            QCOMPARE(held.count(room), HeldOps::kMaxPerRoom - 1);
        }
        // A week later the rest has expired: its targets never came.
        execOn(path, QStringLiteral("UPDATE held_ops SET arrived = ? WHERE room = 'bounded'"),
               QDateTime::currentDateTimeUtc().addDays(-8).toMSecsSinceEpoch());
        {
            HistoryStore history(path);
            HeldOps held(history.connectionName());
            QCOMPARE(held.count(room), 0);
            QCOMPARE(held.count(QStringLiteral("other")), 1);
            held.removeRoom(QStringLiteral("other"));
        }
        {
            HistoryStore history(path);
            HeldOps held(history.connectionName());
            QCOMPARE(held.count(QStringLiteral("other")), 0);
            QSqlQuery q(QSqlDatabase::database(history.connectionName()));
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM held_ops")) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
    }

    void appliedOpIdsArePrunedByAgeOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const QString room = QStringLiteral("pruned");
        // A history from before the applied_at column: its ids are kept (as applied now).
        execOn(path,
               QStringLiteral("CREATE TABLE applied_ops (room TEXT NOT NULL, id TEXT NOT NULL,"
                              " PRIMARY KEY(room, id))"),
               QVariant());
        execOn(path, QStringLiteral("INSERT INTO applied_ops (room, id) VALUES ('pruned', ?)"),
               QStringLiteral("legacy"));
        HistoryStore history(path);
        QVERIFY(history.isOpen());
        MutationStore store(history.connectionName());
        QVERIFY(store.isApplied(room, QStringLiteral("legacy")));
        QVERIFY(store.markApplied(room, QStringLiteral("old")));
        QVERIFY(store.markApplied(room, QStringLiteral("recent")));
        QVERIFY(!store.markApplied(room, QStringLiteral("recent")));
        QSqlQuery q(QSqlDatabase::database(history.connectionName()));
        QVERIFY(q.prepare(QStringLiteral("UPDATE applied_ops SET applied_at = ? WHERE id = 'old'")));
        q.addBindValue(QDateTime::currentDateTimeUtc().addDays(-31).toMSecsSinceEpoch());
        QVERIFY(q.exec());

        QCOMPARE(store.pruneApplied(), 1);
        QVERIFY(!store.isApplied(room, QStringLiteral("old")));
        QVERIFY(store.isApplied(room, QStringLiteral("recent")));
        QVERIFY(store.isApplied(room, QStringLiteral("legacy")));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM applied_ops")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        // 30 days on, everything applied now is forgotten.
        QCOMPARE(store.pruneApplied(QDateTime::currentDateTimeUtc().addDays(31)), 2);
    }

    void aResendWhoseIdWasPrunedIsStale_data()
    {
        QTest::addColumn<int>("madeDaysBeforeApplied");
        QTest::addColumn<int>("senderClockAheadHours");
        QTest::newRow("made and applied at once") << 0 << 0;
        QTest::newRow("made offline 20 days before") << 20 << 0;
        QTest::newRow("sender's clock 23 hours ahead") << 0 << 23;
    }
    void aResendWhoseIdWasPrunedIsStale()
    {
        // The argument of MutationStore::kKeepApplied: at any moment after an id is pruned, a
        // resend of that op (same envelope, same ts) is stale, so it cannot apply twice.
        QFETCH(int, madeDaysBeforeApplied);
        QFETCH(int, senderClockAheadHours);
        const QDateTime appliedAt = QDateTime::currentDateTimeUtc();
        const QDateTime ts = appliedAt.addDays(-madeDaysBeforeApplied).addSecs(senderClockAheadHours * 3600);
        QVERIFY(!MutationStore::isStale(ts, appliedAt));
        const qint64 keep =
            std::chrono::duration_cast<std::chrono::seconds>(MutationStore::kKeepApplied).count();
        for (const qint64 later : {keep + 1, keep + 3600, keep * 4}) {
            const QDateTime prunedAt = appliedAt.addSecs(later);
            QVERIFY2(MutationStore::isStale(ts, prunedAt), qPrintable(prunedAt.toString(Qt::ISODate)));
        }
        QVERIFY(!MutationStore::isStale(QDateTime(), appliedAt.addYears(1))); // no ts: the id decides
    }

    void staleOpIsDroppedByTheApp()
    {
        const QString room = QStringLiteral("stale");
        auto bob = inRoom(QStringLiteral("bob"), m_hub.freshProfile(QStringLiteral("bob")), room);
        QVERIFY(bob);
        auto alice = rawMember(m_hub, QStringLiteral("alice"), room);
        QVERIFY(alice);
        const QString id = MessageEnvelope::newId();
        sendJson(alice.get(), room, chatJson(id, QStringLiteral("old news")));
        QSignalSpy dropped(bob->chat()->mutations(), &MessageMutations::dropped);
        MessageEnvelope old =
            MessageEnvelope::edit(id, QStringLiteral("from last month"), QStringLiteral("alice"));
        old.timestamp = QDateTime::currentDateTimeUtc().addDays(-30);
        sendJson(alice.get(), room, old.toJson());
        QVERIFY(barrier(alice.get(), bob.get(), room));
        MessageModel *model = bob->directory()->openMessages(room);
        QCOMPARE(textOf(model, id), QStringLiteral("old news"));
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(2).toString(), QStringLiteral("too old"));
    }
};

QTEST_MAIN(TestHeldOps)
#include "tst_heldops.moc"
