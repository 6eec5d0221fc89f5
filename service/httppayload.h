// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Maps HTTP bodies to message payloads and back by Content-Type (REST sends §6.3 and
//! upstream responses §7.6 use the same mapping).
#pragma once

#include <payload.h>

#include <QByteArray>

#include <optional>

namespace Hubbub {

class HttpPayload
{
public:
    enum class Error { None, UnsupportedMediaType, InvalidJson };
    //! `application/json` → json, `text/plain` → text, `application/octet-stream` or none → binary.
    static std::optional<WebPubSub::Payload> fromBody(const QByteArray &contentType, const QByteArray &body,
                                                      Error *error = nullptr);
    //! The Content-Type under which \a payload is posted upstream.
    static QByteArray contentTypeOf(const WebPubSub::Payload &payload);
};

} // namespace Hubbub
