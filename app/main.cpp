// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The `hubbub` desktop app: flags → AppController → Main.qml. All logic lives in HubbubAppCore.
#include "appcontroller.h"
#include "appoptions.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QUrl>

#include <cstdio>
#include <cstring>

// The Hubbub.Ui module is a static plugin: its types (AppController, …) register only if imported.
Q_IMPORT_QML_PLUGIN(Hubbub_UiPlugin)

using namespace Qt::StringLiterals;

namespace {
void setApplicationInfo()
{
    QCoreApplication::setApplicationName(u"hubbub"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);
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
        Hubbub::AppOptions options;
        QString message;
        int exitCode = 0;
        Hubbub::AppOptions::parse(QCoreApplication::arguments(), &options, &message, &exitCode);
        std::fputs(qPrintable(message + u'\n'), exitCode == 0 ? stdout : stderr);
        return exitCode;
    }
    QGuiApplication app(argc, argv);
    setApplicationInfo();
    QGuiApplication::setDesktopFileName(u"io.hubbub.Hubbub"_s);

    Hubbub::AppOptions options;
    QString message;
    int exitCode = 0;
    if (!Hubbub::AppOptions::parse(QGuiApplication::arguments(), &options, &message, &exitCode)) {
        std::fputs(qPrintable(message + u'\n'), exitCode == 0 ? stdout : stderr);
        return exitCode;
    }

    auto *controller = new Hubbub::AppController(options, &app);
    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s);
    engine.setInitialProperties({{u"app"_s, QVariant::fromValue(controller)}});
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, []() { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(u"qrc:/qt/qml/Hubbub/Ui/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        return 1;
    controller->start();
    QObject::connect(&app, &QCoreApplication::aboutToQuit, controller, &Hubbub::AppController::shutdown);
    return app.exec();
}
