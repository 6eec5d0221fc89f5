// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Gaps and backfill end to end: AppControllers and raw clients through an in-process
// Hubbub::Service. A real gap (offline longer than the recovery window, so a new connection),
// filled from a peer; the marker and what filled it still there after a restart; requests from
// non-members refused; one answer per burst of requests.
#include "appcontroller.h"
#include "apptestcase.h"
#include "backfill.h"
#include "client.h"
#include "historystore.h"
#include "messageenvelope.h"
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

int gapRow(MessageModel *model)
{
    for (int row = 0; row < model->count(); ++row) {
        if (model->at(row).gapMarker)
            return row;
    }
    return -1;
}
} // namespace

class TestGapBackfill : public HubbubTest::AppTestCase
{
    Q_OBJECT

    std::unique_ptr<AppController> makeApp(const QString &user)
    {
        auto app = std::make_unique<AppController>(m_hub.freshOptions(user));
        app->backfill()->setAnswerDelayMax(100ms);
        app->start();
        return app;
    }
    bool joinBoth(AppController *a, AppController *b, const QString &room)
    {
        a->joinRoom(room);
        b->joinRoom(room);
        m_hub.watch(a->directory()->openMessages(room));
        m_hub.watch(b->directory()->openMessages(room));
        return HubbubTest::allSeeEachOther({a, b}, room, kTimeout);
    }
    std::unique_ptr<WebPubSub::Client> rawClient(const QString &userId, const QStringList &roles)
    {
        return m_hub.rawClient(userId, roles);
    }
    static void sendEnvelope(WebPubSub::Client *client, const QString &room, const MessageEnvelope &env)
    {
        client->sendToGroup(room, env.toPayload());
    }
    static MessageEnvelope request(const QDateTime &from, const QDateTime &to)
    {
        MessageEnvelope r;
        r.kind = MessageEnvelope::Kind::BackfillRequest;
        r.version = 1;
        r.id = MessageEnvelope::newId();
        r.from = from;
        r.to = to;
        r.max = 200;
        return r;
    }

public:
    TestGapBackfill()
    {
        // Offline longer than this: the connection cannot be recovered, a new one has a gap.
        m_hub.defaults.clientOptions.recoveryTimeout = 500ms;
    }

private Q_SLOTS:
    void gapIsMarkedAndFilledFromAPeer()
    {
        auto alice = makeApp(QStringLiteral("alice"));
        auto bob = makeApp(QStringLiteral("bob"));
        QTRY_VERIFY_WITH_TIMEOUT(alice->connection()->isConnected() && bob->connection()->isConnected(),
                                 kTimeout);
        const QString room = QStringLiteral("gap");
        const QString quiet = QStringLiteral("quiet");
        QVERIFY(joinBoth(alice.get(), bob.get(), room));
        QVERIFY(joinBoth(alice.get(), bob.get(), quiet));
        MessageModel *aliceModel = alice->directory()->openMessages(room);
        MessageModel *bobModel = bob->directory()->openMessages(room);
        QVERIFY(bob->sendMessageTo(room, QStringLiteral("before")));
        QTRY_COMPARE_WITH_TIMEOUT(aliceModel->count(), 1, kTimeout);

        // Alice is offline longer than the recovery window while Bob talks.
        QSignalSpy gaps(alice->connection()->client(), &WebPubSub::Client::gapDetected);
        alice->connection()->goOffline(3000);
        QTRY_VERIFY_WITH_TIMEOUT(!alice->connection()->isConnected(), kTimeout);
        QStringList missed;
        for (int i = 1; i <= 3; ++i) {
            QVERIFY(bob->sendMessageTo(room, QStringLiteral("missed %1").arg(i)));
            missed.append(bobModel->at(bobModel->count() - 1).id);
        }
        QTRY_COMPARE_WITH_TIMEOUT(bob->connection()->outboxCount(), 0, kTimeout);
        QCOMPARE(aliceModel->count(), 1);

        QTRY_COMPARE_WITH_TIMEOUT(gaps.count(), 1, 60000);
        const QDateTime lostAt = gaps.at(0).at(1).toDateTime();
        const QDateTime restoredAt = gaps.at(0).at(2).toDateTime();
        // A marker in each affected room, at the gap's place, with the client's window.
        QCOMPARE(alice->backfill()->gapMarkers(room).size(), 1);
        QCOMPARE(alice->backfill()->gapMarkers(quiet).size(), 1);
        const int marker = gapRow(aliceModel);
        QCOMPARE(marker, 1);
        QCOMPARE(aliceModel->at(marker).timestamp, lostAt.toUTC());
        QCOMPARE(aliceModel->at(marker).gapEnd, restoredAt.toUTC());
        QCOMPARE(aliceModel->index(marker).data(MessageModel::RowKindRole).toString(), QStringLiteral("gap"));

        // Bob answers Alice's request: exactly the missed ids, relayed by bob, under the marker.
        QTRY_COMPARE_WITH_TIMEOUT(aliceModel->count(), 5, kTimeout);
        for (int i = 0; i < missed.size(); ++i) {
            const int row = aliceModel->rowOf(missed.at(i));
            QCOMPARE(row, marker + 1 + i);
            QCOMPARE(aliceModel->at(row).text, QStringLiteral("missed %1").arg(i + 1));
            QCOMPARE(aliceModel->index(row).data(MessageModel::RelayedByRole).toString(),
                     QStringLiteral("bob"));
            QCOMPARE(aliceModel->at(row).senderId, QStringLiteral("bob"));
            QVERIFY(aliceModel->at(row).timestamp >= lostAt && aliceModel->at(row).timestamp <= restoredAt);
        }
        QVERIFY(aliceModel->index(marker)
                    .data(MessageModel::TextRole)
                    .toString()
                    .endsWith(QStringLiteral("— 3 messages filled from peers")));
        // Nothing was missed in the quiet room: nobody answers, the marker says so.
        MessageModel *quietModel = alice->directory()->openMessages(quiet);
        QTest::qWait(500);
        QCOMPARE(quietModel->count(), 1);
        QVERIFY(quietModel->index(0)
                    .data(MessageModel::TextRole)
                    .toString()
                    .endsWith(QStringLiteral("— some messages may be missing")));

        // Live messages go on below; nobody got anything twice.
        QVERIFY(bob->sendMessageTo(room, QStringLiteral("after")));
        QTRY_COMPARE_WITH_TIMEOUT(aliceModel->count(), 6, kTimeout);
        QCOMPARE(aliceModel->at(5).text, QStringLiteral("after"));
        QCOMPARE(aliceModel->at(5).relayedBy, QString());
        QCOMPARE(bobModel->count(), 5);
    }

    void gapMarkerSurvivesARestart()
    {
        const AppOptions aliceOptions = m_hub.freshOptions(QStringLiteral("alice"));
        auto alice = std::make_unique<AppController>(aliceOptions);
        alice->backfill()->setAnswerDelayMax(100ms);
        alice->start();
        auto bob = makeApp(QStringLiteral("bob"));
        QTRY_VERIFY_WITH_TIMEOUT(alice->connection()->isConnected() && bob->connection()->isConnected(),
                                 kTimeout);
        const QString room = QStringLiteral("kept");
        QVERIFY(joinBoth(alice.get(), bob.get(), room));
        MessageModel *aliceModel = alice->directory()->openMessages(room);

        QSignalSpy gaps(alice->connection()->client(), &WebPubSub::Client::gapDetected);
        alice->connection()->goOffline(3000);
        QTRY_VERIFY_WITH_TIMEOUT(!alice->connection()->isConnected(), kTimeout);
        for (int i = 1; i <= 2; ++i)
            QVERIFY(bob->sendMessageTo(room, QStringLiteral("missed %1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(bob->connection()->outboxCount(), 0, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(gaps.count(), 1, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(aliceModel->count(), 3, kTimeout); // the marker, the 2 filled
        QCOMPARE(alice->backfill()->gapMarkers(room).size(), 1);
        const QString markerId = alice->backfill()->gapMarkers(room).constFirst();
        const ChatMessage marker = aliceModel->at(aliceModel->rowOf(markerId));
        QCOMPARE(marker.gapFilled, 2);

        // Alice quits and starts again with the same profile: the room shows the marker in its
        // place, with its window and how much was filled, and the filled messages still relayed.
        m_hub.resetWatches();
        alice.reset();
        auto again = std::make_unique<AppController>(aliceOptions);
        again->start();
        MessageModel *model = again->directory()->openMessages(room);
        m_hub.watch(model);
        QCOMPARE(model->count(), 3);
        QCOMPARE(gapRow(model), 0);
        QCOMPARE(model->at(0).id, markerId);
        QCOMPARE(model->at(0).timestamp, marker.timestamp);
        QCOMPARE(model->at(0).gapEnd, marker.gapEnd);
        QCOMPARE(model->at(0).gapFilled, 2);
        QCOMPARE(model->index(0).data(MessageModel::RowKindRole).toString(), QStringLiteral("gap"));
        QVERIFY(model->index(0)
                    .data(MessageModel::TextRole)
                    .toString()
                    .endsWith(QStringLiteral("— 2 messages filled from peers")));
        for (int row = 1; row <= 2; ++row) {
            QCOMPARE(model->at(row).text, QStringLiteral("missed %1").arg(row));
            QCOMPARE(model->at(row).relayedBy, QStringLiteral("bob"));
            QVERIFY(!model->at(row).gapMarker);
        }
        // A marker is no message: not counted, never offered in a backfill answer.
        QCOMPARE(again->history()->count(room), 2);
        QVERIFY(again->history()
                    ->receivedBetween(room, marker.timestamp.addSecs(-60),
                                      QDateTime::currentDateTimeUtc().addSecs(60), 200)
                    .isEmpty());
    }

    void requestsFromNonMembersAreRefusedAndBurstsGetOneAnswer()
    {
        auto bob = makeApp(QStringLiteral("bob"));
        QTRY_VERIFY_WITH_TIMEOUT(bob->connection()->isConnected(), kTimeout);
        const QString room = QStringLiteral("guarded");
        bob->joinRoom(room);
        m_hub.watch(bob->directory()->openMessages(room));
        QTRY_VERIFY_WITH_TIMEOUT(bob->connection()->client()->groups().contains(room), kTimeout);
        const QDateTime from = QDateTime::currentDateTimeUtc();
        QVERIFY(bob->sendMessageTo(room, QStringLiteral("secret")));
        QTRY_COMPARE_WITH_TIMEOUT(bob->connection()->outboxCount(), 0, kTimeout);

        // A member-to-be watches the group for answers.
        auto member = rawClient(QStringLiteral("member"), {QStringLiteral("webpubsub.sendToGroup"),
                                                           QStringLiteral("webpubsub.joinLeaveGroup")});
        QList<MessageEnvelope> answers;
        connect(member.get(), &WebPubSub::Client::groupMessageReceived, this,
                [&](const WebPubSub::GroupMessage &m) {
                    const auto env = MessageEnvelope::fromGroupMessage(m);
                    if (env && env->kind == MessageEnvelope::Kind::Backfill)
                        answers.append(*env);
                });
        QSignalSpy memberUp(member.get(), &WebPubSub::Client::connected);
        member->start();
        QTRY_COMPARE_WITH_TIMEOUT(memberUp.count(), 1, kTimeout);
        member->joinGroup(room);
        QTRY_VERIFY_WITH_TIMEOUT(member->groups().contains(room), kTimeout);

        // An outsider may send to the group without joining it: it gets no answer.
        auto outsider = rawClient(QStringLiteral("outsider"), {QStringLiteral("webpubsub.sendToGroup")});
        QSignalSpy outsiderUp(outsider.get(), &WebPubSub::Client::connected);
        outsider->start();
        QTRY_COMPARE_WITH_TIMEOUT(outsiderUp.count(), 1, kTimeout);
        sendEnvelope(outsider.get(), room, request(from, QDateTime::currentDateTimeUtc()));
        QTest::qWait(1500);
        QCOMPARE(answers.size(), 0);

        // The joined member announces itself and asks twice in a row: one answer, to the first.
        MessageEnvelope hello;
        hello.kind = MessageEnvelope::Kind::Presence;
        hello.instance = QStringLiteral("member-1");
        hello.state = QStringLiteral("online");
        sendEnvelope(member.get(), room, hello);
        QTRY_VERIFY_WITH_TIMEOUT(bob->directory()->openMembers(room)->presence(QStringLiteral("member")) !=
                                     MemberModel::Presence::Offline,
                                 kTimeout);
        const MessageEnvelope first = request(from, QDateTime::currentDateTimeUtc());
        sendEnvelope(member.get(), room, first);
        sendEnvelope(member.get(), room, request(from, QDateTime::currentDateTimeUtc()));
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, kTimeout);
        QTest::qWait(1500);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.at(0).requestId, first.id);
        QCOMPARE(answers.at(0).relayed.size(), 1);
        QCOMPARE(answers.at(0).relayed.at(0).text, QStringLiteral("secret"));
        QCOMPARE(answers.at(0).relayed.at(0).sender, QStringLiteral("bob"));
        member->stop();
        outsider->stop();
    }
};

QTEST_MAIN(TestGapBackfill)
#include "tst_gapbackfill.moc"
