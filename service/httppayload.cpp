// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "httppayload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace WebPubSub;

namespace Hubbub {

std::optional<Payload> HttpPayload::fromBody(const QByteArray &contentType, const QByteArray &body,
                                             Error *error)
{
    if (error)
        *error = Error::None;
    // Parameters such as "; charset=utf-8" do not change the data type.
    const QByteArray mime = contentType.split(';').first().trimmed().toLower();
    if (mime.isEmpty() || mime == "application/octet-stream")
        return Payload::fromBinary(body);
    if (mime == "text/plain")
        return Payload::fromText(QString::fromUtf8(body));
    if (mime == "application/json" || mime == "text/json" || mime.endsWith("+json")) {
        // QJsonDocument only takes objects/arrays; wrapping accepts any JSON value (strings, numbers).
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson("[" + body + "]", &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1) {
            if (error)
                *error = Error::InvalidJson;
            return std::nullopt;
        }
        return Payload::fromJson(doc.array().at(0));
    }
    if (error)
        *error = Error::UnsupportedMediaType;
    return std::nullopt;
}

QByteArray HttpPayload::contentTypeOf(const Payload &payload)
{
    switch (payload.dataType()) {
    case DataType::Json:
        return QByteArrayLiteral("application/json");
    case DataType::Text:
        return QByteArrayLiteral("text/plain");
    case DataType::Binary:
    case DataType::Protobuf:
        break;
    }
    return QByteArrayLiteral("application/octet-stream");
}

} // namespace Hubbub
