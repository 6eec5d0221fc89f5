// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file payload.h
//! \brief The data of a Web PubSub message, in one of the protocol's data types.
//!
//! One value type carries what `sendToGroup`, `event`, `invoke` and `message` frames put in
//! `dataType` + `data`, so that client, service and models agree on how text, JSON and binary are
//! encoded on the wire (binary and protobuf as base64 in a JSON string).
#pragma once

#include "webpubsub_export.h"

#include <QByteArray>
#include <QJsonValue>
#include <QMetaType>
#include <QString>

#include <optional>

namespace WebPubSub {
Q_NAMESPACE_EXPORT(WEBPUBSUB_EXPORT)

//! The `dataType` of a frame.
enum class DataType { Json, Text, Binary, Protobuf };
Q_ENUM_NS(DataType)

//! The wire name (`json`, `text`, `binary`, `protobuf`).
WEBPUBSUB_EXPORT QString dataTypeName(DataType type);
//! Parses a wire name; std::nullopt for an unknown one.
WEBPUBSUB_EXPORT std::optional<DataType> dataTypeFromName(QStringView name);

class WEBPUBSUB_EXPORT Payload
{
public:
    //! A JSON `null`.
    Payload() = default;
    static Payload fromText(const QString &text);
    //! The same as fromText(QString::fromUtf8(utf8)), without the round trip through UTF-16 when
    //! \a utf8 is valid UTF-8 (what a JSON parser hands over): invalid sequences are replaced.
    static Payload fromTextUtf8(const QByteArray &utf8);
    static Payload fromJson(const QJsonValue &json);
    static Payload fromBinary(const QByteArray &bytes, DataType type = DataType::Binary);
    //! Decodes the `data` of a frame; std::nullopt when it does not fit the type (text that is not a
    //! string, binary that is not a base64 string).
    static std::optional<Payload> fromWire(DataType type, const QJsonValue &data);

    DataType dataType() const { return m_type; }
    //! The text of a text payload; for JSON the compact serialisation; for binary the UTF-8 decoding.
    QString text() const;
    //! The JSON value of a JSON payload; for text a JSON string; for binary a base64 JSON string.
    QJsonValue json() const;
    //! The raw bytes: binary as is, text as UTF-8, JSON compactly serialised.
    QByteArray bytes() const;
    //! What goes into a frame's `data` field.
    QJsonValue toWire() const;
    //! The number of bytes this payload occupies once serialised (for buffer limits).
    qsizetype byteSize() const;

    friend WEBPUBSUB_EXPORT bool operator==(const Payload &a, const Payload &b);

private:
    DataType m_type = DataType::Json;
    QJsonValue m_json;  // Json
    QByteArray m_bytes; // Text (UTF-8), Binary, Protobuf
};

} // namespace WebPubSub

Q_DECLARE_METATYPE(WebPubSub::Payload)
