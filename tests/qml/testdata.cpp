// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "testdata.h"

#include "appoptions.h"
#include "chatmessage.h"
#include "connectioncontroller.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "noticemodel.h"
#include "roomlistmodel.h"
#include "secretstore.h"

#include <QAbstractItemModelTester>
#include <QDateTime>

using namespace Qt::StringLiterals;
using namespace Hubbub;

namespace {

void watch(QAbstractItemModel *model)
{
    // Parented to the model: it checks every change for the model's whole life.
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
}

} // namespace

QObject *TestData::messageModel(const QVariantList &messages)
{
    auto *model = new MessageModel(u"test"_s, this);
    watch(model);
    QList<ChatMessage> rows;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int n = 0;
    for (const QVariant &v : messages) {
        const QVariantMap m = v.toMap();
        ChatMessage msg;
        msg.id = m.value(u"id"_s, u"m%1"_s.arg(n)).toString();
        msg.room = u"test"_s;
        msg.senderName = m.value(u"sender"_s, u"alice"_s).toString();
        // "senderId" when the display name differs from the identity (may be "" = anonymous).
        msg.senderId = m.value(u"senderId"_s, msg.senderName).toString();
        msg.text = m.value(u"text"_s).toString();
        msg.own = m.value(u"own"_s, false).toBool();
        msg.status = deliveryStatusFromName(m.value(u"status"_s, u"received"_s).toString());
        msg.timestamp = now.addSecs(-60 * m.value(u"minutesAgo"_s, 0).toInt());
        msg.relayedBy = m.value(u"relayedBy"_s).toString();
        msg.edited = m.value(u"edited"_s, false).toBool();
        msg.deleted = m.value(u"deleted"_s, false).toBool();
        // "reactions": [{emoji, users, mine}]
        for (const QVariant &r : m.value(u"reactions"_s).toList()) {
            const QVariantMap reaction = r.toMap();
            msg.reactions.append({reaction.value(u"emoji"_s).toString(),
                                  reaction.value(u"users"_s).toStringList(),
                                  reaction.value(u"mine"_s, false).toBool()});
        }
        // Replies and mentions (issue 10): the claim as received, and the flag set on arrival.
        msg.replyTo = {m.value(u"replyToId"_s).toString(), m.value(u"replyToSender"_s).toString(),
                       m.value(u"replyToText"_s).toString()};
        msg.mentionsMe = m.value(u"mentionsMe"_s, false).toBool();
        msg.picture = m.value(u"picture"_s, false).toBool();
        rows.append(msg);
        ++n;
    }
    model->appendMessages(rows);
    return model;
}

QObject *TestData::noticeModel(const QVariantList &notices)
{
    auto *model = new NoticeModel(this);
    watch(model);
    QList<Notice> rows;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QVariant &v : notices) {
        const QVariantMap m = v.toMap();
        Notice n;
        n.id = u"n%1"_s.arg(rows.size());
        n.text = m.value(u"text"_s).toString();
        n.dataType = m.value(u"dataType"_s, u"text"_s).toString();
        n.receivedAt = now.addSecs(-60 * m.value(u"minutesAgo"_s, 0).toInt());
        rows.append(n);
    }
    model->reset(rows);
    return model;
}

void TestData::appendNotice(QObject *model, const QString &text)
{
    auto *notices = qobject_cast<NoticeModel *>(model);
    Q_ASSERT(notices);
    notices->append(Notice{u"n-%1"_s.arg(notices->count()), text, u"text"_s, std::nullopt,
                           QDateTime::currentDateTimeUtc(), false});
}

void TestData::appendGenerated(QObject *model, int count, const QString &prefix)
{
    auto *messages = qobject_cast<MessageModel *>(model);
    Q_ASSERT(messages);
    QList<ChatMessage> rows;
    rows.reserve(count);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int base = messages->count();
    for (int i = 0; i < count; ++i) {
        ChatMessage msg;
        msg.id = u"%1-%2"_s.arg(prefix).arg(base + i);
        msg.room = messages->room();
        msg.senderId = msg.senderName = (i % 3 == 0) ? u"carol"_s : u"bob"_s;
        msg.text = u"%1 %2"_s.arg(prefix).arg(base + i);
        msg.timestamp = now;
        rows.append(msg);
    }
    messages->appendMessages(rows);
}

void TestData::setUnreadDivider(QObject *model, int unreadCount)
{
    auto *messages = qobject_cast<MessageModel *>(model);
    Q_ASSERT(messages);
    messages->setUnreadDivider(unreadCount);
}

bool TestData::setStatus(QObject *model, const QString &messageId, const QString &status)
{
    auto *messages = qobject_cast<MessageModel *>(model);
    Q_ASSERT(messages);
    return messages->setDeliveryStatus(messageId, deliveryStatusFromName(status));
}

QObject *TestData::roomModel(const QVariantList &rooms)
{
    auto *model = new RoomListModel(this);
    watch(model);
    for (const QVariant &v : rooms) {
        const QVariantMap m = v.toMap();
        RoomListModel::Room room;
        room.name = m.value(u"name"_s).toString();
        room.unreadCount = m.value(u"unread"_s, 0).toInt();
        room.muted = m.value(u"muted"_s, false).toBool();
        room.lastMessageText = m.value(u"last"_s).toString();
        room.lastActivity = QDateTime::currentDateTime();
        model->addRoom(room);
    }
    return model;
}

void TestData::setUnread(QObject *model, const QString &room, int count)
{
    auto *rooms = qobject_cast<RoomListModel *>(model);
    Q_ASSERT(rooms);
    rooms->setUnreadCount(room, count);
}

QObject *TestData::memberModel(const QVariantList &members)
{
    auto *model = new MemberModel(u"test"_s, this);
    watch(model);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QVariant &v : members) {
        const QVariantMap m = v.toMap();
        const QString id = m.value(u"id"_s).toString();
        const QString name = m.value(u"name"_s, id).toString();
        const QString presence = m.value(u"presence"_s, u"online"_s).toString();
        model->heard(id, name, id + u"-1"_s, presence == u"away", now);
        if (presence == u"offline")
            model->goodbye(id, id + u"-1"_s);
        if (m.value(u"typing"_s, false).toBool())
            model->setTyping(id, name, now.addSecs(60));
    }
    return model;
}

QObject *TestData::connectionController()
{
    AppOptions options;
    options.useKeychain = false;
    options.profile = u"qmltest"_s;
    auto *secrets = new SecretStore(u"hubbub-qmltest"_s, false, this);
    return new ConnectionController(options, secrets, secrets);
}
