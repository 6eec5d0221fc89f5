// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Fuzzes FrameCodec::parse with the text frames a client or the service receives, and checks that
// every accepted frame of a known type survives serialize → parse → serialize unchanged (what
// the service re-sends and the client re-reads must mean the same).
#include "framecodec.h"
#include "fuzzcheck.h"

using namespace WebPubSub;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The service and the client both hand the codec the UTF-8 of a QString (a WebSocket text
    // message), so the input goes through that conversion as it would in production.
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray utf8 = text.toUtf8();
    const FrameCodec::ParseResult parsed = FrameCodec::parse(utf8);
    // The client reads the QString itself (parseText, through a reused buffer and recent group and
    // sender names): it must come to exactly the same frame, or the same refusal.
    qsizetype bytes = -1;
    const FrameCodec::ParseResult direct = FrameCodec::parseText(text, &bytes);
    HUBBUB_FUZZ_CHECK(bytes == utf8.size());
    HUBBUB_FUZZ_CHECK(direct.ok() == parsed.ok());
    HUBBUB_FUZZ_CHECK(direct.error == parsed.error);
    if (!parsed.ok()) {
        HUBBUB_FUZZ_CHECK(!parsed.error.isEmpty());
        return 0;
    }
    const Frame &frame = *parsed.frame;
    const QByteArray once = FrameCodec::serialize(frame);
    HUBBUB_FUZZ_CHECK(FrameCodec::serialize(*direct.frame) == once);
    if (frame.type == Frame::Type::Unknown)
        return 0; // ignored by readers; its serialisation only keeps the raw type
    const FrameCodec::ParseResult again = FrameCodec::parse(once);
    if (!again.ok()) // what was written and why it no longer reads, for whoever replays the input
        std::fprintf(stderr, "re-parse of %s failed: %s\n", once.constData(), qPrintable(again.error));
    HUBBUB_FUZZ_CHECK(again.ok());
    HUBBUB_FUZZ_CHECK(again.frame->type == frame.type);
    HUBBUB_FUZZ_CHECK(FrameCodec::serialize(*again.frame) == once);
    return 0;
}
