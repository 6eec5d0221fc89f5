// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Issue 10, feature 5: @mentions. What counts as a mention (word boundaries), the escaped
// highlight, completion, the notification rules (a mention breaks through a mute unless the
// preference is off; never for your own message), and two AppControllers through an in-process
// Hubbub::Service: the mentionsMe role, its persistence, and the preference across a restart.
#include "appcontroller.h"
#include "apptestcase.h"
#include "client.h"
#include "historystore.h"
#include "inprocessapp.h"
#include "mentions.h"
#include "messageprobes.h"
#include "notificationpolicy.h"
#include "preferences.h"
#include "service.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Hubbub;

namespace {
constexpr int kTimeout = 20000;

using HubbubTest::rowWithText;
//! The visual descendants of \a item named \a name, in tree order.
void findItems(QQuickItem *item, const QString &name, QList<QQuickItem *> *out)
{
    if (item->objectName() == name)
        out->append(item);
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        findItems(child, name, out);
}
} // namespace

class TestMentions : public HubbubTest::AppTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void spansAndEscapedHighlight()
    {
        QCOMPARE(Mentions::spans(QStringLiteral("@alice and @Alice."), QStringLiteral("alice")),
                 (QList<Mentions::Span>{{0, 6}, {11, 6}}));
        // Everything from the message is escaped; only the mention is wrapped.
        QCOMPARE(
            Mentions::highlighted(QStringLiteral("<b>x</b> &lt; @alice"), QStringLiteral("alice"),
                                  QStringLiteral("#ff0000")),
            QStringLiteral("&lt;b&gt;x&lt;/b&gt; &amp;lt; <b><font color=\"#ff0000\">@alice</font></b>"));
        // A colour that is not one is not used (it could otherwise close the attribute).
        QCOMPARE(Mentions::highlighted(QStringLiteral("@alice"), QStringLiteral("alice"),
                                       QStringLiteral("red\"><img src=x>")),
                 QStringLiteral("<b>@alice</b>"));
        // Line breaks and runs of spaces survive the StyledText layout.
        QCOMPARE(
            Mentions::highlighted(QStringLiteral("a  b\n c"), QStringLiteral("alice"), QStringLiteral("red")),
            QStringLiteral("a &nbsp;b<br>&nbsp;c"));
    }

    void detection_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("userId");
        QTest::addColumn<bool>("mentions");
        const QString alice = QStringLiteral("alice");
        QTest::newRow("alone") << QStringLiteral("@alice") << alice << true;
        QTest::newRow("in a sentence") << QStringLiteral("hi @alice, lunch?") << alice << true;
        QTest::newRow("case-insensitive") << QStringLiteral("hey @ALICE") << alice << true;
        QTest::newRow("end of sentence") << QStringLiteral("ask @alice.") << alice << true;
        QTest::newRow("in brackets") << QStringLiteral("(@alice)") << alice << true;
        QTest::newRow("possessive") << QStringLiteral("@alice's turn") << alice << true;
        QTest::newRow("before a newline") << QStringLiteral("@alice\nnext") << alice << true;
        QTest::newRow("second occurrence") << QStringLiteral("a@alice @alice") << alice << true;
        QTest::newRow("longer name") << QStringLiteral("@alicex") << alice << false;
        QTest::newRow("dotted name") << QStringLiteral("@alice.bob") << alice << false;
        QTest::newRow("hyphenated name") << QStringLiteral("@alice-bob") << alice << false;
        QTest::newRow("e-mail address") << QStringLiteral("mail a@alice.com") << alice << false;
        QTest::newRow("address to the name") << QStringLiteral("bob@alice") << alice << false;
        QTest::newRow("domain") << QStringLiteral("@alice.com") << alice << false;
        QTest::newRow("prefix only") << QStringLiteral("@ali") << alice << false;
        QTest::newRow("no at") << QStringLiteral("alice") << alice << false;
        QTest::newRow("empty text") << QString() << alice << false;
        QTest::newRow("empty userId") << QStringLiteral("@ hello @") << QString() << false;
        QTest::newRow("dotted userId")
            << QStringLiteral("cc @alice.bob!") << QStringLiteral("alice.bob") << true;
    }
    void detection()
    {
        QFETCH(QString, text);
        QFETCH(QString, userId);
        QFETCH(bool, mentions);
        QCOMPARE(Mentions::mentions(text, userId), mentions);
    }

    void completion()
    {
        const QStringList members{QStringLiteral("bob"),   QStringLiteral("alice"),  QStringLiteral("Amy"),
                                  QStringLiteral("carol"), QStringLiteral("ALBERT"), QStringLiteral("alice")};
        QCOMPARE(Mentions::complete(members, QStringLiteral("a")),
                 (QStringList{QStringLiteral("ALBERT"), QStringLiteral("alice"), QStringLiteral("Amy")}));
        QCOMPARE(Mentions::complete(members, QStringLiteral("AL"), QStringLiteral("alice")),
                 QStringList{QStringLiteral("ALBERT")});
        QCOMPARE(Mentions::complete(members, QString()).size(), 5);
        QCOMPARE(Mentions::complete(members, QString(), {}, 2).size(), 2);
        QVERIFY(Mentions::complete(members, QStringLiteral("z")).isEmpty());
    }

    void notificationRules()
    {
        NotificationPolicy policy;
        QSignalSpy spy(&policy, &NotificationPolicy::notificationRequested);
        const QString room = QStringLiteral("r");
        // Muted: only a mention notifies; never an own message, never the room in view.
        QVERIFY(!policy.consider(room, QStringLiteral("a"), QStringLiteral("x"), false, true, false, false));
        QVERIFY(policy.consider(room, QStringLiteral("a"), QStringLiteral("@me"), false, true, false, true));
        QVERIFY(!policy.consider(room, QStringLiteral("me"), QStringLiteral("@me"), true, true, false, true));
        QVERIFY(!policy.consider(room, QStringLiteral("a"), QStringLiteral("@me"), false, true, true, true));
        // A mention is not swallowed by the rate limit of the message just before it.
        QVERIFY(policy.consider(room, QStringLiteral("a"), QStringLiteral("@me again"), false, false, false,
                                true));
        // The preference off: muted means silent, mention or not.
        policy.setMentionsInMutedRooms(false);
        QVERIFY(!policy.consider(room, QStringLiteral("a"), QStringLiteral("@me"), false, true, false, true));
        QCOMPARE(spy.count(), 2);
    }

    void mainWindowHighlightsTheMention()
    {
        const QString profile = m_hub.freshProfile(QStringLiteral("dora"));
        const QString room = QStringLiteral("hl");
        {
            HistoryStore history(HistoryStore::defaultPath(profile));
            ChatMessage m;
            m.room = room;
            m.id = QStringLiteral("m1");
            m.senderId = m.senderName = QStringLiteral("mallory");
            m.text = QStringLiteral("<b>x</b> &lt; @dora");
            m.timestamp = QDateTime::currentDateTimeUtc();
            m.mentionsMe = true;
            QVERIFY(history.insert(m));
            QVERIFY(history.saveRoom({room, 0, false}));
        }
        AppController app(m_hub.options(QStringLiteral("dora"), profile));
        app.selectRoom(room);
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qml|QML")));
        auto engine = InProcessApp::loadMainWindow(&app);
        QCOMPARE(engine->rootObjects().size(), 1);
        auto *main = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
        QVERIFY(QTest::qWaitForWindowExposed(main, 10000));
        QList<QQuickItem *> bodies;
        QTRY_VERIFY_WITH_TIMEOUT((bodies.clear(),
                                  findItems(main->contentItem(), QStringLiteral("bodyText"), &bodies),
                                  !bodies.isEmpty()),
                                 10000);
        QQuickItem *body = bodies.constFirst();
        QCOMPARE(body->property("textFormat").toInt(), 4 /* Text.StyledText */);
        QVERIFY(body->property("text").toString().startsWith(
            QStringLiteral("&lt;b&gt;x&lt;/b&gt; &amp;lt; <b><font color=")));
        QList<QQuickItem *> bars;
        findItems(main->contentItem(), QStringLiteral("mentionBar"), &bars);
        QVERIFY(!bars.isEmpty() && bars.constFirst()->isVisible());
        engine.reset();
    }

    void mutedRoomNotifiesOnMention()
    {
        const QString room = QStringLiteral("busy");
        const QString bobProfile = m_hub.freshProfile(QStringLiteral("bob"));
        auto alice = std::make_unique<AppController>(
            m_hub.options(QStringLiteral("alice"), m_hub.freshProfile(QStringLiteral("alice"))));
        auto bob = std::make_unique<AppController>(m_hub.options(QStringLiteral("bob"), bobProfile));
        alice->start();
        bob->start();
        QVERIFY(HubbubTest::joinAll({alice.get(), bob.get()}, room, kTimeout));
        QVERIFY(HubbubTest::joinAll({alice.get(), bob.get()}, QStringLiteral("elsewhere"), kTimeout));
        alice->selectRoom(room);
        bob->selectRoom(QStringLiteral("elsewhere")); // not in view for bob
        bob->setRoomMuted(room, true);
        bob->notifications()->setMinimumInterval(0);
        QVERIFY(bob->mentions()->notifyInMutedRooms()); // the default
        QSignalSpy notified(bob.get(), &AppController::notificationRequested);
        MessageModel *bobModel = bob->directory()->openMessages(room);

        QVERIFY(alice->sendMessage(QStringLiteral("nothing for bob")));
        QVERIFY(alice->sendMessage(QStringLiteral("hey @Bob, look")));
        QVERIFY(alice->sendMessage(QStringLiteral("mail bob@bob.example")));
        QTRY_COMPARE_WITH_TIMEOUT(bobModel->count(), 3, kTimeout);
        // Only the mention broke through the mute.
        QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, kTimeout);
        QCOMPARE(notified.at(0).at(2).toString(), QStringLiteral("hey @Bob, look"));
        const int mentionRow = rowWithText(bobModel, QStringLiteral("hey @Bob, look"));
        QCOMPARE(bobModel->data(bobModel->index(mentionRow), MessageModel::MentionsMeRole).toBool(), true);
        QCOMPARE(bobModel
                     ->data(bobModel->index(rowWithText(bobModel, QStringLiteral("mail bob@bob.example"))),
                            MessageModel::MentionsMeRole)
                     .toBool(),
                 false);
        // Alice's own copy does not "mention her" and nobody notifies for their own message.
        MessageModel *aliceModel = alice->directory()->openMessages(room);
        QVERIFY(!aliceModel->at(rowWithText(aliceModel, QStringLiteral("hey @Bob, look"))).mentionsMe);

        // Bob's own message naming himself never notifies: not from this instance, nor from another
        // of his (same userId, another profile), which this one receives as "own".
        QVERIFY(bob->sendMessage(QStringLiteral("note to self @bob")));
        QVERIFY(!bob->directory()->openMessages(QStringLiteral("elsewhere"))->at(0).mentionsMe);
        {
            AppController laptop(
                m_hub.options(QStringLiteral("bob"), m_hub.freshProfile(QStringLiteral("laptop"))));
            laptop.start();
            QTRY_VERIFY_WITH_TIMEOUT(laptop.connection()->isConnected(), kTimeout);
            laptop.joinRoom(room);
            QTRY_VERIFY_WITH_TIMEOUT(laptop.connection()->client()->groups().contains(room), kTimeout);
            QVERIFY(laptop.sendMessage(QStringLiteral("@bob from my laptop")));
            QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobModel, QStringLiteral("@bob from my laptop")) >= 0,
                                     kTimeout);
            const ChatMessage fromLaptop =
                bobModel->at(rowWithText(bobModel, QStringLiteral("@bob from my laptop")));
            QVERIFY(fromLaptop.own);
            QVERIFY(!fromLaptop.mentionsMe);
            QTest::qWait(200);
            QCOMPARE(notified.count(), 1);
        }

        // The preference off: the muted room stays silent even for a mention.
        bob->mentions()->setNotifyInMutedRooms(false);
        QVERIFY(alice->sendMessage(QStringLiteral("@bob still there?")));
        QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobModel, QStringLiteral("@bob still there?")) >= 0, kTimeout);
        QVERIFY(bobModel->at(rowWithText(bobModel, QStringLiteral("@bob still there?"))).mentionsMe);
        QTest::qWait(200);
        QCOMPARE(notified.count(), 1);
        // Unmuted: a mention notifies as any message does.
        bob->setRoomMuted(room, false);
        QVERIFY(alice->sendMessage(QStringLiteral("@bob unmuted")));
        QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 2, kTimeout);

        // A restart keeps the highlight (history) and the preference (settings).
        const QString mentionId = bobModel->at(mentionRow).id;
        bob.reset();
        QVERIFY(!Preferences(m_hub.options(QStringLiteral("bob"), bobProfile).settingsPath())
                     .mentionsInMutedRooms());
        AppController bob2(m_hub.options(QStringLiteral("bob"), bobProfile));
        QVERIFY(!bob2.mentions()->notifyInMutedRooms());
        QVERIFY(!bob2.notifications()->mentionsInMutedRooms());
        MessageModel *reloaded = bob2.directory()->openMessages(room);
        QVERIFY(reloaded->at(reloaded->rowOf(mentionId)).mentionsMe);
    }
};

QTEST_MAIN(TestMentions)
#include "tst_mentions.moc"
