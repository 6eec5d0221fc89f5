// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "payload.h"

#include <cstring>
#include <utility>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace WebPubSub {

namespace {
// Each data type with its name on the wire, read both ways by dataTypeName() and dataTypeFromName().
const std::pair<DataType, QString> kDataTypeNames[] = {
    {DataType::Json, QStringLiteral("json")},
    {DataType::Text, QStringLiteral("text")},
    {DataType::Binary, QStringLiteral("binary")},
    {DataType::Protobuf, QStringLiteral("protobuf")},
};
} // namespace

QString dataTypeName(DataType type)
{
    for (const auto &[value, name] : kDataTypeNames) {
        if (value == type)
            return name;
    }
    return kDataTypeNames[0].second; // json, as for a value outside the enum
}

std::optional<DataType> dataTypeFromName(QStringView name)
{
    for (const auto &[value, text] : kDataTypeNames) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

Payload Payload::fromText(const QString &text)
{
    Payload p;
    p.m_type = DataType::Text;
    p.m_bytes = text.toUtf8();
    return p;
}

Payload Payload::fromTextUtf8(const QByteArray &utf8)
{
    // A surrogate's UTF-8 form (which a JSON escape such as \ud800 can produce) starts with 0xED;
    // such text goes the slow way, so that it is replaced exactly as fromText() replaces it.
    if (std::memchr(utf8.constData(), 0xED, size_t(utf8.size())) != nullptr ||
        !QByteArrayView(utf8).isValidUtf8())
        return fromText(QString::fromUtf8(utf8));
    Payload p;
    p.m_type = DataType::Text;
    p.m_bytes = utf8;
    return p;
}

Payload Payload::fromJson(const QJsonValue &json)
{
    Payload p;
    p.m_type = DataType::Json;
    p.m_json = json;
    return p;
}

Payload Payload::fromBinary(const QByteArray &bytes, DataType type)
{
    Payload p;
    p.m_type = (type == DataType::Protobuf) ? DataType::Protobuf : DataType::Binary;
    p.m_bytes = bytes;
    return p;
}

std::optional<Payload> Payload::fromWire(DataType type, const QJsonValue &data)
{
    switch (type) {
    case DataType::Json:
        if (data.isUndefined())
            return std::nullopt;
        return fromJson(data);
    case DataType::Text:
        if (!data.isString())
            return std::nullopt;
        return fromText(data.toString());
    case DataType::Binary:
    case DataType::Protobuf: {
        if (!data.isString())
            return std::nullopt;
        const auto decoded = QByteArray::fromBase64Encoding(data.toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        return fromBinary(*decoded, type);
    }
    }
    return std::nullopt;
}

static QByteArray compactJson(const QJsonValue &value)
{
    // QJsonDocument only wraps objects and arrays; scalars are serialised through a one-element
    // array whose brackets are then cut off, so every JSON value has one canonical text.
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QString Payload::text() const
{
    switch (m_type) {
    case DataType::Json:
        return QString::fromUtf8(compactJson(m_json));
    default:
        return QString::fromUtf8(m_bytes);
    }
}

QJsonValue Payload::json() const
{
    switch (m_type) {
    case DataType::Json:
        return m_json;
    case DataType::Text:
        return QString::fromUtf8(m_bytes);
    default:
        return QString::fromLatin1(m_bytes.toBase64());
    }
}

QByteArray Payload::bytes() const
{
    return m_type == DataType::Json ? compactJson(m_json) : m_bytes;
}

QJsonValue Payload::toWire() const
{
    return json();
}

qsizetype Payload::byteSize() const
{
    switch (m_type) {
    case DataType::Json:
        return compactJson(m_json).size();
    case DataType::Text:
        return m_bytes.size();
    default:
        return (m_bytes.size() + 2) / 3 * 4;
    }
}

bool operator==(const Payload &a, const Payload &b)
{
    if (a.m_type != b.m_type)
        return false;
    return a.m_type == DataType::Json ? a.m_json == b.m_json : a.m_bytes == b.m_bytes;
}

} // namespace WebPubSub
