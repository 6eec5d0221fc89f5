// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief FrameCodec's fallback for JSON integers beyond 64 bits (valid JSON that JavaScript peers
//! write and Qt's writer emits), which simdjson refuses: the frame re-written so that simdjson
//! reads those numbers as doubles.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace WebPubSub::BigNumbers {

//! \a utf8 with its out-of-range integers in a form simdjson reads, or nullopt when it is not
//! JSON to Qt either, or when the fallback could not keep the frame exact (an id beyond 2^63 that
//! Qt would round).
std::optional<QByteArray> asDoubles(QByteArrayView utf8);

} // namespace WebPubSub::BigNumbers
