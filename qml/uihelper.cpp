// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "uihelper.h"

#include "avatar.h"
#include "membermodel.h"
#include "mentions.h"

#include <QClipboard>
#include <QGuiApplication>

namespace Hubbub::Ui {

UiHelper::UiHelper(QObject *parent)
    : QObject(parent)
{}

void UiHelper::copyText(const QString &text) const
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

int UiHelper::avatarIndex(const QString &userId)
{
    return Avatar::colourIndex(userId);
}

QString UiHelper::initials(const QString &userId)
{
    return Avatar::initials(userId);
}

QString UiHelper::highlightMentions(const QString &text, const QString &userId, const QString &color)
{
    return Hubbub::Mentions::highlighted(text, userId, color);
}

QStringList UiHelper::mentionCandidates(QObject *members, const QString &prefix, const QString &exclude)
{
    const auto *model = qobject_cast<Hubbub::MemberModel *>(members);
    if (!model)
        return {};
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->data(model->index(row), Hubbub::MemberModel::UserIdRole).toString());
    return Hubbub::Mentions::complete(ids, prefix, exclude);
}

QString UiHelper::closeCodeMeaning(int code)
{
    // RFC 6455 §7.4.1 codes, and the ones Azure Web PubSub uses; the rest by range.
    switch (code) {
    case 0:
        return tr("No close yet");
    case 1000:
        return tr("Normal close: the connection was ended on purpose");
    case 1001:
        return tr("Going away: the service or the app shut down");
    case 1002:
        return tr("Protocol error: a frame broke the WebSocket rules");
    case 1003:
        return tr("Unsupported data: a frame type was refused");
    case 1005:
        return tr("Closed without a status code");
    case 1006:
        return tr("Dropped: the connection ended without a close frame (network loss)");
    case 1007:
        return tr("Invalid data: a message was not valid UTF-8 or JSON");
    case 1008:
        return tr("Policy violation: the service refused (e.g. recovery no longer possible, bad token)");
    case 1009:
        return tr("Message too big for the service");
    case 1010:
        return tr("The client needed an extension the service did not offer");
    case 1011:
        return tr("Service error: the service hit an unexpected condition");
    case 1012:
        return tr("Service restarting: reconnect shortly");
    case 1013:
        return tr("Try again later: the service is overloaded");
    case 1015:
        return tr("TLS handshake failed");
    default:
        break;
    }
    if (code >= 4000 && code <= 4999)
        return tr("Application-defined close (%1)").arg(code);
    if (code >= 3000 && code <= 3999)
        return tr("Library or framework close (%1)").arg(code);
    return tr("Unknown close code %1").arg(code);
}

} // namespace Hubbub::Ui
