// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Fuzzes the binary side of the frame codec: arbitrary bytes (not valid UTF-8) straight into
// FrameCodec::parse, the input as the base64 `data` of a binary/protobuf frame, and the input as
// the bytes of a binary/protobuf payload, which must come back byte for byte through every frame
// that carries a payload.
#include "framecodec.h"
#include "fuzzcheck.h"

#include <QJsonValue>

using namespace WebPubSub;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

static void roundTrip(const Frame &frame, const QByteArray &bytes, DataType type)
{
    const QByteArray wire = FrameCodec::serialize(frame);
    const FrameCodec::ParseResult parsed = FrameCodec::parse(wire);
    HUBBUB_FUZZ_CHECK(parsed.ok());
    HUBBUB_FUZZ_CHECK(parsed.frame->type == frame.type);
    HUBBUB_FUZZ_CHECK(parsed.frame->payload.dataType() == type);
    HUBBUB_FUZZ_CHECK(parsed.frame->payload.bytes() == bytes);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // 1. Raw bytes, as a peer that is not a WebSocket stack could hand them over.
    const FrameCodec::ParseResult raw = FrameCodec::parse(bytes);
    if (raw.ok())
        (void)FrameCodec::serialize(*raw.frame);

    for (const DataType type : {DataType::Binary, DataType::Protobuf}) {
        // 2. The input as the base64 text of a frame's `data`.
        const auto wire = Payload::fromWire(type, QJsonValue(QString::fromLatin1(bytes)));
        if (wire) {
            const auto again = Payload::fromWire(type, wire->toWire());
            HUBBUB_FUZZ_CHECK(again && again->bytes() == wire->bytes());
        }

        // 3. The input as the payload itself, through every frame that carries one.
        const Payload payload = Payload::fromBinary(bytes, type);
        HUBBUB_FUZZ_CHECK(payload.bytes() == bytes);
        roundTrip(Frame::sendToGroup(QStringLiteral("g"), payload, 1, false), bytes, type);
        roundTrip(Frame::sendEvent(QStringLiteral("e"), payload, std::nullopt), bytes, type);
        roundTrip(Frame::groupMessage(QStringLiteral("g"), QStringLiteral("u"), payload, 7), bytes, type);
        roundTrip(Frame::serverMessage(payload, std::nullopt), bytes, type);
        roundTrip(Frame::invoke(QStringLiteral("1"), QStringLiteral("e"), payload), bytes, type);
        roundTrip(Frame::invokeResponse(QStringLiteral("1"), payload), bytes, type);
    }
    return 0;
}
