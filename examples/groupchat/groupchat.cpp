// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "groupchat.h"

#include <connectionstring.h>
#include <groupmessagemodel.h>
#include <joinedgroupsmodel.h>

#include <QFutureWatcher>
#include <QQmlEngine>

using namespace WebPubSub;

GroupChat::GroupChat(Credential credential, QObject *parent)
    : QObject(parent)
    , m_client(new Client(std::move(credential), {}, this))
{}

std::optional<Credential> GroupChat::credentialFrom(const QString &urlOrConnectionString, const QString &hub,
                                                    const QString &userId)
{
    if (const auto cs = ConnectionString::parse(urlOrConnectionString)) {
        ClientTokenOptions token;
        token.userId = userId;
        token.roles = {QStringLiteral("webpubsub.joinLeaveGroup"), QStringLiteral("webpubsub.sendToGroup")};
        return Credential::fromConnectionString(*cs, hub, token);
    }
    const QUrl url(urlOrConnectionString, QUrl::StrictMode);
    if (url.isValid() && (url.scheme() == u"wss" || url.scheme() == u"ws"))
        return Credential::fromUrl(url);
    return std::nullopt;
}

void GroupChat::registerQmlTypes()
{
    qmlRegisterType<GroupMessageModel>("WebPubSub", 1, 0, "GroupMessageModel");
    qmlRegisterType<JoinedGroupsModel>("WebPubSub", 1, 0, "JoinedGroupsModel");
    qmlRegisterUncreatableType<Client>("WebPubSub", 1, 0, "Client", QStringLiteral("made in C++"));
}

// Each operation resolves to an OperationResult; a failure is shown, success needs nothing (the
// models follow the client's signals).
static void reportFailure(GroupChat *chat, QFuture<OperationResult> future)
{
    auto *watcher = new QFutureWatcher<OperationResult>(chat);
    QObject::connect(watcher, &QFutureWatcher<OperationResult>::finished, chat, [chat, watcher] {
        const OperationResult result = watcher->result();
        if (!result.ok())
            Q_EMIT chat->failed(result.error.message());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

void GroupChat::join(const QString &group)
{
    if (!group.isEmpty())
        reportFailure(this, m_client->joinGroup(group));
}

void GroupChat::send(const QString &group, const QString &text)
{
    if (!group.isEmpty() && !text.isEmpty())
        reportFailure(this, m_client->sendToGroup(group, Payload::fromText(text)));
}
