// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Renders the real main window (Main.qml over a real AppController connected to its embedded
// service) with a conversation in it, light and dark, and saves the images for people to look at.
#include "inprocessapp.h"
#include "isolatedhome.h"

#include "appcontroller.h"
#include "appoptions.h"
#include "chatmessage.h"
#include "connectioncontroller.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "roomlistmodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Hubbub::ChatMessage message(const QString &id, const QString &sender, const QString &text,
                            const QDateTime &when, bool own = false,
                            Hubbub::DeliveryStatus status = Hubbub::DeliveryStatus::Received)
{
    Hubbub::ChatMessage m;
    m.id = id;
    m.room = u"general"_s;
    m.senderId = sender;
    m.senderName = sender;
    m.text = text;
    m.timestamp = when;
    m.own = own;
    m.status = status;
    return m;
}

//! Repeater-made items have no QObject parent, so QObject::findChild misses them: walk the items.
QQuickItem *findItem(QQuickItem *root, const QString &objectName)
{
    if (!root)
        return nullptr;
    if (root->objectName() == objectName)
        return root;
    const auto children = root->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, objectName))
            return found;
    }
    return nullptr;
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

private:
    QQuickWindow *window() const;
    QImage grabAndSave(const QString &fileName);

    std::unique_ptr<Hubbub::AppController> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

void TestScreenshot::initTestCase()
{
    QVERIFY(QDir().mkpath(QStringLiteral(SCREENSHOT_DIR)));

    m_app = std::make_unique<Hubbub::AppController>(InProcessApp::localOptions(u"alice"_s, u"screenshot"_s));
    new QAbstractItemModelTester(m_app->rooms(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_app->rooms());

    m_engine = InProcessApp::loadMainWindow(m_app.get());
    QCOMPARE(m_engine->rootObjects().size(), 1);
    QVERIFY(QTest::qWaitForWindowExposed(window(), 10000));

    m_app->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_app->connection()->state(), u"connected"_s, 20000);
    for (const QString &room : {u"general"_s, u"random"_s, u"design"_s, u"release-train"_s})
        m_app->joinRoom(room);
    m_app->selectRoom(u"general"_s);

    // A conversation that shows every part of the timeline.
    Hubbub::MessageModel *messages = m_app->messageModel(u"general"_s);
    new QAbstractItemModelTester(messages, QAbstractItemModelTester::FailureReportingMode::QtTest, messages);
    const QDateTime today = QDateTime::currentDateTime();
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

    Hubbub::MemberModel *members = m_app->memberModel(u"general"_s);
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
    const QString path = QStringLiteral(SCREENSHOT_DIR) + u'/' + fileName;
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
    QVERIFY(qGray(image.pixel(image.width() / 2, image.height() / 2)) > 128);
}

void TestScreenshot::darkTheme()
{
    m_app->setDarkTheme(true);
    const QImage image = grabAndSave(u"main-window-dark.png"_s);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), window()->size() * window()->devicePixelRatio());
    QVERIFY(distinctColours(image) > 20);
    QVERIFY(qGray(image.pixel(image.width() / 2, image.height() / 2)) < 128);
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
    const QImage image = grabAndSave(u"main-window-diagnostics.png"_s);
    QVERIFY(!image.isNull());
    QVERIFY(distinctColours(image) > 20);
    // Every diagnostics key has a row.
    QQuickItem *stateValue = findItem(window()->contentItem(), u"diagnosticsValue_state"_s);
    QVERIFY(stateValue);
    QCOMPARE(stateValue->property("text").toString(), u"connected"_s);
    m_app->setDiagnosticsVisible(false);
}

int main(int argc, char *argv[])
{
    IsolatedHome home;
    if (!home.isValid())
        return 1;
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(u"Hubbub"_s);
    QGuiApplication::setApplicationName(u"hubbub-screenshot"_s);
    TestScreenshot test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_screenshot.moc"
