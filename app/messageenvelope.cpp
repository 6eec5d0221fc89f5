// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "messageenvelope.h"

#include "datamessage.h"
#include "enumnames.h"
#include "payload.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

namespace Hubbub {

namespace {
constexpr qsizetype kMaxTextLength = 64 * 1024; // longer texts are cut, not dropped

QDateTime parseTimestamp(const QJsonValue &value)
{
    QDateTime ts = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!ts.isValid())
        ts = QDateTime::fromString(value.toString(), Qt::ISODate);
    return ts.isValid() ? ts.toUTC() : QDateTime();
}
} // namespace

namespace {
// "unknown" is what an unrecognised kind reads as; it is never parsed back.
const EnumName<MessageEnvelope::Kind> kKindNames[] = {
    {MessageEnvelope::Kind::Message, "message"},
    {MessageEnvelope::Kind::Presence, "presence"},
    {MessageEnvelope::Kind::Goodbye, "goodbye"},
    {MessageEnvelope::Kind::Who, "who"},
    {MessageEnvelope::Kind::Typing, "typing"},
    {MessageEnvelope::Kind::BackfillRequest, "backfill-request"},
    {MessageEnvelope::Kind::Backfill, "backfill"},
    {MessageEnvelope::Kind::Edit, "edit"},
    {MessageEnvelope::Kind::Delete, "delete"},
    {MessageEnvelope::Kind::Reaction, "reaction"},
};
} // namespace

QString MessageEnvelope::kindName(Kind kind)
{
    return enumName(kKindNames, kind, "unknown");
}

MessageEnvelope::Kind MessageEnvelope::kindFromName(QStringView name)
{
    return enumFromName(kKindNames, name, Kind::Unknown);
}

QJsonObject MessageEnvelope::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kindName(kind)}};
    if (kind == Kind::Message) {
        o.insert(QStringLiteral("id"), id);
        o.insert(QStringLiteral("text"), text);
        if (!replyTo.isEmpty())
            o.insert(QStringLiteral("replyTo"), replyTo.toJson());
    }
    if (!sender.isEmpty())
        o.insert(QStringLiteral("sender"), sender);
    if (timestamp.isValid())
        o.insert(QStringLiteral("ts"), timestamp.toUTC().toString(Qt::ISODateWithMs));
    if (!instance.isEmpty())
        o.insert(QStringLiteral("instance"), instance);
    if (kind == Kind::Presence)
        o.insert(QStringLiteral("state"), state.isEmpty() ? QStringLiteral("online") : state);
    if (kind == Kind::BackfillRequest || kind == Kind::Backfill) {
        o.insert(QStringLiteral("v"), version > 0 ? version : kBackfillVersion);
        o.insert(QStringLiteral("id"), id);
    }
    if (kind == Kind::BackfillRequest) {
        o.insert(QStringLiteral("from"), from.toUTC().toString(Qt::ISODateWithMs));
        o.insert(QStringLiteral("to"), to.toUTC().toString(Qt::ISODateWithMs));
        o.insert(QStringLiteral("max"), max);
    } else if (kind == Kind::Backfill) {
        o.insert(QStringLiteral("requestId"), requestId);
        QJsonArray messages;
        for (const Relayed &r : relayed) {
            QJsonObject m{{QStringLiteral("id"), r.id},
                          {QStringLiteral("sender"), r.sender},
                          {QStringLiteral("text"), r.text},
                          {QStringLiteral("ts"), r.timestamp.toUTC().toString(Qt::ISODateWithMs)}};
            if (!r.image.isEmpty())
                m.insert(QStringLiteral("image"), r.image);
            messages.append(m);
        }
        o.insert(QStringLiteral("messages"), messages);
    }
    if (isMutation()) {
        o.insert(QStringLiteral("v"), version > 0 ? version : kMutationVersion);
        o.insert(QStringLiteral("id"), id);
        o.insert(QStringLiteral("target"), target);
        o.insert(QStringLiteral("text"), text);
        if (kind == Kind::Edit)
            o.insert(QStringLiteral("body"), body);
        if (kind == Kind::Reaction) {
            o.insert(QStringLiteral("emoji"), emoji);
            o.insert(QStringLiteral("on"), on);
        }
    }
    return o;
}

WebPubSub::Payload MessageEnvelope::toPayload() const
{
    return WebPubSub::Payload::fromJson(toJson());
}

std::optional<MessageEnvelope> MessageEnvelope::fromJson(const QJsonObject &o)
{
    const QJsonValue kindValue = o.value(QStringLiteral("kind"));
    if (!kindValue.isString())
        return std::nullopt;
    MessageEnvelope e;
    e.kind = kindFromName(kindValue.toString());
    e.sender = o.value(QStringLiteral("sender")).toString().left(256);
    e.timestamp = parseTimestamp(o.value(QStringLiteral("ts")));
    e.instance = o.value(QStringLiteral("instance")).toString().left(128);
    if (e.kind == Kind::Message) {
        const QJsonValue idValue = o.value(QStringLiteral("id"));
        const QJsonValue textValue = o.value(QStringLiteral("text"));
        if (!idValue.isString() || idValue.toString().isEmpty() || idValue.toString().size() > 128 ||
            !textValue.isString())
            return std::nullopt;
        e.id = idValue.toString();
        e.text = textValue.toString().left(kMaxTextLength);
        e.replyTo = ReplyRef::fromJson(o.value(QStringLiteral("replyTo")));
    } else if (e.kind == Kind::Presence) {
        e.state = o.value(QStringLiteral("state")).toString() == u"away" ? QStringLiteral("away")
                                                                         : QStringLiteral("online");
    } else if (e.kind == Kind::BackfillRequest || e.kind == Kind::Backfill) {
        // A newer version may mean something else by the same fields: ignore it (harmless).
        e.version = o.value(QStringLiteral("v")).toInt(0);
        const QString id = o.value(QStringLiteral("id")).toString();
        if (e.version < 1 || e.version > kBackfillVersion || id.isEmpty() || id.size() > 128)
            return std::nullopt;
        e.id = id;
        if (e.kind == Kind::BackfillRequest) {
            e.from = parseTimestamp(o.value(QStringLiteral("from")));
            e.to = parseTimestamp(o.value(QStringLiteral("to")));
            e.max = std::clamp(o.value(QStringLiteral("max")).toInt(kMaxBackfillMessages), 0,
                               kMaxBackfillMessages);
            if (!e.from.isValid() || !e.to.isValid() || e.to < e.from)
                return std::nullopt;
        } else {
            e.requestId = o.value(QStringLiteral("requestId")).toString();
            if (e.requestId.isEmpty() || e.requestId.size() > 128)
                return std::nullopt;
            // Bounded however long the array is: extra or malformed entries are dropped.
            const QJsonArray messages = o.value(QStringLiteral("messages")).toArray();
            for (const QJsonValue &v : messages) {
                if (e.relayed.size() >= kMaxBackfillMessages)
                    break;
                const QJsonObject m = v.toObject();
                Relayed r;
                r.id = m.value(QStringLiteral("id")).toString();
                r.sender = m.value(QStringLiteral("sender")).toString().left(256);
                r.timestamp = parseTimestamp(m.value(QStringLiteral("ts")));
                const QJsonValue text = m.value(QStringLiteral("text"));
                if (r.id.isEmpty() || r.id.size() > 128 || !text.isString() || !r.timestamp.isValid())
                    continue;
                r.text = text.toString().left(kMaxTextLength);
                r.image = m.value(QStringLiteral("image")).toObject();
                e.relayed.append(r);
            }
        }
    } else if (e.isMutation()) {
        // Like backfill: a newer version may mean something else by the same fields.
        e.version = o.value(QStringLiteral("v")).toInt(0);
        e.id = o.value(QStringLiteral("id")).toString();
        e.target = o.value(QStringLiteral("target")).toString();
        if (e.version < 1 || e.version > kMutationVersion || e.id.isEmpty() || e.id.size() > 128 ||
            e.target.isEmpty() || e.target.size() > 200)
            return std::nullopt;
        e.text = o.value(QStringLiteral("text")).toString().left(1024);
        if (e.kind == Kind::Edit) {
            const QJsonValue body = o.value(QStringLiteral("body"));
            if (!body.isString() || body.toString().trimmed().isEmpty())
                return std::nullopt;
            e.body = body.toString().left(kMaxTextLength);
        } else if (e.kind == Kind::Reaction) {
            const QJsonValue on = o.value(QStringLiteral("on"));
            e.emoji = o.value(QStringLiteral("emoji")).toString();
            if (!on.isBool() || !isValidEmoji(e.emoji))
                return std::nullopt;
            e.on = on.toBool();
        }
    }
    return e;
}

std::optional<MessageEnvelope> MessageEnvelope::fromGroupMessage(const WebPubSub::GroupMessage &message)
{
    const WebPubSub::Payload &p = message.payload;
    switch (p.dataType()) {
    case WebPubSub::DataType::Json: {
        const QJsonValue v = p.json();
        if (v.isObject())
            return fromJson(v.toObject());
        // A JSON string from another client is still a readable message.
        if (!v.isString())
            return std::nullopt;
        [[fallthrough]];
    }
    case WebPubSub::DataType::Text: {
        MessageEnvelope e;
        e.kind = Kind::Message;
        e.text =
            (p.dataType() == WebPubSub::DataType::Text ? p.text() : p.json().toString()).left(kMaxTextLength);
        e.id = derivedId(message);
        e.sender = message.fromUserId.value_or(QString());
        e.timestamp =
            (message.receivedAt.isValid() ? message.receivedAt : QDateTime::currentDateTimeUtc()).toUTC();
        return e;
    }
    case WebPubSub::DataType::Binary:
    case WebPubSub::DataType::Protobuf:
        break;
    }
    return std::nullopt;
}

MessageEnvelope MessageEnvelope::chat(const QString &text, const QString &sender, const QDateTime &timestamp)
{
    MessageEnvelope e;
    e.kind = Kind::Message;
    e.id = newId();
    e.text = text;
    e.sender = sender;
    e.timestamp = timestamp.toUTC();
    return e;
}

namespace {
MessageEnvelope mutation(MessageEnvelope::Kind kind, const QString &target, const QString &sender)
{
    MessageEnvelope e;
    e.kind = kind;
    e.version = MessageEnvelope::kMutationVersion;
    e.id = MessageEnvelope::newId();
    e.target = target;
    e.sender = sender;
    e.timestamp = QDateTime::currentDateTimeUtc();
    return e;
}
} // namespace

// The fallbacks are protocol text (what other clients show), not UI text: never translated.
MessageEnvelope MessageEnvelope::edit(const QString &target, const QString &text, const QString &sender)
{
    MessageEnvelope e = mutation(Kind::Edit, target, sender);
    e.body = text;
    e.text = QStringLiteral("\u270E ") + text.left(1000);
    return e;
}

MessageEnvelope MessageEnvelope::deletion(const QString &target, const QString &sender)
{
    MessageEnvelope e = mutation(Kind::Delete, target, sender);
    e.text = QStringLiteral("(deleted a message)");
    return e;
}

MessageEnvelope MessageEnvelope::reaction(const QString &target, const QString &emoji, bool on,
                                          const QString &sender)
{
    MessageEnvelope e = mutation(Kind::Reaction, target, sender);
    e.emoji = emoji;
    e.on = on;
    e.text = (on ? QStringLiteral("reacted ") : QStringLiteral("removed reaction ")) + emoji;
    return e;
}

bool MessageEnvelope::isValidEmoji(const QString &emoji)
{
    if (emoji.isEmpty() || emoji.size() > kMaxEmojiLength)
        return false;
    for (const QChar c : emoji) {
        // ZWJ (U+200D) and the variation selectors build emoji; other format characters (bidi
        // overrides) and all control and space characters do not belong in a reaction.
        if (c.unicode() == 0x200D || c.unicode() == 0xFE0F || c.unicode() == 0xFE0E)
            continue;
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return false;
    }
    return true;
}

QString MessageEnvelope::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString MessageEnvelope::derivedId(const WebPubSub::GroupMessage &message)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(message.group.toUtf8());
    hash.addData(QByteArrayView("\x1f"));
    hash.addData(message.fromUserId.value_or(QString()).toUtf8());
    hash.addData(QByteArrayView("\x1f"));
    hash.addData(message.payload.bytes());
    if (message.sequenceId) {
        // The reliable protocol's sequence id is unique per connection, and a redelivery after
        // recovery carries the same one: a good dedup key together with the content hash.
        return QStringLiteral("seq-%1-%2")
            .arg(*message.sequenceId)
            .arg(QString::fromLatin1(hash.result().toHex().left(16)));
    }
    hash.addData(QByteArrayView("\x1f"));
    hash.addData(QByteArray::number(message.receivedAt.toMSecsSinceEpoch()));
    return QStringLiteral("txt-") + QString::fromLatin1(hash.result().toHex().left(24));
}

ChatMessage MessageEnvelope::toChatMessage(const QString &room, const QString &senderId, bool own) const
{
    ChatMessage m;
    m.id = id;
    m.room = room;
    m.senderId = senderId;
    m.senderName = sender.isEmpty() ? senderId : sender;
    m.text = text;
    m.timestamp = timestamp.isValid() ? timestamp : QDateTime::currentDateTimeUtc();
    m.own = own;
    m.status = own ? DeliveryStatus::Sent : DeliveryStatus::Received;
    m.replyTo = replyTo;
    m.picture = picture;
    return m;
}

} // namespace Hubbub
