// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The edit, delete and reaction envelopes the chat.* tests send from raw clients, built by
//! hand (docs/message-envelope.md, "Edits, deletes and reactions") so a test can forge, replay or
//! bend any field the app's own MessageEnvelope would never produce.
#pragma once

#include <QJsonObject>
#include <QString>

namespace ChatTest {

//! What every mutation carries: its \a kind, version \a v, its own id \a opId and the message it
//! changes, \a target.
inline QJsonObject mutationJson(const QString &kind, const QString &opId, const QString &target, int v = 1)
{
    return QJsonObject{{QStringLiteral("kind"), kind},
                       {QStringLiteral("v"), v},
                       {QStringLiteral("id"), opId},
                       {QStringLiteral("target"), target}};
}

//! An edit of \a target to \a body, with the "✎ body" text an older client shows instead.
inline QJsonObject editJson(const QString &opId, const QString &target, const QString &body, int v = 1)
{
    QJsonObject o = mutationJson(QStringLiteral("edit"), opId, target, v);
    o.insert(QStringLiteral("body"), body);
    o.insert(QStringLiteral("text"), QStringLiteral("\u270E ") + body);
    return o;
}

inline QJsonObject deleteJson(const QString &opId, const QString &target)
{
    QJsonObject o = mutationJson(QStringLiteral("delete"), opId, target);
    o.insert(QStringLiteral("text"), QStringLiteral("(deleted a message)"));
    return o;
}

//! \a emoji on \a target set (\a on) or taken back.
inline QJsonObject reactionJson(const QString &opId, const QString &target, const QString &emoji, bool on,
                                int v = 1)
{
    QJsonObject o = mutationJson(QStringLiteral("reaction"), opId, target, v);
    o.insert(QStringLiteral("emoji"), emoji);
    o.insert(QStringLiteral("on"), on);
    o.insert(QStringLiteral("text"), QStringLiteral("reacted ") + emoji);
    return o;
}

} // namespace ChatTest
