// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file framecodec.h
//! \brief Reads and writes the JSON frames of `json.webpubsub.azure.v1` and its reliable variant.
//!
//! Pure functions, no I/O: both the client and hubbub-service use it, and its tests pin every frame
//! of protocol.md §2–3. Unknown types and fields are ignored (a frame of Type::Unknown); a frame
//! that is not JSON or lacks a required field is an error the caller logs and skips.
#pragma once

#include "frame.h"
#include "webpubsub_export.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace WebPubSub {

class WEBPUBSUB_EXPORT FrameCodec
{
public:
    struct ParseResult
    {
        std::optional<Frame> frame; //!< set on success (possibly Type::Unknown)
        QString error;              //!< why the frame was rejected, when frame is empty
        bool ok() const { return frame.has_value(); }
    };

    //! Parses one text frame. Integers (ackId, sequenceId) are read as exact 64-bit values.
    static ParseResult parse(QByteArrayView utf8);
    //! Parses one text frame as QWebSocket hands it over (decoded): the same as parse() of its UTF-8,
    //! without a temporary QByteArray per frame. \a utf8Size is set to the frame's size in bytes.
    static ParseResult parseText(QStringView text, qsizetype *utf8Size = nullptr);
    //! Serialises a frame as compact JSON (a text frame's payload).
    static QByteArray serialize(const Frame &frame);
};

} // namespace WebPubSub
