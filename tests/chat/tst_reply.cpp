// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Issue 10, feature 1: replies. The envelope's `replyTo` (round trip, older clients, hostile
// content), and two AppControllers through an in-process Hubbub::Service: the quote resolved from
// the receiver's own history (never from the claim when the original is known), a reply to
// something the receiver never saw, locate() paging through history, and restarts (history and
// outbox) keeping the reply.
#include "appcontroller.h"
#include "apptestcase.h"
#include "client.h"
#include "historystore.h"
#include "inprocessapp.h"
#include "messageenvelope.h"
#include "messageprobes.h"
#include "quickitems.h"
#include "replyref.h"
#include "replyresolver.h"
#include "service.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Hubbub;

namespace {
constexpr int kTimeout = 20000;

using HubbubTest::rowWithText;

bool hasControl(const QString &s)
{
    for (const QChar c : s) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

using HubbubTest::findItem;

QJsonObject replyEnvelope(const QString &text, const QJsonValue &replyTo)
{
    return {{QStringLiteral("kind"), QStringLiteral("message")},
            {QStringLiteral("id"), MessageEnvelope::newId()},
            {QStringLiteral("text"), text},
            {QStringLiteral("sender"), QStringLiteral("mallory")},
            {QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {QStringLiteral("replyTo"), replyTo}};
}
} // namespace

class TestReply : public HubbubTest::AppTestCase
{
    Q_OBJECT

    std::unique_ptr<AppController> app(const QString &user, const QString &profile)
    {
        return std::make_unique<AppController>(m_hub.options(user, profile));
    }
    bool startBoth(AppController *a, AppController *b, const QString &room)
    {
        a->start();
        b->start();
        return HubbubTest::joinAll({a, b}, room, kTimeout);
    }
    //! Writes \a count messages of \a room into \a profile's history before an app opens it: message
    //! i one second after \a start, the rest from \a fill; false when they were not all stored.
    static bool seedHistory(const QString &profile, const QString &room, int count, const QDateTime &start,
                            const std::function<void(int, ChatMessage &)> &fill)
    {
        HistoryStore history(HistoryStore::defaultPath(profile));
        if (!history.isOpen())
            return false;
        QList<ChatMessage> all;
        for (int i = 0; i < count; ++i) {
            ChatMessage m;
            m.room = room;
            m.timestamp = start.addSecs(i);
            fill(i, m);
            all.append(m);
        }
        return history.insertMany(all) == count && history.saveRoom({room, 0, false});
    }
    //! A raw client that may send to any group (a non-Hubbub or hostile member).
    std::unique_ptr<WebPubSub::Client> mallory()
    {
        return m_hub.connectedRawClient(
            QStringLiteral("mallory"),
            {QStringLiteral("webpubsub.sendToGroup"), QStringLiteral("webpubsub.joinLeaveGroup")}, kTimeout);
    }

private Q_SLOTS:
    void envelopeRoundTripAndOlderClients()
    {
        MessageEnvelope e = MessageEnvelope::chat(QStringLiteral("yes, at 10"), QStringLiteral("bob"));
        e.replyTo = {QStringLiteral("orig-1"), QStringLiteral("alice"), QStringLiteral("lunch?")};
        const QJsonObject json = e.toJson();
        // What an older client or the official SDKs read: `text` is the reply itself.
        QCOMPARE(json.value(QStringLiteral("text")).toString(), QStringLiteral("yes, at 10"));
        const QJsonObject replyTo = json.value(QStringLiteral("replyTo")).toObject();
        QCOMPARE(replyTo.value(QStringLiteral("id")).toString(), QStringLiteral("orig-1"));
        QCOMPARE(replyTo.value(QStringLiteral("sender")).toString(), QStringLiteral("alice"));
        QCOMPARE(replyTo.value(QStringLiteral("text")).toString(), QStringLiteral("lunch?"));
        const auto back = MessageEnvelope::fromJson(json);
        QVERIFY(back);
        QCOMPARE(back->replyTo, e.replyTo);
        QCOMPARE(back->toChatMessage(QStringLiteral("r"), QStringLiteral("bob"), false).replyTo, e.replyTo);
        // Not a reply: no field at all.
        QVERIFY(!MessageEnvelope::chat(QStringLiteral("x"), QStringLiteral("b"))
                     .toJson()
                     .contains(QStringLiteral("replyTo")));
        // A malformed replyTo never drops the message: it is just not a reply.
        for (const QJsonValue &bad :
             {QJsonValue(QStringLiteral("orig-1")), QJsonValue(42), QJsonValue(QJsonArray{1}),
              QJsonValue(QJsonObject{{QStringLiteral("text"), QStringLiteral("no id")}}),
              QJsonValue(QJsonObject{{QStringLiteral("id"), QString(129, u'x')}}),
              QJsonValue(QJsonObject{{QStringLiteral("id"), 7}})}) {
            const auto parsed = MessageEnvelope::fromJson(replyEnvelope(QStringLiteral("still here"), bad));
            QVERIFY(parsed);
            QCOMPARE(parsed->text, QStringLiteral("still here"));
            QVERIFY(parsed->replyTo.isEmpty());
        }
    }

    void hostileReplyToIsCutAndCleaned()
    {
        const QString html = QStringLiteral("<b>bold</b> <img src=http://127.0.0.1:9/x.png> &lt;");
        const QString tenKb = QString(10 * 1024, u'a');
        const QString controls = QStringLiteral("ring\u0007 \u202Egnp.exe\u200B tab\there");
        const QJsonObject hostile{{QStringLiteral("id"), QStringLiteral("orig")},
                                  {QStringLiteral("sender"), QStringLiteral("al\nice\u0000") + tenKb},
                                  {QStringLiteral("text"), QStringLiteral("\n\n  ") + html + u'\n' + tenKb}};
        const auto e = MessageEnvelope::fromJson(replyEnvelope(QStringLiteral("hi"), hostile));
        QVERIFY(e);
        // The first non-empty line only, HTML kept literally (it is shown as plain text).
        QCOMPARE(e->replyTo.text, html);
        QVERIFY(e->replyTo.sender.size() <= ReplyRef::kMaxSender);
        QVERIFY(!hasControl(e->replyTo.sender));
        QCOMPARE(e->replyTo.sender, QStringLiteral("al")); // one line, like the snippet
        // 10 KB on one line: cut to the limit, an ellipsis says so.
        const auto cut = MessageEnvelope::fromJson(
            replyEnvelope(QStringLiteral("hi"), QJsonObject{{QStringLiteral("id"), QStringLiteral("o")},
                                                            {QStringLiteral("text"), tenKb}}));
        QCOMPARE(cut->replyTo.text.size(), ReplyRef::kMaxSnippet);
        QCOMPARE(cut->replyTo.text.back(), QChar(0x2026));
        // Control and bidi/zero-width characters are gone, white space collapsed.
        QCOMPARE(ReplyRef::cleanSnippet(controls), QStringLiteral("ring gnp.exe tab here"));
        QVERIFY(!hasControl(ReplyRef::cleanSnippet(controls)));
        // A surrogate pair at the cut is never split.
        const QString emoji =
            QString(ReplyRef::kMaxSnippet - 2, u'a') + QStringLiteral("\U0001F600\U0001F600");
        const QString snippet = ReplyRef::cleanSnippet(emoji);
        QVERIFY(!snippet.at(snippet.size() - 2).isHighSurrogate());
    }

    void replyResolvedFromHistory()
    {
        const QString room = QStringLiteral("replies");
        auto alice = app(QStringLiteral("alice"), m_hub.freshProfile(QStringLiteral("alice")));
        auto bob = app(QStringLiteral("bob"), m_hub.freshProfile(QStringLiteral("bob")));
        QVERIFY(startBoth(alice.get(), bob.get(), room));
        MessageModel *aliceModel = alice->directory()->openMessages(room);
        MessageModel *bobModel = bob->directory()->openMessages(room);

        alice->selectRoom(room);
        QVERIFY(alice->sendMessage(QStringLiteral("lunch at noon?\nsecond line")));
        const QString originalId = aliceModel->at(0).id;
        QTRY_COMPARE_WITH_TIMEOUT(bobModel->count(), 1, kTimeout);

        // Bob replies: his own row carries the quote at once.
        bob->selectRoom(room);
        QVERIFY(bob->sendMessage(QStringLiteral("yes!"), originalId));
        const int bobRow = rowWithText(bobModel, QStringLiteral("yes!"));
        QVERIFY(bobRow >= 0);
        const ReplyRef sent = bobModel->at(bobRow).replyTo;
        QCOMPARE(sent, (ReplyRef{originalId, QStringLiteral("alice"), QStringLiteral("lunch at noon?")}));
        QCOMPARE(bobModel->data(bobModel->index(bobRow), MessageModel::ReplyToIdRole).toString(), originalId);

        // Alice gets it, with the quote resolved from her own history.
        QTRY_VERIFY_WITH_TIMEOUT(rowWithText(aliceModel, QStringLiteral("yes!")) >= 0, kTimeout);
        const ChatMessage reply = aliceModel->at(rowWithText(aliceModel, QStringLiteral("yes!")));
        QCOMPARE(reply.senderId, QStringLiteral("bob"));
        QCOMPARE(reply.replyTo, sent);
        const ReplyResolver::Quote quote = alice->replies()->resolve(room, reply.replyTo);
        QVERIFY(quote.inHistory);
        QCOMPARE(quote.senderId, QStringLiteral("alice"));
        QCOMPARE(quote.text, QStringLiteral("lunch at noon?"));
        const QVariantMap forQml = alice->replies()->quote(room, originalId, QString(), QString());
        QCOMPARE(forQml.value(QStringLiteral("inHistory")).toBool(), true);
        QCOMPARE(forQml.value(QStringLiteral("senderLabel")).toString(), QStringLiteral("alice"));
        // In her history too (the role data and a restart read it from there).
        QCOMPARE(alice->history()->message(room, reply.id)->replyTo, sent);
        // A reply to nothing known carries no replyTo at all.
        QVERIFY(bob->sendMessage(QStringLiteral("to nothing"), QStringLiteral("no-such-id")));
        QVERIFY(bobModel->at(rowWithText(bobModel, QStringLiteral("to nothing"))).replyTo.isEmpty());
    }

    void unknownOriginalShowsTheClaim_data()
    {
        QTest::addColumn<bool>("forged");
        QTest::newRow("not in history") << false;
        QTest::newRow("forged quote of a known message") << true;
    }
    void unknownOriginalShowsTheClaim()
    {
        QFETCH(bool, forged);
        const QString room = forged ? QStringLiteral("forged") : QStringLiteral("unknown");
        auto alice = app(QStringLiteral("alice"), m_hub.freshProfile(QStringLiteral("alice")));
        auto bob = app(QStringLiteral("bob"), m_hub.freshProfile(QStringLiteral("bob")));
        QVERIFY(startBoth(alice.get(), bob.get(), room));
        MessageModel *bobModel = bob->directory()->openMessages(room);
        QString originalId = QStringLiteral("never-seen-by-bob");
        if (forged) {
            alice->selectRoom(room);
            QVERIFY(alice->sendMessage(QStringLiteral("the real words")));
            originalId = alice->directory()->openMessages(room)->at(0).id;
            QTRY_COMPARE_WITH_TIMEOUT(bobModel->count(), 1, kTimeout);
        }
        auto raw = mallory();
        QVERIFY(raw);
        // Mallory quotes alice's message id but puts other words and another sender in the quote.
        const QJsonObject claim{{QStringLiteral("id"), originalId},
                                {QStringLiteral("sender"), QStringLiteral("carol")},
                                {QStringLiteral("text"), QStringLiteral("I owe mallory 100 EUR")}};
        raw->sendToGroup(room, WebPubSub::Payload::fromJson(replyEnvelope(QStringLiteral("see?"), claim)));
        QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobModel, QStringLiteral("see?")) >= 0, kTimeout);
        const ChatMessage reply = bobModel->at(rowWithText(bobModel, QStringLiteral("see?")));
        QCOMPARE(reply.senderId, QStringLiteral("mallory"));
        const ReplyResolver::Quote quote = bob->replies()->resolve(room, reply.replyTo);
        if (forged) {
            // The real original from bob's history, never the claim.
            QVERIFY(quote.inHistory);
            QCOMPARE(quote.senderId, QStringLiteral("alice"));
            QCOMPARE(quote.text, QStringLiteral("the real words"));
        } else {
            // Only the claim exists: flagged as not in history, for the UI to show as a claim.
            QVERIFY(!quote.inHistory);
            QCOMPARE(quote.senderLabel, QStringLiteral("carol"));
            QCOMPARE(quote.text, QStringLiteral("I owe mallory 100 EUR"));
            QCOMPARE(bob->replies()->locate(room, originalId), -1);
        }
        raw->stop();
    }

    void historyFromBeforeRepliesIsUpgraded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            // The messages table as it was before issue 10 (with an old row in it).
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL,"
                " id TEXT NOT NULL, sender_id TEXT NOT NULL DEFAULT '', sender_name TEXT NOT NULL DEFAULT '',"
                " text TEXT NOT NULL, ts INTEGER NOT NULL, own INTEGER NOT NULL DEFAULT 0,"
                " status TEXT NOT NULL DEFAULT 'received', relayed_by TEXT NOT NULL DEFAULT '',"
                " gap_end INTEGER, gap_filled INTEGER NOT NULL DEFAULT 0, UNIQUE(room, id))")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO messages (room, id, sender_id, text, ts)"
                                          " VALUES ('r', 'old', 'carol', 'from before', 1700000000000)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        HistoryStore history(path);
        QVERIFY(history.isOpen());
        const auto old = history.message(QStringLiteral("r"), QStringLiteral("old"));
        QVERIFY(old);
        QCOMPARE(old->text, QStringLiteral("from before"));
        QVERIFY(old->replyTo.isEmpty());
        QVERIFY(!old->mentionsMe);
        ChatMessage reply = *old;
        reply.id = QStringLiteral("new");
        reply.text = QStringLiteral("re");
        reply.replyTo = {QStringLiteral("old"), QStringLiteral("carol"), QStringLiteral("from before")};
        reply.mentionsMe = true;
        QVERIFY(history.insert(reply));
        const auto back = history.latest(QStringLiteral("r"), 10);
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(1).replyTo, reply.replyTo);
        QVERIFY(back.at(1).mentionsMe);
    }

    void locateLoadsOlderPages()
    {
        const QString profile = m_hub.freshProfile(QStringLiteral("deep"));
        const QString room = QStringLiteral("deep");
        QVERIFY(seedHistory(profile, room, 250, QDateTime::currentDateTimeUtc().addDays(-1),
                            [](int i, ChatMessage &m) {
                                m.id = QStringLiteral("m%1").arg(i);
                                m.senderId = m.senderName = QStringLiteral("carol");
                                m.text = QStringLiteral("message %1").arg(i);
                            }));
        AppOptions o = m_hub.options(QStringLiteral("deep"), profile);
        o.historyPageSize = 20;
        AppController deep(o);
        MessageModel *model = deep.directory()->openMessages(room);
        QCOMPARE(model->count(), 20);
        // Unknown: nothing is loaded at all.
        QCOMPARE(deep.replies()->locate(room, QStringLiteral("nope")), -1);
        QCOMPARE(model->count(), 20);
        // Eleven pages back: loaded until found, and no further.
        const int row = deep.replies()->locate(room, QStringLiteral("m15"));
        QVERIFY(row >= 0);
        QCOMPARE(model->at(row).id, QStringLiteral("m15"));
        QCOMPARE(model->count(), 240);
        QVERIFY(model->canLoadOlder());
        // Already loaded: found without loading.
        QCOMPARE(deep.replies()->locate(room, QStringLiteral("m200")), model->rowOf(QStringLiteral("m200")));
        QCOMPARE(model->count(), 240);
        QCOMPARE(deep.replies()->locate(QStringLiteral("not-a-room"), QStringLiteral("m1")), -1);
        // The quote of m0 resolves from history even before its page is loaded.
        QVERIFY(deep.replies()->resolve(room, {QStringLiteral("m0"), {}, {}}).inHistory);
    }

    void mainWindowShowsTheOriginalAndJumps()
    {
        // A forged reply far below its original, in the real main window over a real controller.
        const QString profile = m_hub.freshProfile(QStringLiteral("window"));
        const QString room = QStringLiteral("window");
        QVERIFY(seedHistory(
            profile, room, 60, QDateTime::currentDateTimeUtc().addSecs(-3600), [](int i, ChatMessage &m) {
                m.id = QStringLiteral("w%1").arg(i);
                m.senderId = m.senderName = i == 0 ? QStringLiteral("carol") : QStringLiteral("dave");
                m.text = i == 0 ? QStringLiteral("the real words") : QStringLiteral("filler %1").arg(i);
                if (i == 59) {
                    m.senderId = m.senderName = QStringLiteral("mallory");
                    m.text = QStringLiteral("see?");
                    m.replyTo = {QStringLiteral("w0"), QStringLiteral("alice"),
                                 QStringLiteral("forged words")};
                }
            }));
        AppOptions o = m_hub.options(QStringLiteral("window"), profile);
        o.historyPageSize = 20;
        AppController window(o);
        window.selectRoom(room);
        // Any QML warning (a broken binding in the new delegate parts) fails the test.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qml|QML")));
        auto engine = InProcessApp::loadMainWindow(&window);
        QCOMPARE(engine->rootObjects().size(), 1);
        auto *main = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
        QVERIFY(main);
        QVERIFY(QTest::qWaitForWindowExposed(main, 10000));
        auto *list = main->findChild<QQuickItem *>(QStringLiteral("messageList"));
        QVERIFY(list);
        MessageModel *model = window.directory()->openMessages(room);
        QCOMPARE(model->count(), 20);
        QQuickItem *quote = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((quote = findItem(list, QStringLiteral("replyQuote"))) != nullptr, 10000);
        // The original's real sender and words, although its page is not loaded.
        QCOMPARE(quote->property("inHistory").toBool(), true);
        QCOMPARE(quote->property("senderLabel").toString(), QStringLiteral("carol"));
        QCOMPARE(quote->property("text").toString(), QStringLiteral("the real words"));
        // Activating it loads history back to the original and makes it the current row.
        QVERIFY(QMetaObject::invokeMethod(quote, "activated"));
        QCOMPARE(model->rowOf(QStringLiteral("w0")), 0);
        QTRY_COMPARE_WITH_TIMEOUT(list->property("currentIndex").toInt(), 0, 10000);
        engine.reset();
    }

    void restartKeepsTheReply()
    {
        const QString room = QStringLiteral("restart");
        const QString bobProfile = m_hub.freshProfile(QStringLiteral("bob"));
        auto alice = app(QStringLiteral("alice"), m_hub.freshProfile(QStringLiteral("alice")));
        QString originalId;
        {
            auto bob = app(QStringLiteral("bob"), bobProfile);
            QVERIFY(startBoth(alice.get(), bob.get(), room));
            alice->selectRoom(room);
            QVERIFY(alice->sendMessage(QStringLiteral("original")));
            originalId = alice->directory()->openMessages(room)->at(0).id;
            QTRY_COMPARE_WITH_TIMEOUT(bob->directory()->openMessages(room)->count(), 1, kTimeout);
        }
        {
            // Offline: the reply waits in the outbox (history "sending") across a restart.
            auto bob = app(QStringLiteral("bob"), bobProfile);
            bob->selectRoom(room);
            QVERIFY(bob->sendMessage(QStringLiteral("late reply"), originalId));
            QCOMPARE(bob->outboxIds().size(), 1);
        }
        auto bob = app(QStringLiteral("bob"), bobProfile);
        MessageModel *bobModel = bob->directory()->openMessages(room);
        const int row = rowWithText(bobModel, QStringLiteral("late reply"));
        QVERIFY(row >= 0);
        QCOMPARE(bobModel->at(row).replyTo.id, originalId);
        QCOMPARE(bobModel->at(row).replyTo.text, QStringLiteral("original"));
        bob->start();
        MessageModel *aliceModel = alice->directory()->openMessages(room);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithText(aliceModel, QStringLiteral("late reply")) >= 0, kTimeout);
        const ChatMessage received = aliceModel->at(rowWithText(aliceModel, QStringLiteral("late reply")));
        QCOMPARE(received.replyTo.id, originalId);
        QVERIFY(alice->replies()->resolve(room, received.replyTo).inHistory);
        QTRY_VERIFY_WITH_TIMEOUT(bob->outboxIds().isEmpty(), kTimeout);
        // And alice's restart keeps it too.
        const QString aliceProfile = alice->profile();
        alice.reset();
        auto alice2 = app(QStringLiteral("alice"), aliceProfile);
        MessageModel *reloaded = alice2->directory()->openMessages(room);
        QCOMPARE(reloaded->at(rowWithText(reloaded, QStringLiteral("late reply"))).replyTo, received.replyTo);
    }
};

QTEST_MAIN(TestReply)
#include "tst_reply.moc"
