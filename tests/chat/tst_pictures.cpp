// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Issue 10, feature 8: pictures. Scaling keeps the worst case under the 1 MB frame, non-images and
// decompression bombs are refused with a clear error, a picture sent by one AppController is shown
// (thumbnail data through the image provider) by another and survives a restart, forged or
// URL-bearing payloads are dropped or shown as plain text, and nothing is ever fetched.
#include "appcontroller.h"
#include "apptestcase.h"
#include "client.h"
#include "historystore.h"
#include "picturecodec.h"
#include "pictureprovider.h"
#include "pictures.h"
#include "picturestore.h"
#include "service.h"

#include <QBuffer>
#include <QImageWriter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Hubbub;

namespace {
constexpr int kTimeout = 20000;
const QString kRoom = QStringLiteral("pics");

QImage noise(int w, int h, bool alpha)
{
    QImage image(w, h, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    auto *rng = QRandomGenerator::global();
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < w; ++x)
            line[x] = rng->generate() | (alpha ? 0u : 0xff000000u);
    }
    return image;
}
QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, format).write(image);
    return bytes;
}
QImage gradient(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            image.setPixel(x, y, qRgb(x % 256, y % 256, (x + y) % 256));
    return image;
}
} // namespace

class TestPictures : public HubbubTest::AppTestCase
{
    Q_OBJECT

    std::unique_ptr<AppController> makeApp(const AppOptions &o)
    {
        auto app = std::make_unique<AppController>(o);
        return app;
    }

private Q_SLOTS:
    void worstCaseFitsTheFrame_data()
    {
        QTest::addColumn<bool>("alpha");
        QTest::newRow("rgb noise (jpeg)") << false;
        QTest::newRow("argb noise (png)") << true;
    }
    void worstCaseFitsTheFrame()
    {
        QFETCH(bool, alpha);
        // Noise does not compress: only scaling down can make it fit.
        const QByteArray input = encoded(noise(3000, 2000, alpha), "png");
        QVERIFY(input.size() > 8 * 1024 * 1024);
        const PictureCodec::Encoded out = PictureCodec::encode(input);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QCOMPARE(out.mime, alpha ? QStringLiteral("image/png") : QStringLiteral("image/jpeg"));
        QVERIFY(out.bytes.toBase64().size() <= PictureCodec::kMaxDataBase64);
        QVERIFY(std::max(out.size.width(), out.size.height()) <= PictureCodec::kMaxSentSide);
        QVERIFY(!PictureCodec::decodeReceived(out.bytes).isNull());

        // The whole sendToGroup frame, with the longest room name and a name that escapes badly.
        QJsonObject envelope{{QStringLiteral("kind"), QStringLiteral("image")},
                             {QStringLiteral("v"), 1},
                             {QStringLiteral("id"), QStringLiteral("0123456789abcdef0123456789abcdef")},
                             {QStringLiteral("sender"), QString(64, QChar(0x1F600 & 0xffff))},
                             {QStringLiteral("ts"), QStringLiteral("2026-11-27T19:00:00.000Z")},
                             {QStringLiteral("mime"), out.mime},
                             {QStringLiteral("width"), out.size.width()},
                             {QStringLiteral("height"), out.size.height()},
                             {QStringLiteral("name"), QString(Pictures::kMaxNameLength, QLatin1Char('"'))},
                             {QStringLiteral("text"),
                              Pictures::fallbackText(QString(Pictures::kMaxNameLength, QLatin1Char('"')))},
                             {QStringLiteral("data"), QString::fromLatin1(out.bytes.toBase64())}};
        const QJsonObject frame{{QStringLiteral("type"), QStringLiteral("sendToGroup")},
                                {QStringLiteral("group"), QString(128, QChar(0x00e9))},
                                {QStringLiteral("dataType"), QStringLiteral("json")},
                                {QStringLiteral("ackId"), 4294967295.0},
                                {QStringLiteral("noEcho"), true},
                                {QStringLiteral("data"), envelope}};
        const qsizetype size = QJsonDocument(frame).toJson(QJsonDocument::Compact).size();
        QVERIFY2(size < 1024 * 1024 - 64 * 1024, qPrintable(QString::number(size))); // 64 KiB margin
    }

    void nonImagesAndBombsAreRefused()
    {
        PictureCodec::Encoded out = PictureCodec::encode("hello, I am text");
        QVERIFY(!out.ok());
        QCOMPARE(out.error, QStringLiteral("This is not a picture."));
        QVERIFY(!PictureCodec::encode({}).ok());
        // A 74-byte PNG whose header claims 100000×100000 pixels: refused before decoding.
        const QByteArray bomb =
            QByteArray::fromHex("89504e470d0a1a0a0000000d49484452000186a0000186a0080200000027309c9f0000001149"
                                "444154789c63601805a360140c77000003e80001b3a6d3460000000049454e44ae426082");
        out = PictureCodec::encode(bomb);
        QVERIFY(!out.ok());
        QVERIFY2(out.error.contains(QStringLiteral("100000")), qPrintable(out.error));
        QString error;
        QVERIFY(PictureCodec::decodeReceived(bomb, nullptr, &error).isNull());
        QVERIFY(error.contains(QStringLiteral("too large")));
        // Input over 50 MB is refused unread.
        out = PictureCodec::encode(QByteArray(PictureCodec::kMaxInputBytes + 1, 'x'));
        QVERIFY(out.error.contains(QStringLiteral("too large")));
        // Received: larger than kMaxReceivedSide, or not PNG/JPEG, is refused.
        QVERIFY(PictureCodec::decodeReceived(encoded(gradient(PictureCodec::kMaxReceivedSide + 1, 2), "png"))
                    .isNull());
        QVERIFY(PictureCodec::decodeReceived(encoded(gradient(20, 20), "bmp")).isNull());
        QVERIFY(!PictureCodec::decodeReceived(encoded(gradient(20, 20), "png")).isNull());
    }

    void sentPictureIsShownByTheOtherAndKept()
    {
        // Anything that tries to fetch a URL from a payload would connect here.
        QTcpServer trap;
        QVERIFY(trap.listen(QHostAddress::LocalHost));
        const QString trapUrl = QStringLiteral("http://127.0.0.1:%1/evil.png").arg(trap.serverPort());

        const AppOptions bobOptions = m_hub.freshOptions(QStringLiteral("bob"));
        auto alice = makeApp(m_hub.freshOptions(QStringLiteral("alice")));
        auto bob = makeApp(bobOptions);
        alice->start();
        bob->start();
        QVERIFY(HubbubTest::joinAll({alice.get(), bob.get()}, kRoom, kTimeout));
        MessageModel *aliceRoom = alice->directory()->openMessages(kRoom);
        MessageModel *bobRoom = bob->directory()->openMessages(kRoom);
        alice->selectRoom(kRoom);

        // A non-image: refused with a sentence, nothing sent.
        QSignalSpy aliceErrors(alice.get(), &AppController::errorShown);
        QVERIFY(!alice->pictures()->sendData(kRoom, "not a picture", QStringLiteral("notes.txt")));
        QCOMPARE(aliceErrors.size(), 1);
        QCOMPARE(aliceErrors.at(0).at(0).toString(), QStringLiteral("This is not a picture."));
        QCOMPARE(aliceRoom->count(), 0);

        QVERIFY(alice->pictures()->sendData(kRoom, encoded(gradient(3000, 1500), "png"),
                                            QStringLiteral("<b>holiday</b>.png")));
        QCOMPARE(aliceRoom->count(), 1);
        const QString id = aliceRoom->at(0).id;
        QVERIFY(aliceRoom->at(0).picture);
        QTRY_COMPARE_WITH_TIMEOUT(bobRoom->count(), 1, kTimeout);
        const ChatMessage got = bobRoom->at(0);
        QCOMPARE(got.id, id);
        QVERIFY(got.picture);
        QCOMPARE(got.senderId, QStringLiteral("alice"));
        QCOMPARE(got.text, QStringLiteral("[picture: <b>holiday</b>.png]"));
        const QString source = bobRoom->data(bobRoom->index(0), MessageModel::PictureSourceRole).toString();
        QCOMPARE(source, PictureStore::source(kRoom, id));
        QVERIFY(source.startsWith(QStringLiteral("image://hubbub/")));
        QTRY_COMPARE_WITH_TIMEOUT(aliceRoom->at(0).status, DeliveryStatus::Sent, kTimeout);

        // The thumbnail, through the provider QML uses.
        Ui::PictureProvider provider(bob->pictures());
        QSize size;
        const QString providerId = source.mid(QStringLiteral("image://hubbub/").size());
        QImage thumb = provider.requestImage(providerId, &size, QSize(240, 240));
        QVERIFY(!thumb.isNull());
        QCOMPARE(size, QSize(PictureCodec::kMaxSentSide, PictureCodec::kMaxSentSide / 2));
        QVERIFY(thumb.width() <= 240 && thumb.height() <= 240);
        QCOMPARE(provider.requestImage(QStringLiteral("nonsense"), &size, {}), QImage());

        // Hostile: a picture from mallory reusing alice's id is dropped; one whose data is a URL
        // is dropped; one whose name is a URL is shown as text, and nothing is fetched.
        auto mallory =
            m_hub.connectedRawClient(QStringLiteral("mallory"), {QStringLiteral("webpubsub.joinLeaveGroup"),
                                                                 QStringLiteral("webpubsub.sendToGroup")});
        QVERIFY(mallory);
        auto joined = mallory->joinGroup(kRoom);
        QTRY_VERIFY_WITH_TIMEOUT(joined.isFinished(), kTimeout);
        const auto sendPicture = [&](const QJsonObject &env) {
            auto f = mallory->sendToGroup(kRoom, WebPubSub::Payload::fromJson(env));
            QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), kTimeout);
        };
        const QString pngBase64 = QString::fromLatin1(encoded(noise(8, 8, false), "png").toBase64());
        const auto envelope = [&](const QString &pid, const QString &data, const QString &name) {
            return QJsonObject{{QStringLiteral("kind"), QStringLiteral("image")},
                               {QStringLiteral("v"), 1},
                               {QStringLiteral("id"), pid},
                               {QStringLiteral("sender"), QStringLiteral("alice")},
                               {QStringLiteral("ts"), QStringLiteral("2026-11-27T19:00:00Z")},
                               {QStringLiteral("mime"), QStringLiteral("text/html")},
                               {QStringLiteral("width"), 1},
                               {QStringLiteral("height"), 1},
                               {QStringLiteral("name"), name},
                               {QStringLiteral("data"), data},
                               {QStringLiteral("text"), QStringLiteral("[picture]")}};
        };
        sendPicture(envelope(id, pngBase64, QStringLiteral("forged")));
        sendPicture(envelope(QStringLiteral("url-data"), trapUrl, QStringLiteral("x.png")));
        sendPicture(envelope(QStringLiteral("not-image"),
                             QString::fromLatin1(QByteArray("<html>").toBase64()), QStringLiteral("x.png")));
        QJsonObject newer = envelope(QStringLiteral("newer"), pngBase64, QStringLiteral("v2"));
        newer.insert(QStringLiteral("v"), 2);
        sendPicture(newer);
        sendPicture(envelope(QStringLiteral("url-name"), pngBase64, trapUrl));
        QTRY_COMPARE_WITH_TIMEOUT(bobRoom->count(), 2, kTimeout);
        QTest::qWait(300);
        QCOMPARE(bobRoom->count(), 2);
        const ChatMessage named = bobRoom->at(1);
        QCOMPARE(named.id, QStringLiteral("url-name"));
        QCOMPARE(named.senderId, QStringLiteral("mallory"));
        QCOMPARE(named.text, QStringLiteral("[picture: %1]").arg(trapUrl));
        QVERIFY(!bob->pictures()->image(kRoom, QStringLiteral("url-name")).isNull());
        // alice's picture is still alice's.
        QCOMPARE(bobRoom->at(0).senderId, QStringLiteral("alice"));
        QCOMPARE(bob->pictures()->image(kRoom, id).size(),
                 QSize(PictureCodec::kMaxSentSide, PictureCodec::kMaxSentSide / 2));
        QVERIFY(!trap.hasPendingConnections());
        QVERIFY(!trap.waitForNewConnection(200));

        // Restart: bob's history still has the picture and its bytes.
        bob.reset();
        auto again = makeApp(bobOptions);
        MessageModel *room = again->directory()->openMessages(kRoom);
        QVERIFY(room->count() >= 1);
        const int row = room->rowOf(id);
        QVERIFY(row >= 0);
        QVERIFY(room->at(row).picture);
        QCOMPARE(room->data(room->index(row), MessageModel::PictureSourceRole).toString(), source);
        QVERIFY(!again->pictures()->image(kRoom, id).isNull());
    }

    void pendingPictureIsResentAsAPicture()
    {
        // Sent while offline, the app quits; the next start resends the image envelope, not the text.
        const AppOptions carolOptions = m_hub.freshOptions(QStringLiteral("carol"));
        auto dave = makeApp(m_hub.freshOptions(QStringLiteral("dave")));
        dave->start();
        {
            auto carol = makeApp(carolOptions);
            carol->joinRoom(kRoom);
            QVERIFY(carol->pictures()->sendData(kRoom, encoded(gradient(64, 64), "png"),
                                                QStringLiteral("a.png")));
            QCOMPARE(carol->outboxIds().size(), 1);
        }
        auto carol = makeApp(carolOptions);
        QCOMPARE(carol->outboxIds().size(), 1);
        const QString id = carol->outboxIds().constFirst();
        carol->start();
        QVERIFY(HubbubTest::joinAll({carol.get(), dave.get()}, kRoom, kTimeout));
        MessageModel *daveRoom = dave->directory()->openMessages(kRoom);
        QTRY_VERIFY_WITH_TIMEOUT(daveRoom->rowOf(id) >= 0, kTimeout);
        QVERIFY(daveRoom->at(daveRoom->rowOf(id)).picture);
        QVERIFY(!dave->pictures()->image(kRoom, id).isNull());
    }
};

QTEST_MAIN(TestPictures)
#include "tst_pictures.moc"
