// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 7: who sent it is the service's fromUserId. Alice and Bob are real AppControllers
// on an in-process Hubbub::Service; Mallory is a raw client that forges envelopes: "sender":"alice",
// Alice's instance id, Alice's message id, a timestamp in 2099, presence and typing "for" Alice.
#include "appcontroller.h"
#include "apptestcase.h"
#include "client.h"
#include "fetchtrap.h"
#include "historystore.h"
#include "inprocessapp.h"
#include "membermodel.h"
#include "messageenvelope.h"
#include "messageprobes.h"
#include "notificationpolicy.h"
#include "senderpolicy.h"
#include "service.h"

#include <QDir>
#include <QGuiApplication>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace std::chrono_literals;

namespace {
const auto kRoom = QStringLiteral("lobby");
constexpr int kTimeout = 20000;

using HubbubTest::rowWithText;
QVariant role(MessageModel *model, int row, int role)
{
    return model->data(model->index(row), role);
}
} // namespace

class TestHostileIdentity : public HubbubTest::AppTestCase
{
    Q_OBJECT

    std::unique_ptr<WebPubSub::Client> rawClient(const QString &userId)
    {
        return m_hub.connectedRawClient(
            userId, {QStringLiteral("webpubsub.sendToGroup"), QStringLiteral("webpubsub.joinLeaveGroup")},
            kTimeout);
    }
    static bool joinAll(const QList<AppController *> &apps, const QString &room)
    {
        return HubbubTest::joinAll(apps, room, kTimeout);
    }
    static void forge(WebPubSub::Client *mallory, const QJsonObject &envelope)
    {
        auto result = mallory->sendToGroup(kRoom, WebPubSub::Payload::fromJson(envelope));
        QVERIFY(QTest::qWaitFor([&] { return result.isFinished(); }, kTimeout));
        QVERIFY2(result.result().ok(), qPrintable(result.result().error.message()));
    }

public:
    TestHostileIdentity() { m_hub.defaults.typingExpiry = 10s; }

private Q_SLOTS:
    // "alice: I quit", sent by mallory with sender "alice" and alice's instance id: alice's own app
    // shows it (no "own echo"), and everyone attributes it to mallory.
    void forgedSenderShowsUnderTheRealSender()
    {
        auto alice = m_hub.startedApp(QStringLiteral("alice"));
        auto bob = m_hub.startedApp(QStringLiteral("bob"));
        QVERIFY(joinAll({alice.get(), bob.get()}, kRoom));
        QVERIFY(alice->sendMessage(QStringLiteral("hello")));
        MessageModel *aliceLobby = alice->directory()->openMessages(kRoom);
        MessageModel *bobLobby = bob->directory()->openMessages(kRoom);
        QTRY_COMPARE_WITH_TIMEOUT(bobLobby->count(), 1, kTimeout);
        const QString aliceId = aliceLobby->at(0).id;
        QCOMPARE(bobLobby->at(0).id, aliceId);

        auto mallory = rawClient(QStringLiteral("mallory"));
        QVERIFY(mallory);
        const QString forgedTs = QStringLiteral("2099-01-01T00:00:00.000Z");
        forge(mallory.get(), {{QStringLiteral("kind"), QStringLiteral("message")},
                              {QStringLiteral("id"), MessageEnvelope::newId()},
                              {QStringLiteral("text"), QStringLiteral("alice: I quit")},
                              {QStringLiteral("sender"), QStringLiteral("alice")},
                              {QStringLiteral("instance"), alice->instanceId()},
                              {QStringLiteral("ts"), forgedTs}});
        // A copy of alice's own message id: neither an "own echo" for alice nor a "duplicate" for bob.
        forge(mallory.get(), {{QStringLiteral("kind"), QStringLiteral("message")},
                              {QStringLiteral("id"), aliceId},
                              {QStringLiteral("text"), QStringLiteral("same id, other sender")},
                              {QStringLiteral("sender"), QStringLiteral("alice")},
                              {QStringLiteral("instance"), alice->instanceId()}});
        QTRY_COMPARE_WITH_TIMEOUT(aliceLobby->count(), 3, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(bobLobby->count(), 3, kTimeout);

        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (MessageModel *model : {aliceLobby, bobLobby}) {
            const int quit = rowWithText(model, QStringLiteral("alice: I quit"));
            QVERIFY(quit >= 0);
            QCOMPARE(model->at(quit).senderId, QStringLiteral("mallory"));
            QVERIFY(!model->at(quit).own);
            QCOMPARE(role(model, quit, MessageModel::SenderLabelRole).toString(), QStringLiteral("mallory"));
            // "alice" is another member's identity: not even shown beside mallory's.
            QCOMPARE(role(model, quit, MessageModel::SecondaryNameRole).toString(), QString());
            QVERIFY(model->at(quit).senderName.isEmpty());
            // The 2099 timestamp is the sender's claim; the arrival time is shown.
            QVERIFY(model->at(quit).timestamp <= now);
            QVERIFY(model->at(quit).timestamp.date().year() < 2099);

            const int copy = rowWithText(model, QStringLiteral("same id, other sender"));
            QVERIFY(copy >= 0);
            QCOMPARE(model->at(copy).senderId, QStringLiteral("mallory"));
            QVERIFY(model->at(copy).id != aliceId);
            const int original = model->rowOf(aliceId);
            QVERIFY(original >= 0);
            QCOMPARE(model->at(original).text, QStringLiteral("hello"));
            QCOMPARE(model->at(original).senderId, QStringLiteral("alice"));
        }
        // Both stored under the real sender in the history too.
        QCOMPARE(alice->history()->senderOf(kRoom, aliceId), std::optional<QString>(QStringLiteral("alice")));

        // A forged copy redelivered is still one row (the re-keyed id is stable).
        forge(mallory.get(), {{QStringLiteral("kind"), QStringLiteral("message")},
                              {QStringLiteral("id"), aliceId},
                              {QStringLiteral("text"), QStringLiteral("same id, other sender")},
                              {QStringLiteral("sender"), QStringLiteral("alice")}});
        forge(mallory.get(), {{QStringLiteral("kind"), QStringLiteral("message")},
                              {QStringLiteral("id"), MessageEnvelope::newId()},
                              {QStringLiteral("text"), QStringLiteral("marker")},
                              {QStringLiteral("sender"), QStringLiteral("Mallory M.")}});
        QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobLobby, QStringLiteral("marker")) >= 0, kTimeout);
        QCOMPARE(bobLobby->count(), 4);
        // A name that passes for nobody may stand beside the identity.
        const int marker = rowWithText(bobLobby, QStringLiteral("marker"));
        QCOMPARE(role(bobLobby, marker, MessageModel::SenderLabelRole).toString(), QStringLiteral("mallory"));
        QCOMPARE(role(bobLobby, marker, MessageModel::SecondaryNameRole).toString(),
                 QStringLiteral("Mallory M."));
        mallory->stop();

        // No fromUserId at all (an anonymous connection): "anonymous", never the payload's name.
        auto nobody = rawClient(QString());
        QVERIFY(nobody);
        forge(nobody.get(), {{QStringLiteral("kind"), QStringLiteral("message")},
                             {QStringLiteral("id"), MessageEnvelope::newId()},
                             {QStringLiteral("text"), QStringLiteral("from nobody")},
                             {QStringLiteral("sender"), QStringLiteral("alice")},
                             {QStringLiteral("instance"), alice->instanceId()}});
        QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobLobby, QStringLiteral("from nobody")) >= 0, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithText(aliceLobby, QStringLiteral("from nobody")) >= 0, kTimeout);
        for (MessageModel *model : {aliceLobby, bobLobby}) {
            const int row = rowWithText(model, QStringLiteral("from nobody"));
            QCOMPARE(model->at(row).senderId, QString());
            QCOMPARE(role(model, row, MessageModel::SenderLabelRole).toString(), QStringLiteral("anonymous"));
            QCOMPARE(role(model, row, MessageModel::SecondaryNameRole).toString(), QString());
            QVERIFY(!model->at(row).own);
        }
        nobody->stop();
    }

    // Presence, typing and goodbye in a payload apply to its fromUserId only; notifications and
    // the typing line name the real sender, and the window shows them as plain text.
    void presenceTypingAndNotificationsFollowTheService()
    {
        auto alice = m_hub.startedApp(QStringLiteral("alice"));
        auto bob = m_hub.startedApp(QStringLiteral("bob"));
        QVERIFY(joinAll({alice.get(), bob.get()}, kRoom));
        QVERIFY(joinAll({alice.get(), bob.get()}, QStringLiteral("elsewhere")));
        alice->selectRoom(kRoom);
        bob->selectRoom(kRoom);

        // Alice's window, to read the typing line as shown.
        FetchTrap trap;
        auto engine = InProcessApp::loadMainWindow(alice.get());
        QVERIFY(!engine->rootObjects().isEmpty());
        QObject *typingLabel =
            engine->rootObjects().constFirst()->findChild<QObject *>(QStringLiteral("typingLabel"));
        QVERIFY(typingLabel);

        auto mallory = rawClient(QStringLiteral("mallory"));
        QVERIFY(mallory);
        const QJsonObject claimAlice{{QStringLiteral("sender"), QStringLiteral("alice")},
                                     {QStringLiteral("user"), QStringLiteral("alice")},
                                     {QStringLiteral("userId"), QStringLiteral("alice")},
                                     {QStringLiteral("instance"), alice->instanceId()}};
        auto with = [&](const QString &kind, const QJsonObject &extra = {}) {
            QJsonObject o = claimAlice;
            o.insert(QStringLiteral("kind"), kind);
            for (auto it = extra.begin(); it != extra.end(); ++it)
                o.insert(it.key(), it.value());
            return o;
        };

        // "Alice is away", from mallory with alice's instance: mallory is away, alice is not. Alice's
        // own app used to drop it as her own echo.
        forge(mallory.get(),
              with(QStringLiteral("presence"), {{QStringLiteral("state"), QStringLiteral("away")}}));
        for (AppController *app : {alice.get(), bob.get()}) {
            MemberModel *members = app->directory()->openMembers(kRoom);
            QTRY_COMPARE_WITH_TIMEOUT(members->presence(QStringLiteral("mallory")),
                                      MemberModel::Presence::Away, kTimeout);
            QCOMPARE(members->presence(QStringLiteral("alice")), MemberModel::Presence::Online);
            // The name "alice" collides with a member's identity: not shown beside mallory.
            QCOMPARE(members->shownName(QStringLiteral("mallory")), QString());
            const int row = [&] {
                for (int r = 0; r < members->rowCount(); ++r) {
                    if (members->data(members->index(r), MemberModel::UserIdRole).toString() == u"mallory")
                        return r;
                }
                return -1;
            }();
            QVERIFY(row >= 0);
            QCOMPARE(members->data(members->index(row), MemberModel::DisplayNameRole).toString(), QString());
        }

        // "Alice is typing" from mallory: the typing line says mallory, plainly.
        forge(mallory.get(), with(QStringLiteral("typing")));
        QTRY_COMPARE_WITH_TIMEOUT(bob->typingText(), QStringLiteral("mallory is typing…"), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(alice->typingText(), QStringLiteral("mallory is typing…"), kTimeout);
        QVERIFY(!bob->directory()->openMembers(kRoom)->isTyping(QStringLiteral("alice")));
        QTRY_COMPARE_WITH_TIMEOUT(typingLabel->property("text").toString(),
                                  QStringLiteral("mallory is typing…"), kTimeout);
        QCOMPARE(typingLabel->property("textFormat").toInt(), 0 /* Text.PlainText */);

        // "Alice says goodbye" from mallory: alice stays online everywhere.
        forge(mallory.get(), with(QStringLiteral("goodbye")));
        QTRY_COMPARE_WITH_TIMEOUT(bob->directory()->openMembers(kRoom)->presence(QStringLiteral("mallory")),
                                  MemberModel::Presence::Offline, kTimeout);
        QCOMPARE(bob->directory()->openMembers(kRoom)->presence(QStringLiteral("alice")),
                 MemberModel::Presence::Online);

        // A notification names the real sender; the system one is escaped.
        QSignalSpy notified(bob.get(), &AppController::notificationRequested);
        QSignalSpy systemNotified(bob.get(), &AppController::systemNotificationRequested);
        bob->selectRoom(QStringLiteral("elsewhere"));
        QJsonObject message = with(QStringLiteral("message"));
        message.insert(QStringLiteral("id"), MessageEnvelope::newId());
        message.insert(QStringLiteral("text"), trap.imageMarkup(QStringLiteral("notify")));
        forge(mallory.get(), message);
        QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, kTimeout);
        QCOMPARE(notified.at(0).at(1).toString(), QStringLiteral("mallory"));
        QCOMPARE(systemNotified.count(), 1);
        QCOMPARE(systemNotified.at(0).at(0).toString(), QStringLiteral("mallory · #lobby"));
        QCOMPARE(systemNotified.at(0).at(1).toString(),
                 trap.imageMarkup(QStringLiteral("notify")).toHtmlEscaped());
        QVERIFY(!systemNotified.at(0).at(1).toString().contains(u'<'));
        QTest::qWait(300);
        QCOMPARE(trap.hits(), 0);
        mallory->stop();
        engine.reset();
    }

    // The naming rules themselves.
    void displayNamesNeverPassForSomeoneElse()
    {
        MemberModel members(kRoom);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        members.heard(QStringLiteral("bob"), QStringLiteral("Bob"), QStringLiteral("b1"), false, now);
        members.heard(QStringLiteral("carol"), QStringLiteral("Carol C."), QStringLiteral("c1"), false, now);
        QCOMPARE(members.shownName(QStringLiteral("carol")), QStringLiteral("Carol C."));
        // Another member's userId, any case; another member's display name, any case.
        members.heard(QStringLiteral("mallory"), QStringLiteral("BOB"), QStringLiteral("m1"), false, now);
        QCOMPARE(members.shownName(QStringLiteral("mallory")), QString());
        members.heard(QStringLiteral("mallory"), QStringLiteral("carol c."), QStringLiteral("m1"), false,
                      now);
        QCOMPARE(members.shownName(QStringLiteral("mallory")), QString());
        QCOMPARE(members.data(members.index(2), MemberModel::DisplayNameRole).toString(), QString());
        // The typing line names identities.
        members.setTyping(QStringLiteral("mallory"), QStringLiteral("carol c."), now.addSecs(60));
        QCOMPARE(members.typingNames(), QStringList{QStringLiteral("mallory")});

        // Control and bidi characters go; anonymous senders get no payload name at all.
        QCOMPARE(SenderPolicy::cleanDisplayName(QStringLiteral("al\u202Eice\n\tx"), QStringLiteral("m")),
                 QStringLiteral("alice x"));
        QCOMPARE(SenderPolicy::cleanDisplayName(QStringLiteral("alice"), QString()), QString());
        QCOMPARE(SenderPolicy::label(QString()), QStringLiteral("anonymous"));
        QCOMPARE(SenderPolicy::cleanDisplayName(QString(200, u'x'), QStringLiteral("m")).size(),
                 SenderPolicy::kMaxDisplayNameLength);

        // Echoes: our userId AND an id we issued; anyone else carrying our id is not us.
        SenderPolicy policy;
        policy.noteIssued(QStringLiteral("id-1"));
        QVERIFY(policy.isOwnMessageEcho(QStringLiteral("alice"), QStringLiteral("alice"),
                                        QStringLiteral("id-1")));
        QVERIFY(!policy.isOwnMessageEcho(QStringLiteral("mallory"), QStringLiteral("alice"),
                                         QStringLiteral("id-1")));
        QVERIFY(!policy.isOwnMessageEcho(QString(), QStringLiteral("alice"), QStringLiteral("id-1")));
        QVERIFY(!policy.isOwnMessageEcho(QStringLiteral("alice"), QStringLiteral("alice"),
                                         QStringLiteral("id-2")));
        QVERIFY(!SenderPolicy::isOwnPresenceEcho(QStringLiteral("mallory"), QStringLiteral("alice"),
                                                 QStringLiteral("inst"), QStringLiteral("inst")));
        QCOMPARE(
            policy.receivedId(QStringLiteral("mallory"), QStringLiteral("alice"), QStringLiteral("id-1"), {}),
            SenderPolicy::scopedId(QStringLiteral("mallory"), QStringLiteral("id-1")));
        // The issued set is bounded.
        for (int i = 0; i < SenderPolicy::kMaxIssuedIds + 10; ++i)
            policy.noteIssued(QStringLiteral("n-%1").arg(i));
        QVERIFY(!policy.issued(QStringLiteral("id-1")));
        QVERIFY(policy.issued(QStringLiteral("n-%1").arg(SenderPolicy::kMaxIssuedIds + 9)));

        // Notification text for the system tray is escaped.
        QCOMPARE(NotificationPolicy::systemTitle(QStringLiteral("<b>r</b>"), QStringLiteral("<img src=x>")),
                 QStringLiteral("&lt;img src=x&gt; · #&lt;b&gt;r&lt;/b&gt;"));
        QCOMPARE(NotificationPolicy::systemBody(QStringLiteral("a & <i>b</i>")),
                 QStringLiteral("a &amp; &lt;i&gt;b&lt;/i&gt;"));
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    TestHostileIdentity test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_hostile_identity.moc"
