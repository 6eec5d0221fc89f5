// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// A program outside Hubbub using the installed WebPubSubQt6: given a connection string, it mints its
// own token, connects, joins a group, sends to it and exits 0 once its own message comes back, and
// the library said nothing below a warning meanwhile (its logging categories are quiet by default).
#include <WebPubSub/client.h>

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace WebPubSub;

static int libraryChatter = 0;
static QtMessageHandler defaultHandler = nullptr;

// Only what passes the categories' filters arrives here.
static void countLibraryChatter(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if ((type == QtDebugMsg || type == QtInfoMsg) && context.category &&
        QByteArrayView(context.category).startsWith("hubbub.client"))
        ++libraryChatter;
    defaultHandler(type, context, message);
}

static int fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "consumer: %s %s\n", what, qPrintable(detail));
    std::fflush(stderr);
    QCoreApplication::exit(1);
    return 1;
}

int main(int argc, char **argv)
{
    defaultHandler = qInstallMessageHandler(countLibraryChatter);
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: consumer CONNECTION_STRING\n");
        return 2;
    }
    QString parseError;
    const auto connectionString = ConnectionString::parse(QString::fromLocal8Bit(argv[1]), &parseError);
    if (!connectionString)
        return fail("bad connection string:", parseError);

    ClientTokenOptions token;
    token.userId = QStringLiteral("consumer");
    token.roles = {QStringLiteral("webpubsub.joinLeaveGroup"), QStringLiteral("webpubsub.sendToGroup")};
    Client client(Credential::fromConnectionString(*connectionString, QStringLiteral("consumer"), token));

    const QString group = QStringLiteral("consumer-group");
    const QString text = QStringLiteral("hello from an installed WebPubSubQt6");

    QObject::connect(&client, &Client::connected, &client, [&] {
        client.joinGroup(group).then(&client, [&](const OperationResult &joined) {
            if (!joined.ok())
                return void(fail("join failed:", joined.error.message()));
            client.sendToGroup(group, Payload::fromText(text))
                .then(&client, [&](const OperationResult &sent) {
                    if (!sent.ok())
                        fail("send failed:", sent.error.message());
                });
        });
    });
    QObject::connect(&client, &Client::groupMessageReceived, &client, [&](const GroupMessage &message) {
        if (message.group != group || message.payload.text() != text)
            return;
        std::printf("received own message as %s on connection %s\n",
                    qPrintable(message.fromUserId.value_or(QString())), qPrintable(client.connectionId()));
        std::fflush(stdout);
        if (libraryChatter > 0)
            return void(
                fail("the library logged below warning by default, times:", QString::number(libraryChatter)));
        QCoreApplication::exit(message.fromUserId == token.userId ? 0 : 1);
    });
    QTimer::singleShot(60000, &app, [] { fail("no own message within 60 s"); });

    client.start();
    return app.exec();
}
