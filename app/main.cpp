// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The `hubbub` desktop app: flags → AppController → Main.qml. All logic lives in HubbubAppCore.
#include "appcontroller.h"
#include "appoptions.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QUrl>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(u"hubbub"_s);
    QGuiApplication::setApplicationVersion(u"0.1.0"_s);
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
