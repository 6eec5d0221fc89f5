// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What the chat.* tests of edits, deletes and reactions share: two app profiles in a room
//! of an in-process service, raw clients that join the room and send crafted envelopes, and a
//! barrier (a marker message) that proves everything a raw client sent before has been handled.
#pragma once

#include "appcontroller.h"
#include "apptestcase.h"
#include "chatenvelopes.h"
#include "client.h"
#include "connectioncontroller.h"
#include "messageenvelope.h"
#include "messagemodel.h"
#include "messagemutations.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace ChatTest {

constexpr int kTimeout = 20000;

//! Starts an app for \a user on \a profile (fresh when empty).
inline std::unique_ptr<Hubbub::AppController> app(HubbubTest::AppTestFixture &hub, const QString &user,
                                                  const QString &profile = {})
{
    auto a = std::make_unique<Hubbub::AppController>(
        hub.options(user, profile.isEmpty() ? hub.freshProfile(user) : profile));
    a->start();
    return a;
}

//! A raw client as \a userId that has joined \a room (it can send anything there); null on failure.
inline std::unique_ptr<WebPubSub::Client> rawMember(HubbubTest::AppTestFixture &hub, const QString &userId,
                                                    const QString &room)
{
    auto client = hub.connectedRawClient(
        userId, {QStringLiteral("webpubsub.sendToGroup"), QStringLiteral("webpubsub.joinLeaveGroup")},
        kTimeout);
    if (!client)
        return nullptr;
    client->joinGroup(room);
    if (!QTest::qWaitFor([&] { return client->groups().contains(room); }, kTimeout))
        return nullptr;
    return client;
}

inline void sendJson(WebPubSub::Client *client, const QString &room, const QJsonObject &envelope)
{
    client->sendToGroup(room, WebPubSub::Payload::fromJson(envelope));
}

inline QJsonObject chatJson(const QString &id, const QString &text)
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("message")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("text"), text}};
}

//! Sends a marker message from \a client and waits until \a receiver has it in \a room: the service
//! keeps one sender's order, so whatever \a client sent before has been handled by then.
inline bool barrier(WebPubSub::Client *client, Hubbub::AppController *receiver, const QString &room)
{
    const QString id = Hubbub::MessageEnvelope::newId();
    sendJson(client, room, chatJson(id, QStringLiteral("marker")));
    Hubbub::MessageModel *model = receiver->directory()->openMessages(room);
    return QTest::qWaitFor([&] { return model->contains(id); }, kTimeout);
}

//! The row of \a id in \a model (the test fails if it never appears).
inline const Hubbub::ChatMessage *message(Hubbub::MessageModel *model, const QString &id)
{
    const int row = model->rowOf(id);
    return row < 0 ? nullptr : &model->at(row);
}

inline QString textOf(Hubbub::MessageModel *model, const QString &id)
{
    const auto *m = message(model, id);
    return m ? m->text : QStringLiteral("<absent>");
}

//! "👍:bob,carol|🎉:alice" (users in arrival order, `*` after the emoji when mine).
inline QString reactionsOf(Hubbub::MessageModel *model, const QString &id)
{
    const int row = model->rowOf(id);
    if (row < 0)
        return QStringLiteral("<absent>");
    QStringList out;
    const QVariantList list = model->data(model->index(row), Hubbub::MessageModel::ReactionsRole).toList();
    for (const QVariant &v : list) {
        const QVariantMap r = v.toMap();
        const QStringList users = r.value(QStringLiteral("users")).toStringList();
        if (r.value(QStringLiteral("count")).toInt() != users.size())
            return QStringLiteral("<bad count>");
        out.append(r.value(QStringLiteral("emoji")).toString() +
                   (r.value(QStringLiteral("mine")).toBool() ? QStringLiteral("*") : QString()) + u':' +
                   users.join(u','));
    }
    return out.join(u'|');
}

//! Alice and Bob, started on fresh profiles and both in \a room.
inline bool startPair(HubbubTest::AppTestFixture &hub, std::unique_ptr<Hubbub::AppController> &alice,
                      std::unique_ptr<Hubbub::AppController> &bob, const QString &room)
{
    alice = app(hub, QStringLiteral("alice"));
    bob = app(hub, QStringLiteral("bob"));
    if (!HubbubTest::joinAll({alice.get(), bob.get()}, room, kTimeout))
        return false;
    hub.watch(alice->directory()->openMessages(room));
    hub.watch(bob->directory()->openMessages(room));
    return true;
}

//! Alice sends \a text to \a room; returns its id once Bob has it and it is acknowledged.
inline QString sendAndWait(Hubbub::AppController *alice, Hubbub::AppController *bob, const QString &room,
                           const QString &text)
{
    if (!alice->sendMessageTo(room, text))
        return {};
    Hubbub::MessageModel *mine = alice->directory()->openMessages(room);
    const QString id = mine->at(mine->count() - 1).id;
    Hubbub::MessageModel *theirs = bob->directory()->openMessages(room);
    if (!QTest::qWaitFor([&] { return theirs->contains(id); }, kTimeout))
        return {};
    if (!QTest::qWaitFor([&] { return alice->connection()->outboxCount() == 0; }, kTimeout))
        return {};
    return id;
}

} // namespace ChatTest
