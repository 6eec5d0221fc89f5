// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// chat.relayedpictures: a picture message missed in a gap comes back from a backfill as a picture
// (its bytes, each picture in a backfill answer of its own that fits the 1 MB frame), shown as one
// and kept across a restart; bytes a relayer sends that are not a picture leave the text fallback.
#include "backfill.h"
#include "chattestsupport.h"
#include "pictures.h"
#include "relayedpictures.h"

#include <QImage>
#include <QJsonDocument>
#include <QPainter>
#include <QRandomGenerator>

using namespace Hubbub;
using namespace ChatTest;
using namespace std::chrono_literals;

namespace {
const QString kRoom = QStringLiteral("relayed-pics");

QImage noise(int w, int h)
{
    // Noise with transparency: PNG, which does not compress it, is the largest a picture gets.
    QImage image(w, h, QImage::Format_ARGB32);
    auto *rng = QRandomGenerator::global();
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < w; ++x)
            line[x] = rng->generate();
    }
    return image;
}

//! A picture that compresses well: a sky, a sun, a horizon.
QImage scene(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(QColor(0x6a, 0x9f, 0xd8));
    QPainter painter(&image);
    painter.setBrush(QColor(0xf5, 0xc2, 0x42));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QPoint(w * 2 / 3, h / 2), h / 6, h / 6);
    painter.fillRect(0, h * 2 / 3, w, h / 3, QColor(0x3b, 0x5d, 0x3a));
    return image;
}

struct Answer
{
    qsizetype bytes = 0; // the envelope, serialized
    int messages = 0;
    int images = 0;
};
} // namespace

class TestRelayedPictures : public HubbubTest::AppTestCase
{
    Q_OBJECT

public:
    TestRelayedPictures()
    {
        // Offline longer than this: the connection cannot be recovered, the new one has a gap.
        m_hub.defaults.clientOptions.recoveryTimeout = 500ms;
    }

private Q_SLOTS:

    void missedPicturesAreFilledInAsPictures()
    {
        const QString bobProfile = m_hub.freshProfile(QStringLiteral("bob"));
        auto alice = app(m_hub, QStringLiteral("alice"));
        auto bob = app(m_hub, QStringLiteral("bob"), bobProfile);
        alice->backfill()->setAnswerDelayMax(100ms);
        QVERIFY(HubbubTest::joinAll({alice.get(), bob.get()}, kRoom, kTimeout));
        auto watcher = rawMember(m_hub, QStringLiteral("watcher"), kRoom);
        auto dave = rawMember(m_hub, QStringLiteral("dave"), kRoom);
        QVERIFY(watcher && dave);
        QList<Answer> answers;
        connect(watcher.get(), &WebPubSub::Client::groupMessageReceived, this,
                [&answers](const WebPubSub::GroupMessage &m) {
                    const auto env = MessageEnvelope::fromGroupMessage(m);
                    if (!env || env->kind != MessageEnvelope::Kind::Backfill)
                        return;
                    Answer a;
                    a.bytes =
                        QJsonDocument(m.payload.json().toObject()).toJson(QJsonDocument::Compact).size();
                    a.messages = int(env->relayed.size());
                    for (const MessageEnvelope::Relayed &r : env->relayed)
                        a.images += r.image.isEmpty() ? 0 : 1;
                    answers.append(a);
                });
        QStringList requests;
        connect(dave.get(), &WebPubSub::Client::groupMessageReceived, this,
                [&requests](const WebPubSub::GroupMessage &m) {
                    const auto env = MessageEnvelope::fromGroupMessage(m);
                    if (env && env->kind == MessageEnvelope::Kind::BackfillRequest)
                        requests.append(env->id);
                });

        bob->connection()->goOffline(3000);
        QTRY_VERIFY_WITH_TIMEOUT(!bob->connection()->isConnected(), kTimeout);
        MessageModel *a = alice->directory()->openMessages(kRoom);
        const auto lastId = [a] { return a->at(a->count() - 1).id; };
        QVERIFY(alice->sendMessageTo(kRoom, QStringLiteral("look at these")));
        const QString before = lastId();
        QVERIFY(alice->pictures()->sendImage(kRoom, scene(320, 200), QStringLiteral("sunset.png")));
        const QString small = lastId();
        QVERIFY(alice->pictures()->sendImage(kRoom, noise(1400, 1000), QStringLiteral("static.png")));
        const QString large = lastId();
        QVERIFY(alice->sendMessageTo(kRoom, QStringLiteral("nice, right?")));
        const QString after = lastId();
        QTRY_COMPARE_WITH_TIMEOUT(alice->connection()->outboxCount(), 0, kTimeout);
        const QImage sentSmall = alice->pictures()->image(kRoom, small);
        const QImage sentLarge = alice->pictures()->image(kRoom, large);
        QVERIFY(!sentSmall.isNull() && !sentLarge.isNull());

        QTRY_VERIFY_WITH_TIMEOUT(bob->connection()->isConnected(), 60000);
        MessageModel *b = bob->directory()->openMessages(kRoom);
        m_hub.watch(b);
        QTRY_VERIFY_WITH_TIMEOUT(
            b->contains(before) && b->contains(small) && b->contains(large) && b->contains(after), kTimeout);
        // In the order they were written, relayed by Alice, the pictures as pictures.
        QVERIFY(b->rowOf(before) < b->rowOf(small));
        QVERIFY(b->rowOf(small) < b->rowOf(large));
        QVERIFY(b->rowOf(large) < b->rowOf(after));
        for (const QString &id : {small, large}) {
            const ChatMessage &m = b->at(b->rowOf(id));
            QCOMPARE(m.relayedBy, QStringLiteral("alice"));
            QVERIFY2(m.picture, qPrintable(m.text));
            QCOMPARE(b->data(b->index(b->rowOf(id)), MessageModel::PictureSourceRole).toString(),
                     PictureStore::source(kRoom, id));
        }
        QCOMPARE(b->at(b->rowOf(small)).text, QStringLiteral("[picture: sunset.png]"));
        QCOMPARE(bob->pictures()->image(kRoom, small).size(), sentSmall.size());
        QCOMPARE(bob->pictures()->image(kRoom, large).size(), sentLarge.size());
        QCOMPARE(bob->pictures()->image(kRoom, small).pixel(10, 10), sentSmall.pixel(10, 10));

        // One answer for the text, one per picture; each frame under the limit.
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 3, kTimeout);
        int images = 0;
        for (const Answer &answer : std::as_const(answers)) {
            QVERIFY2(answer.bytes <= RelayedPictures::kMaxAnswerBytes,
                     qPrintable(QString::number(answer.bytes)));
            QVERIFY(answer.images == 0 || answer.messages == 1);
            images += answer.images;
        }
        QCOMPARE(images, 2);
        QVERIFY(std::any_of(answers.cbegin(), answers.cend(),
                            [](const Answer &x) { return x.bytes > 400 * 1024; })); // the large one did go

        // A relayer's bytes that are no picture: the text fallback stays, nothing is stored.
        QCOMPARE(requests.size(), 1);
        const QString fake = MessageEnvelope::newId();
        MessageEnvelope forged;
        forged.kind = MessageEnvelope::Kind::Backfill;
        forged.version = MessageEnvelope::kBackfillVersion;
        forged.id = MessageEnvelope::newId();
        forged.requestId = requests.first();
        MessageEnvelope::Relayed r{fake, QStringLiteral("carol"), QStringLiteral("[picture: evil.png]"),
                                   QDateTime::currentDateTimeUtc()};
        r.image = QJsonObject{{QStringLiteral("mime"), QStringLiteral("image/png")},
                              {QStringLiteral("name"), QStringLiteral("evil.png")},
                              {QStringLiteral("data"), QString::fromLatin1(QByteArray("<svg/>").toBase64())}};
        forged.relayed = {r};
        dave->sendToGroup(kRoom, forged.toPayload());
        QTRY_VERIFY_WITH_TIMEOUT(b->contains(fake), kTimeout);
        QVERIFY(!b->at(b->rowOf(fake)).picture);
        QCOMPARE(b->at(b->rowOf(fake)).text, QStringLiteral("[picture: evil.png]"));
        QVERIFY(bob->pictures()->image(kRoom, fake).isNull());

        // Kept as pictures across a restart.
        bob->shutdown();
        m_hub.resetWatches();
        bob = std::make_unique<AppController>(m_hub.options(QStringLiteral("bob"), bobProfile));
        bob->selectRoom(kRoom);
        b = bob->messages();
        QVERIFY(b->rowOf(large) >= 0);
        QVERIFY(b->at(b->rowOf(large)).picture);
        QCOMPARE(bob->pictures()->image(kRoom, large).size(), sentLarge.size());
    }
};

QTEST_MAIN(TestRelayedPictures)
#include "tst_relayedpictures.moc"
