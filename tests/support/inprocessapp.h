// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The in-process app the end-to-end and screenshot tests share: an AppController on its own
//! embedded service, and Main.qml loaded over it exactly as app/main.cpp does.
#pragma once

#include "appcontroller.h"
#include "appoptions.h"
#include "apptestfixture.h"
#include "connectioncontroller.h"
#include "pictureprovider.h"

#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickWindow>
#include <QSize>
#include <QString>
#include <QTest>
#include <QUrl>
#include <QVariant>

#include <memory>

namespace InProcessApp {

//! Options for an app that embeds its own service on a free port (never the well-known one: tests
//! run in parallel) and keeps secrets in memory (no keychain on a test machine).
inline Hubbub::AppOptions localOptions(const QString &user, const QString &profile)
{
    return HubbubTest::localAppOptions(user, profile);
}

//! Loads the main window over \a app; the caller checks rootObjects().
inline std::unique_ptr<QQmlApplicationEngine> loadMainWindow(Hubbub::AppController *app)
{
    auto engine = std::make_unique<QQmlApplicationEngine>();
    engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine->setInitialProperties({{QStringLiteral("app"), QVariant::fromValue(app)}});
    engine->addImageProvider(QStringLiteral("hubbub"), new Hubbub::Ui::PictureProvider(app->pictures()));
    engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Hubbub/Ui/Main.qml")));
    return engine;
}

//! Loads the main window over \a app into \a engine, gives it \a size (when valid), waits until it
//! is exposed, then starts \a app and waits until it is connected. The test fails (check
//! QTest::currentTestFailed()) when any of that does not happen.
inline void showAndConnect(std::unique_ptr<QQmlApplicationEngine> &engine, Hubbub::AppController *app,
                           QSize size = {})
{
    engine = loadMainWindow(app);
    QCOMPARE(engine->rootObjects().size(), 1);
    auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().first());
    QVERIFY(window);
    if (size.isValid())
        window->resize(size);
    QVERIFY(QTest::qWaitForWindowExposed(window, 10000));
    app->start();
    QTRY_COMPARE_WITH_TIMEOUT(app->connection()->state(), Hubbub::ConnectionController::State::Connected,
                              20000);
}

//! Creates Present mode's presenter view (its own window) over \a app in \a engine; null with
//! \a error set when the component does not load.
inline std::unique_ptr<QObject> createPresenterView(QQmlEngine &engine, Hubbub::AppController *app,
                                                    QString *error)
{
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/qt/qml/Hubbub/Ui/PresenterView.qml")));
    std::unique_ptr<QObject> view;
    if (component.isReady())
        view.reset(
            component.createWithInitialProperties({{QStringLiteral("app"), QVariant::fromValue(app)}}));
    if (!view)
        *error = component.errorString();
    return view;
}

} // namespace InProcessApp
