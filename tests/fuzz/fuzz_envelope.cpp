// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Fuzzes the app's message envelope (app/messageenvelope): whatever another client in a room
// sends (our JSON envelope, foreign JSON, plain text) is decoded by MessageEnvelope and turned into
// a ChatMessage. Accepted envelopes of a known kind must survive toJson → fromJson.
#include "fuzzcheck.h"

#include <datamessage.h>
#include <messageenvelope.h>

#include <QJsonDocument>
#include <QJsonObject>

using namespace Hubbub;

static const QDateTime ReceivedAt = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

static void decode(const WebPubSub::Payload &payload, std::optional<quint64> sequenceId)
{
    WebPubSub::GroupMessage message;
    message.group = QStringLiteral("room");
    message.fromUserId = QStringLiteral("peer");
    message.payload = payload;
    message.sequenceId = sequenceId;
    message.receivedAt = ReceivedAt;
    const auto envelope = MessageEnvelope::fromGroupMessage(message);
    if (!envelope)
        return;
    const ChatMessage chat = envelope->toChatMessage(QStringLiteral("room"), QStringLiteral("peer"), false);
    (void)chat;
    if (envelope->kind == MessageEnvelope::Kind::Unknown)
        return;
    const auto again = MessageEnvelope::fromJson(envelope->toJson());
    HUBBUB_FUZZ_CHECK(again.has_value());
    HUBBUB_FUZZ_CHECK(again->kind == envelope->kind);
    HUBBUB_FUZZ_CHECK(again->id == envelope->id);
    HUBBUB_FUZZ_CHECK(again->text == envelope->text);
    HUBBUB_FUZZ_CHECK(again->instance == envelope->instance);
    HUBBUB_FUZZ_CHECK(again->state == envelope->state);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (document.isObject()) {
        (void)MessageEnvelope::fromJson(document.object());
        decode(WebPubSub::Payload::fromJson(document.object()), 12);
    }
    decode(WebPubSub::Payload::fromText(QString::fromUtf8(bytes)), std::nullopt);
    decode(WebPubSub::Payload::fromText(QString::fromUtf8(bytes)), 42);
    decode(WebPubSub::Payload::fromBinary(bytes), 1);
    return 0;
}
