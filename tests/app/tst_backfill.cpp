// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Backfill and the gap marker row without a service: the hooks stand in for the client and the
// member list, so refusals, bounds, rate limits and forged answers are checked exactly.
#include "backfill.h"
#include "historystore.h"
#include "messageenvelope.h"
#include "messagemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace std::chrono_literals;

namespace {
const auto kRoom = QStringLiteral("room");
const QDateTime kLost = QDateTime(QDate(2026, 3, 2), QTime(10, 2, 0), Qt::LocalTime).toUTC();
const QDateTime kRestored = kLost.addSecs(70);

ChatMessage direct(const QString &id, const QString &sender, const QString &text, const QDateTime &ts)
{
    ChatMessage m;
    m.id = id;
    m.room = kRoom;
    m.senderId = sender;
    m.text = text;
    m.timestamp = ts;
    m.status = DeliveryStatus::Received;
    return m;
}

QJsonObject item(const QString &id, const QString &sender, const QString &text, const QDateTime &ts)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("sender"), sender},
            {QStringLiteral("text"), text},
            {QStringLiteral("ts"), ts.toUTC().toString(Qt::ISODateWithMs)}};
}

MessageEnvelope answerOf(const QString &requestId, const QJsonArray &messages, const QString &id = {})
{
    const QJsonObject o{{QStringLiteral("kind"), QStringLiteral("backfill")},
                        {QStringLiteral("v"), 1},
                        {QStringLiteral("id"), id.isEmpty() ? MessageEnvelope::newId() : id},
                        {QStringLiteral("requestId"), requestId},
                        {QStringLiteral("messages"), messages}};
    const auto env = MessageEnvelope::fromJson(o);
    return env.value_or(MessageEnvelope{});
}

MessageEnvelope requestOf(const QDateTime &from, const QDateTime &to, const QString &id = {})
{
    MessageEnvelope e;
    e.kind = MessageEnvelope::Kind::BackfillRequest;
    e.version = 1;
    e.id = id.isEmpty() ? MessageEnvelope::newId() : id;
    e.from = from;
    e.to = to;
    e.max = 200;
    return e;
}
} // namespace

class TestBackfill : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<MessageModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<Backfill> m_backfill;
    QList<QPair<QString, QJsonObject>> m_sent;
    QSet<QString> m_present;

    Backfill *make()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_history = std::make_unique<HistoryStore>(m_dir->filePath(QStringLiteral("h.sqlite")));
        m_model = std::make_unique<MessageModel>(kRoom);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_sent.clear();
        m_present.clear();
        m_backfill = std::make_unique<Backfill>(
            m_history.get(),
            Backfill::Hooks{[this](const QString &room, const QJsonObject &e) {
                                m_sent.append({room, e});
                                return true;
                            },
                            [this](const QString &, const QString &user) { return m_present.contains(user); },
                            [this](const QString &room) { return room == kRoom ? m_model.get() : nullptr; },
                            []() { return QStringLiteral("alice"); }});
        m_backfill->setAnswerDelayMax(50ms);
        return m_backfill.get();
    }
    void store(const ChatMessage &m)
    {
        m_history->insert(m);
        m_model->appendMessage(m);
    }
    // Opens a gap and sends its request; returns the request id.
    QString openGap()
    {
        m_backfill->gapDetected({kRoom, QStringLiteral("not-ours")}, kLost, kRestored);
        m_backfill->sendPending();
        if (m_sent.size() != 1)
            return {};
        return m_sent.constFirst().second.value(QStringLiteral("id")).toString();
    }
    // The model's rows as message ids, "gap" for the marker.
    QStringList rowIds() const
    {
        QStringList ids;
        for (int row = 0; row < m_model->count(); ++row)
            ids.append(m_model->at(row).gapMarker ? QStringLiteral("gap") : m_model->at(row).id);
        return ids;
    }
    int answersSent() const
    {
        int n = 0;
        for (const auto &s : m_sent)
            n += s.second.value(QStringLiteral("kind")).toString() == u"backfill";
        return n;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_backfill.reset();
        m_tester.reset();
        m_model.reset();
        m_history.reset();
    }

    void gapMarkerRowAndExactRequest()
    {
        make();
        store(direct(QStringLiteral("before"), QStringLiteral("bob"), QStringLiteral("before"),
                     kLost.addSecs(-5)));
        m_backfill->gapDetected({kRoom, QStringLiteral("not-ours")}, kLost, kRestored);
        QCOMPARE(m_model->count(), 2);
        const QModelIndex marker = m_model->index(1);
        QCOMPARE(marker.data(MessageModel::RowKindRole).toString(), QStringLiteral("gap"));
        QCOMPARE(m_model->index(0).data(MessageModel::RowKindRole).toString(), QStringLiteral("message"));
        QCOMPARE(marker.data(MessageModel::TextRole).toString(),
                 QStringLiteral("Disconnected 10:02–10:03 — some messages may be missing"));
        QCOMPARE(m_backfill->gapMarkers(kRoom), QStringList{m_model->at(1).id});
        QVERIFY(m_sent.isEmpty()); // nothing goes out before the connection is up
        m_backfill->sendPending();
        QCOMPARE(m_sent.size(), 1);
        QCOMPARE(m_sent.at(0).first, kRoom);
        const auto request = MessageEnvelope::fromJson(m_sent.at(0).second);
        QVERIFY(request);
        QCOMPARE(request->kind, MessageEnvelope::Kind::BackfillRequest);
        QCOMPARE(request->version, 1);
        // The client's window with the margin on each side (the marker keeps the exact one).
        QCOMPARE(request->from, kLost.addMSecs(-Backfill::kRequestMargin.count()));
        QCOMPARE(request->to, kRestored.addMSecs(Backfill::kRequestMargin.count()));
        QCOMPARE(m_model->at(1).timestamp, kLost);
        QCOMPARE(request->max, 200);
        QVERIFY(!request->id.isEmpty());
    }

    void relayedMessagesFillTheGapInOrder()
    {
        make();
        const QString requestId = openGap();
        QVERIFY(!requestId.isEmpty());
        // A live message after the reconnect stays below the filled gap.
        store(direct(QStringLiteral("live"), QStringLiteral("bob"), QStringLiteral("live"),
                     kRestored.addSecs(1)));
        QJsonArray items{
            item(QStringLiteral("m2"), QStringLiteral("carol"), QStringLiteral("second"), kLost.addSecs(20)),
            item(QStringLiteral("m1"), QStringLiteral("carol"), QStringLiteral("first"), kLost.addSecs(10)),
            // claimed far outside the window: clamped to its end
            item(QStringLiteral("m3"), QStringLiteral("dave"), QStringLiteral("late"), kRestored.addDays(3))};
        m_model->setUnreadDivider(1); // on "live"
        m_backfill->handle(kRoom, QStringLiteral("bob"), answerOf(requestId, items));
        // Rows inserted above keep the divider on the same message.
        QCOMPARE(m_model->firstUnreadRow(), m_model->rowOf(QStringLiteral("live")));
        QCOMPARE(m_model->index(m_model->rowOf(QStringLiteral("live")))
                     .data(MessageModel::FirstUnreadRole)
                     .toBool(),
                 true);
        const QStringList order = rowIds();
        QCOMPARE(order, (QStringList{QStringLiteral("gap"), QStringLiteral("m1"), QStringLiteral("m2"),
                                     QStringLiteral("m3"), QStringLiteral("live")}));
        const int row = m_model->rowOf(QStringLiteral("m1"));
        QCOMPARE(m_model->index(row).data(MessageModel::RelayedByRole).toString(), QStringLiteral("bob"));
        QCOMPARE(m_model->index(row).data(MessageModel::SenderIdRole).toString(), QStringLiteral("carol"));
        QCOMPARE(m_model->index(m_model->rowOf(QStringLiteral("live")))
                     .data(MessageModel::RelayedByRole)
                     .toString(),
                 QString());
        QCOMPARE(m_model->at(m_model->rowOf(QStringLiteral("m3"))).timestamp, kRestored);
        QCOMPARE(m_model->index(0).data(MessageModel::TextRole).toString(),
                 QStringLiteral("Disconnected 10:02–10:03 — 3 messages filled from peers"));
        // Stored as relayed, so a restart does not make them look received directly.
        const QList<ChatMessage> stored = m_history->latest(kRoom, 10);
        int relayed = 0;
        for (const ChatMessage &m : stored)
            relayed += m.relayedBy == u"bob";
        QCOMPARE(relayed, 3);
        // A relayed message is never relayed on: it is not in what this instance would answer with.
        QCOMPARE(m_history->receivedBetween(kRoom, kLost, kRestored, 200).size(), 0);
    }

    // A busier peer received the messages at the gap's edges at other times than we would have:
    // one the service sent after our last frame reached it before that frame's time on our clock,
    // one sent before our rejoin took effect reached it after the rejoin was acknowledged. Both
    // are in its answer; what we have already, on either side of the gap, is not taken twice.
    void theRequestCoversWhatAPeerReceivedAtTheEdges()
    {
        make();
        store(direct(QStringLiteral("before"), QStringLiteral("carol"), QStringLiteral("before"),
                     kLost.addMSecs(-900)));
        const QString requestId = openGap();
        QVERIFY(!requestId.isEmpty());
        store(direct(QStringLiteral("after"), QStringLiteral("carol"), QStringLiteral("after"),
                     kRestored.addMSecs(1200)));
        const auto request = MessageEnvelope::fromJson(m_sent.constFirst().second);
        QVERIFY(request);

        // The peer: its own history, the arrival times its own.
        QTemporaryDir peerDir;
        HistoryStore peerHistory(peerDir.filePath(QStringLiteral("peer.sqlite")));
        MessageModel peerModel(kRoom);
        QList<QJsonObject> peerSent;
        Backfill peer(
            &peerHistory,
            Backfill::Hooks{[&](const QString &, const QJsonObject &e) {
                                peerSent.append(e);
                                return true;
                            },
                            [](const QString &, const QString &user) { return user == u"alice"; },
                            [&](const QString &room) { return room == kRoom ? &peerModel : nullptr; },
                            []() { return QStringLiteral("bob"); }});
        peer.setAnswerDelayMax(0ms);
        const QList<ChatMessage> peerHas{
            direct(QStringLiteral("before"), QStringLiteral("carol"), QStringLiteral("before"),
                   kLost.addMSecs(-1000)),
            direct(QStringLiteral("start-edge"), QStringLiteral("carol"), QStringLiteral("start"),
                   kLost.addMSecs(-300)),
            direct(QStringLiteral("middle"), QStringLiteral("carol"), QStringLiteral("middle"),
                   kLost.addSecs(30)),
            direct(QStringLiteral("end-edge"), QStringLiteral("carol"), QStringLiteral("end"),
                   kRestored.addMSecs(400)),
            direct(QStringLiteral("after"), QStringLiteral("carol"), QStringLiteral("after"),
                   kRestored.addMSecs(1100)),
            // Beyond the margin: not asked for.
            direct(QStringLiteral("long-before"), QStringLiteral("carol"), QStringLiteral("x"),
                   kLost.addSecs(-10)),
            direct(QStringLiteral("long-after"), QStringLiteral("carol"), QStringLiteral("y"),
                   kRestored.addSecs(10)),
        };
        for (const ChatMessage &m : peerHas)
            peerHistory.insert(m);
        peer.handle(kRoom, QStringLiteral("alice"), *request);
        QTRY_COMPARE_WITH_TIMEOUT(peerSent.size(), 1, 5000);
        const auto answer = MessageEnvelope::fromJson(peerSent.constFirst());
        QVERIFY(answer);
        QStringList answered;
        for (const auto &r : answer->relayed)
            answered.append(r.id);
        QCOMPARE(answered, (QStringList{QStringLiteral("before"), QStringLiteral("start-edge"),
                                        QStringLiteral("middle"), QStringLiteral("end-edge"),
                                        QStringLiteral("after")}));

        m_backfill->handle(kRoom, QStringLiteral("bob"), *answer);
        const QStringList order = rowIds();
        QCOMPARE(order, (QStringList{QStringLiteral("before"), QStringLiteral("gap"),
                                     QStringLiteral("start-edge"), QStringLiteral("middle"),
                                     QStringLiteral("end-edge"), QStringLiteral("after")}));
        // Placed inside the gap they fill, counted once each.
        for (const QString &id : {QStringLiteral("start-edge"), QStringLiteral("end-edge")}) {
            const QDateTime ts = m_model->at(m_model->rowOf(id)).timestamp;
            QVERIFY2(ts >= kLost && ts <= kRestored, qPrintable(ts.toString(Qt::ISODateWithMs)));
        }
        QCOMPARE(m_model->at(m_model->rowOf(m_backfill->gapMarkers(kRoom).constFirst())).gapFilled, 3);
        QCOMPARE(m_history->latest(kRoom, 100).size(), 6); // before, after, marker, three filled
    }

    void forgedAnswersCannotOverwriteOrExceedBounds()
    {
        make();
        store(direct(QStringLiteral("known"), QStringLiteral("bob"), QStringLiteral("original"),
                     kLost.addSecs(-1)));
        const QString requestId = openGap();
        QVERIFY(!requestId.isEmpty());
        const int before = m_model->count();
        QJsonArray items{
            item(QStringLiteral("known"), QStringLiteral("bob"), QStringLiteral("forged"), kLost.addSecs(1)),
            item(QStringLiteral("mine"), QStringLiteral("alice"), QStringLiteral("I never said"),
                 kLost.addSecs(2)),
            item(QStringLiteral("mine2"), QStringLiteral("ALICE"), QStringLiteral("nor this"),
                 kLost.addSecs(2))};
        m_backfill->handle(kRoom, QStringLiteral("mallory"), answerOf(requestId, items));
        QCOMPARE(m_model->count(), before);
        QCOMPARE(m_model->at(m_model->rowOf(QStringLiteral("known"))).text, QStringLiteral("original"));
        QCOMPARE(m_model->at(m_model->rowOf(QStringLiteral("known"))).relayedBy, QString());

        // An answer to a request we never made, or in another room, is ignored.
        m_backfill->handle(
            kRoom, QStringLiteral("mallory"),
            answerOf(MessageEnvelope::newId(),
                     {item(QStringLiteral("x"), QStringLiteral("bob"), QStringLiteral("x"), kLost)}));
        QCOMPARE(m_model->count(), before);

        // 250 messages in one answer: the parser keeps 200; more answers add nothing beyond 200.
        QJsonArray many;
        for (int i = 0; i < 250; ++i)
            many.append(item(QStringLiteral("f%1").arg(i), QStringLiteral("bob"), QStringLiteral("x"),
                             kLost.addSecs(1)));
        QCOMPARE(answerOf(requestId, many).relayed.size(), 200);
        m_backfill->handle(kRoom, QStringLiteral("mallory"), answerOf(requestId, many));
        QCOMPARE(m_model->count(), before + 200);
        QJsonArray more;
        for (int i = 0; i < 20; ++i)
            more.append(item(QStringLiteral("g%1").arg(i), QStringLiteral("bob"), QStringLiteral("x"),
                             kLost.addSecs(1)));
        m_backfill->handle(kRoom, QStringLiteral("trent"), answerOf(requestId, more));
        QCOMPARE(m_model->count(), before + 200);

        // An anonymous relayer vouches for nothing.
        make();
        const QString second = openGap();
        const int rows = m_model->count();
        m_backfill->handle(kRoom, QString(), answerOf(second, more));
        QCOMPARE(m_model->count(), rows);
    }

    void resentAnswerIsHandledOnce()
    {
        make();
        const QString requestId = openGap();
        const QString answerId = MessageEnvelope::newId();
        QJsonArray items{item(QStringLiteral("a"), QStringLiteral("bob"), QStringLiteral("a"), kLost)};
        m_backfill->handle(kRoom, QStringLiteral("bob"), answerOf(requestId, items, answerId));
        m_backfill->handle(kRoom, QStringLiteral("bob"), answerOf(requestId, items, answerId));
        QCOMPARE(m_model->count(), 2);
        QCOMPARE(m_model->at(0).gapFilled, 1);
    }

    void answersOnlyPresentMembersWithinLimits()
    {
        make();
        store(direct(QStringLiteral("old"), QStringLiteral("carol"), QStringLiteral("too old"),
                     kLost.addSecs(-60)));
        store(
            direct(QStringLiteral("in1"), QStringLiteral("carol"), QStringLiteral("one"), kLost.addSecs(5)));
        ChatMessage mine =
            direct(QStringLiteral("in2"), QStringLiteral("alice"), QStringLiteral("two"), kLost.addSecs(6));
        mine.own = true;
        mine.status = DeliveryStatus::Sent;
        store(mine);
        ChatMessage failed = mine;
        failed.id = QStringLiteral("in3");
        failed.status = DeliveryStatus::Failed; // never went out: not the room's
        store(failed);

        // Not a member seen present: refused (sending to a group does not need joining it).
        m_backfill->handle(kRoom, QStringLiteral("outsider"), requestOf(kLost, kRestored));
        m_backfill->handle(kRoom, QString(), requestOf(kLost, kRestored));
        QTest::qWait(300);
        QCOMPARE(answersSent(), 0);

        // A present member: one answer with what we saw in the window, nothing else.
        m_present.insert(QStringLiteral("bob"));
        const QString requestId = MessageEnvelope::newId();
        m_backfill->handle(kRoom, QStringLiteral("bob"), requestOf(kLost, kRestored, requestId));
        // Rate limit: another request right after gets no second answer.
        m_backfill->handle(kRoom, QStringLiteral("bob"), requestOf(kLost, kRestored));
        QTRY_COMPARE_WITH_TIMEOUT(answersSent(), 1, 5000);
        QTest::qWait(300);
        QCOMPARE(answersSent(), 1);
        const auto answer = MessageEnvelope::fromJson(m_sent.constLast().second);
        QVERIFY(answer);
        QCOMPARE(answer->kind, MessageEnvelope::Kind::Backfill);
        QCOMPARE(answer->requestId, requestId);
        QStringList ids;
        for (const auto &r : answer->relayed)
            ids.append(r.id);
        QCOMPARE(ids, (QStringList{QStringLiteral("in1"), QStringLiteral("in2")}));
        QCOMPARE(answer->relayed.at(0).sender, QStringLiteral("carol"));

        // Per room: another member asking right away waits for the room's interval.
        m_present.insert(QStringLiteral("dave"));
        m_backfill->setPerRoomInterval(10s);
        m_backfill->handle(kRoom, QStringLiteral("dave"), requestOf(kLost, kRestored));
        QTest::qWait(300);
        QCOMPARE(answersSent(), 1);
    }

    void anAnswerSeenSuppressesOurs()
    {
        make();
        m_backfill->setAnswerDelayMax(300ms);
        store(
            direct(QStringLiteral("in1"), QStringLiteral("carol"), QStringLiteral("one"), kLost.addSecs(5)));
        m_present.insert(QStringLiteral("bob"));
        const QString requestId = MessageEnvelope::newId();
        m_backfill->handle(kRoom, QStringLiteral("bob"), requestOf(kLost, kRestored, requestId));
        // Someone else answered before our delay ran out.
        m_backfill->handle(kRoom, QStringLiteral("carol"), answerOf(requestId, {}));
        QTest::qWait(600);
        QCOMPARE(answersSent(), 0);
    }

    void answersStayWithinTheByteBudget()
    {
        make();
        m_backfill->setAnswerDelayMax(0ms);
        const QString big(60 * 1024, u'x');
        for (int i = 0; i < 8; ++i)
            store(direct(QStringLiteral("big%1").arg(i), QStringLiteral("carol"), big, kLost.addSecs(i)));
        m_present.insert(QStringLiteral("bob"));
        m_backfill->handle(kRoom, QStringLiteral("bob"), requestOf(kLost, kRestored));
        QTRY_COMPARE_WITH_TIMEOUT(answersSent(), 1, 5000);
        const QByteArray bytes = QJsonDocument(m_sent.constLast().second).toJson(QJsonDocument::Compact);
        QVERIFY2(bytes.size() <= MessageEnvelope::kMaxBackfillBytes, QByteArray::number(bytes.size()));
        QCOMPARE(MessageEnvelope::fromJson(m_sent.constLast().second)->relayed.size(), 4);
    }

    void unknownVersionsAreHarmless()
    {
        QJsonObject o{{QStringLiteral("kind"), QStringLiteral("backfill-request")},
                      {QStringLiteral("v"), 2},
                      {QStringLiteral("id"), QStringLiteral("r")},
                      {QStringLiteral("from"), kLost.toString(Qt::ISODateWithMs)},
                      {QStringLiteral("to"), kRestored.toString(Qt::ISODateWithMs)}};
        QVERIFY(!MessageEnvelope::fromJson(o));
        o.insert(QStringLiteral("v"), 1);
        QVERIFY(MessageEnvelope::fromJson(o));
        o.insert(QStringLiteral("to"), kLost.addSecs(-1).toString(Qt::ISODateWithMs)); // backwards
        QVERIFY(!MessageEnvelope::fromJson(o));
        QCOMPARE(MessageEnvelope::kindFromName(u"backfill-request"), MessageEnvelope::Kind::BackfillRequest);
        QCOMPARE(MessageEnvelope::kindFromName(u"backfill-v9"), MessageEnvelope::Kind::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestBackfill)
#include "tst_backfill.moc"
