// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The presenter view of Present mode over a real AppController presenting its embedded service:
// a screenshot whose QR code decodes (zbarimg, Debian zbar-tools) to the join URL, the QR code at
// least 40% of the screen's height, the joined count and the room's messages on a dark screen.
#include "inprocessapp.h"
#include "isolatedhome.h"

#include "appcontroller.h"
#include "appoptions.h"
#include "chatmessage.h"
#include "messagemodel.h"
#include "presentmode.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTest>

namespace {
constexpr int kTimeout = 20000;
} // namespace

class TestPresenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void screenshotQrDecodesToJoinUrl()
    {
        const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
        if (zbarimg.isEmpty())
            QSKIP("zbarimg (Debian zbar-tools) is not installed");
        QVERIFY(QDir().mkpath(QStringLiteral(SCREENSHOT_DIR)));

        Hubbub::AppController app(
            InProcessApp::localOptions(QStringLiteral("speaker"), QStringLiteral("presenter")));
        app.start();
        QTRY_COMPARE_WITH_TIMEOUT(app.connection()->state(), Hubbub::ConnectionController::State::Connected,
                                  kTimeout);
        app.joinRoom(QStringLiteral("general"));
        app.selectRoom(QStringLiteral("general"));
        QVERIFY(app.present()->start());
        const QString joinUrl = app.present()->joinUrl();
        QVERIFY2(joinUrl.contains(QStringLiteral("/join?invite=")), qPrintable(joinUrl));

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
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/qt/qml/Hubbub/Ui/PresenterView.qml")));
        QVERIFY2(component.isReady(), qPrintable(component.errorString()));
        std::unique_ptr<QObject> object(
            component.createWithInitialProperties({{QStringLiteral("app"), QVariant::fromValue(&app)}}));
        QVERIFY2(object, qPrintable(component.errorString()));
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
        QCOMPARE(QString::fromUtf8(zbar.readAllStandardOutput()).trimmed(), joinUrl);

        app.present()->end();
    }
};

int main(int argc, char *argv[])
{
    return execInIsolatedHome<TestPresenter, QGuiApplication>(argc, argv, QStringLiteral("Hubbub"),
                                                              QStringLiteral("hubbub-presenter"));
}
#include "tst_presenter.moc"
