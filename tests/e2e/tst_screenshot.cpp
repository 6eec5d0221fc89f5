// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Renders the real main window (Main.qml over a real AppController connected to its embedded
// service) with a conversation in it, light and dark, and saves the images for people to look at.
#include "inprocessapp.h"
#include "isolatedhome.h"
#include "quickitems.h"

#include "appcontroller.h"
#include "appoptions.h"
#include "chatmessage.h"
#include "connectioncontroller.h"
#include "datamessage.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "notices.h"
#include "pictures.h"
#include "replyref.h"
#include "roomlistmodel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QDir>
#include <QGuiApplication>
#include <QHash>
#include <QImage>
#include <QImageWriter>
#include <QJsonObject>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>
#include <QPolygonF>
#include <QQmlApplicationEngine>
#include <QQmlListReference>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

Hubbub::ChatMessage message(const QString &id, const QString &sender, const QString &text,
                            const QDateTime &when, bool own = false,
                            Hubbub::DeliveryStatus status = Hubbub::DeliveryStatus::Received,
                            const QString &room = u"general"_s)
{
    Hubbub::ChatMessage m;
    m.id = id;
    m.room = room;
    m.senderId = sender;
    m.senderName = sender;
    m.text = text;
    m.timestamp = when;
    m.own = own;
    m.status = status;
    return m;
}

using HubbubTest::findItem;

//! How many items named \a objectName under \a root are visible.
int visibleCount(QQuickItem *root, const QString &objectName)
{
    if (!root || !root->isVisible())
        return 0;
    int n = root->objectName() == objectName ? 1 : 0;
    const auto children = root->childItems();
    for (QQuickItem *child : children)
        n += visibleCount(child, objectName);
    return n;
}

//! A small "photo" for the picture message: an evening sky over a terrace railing, as a JPEG.
QByteArray terraceJpeg()
{
    QImage image(480, 270, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, 270);
    sky.setColorAt(0, QColor(0x2b, 0x4c, 0x7e));
    sky.setColorAt(0.6, QColor(0xf2, 0x9e, 0x4c));
    sky.setColorAt(1, QColor(0xf7, 0xd0, 0x8a));
    p.fillRect(image.rect(), sky);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xff, 0xe0, 0x8a));
    p.drawEllipse(QPointF(330, 175), 38, 38);
    p.setBrush(QColor(0x3d, 0x2b, 0x3a));
    QPolygonF hills;
    hills << QPointF(0, 270) << QPointF(0, 200) << QPointF(110, 165) << QPointF(230, 205) << QPointF(360, 180)
          << QPointF(480, 210) << QPointF(480, 270);
    p.drawPolygon(hills);
    p.setBrush(QColor(0x24, 0x1b, 0x26));
    p.drawRect(0, 238, 480, 8);
    for (int x = 12; x < 480; x += 36)
        p.drawRect(x, 238, 6, 32);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(90);
    return writer.write(image) ? bytes : QByteArray();
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

// The centre pane's background: the most common colour of its middle band. A single pixel is not enough: the
// messages' timestamps follow the clock, so whatever text or divider sits at the window's centre changes with
// the hour the test runs at (and with the fonts the machine has).
QRgb centrePaneBackground(const QImage &image)
{
    QHash<QRgb, int> counts;
    for (int y = image.height() / 4; y < image.height() * 3 / 4; y += 2) {
        for (int x = image.width() * 3 / 8; x < image.width() * 5 / 8; x += 2)
            ++counts[image.pixel(x, y)];
    }
    QRgb best = 0;
    int bestCount = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

} // namespace

class TestScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void lightTheme();
    void darkTheme();
    void diagnosticsPanel();
    void busyRoom();
    void shortcutsSheet();
    void chatFeatures();
    void offlineQueued();

private:
    QQuickWindow *window() const;
    QImage grabAndSave(const QString &fileName);

    std::unique_ptr<Hubbub::AppController> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

//! The run's scale (QT_SCALE_FACTOR) names its files: "main-window.png", "main-window@2x.png".
QString scaledName(const QString &fileName)
{
    const QByteArray factor = qgetenv("QT_SCALE_FACTOR");
    if (factor.isEmpty() || factor == "1")
        return fileName;
    QString name = fileName;
    return name.insert(name.lastIndexOf(u'.'), u'@' + QString::fromLatin1(factor) + u'x');
}

void TestScreenshot::initTestCase()
{
    QVERIFY(QDir().mkpath(QStringLiteral(SCREENSHOT_DIR)));

    m_app = std::make_unique<Hubbub::AppController>(InProcessApp::localOptions(u"alice"_s, u"screenshot"_s));
    new QAbstractItemModelTester(m_app->rooms(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_app->rooms());

    // The size the README's images have (at 100%; the 200% run doubles the pixels).
    InProcessApp::showAndConnect(m_engine, m_app.get(), QSize(1280, 800));
    if (QTest::currentTestFailed())
        return;
    for (const QString &room : {u"general"_s, u"random"_s, u"design"_s, u"release-train"_s})
        m_app->joinRoom(room);
    m_app->selectRoom(u"general"_s);

    // A conversation that shows every part of the timeline.
    Hubbub::MessageModel *messages = m_app->directory()->openMessages(u"general"_s);
    new QAbstractItemModelTester(messages, QAbstractItemModelTester::FailureReportingMode::QtTest, messages);
    // "Today" messages go back 30 minutes: just after midnight they would fall on yesterday and move the
    // dividers, so the picture would depend on the hour it was taken at.
    QDateTime today = QDateTime::currentDateTime();
    if (today.time() < QTime(1, 0))
        today.setTime(QTime(1, 0));
    const QDateTime yesterday = today.addDays(-1);
    using S = Hubbub::DeliveryStatus;
    // Carol's latest messages carry a display name: shown beside her userId, greyed.
    auto named = [](Hubbub::ChatMessage m, const QString &name) {
        m.senderName = name;
        return m;
    };
    messages->appendMessages({
        message(u"s1"_s, u"carol"_s, u"Morning! Is the demo build ready?"_s, yesterday.addSecs(-3600)),
        message(u"s2"_s, u"carol"_s, u"I can test it on the laptop with the flaky Wi-Fi."_s,
                yesterday.addSecs(-3500)),
        message(u"s3"_s, u"alice"_s, u"Almost, the reconnect banner lands today."_s, yesterday.addSecs(-3000),
                true, S::Sent),
        message(u"s4"_s, u"bob"_s, u"Pulled the cable for 20 s: it recovered, nothing lost 🎉"_s,
                today.addSecs(-1800)),
        message(u"s5"_s, u"bob"_s, u"Markup stays literal: <b>not bold</b> <img src=x>"_s,
                today.addSecs(-1700)),
        message(u"s6"_s, u"alice"_s, u"Nice. I'll ship the diagnostics panel next."_s, today.addSecs(-900),
                true, S::Sent),
        message(u"s7"_s, u"alice"_s, u"This one was written offline and failed."_s, today.addSecs(-600), true,
                S::Failed),
        message(u"s8"_s, u"alice"_s, u"And this one is on its way…"_s, today.addSecs(-30), true, S::Sending),
        named(message(u"s9"_s, u"carol"_s, u"Ctrl+K to switch rooms is great."_s, today.addSecs(-20)),
              u"Carol C."_s),
        named(message(u"s10"_s, u"carol"_s, u"Let's demo at 3."_s, today.addSecs(-10)), u"Carol C."_s),
    });
    messages->setUnreadDivider(2);

    m_app->rooms()->setUnreadCount(u"random"_s, 4);
    m_app->rooms()->setLastMessage(u"random"_s, u"lunch?"_s, today);
    m_app->rooms()->setUnreadCount(u"design"_s, 12);
    m_app->rooms()->setMuted(u"design"_s, true);
    m_app->rooms()->setLastMessage(u"general"_s, u"Let's demo at 3."_s, today);

    Hubbub::MemberModel *members = m_app->directory()->openMembers(u"general"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    members->heard(u"bob"_s, u"bob"_s, u"bob-1"_s, false, now);
    // A display name appears beside the userId, greyed (Integrity item 7).
    members->heard(u"carol"_s, u"Carol C."_s, u"carol-1"_s, true, now);
    members->heard(u"dave"_s, u"dave"_s, u"dave-1"_s, false, now);
    members->goodbye(u"dave"_s, u"dave-1"_s);
    members->setTyping(u"bob"_s, u"bob"_s, now.addSecs(120));
}

void TestScreenshot::cleanupTestCase()
{
    m_engine.reset();
    m_app.reset();
}

QQuickWindow *TestScreenshot::window() const
{
    return m_engine->rootObjects().isEmpty() ? nullptr
                                             : qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
}

QImage TestScreenshot::grabAndSave(const QString &fileName)
{
    // Let bindings, layouts and the list settle, then render a frame.
    QTest::qWait(300);
    const QImage image = window()->grabWindow();
    const QString path = QStringLiteral(SCREENSHOT_DIR) + u'/' + scaledName(fileName);
    if (!image.isNull())
        image.save(path);
    qInfo("screenshot: %s", qPrintable(path));
    return image;
}

void TestScreenshot::lightTheme()
{
    m_app->setDarkTheme(false);
    auto *list = window()->findChild<QObject *>(u"messageList"_s);
    QVERIFY(list);
    QTRY_COMPARE(list->property("count").toInt(), 10);
    const QImage image = grabAndSave(u"main-window.png"_s);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), window()->size() * window()->devicePixelRatio());
    QVERIFY2(distinctColours(image) > 20, "the window rendered as (nearly) a single colour");
    // Light theme: the centre pane is light.
    QVERIFY(qGray(centrePaneBackground(image)) > 128);
}

void TestScreenshot::darkTheme()
{
    m_app->setDarkTheme(true);
    const QImage image = grabAndSave(u"main-window-dark.png"_s);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), window()->size() * window()->devicePixelRatio());
    QVERIFY(distinctColours(image) > 20);
    QVERIFY(qGray(centrePaneBackground(image)) < 128);
    m_app->setDarkTheme(false);
}

void TestScreenshot::diagnosticsPanel()
{
    m_app->setDiagnosticsVisible(true);
    auto *panel = window()->findChild<QObject *>(u"diagnosticsPanel"_s);
    QVERIFY(panel);
    QTRY_VERIFY(panel->property("visible").toBool());
    for (const char *key : {"connectionId", "lastReceivedSequenceId", "outboxSize", "tokenExpiresAt"})
        QVERIFY2(findItem(window()->contentItem(), u"diagnosticsValue_"_s + QLatin1String(key)), key);
    // A drop first, so the timeline, the recovery count and the close code have something to show.
    m_app->connection()->dropConnection();
    QTRY_VERIFY_WITH_TIMEOUT(m_app->connection()->diagnostics().value(u"recoveries"_s).toInt() +
                                     m_app->connection()->diagnostics().value(u"reconnects"_s).toInt() >=
                                 1,
                             20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->connection()->state(), Hubbub::ConnectionController::State::Connected,
                              20000);
    QQuickItem *closeTile = findItem(window()->contentItem(), u"closeCodeTile"_s);
    QVERIFY(closeTile);
    // The close code is explained in words, not only as a number.
    QTRY_VERIFY_WITH_TIMEOUT(closeTile->property("note").toString().contains(u"1006"_s) ||
                                 closeTile->property("note").toString().contains(u"without a close frame"_s),
                             10000);
    const QImage image = grabAndSave(u"main-window-diagnostics.png"_s);
    QVERIFY(!image.isNull());
    QVERIFY(distinctColours(image) > 20);
    // Every diagnostics key has a row.
    QQuickItem *stateValue = findItem(window()->contentItem(), u"diagnosticsValue_state"_s);
    QVERIFY(stateValue);
    QCOMPARE(stateValue->property("text").toString(), u"connected"_s);
    m_app->setDiagnosticsVisible(false);
}

void TestScreenshot::busyRoom()
{
    // A room in full swing: many senders and runs, own messages between them, emoji, a long
    // message, a link, a failed message; shown in the dark theme.
    const QString room = u"release-train"_s;
    Hubbub::MessageModel *messages = m_app->directory()->openMessages(room);
    QVERIFY(messages);
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime start = now.addSecs(-50 * 60);
    using S = Hubbub::DeliveryStatus;
    auto at = [&](int minutes) { return start.addSecs(minutes * 60); };
    auto in = [&](const QString &id, const QString &sender, const QString &text, int minutes) {
        return message(id, sender, text, at(minutes), false, S::Received, room);
    };
    auto own = [&](const QString &id, const QString &text, int minutes, S status = S::Sent) {
        return message(id, u"alice"_s, text, at(minutes), true, status, room);
    };
    messages->appendMessages({
        in(u"b1"_s, u"dmitri"_s, u"Release train 0.2 leaves at 16:00 🚂"_s, 0),
        in(u"b2"_s, u"dmitri"_s, u"Freeze at 15:00, please land what you have."_s, 1),
        in(u"b3"_s, u"eun-ji"_s,
           u"Packaging is green on bookworm ✅ the .deb pulls the colour emoji font now"_s, 4),
        in(u"b4"_s, u"frank"_s, u"Anyone seen the reconnect storm on the conference Wi-Fi? 😬"_s, 9),
        own(u"b5"_s, u"Yes, that's the 1006 drops: recovery handles them, nothing lost."_s, 10),
        own(u"b6"_s, u"Diagnostics now shows the close code in words, try Ctrl+Shift+D 🔍"_s, 11),
        in(u"b7"_s, u"gita"_s,
           u"Long one, sorry: I walked through the whole demo script twice. Start the service, join from two "
           "laptops and a phone, pull the cable on one laptop, type three messages while it is offline, plug "
           "it "
           "back in and watch them go out in order with the outbox counting down. Then the same with the "
           "service restarted under us. Both runs were clean, no duplicates, and the gap marker never showed. 🎉"_s,
           18),
        in(u"b8"_s, u"frank"_s, u"Notes are in https://example.com/hubbub/demo-notes"_s, 21),
        in(u"b9"_s, u"harper"_s, u"👍👍 ship it"_s, 23),
        in(u"b10"_s, u"eun-ji"_s,
           u"Screenshots for the README: light, dark, diagnostics and this room 📸"_s, 30),
        own(u"b11"_s, u"On it. One message of mine failed while the service restarted:"_s, 44),
        own(u"b12"_s, u"Retry me after the restart 🙏"_s, 45, S::Failed),
        in(u"b13"_s, u"dmitri"_s, u"Looks great in dark mode too 🌙"_s, 48),
        in(u"b14"_s, u"ivan"_s, u"Ünïcödé names, Ελληνικά and кириллица work as well 👋"_s, 49),
    });
    Hubbub::MemberModel *members = m_app->directory()->openMembers(room);
    const QDateTime utc = QDateTime::currentDateTimeUtc();
    for (const QString &user : {u"dmitri"_s, u"eun-ji"_s, u"frank"_s, u"gita"_s, u"harper"_s, u"ivan"_s})
        members->heard(user, user, user + u"-1"_s, user == u"frank"_s, utc);
    m_app->rooms()->setLastMessage(room, u"Ünïcödé names, Ελληνικά and кириллица"_s, now);

    m_app->selectRoom(room);
    auto *list = window()->findChild<QObject *>(u"messageList"_s);
    QVERIFY(list);
    QTRY_COMPARE(list->property("count").toInt(), 14);
    m_app->setDarkTheme(true);
    const QImage dark = grabAndSave(u"busy-room-dark.png"_s);
    QVERIFY(!dark.isNull());
    QVERIFY(distinctColours(dark) > 40);
    m_app->setDarkTheme(false);
    const QImage light = grabAndSave(u"busy-room.png"_s);
    QVERIFY(!light.isNull());
    // Colour emoji render in colour: somewhere in the timeline there are saturated pixels that are
    // none of the avatar colours (a box glyph or a monochrome fallback would be grey).
    QVERIFY(distinctColours(light) > 40);
    m_app->selectRoom(u"general"_s);
}

void TestScreenshot::shortcutsSheet()
{
    QObject *sheet = window()->findChild<QObject *>(u"shortcutsSheet"_s);
    QVERIFY(sheet);
    QVERIFY(!sheet->property("visible").toBool());
    // F1 opens it: the shortcut is bound, not only listed.
    QTest::keyClick(window(), Qt::Key_F1);
    QTRY_VERIFY(sheet->property("opened").toBool());
    // It lists every AppShortcut Main.qml binds, with its keys.
    const QQmlListReference list(window(), "appShortcuts");
    QVERIFY(list.isValid());
    QVERIFY2(list.count() >= 15, qPrintable(QString::number(list.count())));
    QQuickItem *view = findItem(window()->contentItem(), u"shortcutsList"_s);
    if (!view) {
        // A Dialog's content lives in the overlay.
        auto *popupItem = qvariant_cast<QQuickItem *>(sheet->property("contentItem"));
        view = findItem(popupItem, u"shortcutsList"_s);
    }
    QVERIFY(view);
    QTRY_COMPARE(view->property("count").toInt(), int(list.count()));
    const QImage image = grabAndSave(u"shortcuts.png"_s);
    QVERIFY(!image.isNull());
    QMetaObject::invokeMethod(sheet, "close");
    QTRY_VERIFY(!sheet->property("visible").toBool());
}

void TestScreenshot::chatFeatures()
{
    // Issue 10's chat features in one room, light theme: a reply with its quote, an edited message,
    // a tombstone, reactions (one of them alice's own), a message that mentions alice, a picture
    // (its thumbnail), and the Notices place with a server announcement unread.
    const QString room = u"random"_s;
    Hubbub::MessageModel *messages = m_app->directory()->openMessages(room);
    QVERIFY(messages);
    const QDateTime start = QDateTime::currentDateTime().addSecs(-40 * 60);
    using S = Hubbub::DeliveryStatus;
    auto in = [&](const QString &id, const QString &sender, const QString &text, int minutes) {
        return message(id, sender, text, start.addSecs(minutes * 60), false, S::Received, room);
    };
    auto own = [&](const QString &id, const QString &text, int minutes) {
        return message(id, u"alice"_s, text, start.addSecs(minutes * 60), true, S::Sent, room);
    };
    auto reaction = [](const QString &emoji, const QStringList &users, bool mine) {
        Hubbub::MessageReaction r;
        r.emoji = emoji;
        r.users = users;
        r.mine = mine;
        return r;
    };
    Hubbub::ChatMessage lunch = own(u"c1"_s, u"Lunch at one instead? The place on the corner."_s, 0);
    lunch.edited = true;
    lunch.reactions = {reaction(u"👍"_s, {u"bob"_s, u"carol"_s}, false), reaction(u"🍕"_s, {u"bob"_s}, false)};
    Hubbub::ChatMessage reply = in(u"c2"_s, u"bob"_s, u"Yes! I'll book a table for four."_s, 2);
    reply.replyTo.id = u"c1"_s;
    reply.replyTo.sender = u"alice"_s;
    reply.replyTo.text = lunch.text;
    reply.reactions = {reaction(u"🎉"_s, {u"alice"_s, u"carol"_s}, true)};
    Hubbub::ChatMessage deleted = in(u"c3"_s, u"carol"_s, QString(), 5);
    deleted.deleted = true;
    Hubbub::ChatMessage mention =
        in(u"c4"_s, u"carol"_s, u"@alice can you bring the demo laptop? Ctrl+F finds the address."_s, 6);
    mention.mentionsMe = true;
    Hubbub::ChatMessage answer = own(u"c5"_s, u"Sure, it's charged. See you at one."_s, 8);
    answer.replyTo.id = u"c4"_s;
    answer.replyTo.sender = u"carol"_s;
    answer.replyTo.text = mention.text;
    answer.reactions = {reaction(u"❤️"_s, {u"carol"_s}, false)};
    // Bob's picture arrives as an `image` envelope would: its bytes checked and stored by Pictures,
    // shown through the image provider.
    const QString pictureId = u"c6"_s;
    const QByteArray jpeg = terraceJpeg();
    QVERIFY(!jpeg.isEmpty());
    const auto picture = m_app->pictures()->accept(
        room, u"bob"_s,
        QJsonObject{{u"kind"_s, u"image"_s},
                    {u"v"_s, 1},
                    {u"id"_s, pictureId},
                    {u"sender"_s, u"bob"_s},
                    {u"ts"_s, start.addSecs(9 * 60).toUTC().toString(Qt::ISODateWithMs)},
                    {u"name"_s, u"terrace.jpg"_s},
                    {u"data"_s, QString::fromLatin1(jpeg.toBase64())}});
    QVERIFY(picture);
    Hubbub::ChatMessage photo = in(pictureId, u"bob"_s, picture->text, 9);
    photo.picture = true;
    photo.reactions = {reaction(u"😍"_s, {u"alice"_s, u"carol"_s}, true)};
    messages->appendMessages({
        lunch,
        reply,
        deleted,
        mention,
        answer,
        photo,
    });
    // An app server's announcement (sendToAll through the REST API): unread under Notices.
    WebPubSub::ServerMessage announcement;
    announcement.payload = WebPubSub::Payload::fromText(u"Maintenance tonight 22:00-22:15 UTC."_s);
    announcement.sequenceId = 1;
    announcement.receivedAt = QDateTime::currentDateTimeUtc();
    m_app->notices()->setOpen(false);
    m_app->notices()->receive(announcement, u"screenshot-connection"_s);
    QCOMPARE(m_app->notices()->unreadCount(), 1);
    Hubbub::MemberModel *members = m_app->directory()->openMembers(room);
    const QDateTime utc = QDateTime::currentDateTimeUtc();
    members->heard(u"bob"_s, u"bob"_s, u"bob-1"_s, false, utc);
    members->heard(u"carol"_s, u"Carol C."_s, u"carol-1"_s, false, utc);

    m_app->setDarkTheme(false);
    m_app->selectRoom(room);
    messages->setUnreadDivider(0); // read: no "New messages" divider between the features
    auto *list = window()->findChild<QObject *>(u"messageList"_s);
    QVERIFY(list);
    QTRY_COMPARE(list->property("count").toInt(), 6);
    // Every feature is on screen.
    QQuickItem *content = window()->contentItem();
    QTRY_COMPARE(visibleCount(content, u"replyQuote"_s), 2);
    QTRY_COMPARE(visibleCount(content, u"reactionChip"_s), 5);
    QTRY_COMPARE(visibleCount(content, u"editedMark"_s), 1);
    QTRY_COMPARE(visibleCount(content, u"mentionBar"_s), 1);
    QTRY_COMPARE(visibleCount(content, u"pictureThumbnail"_s), 1);
    // The thumbnail shown: every delegate has one, only the picture message's is visible.
    QQuickItem *thumbnail = nullptr;
    std::function<void(QQuickItem *)> look = [&](QQuickItem *item) {
        if (thumbnail || !item->isVisible())
            return;
        if (item->objectName() == u"pictureThumbnail"_s)
            thumbnail = item;
        const auto children = item->childItems();
        for (QQuickItem *child : children)
            look(child);
    };
    look(content);
    QVERIFY(thumbnail);
    QTRY_COMPARE(thumbnail->property("status").toInt(), 1); // Image.Ready: the bytes, not a placeholder
    QQuickItem *badge = findItem(content, u"noticesBadge"_s);
    QVERIFY(badge);
    QTRY_VERIFY(badge->isVisible());
    QCOMPARE(badge->property("count").toInt(), 1);
    // The notice also showed its toast; closed, so that it hides nothing (the badge stays).
    auto *toast = window()->findChild<QObject *>(u"notificationToast"_s);
    QVERIFY(toast);
    QTRY_VERIFY(toast->property("visible").toBool());
    QMetaObject::invokeMethod(toast, "close");
    QTRY_VERIFY(!toast->property("visible").toBool());
    const QImage image = grabAndSave(u"chat-features.png"_s);
    QVERIFY(!image.isNull());
    QVERIFY(distinctColours(image) > 40);
    m_app->selectRoom(u"general"_s);
}

void TestScreenshot::offlineQueued()
{
    // Offline: the banner says so, the composer says sending is queued, a new message waits with a
    // clock. Last, since it breaks the connection.
    m_app->connection()->goOffline(60000);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->connection()->state(), Hubbub::ConnectionController::State::Offline,
                              10000);
    QVERIFY(m_app->sendMessage(u"Written on the train, goes out when we are back 🚆"_s));
    QObject *banner = window()->findChild<QObject *>(u"statusBanner"_s);
    QVERIFY(banner);
    QTRY_VERIFY(banner->property("visible").toBool());
    QQuickItem *note = findItem(window()->contentItem(), u"composerQueueNote"_s);
    QVERIFY(note);
    QTRY_VERIFY(note->isVisible());
    const QImage image = grabAndSave(u"offline.png"_s);
    QVERIFY(!image.isNull());
}

int main(int argc, char *argv[])
{
    // 24-hour times without seconds, whatever the machine's locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    return execInIsolatedHome<TestScreenshot, QGuiApplication>(argc, argv, u"Hubbub"_s,
                                                               u"hubbub-screenshot"_s);
}

#include "tst_screenshot.moc"
