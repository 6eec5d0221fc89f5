// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "jsonlinebuilder.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace Hubbub::Cli {

namespace {

inline char hexDigit(unsigned value)
{
    return "0123456789abcdef"[value & 0xf];
}

// Writes the escape for an ASCII character that JSON does not allow raw, or the character itself.
// Returns the advanced cursor. The short forms and the lowercase \u00XX form are QJsonDocument's.
inline char *putAscii(char *cursor, char16_t c)
{
    if (c >= 0x20 && c != '"' && c != '\\') {
        *cursor++ = char(c);
        return cursor;
    }
    *cursor++ = '\\';
    switch (c) {
    case '"':
        *cursor++ = '"';
        break;
    case '\\':
        *cursor++ = '\\';
        break;
    case '\b':
        *cursor++ = 'b';
        break;
    case '\f':
        *cursor++ = 'f';
        break;
    case '\n':
        *cursor++ = 'n';
        break;
    case '\r':
        *cursor++ = 'r';
        break;
    case '\t':
        *cursor++ = 't';
        break;
    default:
        *cursor++ = 'u';
        *cursor++ = '0';
        *cursor++ = '0';
        *cursor++ = hexDigit(c >> 4);
        *cursor++ = hexDigit(c);
    }
    return cursor;
}

} // namespace

JsonLineBuilder &JsonLineBuilder::key(QLatin1StringView key)
{
    if (!m_first)
        m_out += ',';
    m_first = false;
    m_out += '"';
    m_out.append(key.data(), key.size());
    m_out += "\":";
    return *this;
}

JsonLineBuilder &JsonLineBuilder::string(QStringView text)
{
    appendString(m_out, text);
    return *this;
}

JsonLineBuilder &JsonLineBuilder::utf8String(QByteArrayView utf8)
{
    appendUtf8String(m_out, utf8);
    return *this;
}

JsonLineBuilder &JsonLineBuilder::raw(QByteArrayView json)
{
    m_out.append(json.data(), json.size());
    return *this;
}

JsonLineBuilder &JsonLineBuilder::null()
{
    m_out += "null";
    return *this;
}

JsonLineBuilder &JsonLineBuilder::boolean(bool value)
{
    m_out += value ? "true" : "false";
    return *this;
}

JsonLineBuilder &JsonLineBuilder::integer(qint64 value)
{
    m_out += QByteArray::number(value);
    return *this;
}

JsonLineBuilder &JsonLineBuilder::value(const QJsonValue &value)
{
    appendValue(m_out, value);
    return *this;
}

void JsonLineBuilder::appendString(QByteArray &out, QStringView text)
{
    // Worst case 6 bytes per UTF-16 unit (`\u00XX`); write through a cursor, then trim.
    const qsizetype start = out.size();
    out.resize(start + text.size() * 6 + 2);
    char *cursor = out.data() + start;
    *cursor++ = '"';
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    while (src != end) {
        const char16_t u = *src++;
        if (u < 0x80) {
            cursor = putAscii(cursor, u);
        } else if (u < 0x800) {
            *cursor++ = char(0xc0 | (u >> 6));
            *cursor++ = char(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            *cursor++ = char(0xe0 | (u >> 12));
            *cursor++ = char(0x80 | ((u >> 6) & 0x3f));
            *cursor++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t cp = QChar::surrogateToUcs4(u, *src++);
            *cursor++ = char(0xf0 | (cp >> 18));
            *cursor++ = char(0x80 | ((cp >> 12) & 0x3f));
            *cursor++ = char(0x80 | ((cp >> 6) & 0x3f));
            *cursor++ = char(0x80 | (cp & 0x3f));
        } else {
            // A lone surrogate has no UTF-8 form: QJsonDocument writes it as an escape, so do we.
            *cursor++ = '\\';
            *cursor++ = 'u';
            *cursor++ = hexDigit(u >> 12);
            *cursor++ = hexDigit(u >> 8);
            *cursor++ = hexDigit(u >> 4);
            *cursor++ = hexDigit(u);
        }
    }
    *cursor++ = '"';
    out.truncate(cursor - out.constData());
}

void JsonLineBuilder::appendUtf8String(QByteArray &out, QByteArrayView utf8)
{
    if (!utf8.isValidUtf8()) {
        // Rare: decode as everyone else does (replacement characters), then escape that.
        appendString(out, QString::fromUtf8(utf8));
        return;
    }
    // Valid UTF-8: multi-byte sequences are copied as they are, only ASCII needs escaping.
    const qsizetype start = out.size();
    out.resize(start + utf8.size() * 6 + 2);
    char *cursor = out.data() + start;
    *cursor++ = '"';
    for (const char byte : utf8) {
        const auto b = static_cast<unsigned char>(byte);
        if (b >= 0x80)
            *cursor++ = char(b);
        else
            cursor = putAscii(cursor, b);
    }
    *cursor++ = '"';
    out.truncate(cursor - out.constData());
}

void JsonLineBuilder::appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double: {
        // QJsonValue keeps integers apart from doubles (as QCbor does); write each as QJsonDocument does.
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger()) {
            out += QByteArray::number(number.toInteger());
        } else {
            const double d = number.toDouble();
            if (std::isfinite(d))
                out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
            else
                out += "null"; // as QJsonDocument: JSON has no infinities or NaN
        }
        return;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        return;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray array = value.toArray();
        bool first = true;
        for (const QJsonValue &element : array) {
            if (!first)
                out += ',';
            first = false;
            appendValue(out, element);
        }
        out += ']';
        return;
    }
    case QJsonValue::Object: {
        out += '{';
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!first)
                out += ',';
            first = false;
            appendString(out, it.key());
            out += ':';
            appendValue(out, it.value());
        }
        out += '}';
        return;
    }
    }
}

} // namespace Hubbub::Cli
