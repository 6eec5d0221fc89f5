// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// groupchat: a Qt Quick window on one Web PubSub hub, using the WebPubSubQt6 library alone.
//   groupchat 'wss://host/client/hubs/chat?access_token=…'
//   groupchat 'Endpoint=http://localhost:8080;AccessKey=…;Version=1.0;' --hub chat --user alice
#include "groupchat.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Chat in Web PubSub groups (a WebPubSubQt6 example)"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("credential"),
                                 QStringLiteral("A Client Access URL, or a connection string"));
    const QCommandLineOption hub(QStringLiteral("hub"), QStringLiteral("Hub (connection string only)"),
                                 QStringLiteral("hub"), QStringLiteral("chat"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("userId (connection string only)"),
                                  QStringLiteral("user"), QStringLiteral("guest"));
    parser.addOptions({hub, user});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    auto credential = GroupChat::credentialFrom(parser.positionalArguments().constFirst(), parser.value(hub),
                                                parser.value(user));
    if (!credential) {
        qCritical("Neither a ws(s):// Client Access URL nor a connection string");
        return 2;
    }

    GroupChat chat(std::move(*credential));
    GroupChat::registerQmlTypes();
    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("chat"), QVariant::fromValue(&chat)}});
    engine.load(QUrl(QStringLiteral("qrc:/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    chat.client()->start();
    return app.exec();
}
