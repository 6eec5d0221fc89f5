// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The presenter view's screen chooser ("full screen on a chosen screen"): it lists the screens by
// name and size, the view is on the chosen one, and the choice is remembered for the profile.
// Offscreen there is one screen: the default (not the main window's screen when there are two)
// falls back to it.
#include "inprocessapp.h"
#include "isolatedhome.h"

#include "appcontroller.h"
#include "appoptions.h"
#include "presentmode.h"

#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QScreen>
#include <QSettings>
#include <QTest>

namespace {
constexpr int kTimeout = 20000;
} // namespace

class TestPresenterScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chooserListsTheScreensAndTheViewIsOnTheChosenOne()
    {
        const Hubbub::AppOptions options =
            InProcessApp::localOptions(QStringLiteral("speaker"), QStringLiteral("presenter-screen"));
        Hubbub::AppController app(options);
        app.start();
        QTRY_COMPARE_WITH_TIMEOUT(app.connection()->state(), Hubbub::ConnectionController::State::Connected,
                                  kTimeout);
        QVERIFY(app.present()->start());

        const QList<QScreen *> screens = QGuiApplication::screens();
        QVERIFY(!screens.isEmpty());
        QCOMPARE(app.present()->screens().size(), screens.size());
        QVERIFY(app.present()->screens().first().startsWith(screens.first()->name()));
        QVERIFY(app.present()->screens().first().contains(QStringLiteral("%1×%2")
                                                              .arg(screens.first()->size().width())
                                                              .arg(screens.first()->size().height())));

        // The main window's screen is the only one: the view opens there.
        QQuickWindow mainWindow;
        app.present()->pickScreen(&mainWindow);
        QCOMPARE(app.present()->screenIndex(), int(screens.indexOf(mainWindow.screen())));

        QQmlEngine engine;
        QString error;
        std::unique_ptr<QObject> object = InProcessApp::createPresenterView(engine, &app, &error);
        QVERIFY2(object, qPrintable(error));
        auto *window = qobject_cast<QQuickWindow *>(object.get());
        QVERIFY(window);
        window->showFullScreen();
        QVERIFY(QTest::qWaitForWindowExposed(window, 10000));

        auto *chooser = window->findChild<QQuickItem *>(QStringLiteral("presenterScreenChooser"));
        QVERIFY(chooser);
        QCOMPARE(chooser->property("count").toInt(), int(screens.size()));
        QCOMPARE(chooser->property("currentIndex").toInt(), app.present()->screenIndex());
        QVERIFY(chooser->property("displayText").toString().startsWith(screens.first()->name()));
        QCOMPARE(window->screen(), screens.at(app.present()->screenIndex()));

        // Chosen (as the ComboBox's onActivated does): remembered for the profile by name.
        const int last = int(screens.size()) - 1;
        app.present()->setScreenIndex(last);
        QCOMPARE(window->screen(), screens.at(last));
        QCOMPARE(QSettings(options.settingsPath(), QSettings::IniFormat)
                     .value(QStringLiteral("present/screen"))
                     .toString(),
                 screens.at(last)->name());
        app.present()->pickScreen(&mainWindow);
        QCOMPARE(app.present()->screenIndex(), last);
        // Out of range: ignored.
        app.present()->setScreenIndex(int(screens.size()));
        QCOMPARE(app.present()->screenIndex(), last);

        app.present()->end();
    }
};

int main(int argc, char *argv[])
{
    return execInIsolatedHome<TestPresenterScreen, QGuiApplication>(
        argc, argv, QStringLiteral("Hubbub"), QStringLiteral("hubbub-presenter-screen"));
}
#include "tst_presenterscreen.moc"
