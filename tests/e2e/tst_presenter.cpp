// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The presenter view of Present mode over a real AppController presenting its embedded service:
// a screenshot whose QR code decodes (zbarimg, Debian zbar-tools) to the join URL, the QR code at
// least 40% of the screen's height, the joined count and the room's messages on a dark screen; then
// a phone in the audience (Chromium emulating a Pixel 5, tests/interop/phonejoin.mjs) opens the URL
// the code decoded to, joins by tapping, reads the speaker and answers, and the app shows the answer
// under the guest's stamped name and counts one joined.
#include "inprocessapp.h"
#include "isolatedhome.h"

#include "appcontroller.h"
#include "appoptions.h"
#include "chatmessage.h"
#include "messagemodel.h"
#include "presentmode.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTest>

namespace {
constexpr int kTimeout = 20000;

//! The steps tests/interop/phonejoin.mjs has printed so far ({"step": …} lines).
QStringList phoneSteps(QProcess &phone, QString *failure)
{
    QStringList steps;
    const QList<QByteArray> lines = phone.peek(phone.bytesAvailable()).split('\n');
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        steps << o.value(QStringLiteral("step")).toString();
        if (failure && o.contains(QStringLiteral("why")))
            *failure = o.value(QStringLiteral("why")).toString();
    }
    return steps;
}

bool hasMessage(Hubbub::MessageModel *model, const QString &senderId, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex i = model->index(row);
        if (model->data(i, Hubbub::MessageModel::SenderIdRole).toString() == senderId &&
            model->data(i, Hubbub::MessageModel::TextRole).toString() == text)
            return true;
    }
    return false;
}
} // namespace

class TestPresenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void screenshotQrDecodesToJoinAPhoneJoins()
    {
        // Part of the suite: a missing tool fails rather than skips (scripts/setup.sh installs them).
        const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
        QVERIFY2(!zbarimg.isEmpty(), "zbarimg not found: run scripts/setup.sh (Debian zbar-tools)");
        QVERIFY2(QFileInfo::exists(QStringLiteral(NODE_EXECUTABLE)), "node not found: run scripts/setup.sh");
        QVERIFY(QDir().mkpath(QStringLiteral(SCREENSHOT_DIR)));

        Hubbub::AppController app(
            InProcessApp::localOptions(QStringLiteral("speaker"), QStringLiteral("presenter")));
        app.start();
        QTRY_COMPARE_WITH_TIMEOUT(app.connection()->state(), Hubbub::ConnectionController::State::Connected,
                                  kTimeout);
        app.joinRoom(QStringLiteral("general"));
        app.selectRoom(QStringLiteral("general"));
        QVERIFY(app.present()->start(QStringLiteral("general")));
        const QString joinUrl = app.present()->joinUrl();
        QVERIFY2(joinUrl.contains(QStringLiteral("/join?invite=")), qPrintable(joinUrl));
        // Guests land in the presented room, not the page's default "lobby".
        QVERIFY2(joinUrl.contains(QStringLiteral("&room=general")), qPrintable(joinUrl));

        Hubbub::MessageModel *messages = app.directory()->openMessages(QStringLiteral("general"));
        const QDateTime now = QDateTime::currentDateTime();
        int n = 0;
        for (const auto &[sender, text] :
             {std::pair{QStringLiteral("guest:Gina"), QStringLiteral("Can you share the slides afterwards?")},
              std::pair{QStringLiteral("speaker"), QStringLiteral("Yes, the link follows at the end.")}}) {
            Hubbub::ChatMessage m;
            m.id = QStringLiteral("p%1").arg(++n);
            m.room = QStringLiteral("general");
            m.senderId = sender;
            m.senderName = sender;
            m.text = text;
            m.timestamp = now.addSecs(n - 10);
            messages->appendMessages({m});
        }

        QQmlEngine engine;
        QString error;
        std::unique_ptr<QObject> object = InProcessApp::createPresenterView(engine, &app, &error);
        QVERIFY2(object, qPrintable(error));
        auto *window = qobject_cast<QQuickWindow *>(object.get());
        QVERIFY(window);
        window->resize(1280, 800);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window, 10000));

        auto *qr = window->findChild<QQuickItem *>(QStringLiteral("presenterQrCode"));
        QVERIFY(qr);
        QVERIFY2(qr->height() >= 0.4 * window->height(), "the QR code is under 40% of the screen height");
        auto *count = window->findChild<QQuickItem *>(QStringLiteral("presenterJoinedCount"));
        QVERIFY(count);
        QCOMPARE(count->property("text").toString(), QStringLiteral("0 joined"));
        auto *list = window->findChild<QQuickItem *>(QStringLiteral("presenterMessages"));
        QVERIFY(list);
        QTRY_COMPARE_WITH_TIMEOUT(list->property("count").toInt(), 2, kTimeout);

        QTest::qWait(200); // let the scene graph render the settled frame
        const QImage image = window->grabWindow();
        QVERIFY(!image.isNull());
        // Dark by default: the top-right corner is the stage background.
        QVERIFY(qGray(image.pixel(image.width() - 5, 5)) < 64);
        const QString path = QStringLiteral(SCREENSHOT_DIR "/presenter-view.png");
        QVERIFY(image.save(path));
        qInfo("screenshot: %s", qPrintable(path));

        QProcess zbar;
        zbar.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), path});
        QVERIFY(zbar.waitForFinished(kTimeout));
        const QString decoded = QString::fromUtf8(zbar.readAllStandardOutput()).trimmed();
        QCOMPARE(decoded, joinUrl);

        // The phone gets only what the code says: the decoded URL, not the app's copy of it.
        const QString welcome = QStringLiteral("Welcome, phones! Questions go here.");
        const QString answer = QStringLiteral("Hello from row 12 \U0001F44B");
        QProcess phone;
        phone.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        phone.setWorkingDirectory(QStringLiteral(PHONE_SCRIPT_DIR));
        phone.start(QStringLiteral(NODE_EXECUTABLE),
                    {QStringLiteral("phonejoin.mjs"), decoded, QStringLiteral("Pat"), welcome, answer});
        QVERIFY(phone.waitForStarted(kTimeout));
        QString failure;
        QTRY_VERIFY2_WITH_TIMEOUT(phoneSteps(phone, &failure).contains(QStringLiteral("joined")) ||
                                      phone.state() == QProcess::NotRunning,
                                  qPrintable(failure), 60000);
        QVERIFY2(phoneSteps(phone, &failure).contains(QStringLiteral("joined")), qPrintable(failure));
        QTRY_COMPARE_WITH_TIMEOUT(count->property("text").toString(), QStringLiteral("1 joined"), kTimeout);
        QVERIFY(app.sendMessage(welcome));
        QTRY_VERIFY2_WITH_TIMEOUT(hasMessage(messages, QStringLiteral("guest:Pat"), answer),
                                  phone.peek(phone.bytesAvailable()).constData(), 60000);
        QVERIFY(phone.waitForFinished(60000));
        QVERIFY2(phoneSteps(phone, &failure).contains(QStringLiteral("sent")), qPrintable(failure));
        QCOMPARE(phone.exitCode(), 0);
        // On the stage too: the guest's answer is among the presenter's messages.
        QTRY_VERIFY_WITH_TIMEOUT(list->property("count").toInt() >= 4, kTimeout);

        app.present()->end();
    }
};

int main(int argc, char *argv[])
{
    return execInIsolatedHome<TestPresenter, QGuiApplication>(argc, argv, QStringLiteral("Hubbub"),
                                                              QStringLiteral("hubbub-presenter"));
}
#include "tst_presenter.moc"
