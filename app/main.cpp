// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The `hubbub` desktop app: flags → AppController → Main.qml. All logic lives in HubbubAppCore.
#include "appcontroller.h"
#include "appoptions.h"
#include "apptranslator.h"
#include "logging.h"
#include "pictureprovider.h"
#include "quitsequence.h"
#include "unixsignalwatcher.h"

#include <hubbubversion.h>

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QUrl>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>

// The Hubbub.Ui module is a static plugin: its types (AppController, …) register only if imported.
Q_IMPORT_QML_PLUGIN(Hubbub_UiPlugin)

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
void setApplicationInfo()
{
    QCoreApplication::setApplicationName(u"hubbub"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(HUBBUB_VERSION));
}

// --help and --version must work without a display, so they are answered before QGuiApplication.
bool wantsHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    if (wantsHelpOrVersion(argc, argv)) {
        QCoreApplication core(argc, argv);
        setApplicationInfo();
        const Hubbub::AppTranslator translator;
        Hubbub::AppOptions options;
        QString message;
        int exitCode = 0;
        Hubbub::AppOptions::parse(QCoreApplication::arguments(), &options, &message, &exitCode);
        std::fputs(qPrintable(message + u'\n'), exitCode == 0 ? stdout : stderr);
        return exitCode;
    }
    // A QApplication, not a QGuiApplication: Qt.labs.platform's SystemTrayIcon (notifications, the
    // tray icon) is implemented with Qt Widgets on Linux desktops without a native platform tray
    // ("No native SystemTrayIcon implementation available ... requires Qt Widgets"). It works on
    // every platform QGuiApplication does, offscreen (the headless tests) included.
    QApplication app(argc, argv);
    setApplicationInfo();
    // The system language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), before any text is made.
    const Hubbub::AppTranslator translator;
    QGuiApplication::setDesktopFileName(u"io.hubbub.Hubbub"_s);

    Hubbub::AppOptions options;
    QString message;
    int exitCode = 0;
    if (!Hubbub::AppOptions::parse(QGuiApplication::arguments(), &options, &message, &exitCode)) {
        std::fputs(qPrintable(message + u'\n'), exitCode == 0 ? stdout : stderr);
        return exitCode;
    }

    // Signals, the Quit action and closing the window all leave the same way: goodbye sent,
    // outbox and history flushed, embedded service closed, exit code 0, within 5 s.
    Hubbub::UnixSignalWatcher signalWatcher({SIGTERM, SIGINT, SIGHUP});
    auto controller = std::make_unique<Hubbub::AppController>(options);
    Hubbub::QuitSequence quit(controller.get());
    quit.setHardDeadline(4500ms);
    QObject::connect(&signalWatcher, &Hubbub::UnixSignalWatcher::signalReceived, &quit,
                     [&quit](int signalNumber) {
                         qCInfo(lcApp) << "signal" << signalNumber << "received";
                         quit.start(0);
                     });
    QObject::connect(controller.get(), &Hubbub::AppController::quitRequested, &quit,
                     [&quit]() { quit.start(0); });
    QGuiApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&app, &QGuiApplication::lastWindowClosed, &quit, [&quit]() { quit.start(0); });

    int result = 0;
    {
        QQmlApplicationEngine engine;
        engine.addImportPath(u"qrc:/qt/qml"_s);
        engine.setInitialProperties({{u"app"_s, QVariant::fromValue(controller.get())}});
        // Picture messages, from local history only (image://hubbub/<room>/<id>).
        engine.addImageProvider(u"hubbub"_s, new Hubbub::Ui::PictureProvider(controller->pictures()));
        QObject::connect(
            &engine, &QQmlApplicationEngine::objectCreationFailed, &app, []() { QCoreApplication::exit(1); },
            Qt::QueuedConnection);
        engine.load(QUrl(u"qrc:/qt/qml/Hubbub/Ui/Main.qml"_s));
        if (engine.rootObjects().isEmpty())
            return 1;
        controller->start();
        // Any other way out (e.g. QCoreApplication::quit()) still says goodbye.
        QObject::connect(&app, &QCoreApplication::aboutToQuit, controller.get(),
                         &Hubbub::AppController::shutdown);
        result = app.exec();
    }
    // The window is gone; the controller closes the client and the embedded service (if the quit
    // sequence has not already) and the history.
    controller.reset();
    return result;
}
