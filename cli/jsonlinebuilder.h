// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file jsonlinebuilder.h
//! \brief Builds one compact JSON object as UTF-8 text in a single pass, for hubbub-cli's output
//! lines: no intermediate QJsonObject/QJsonDocument round trip per event. Output only; input is
//! still parsed by QJsonDocument. Strings are escaped as QJsonDocument escapes them (RFC 8259:
//! quote, backslash and control characters escaped, other characters as UTF-8, a UTF-16 code unit
//! that is not part of a valid surrogate pair as a `\uXXXX` escape).
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QStringView>

namespace Hubbub::Cli {

class JsonLineBuilder
{
public:
    //! Appends to \a out (which may already hold earlier lines).
    explicit JsonLineBuilder(QByteArray &out)
        : m_out(out)
    {
        m_out += '{';
    }

    //! `"key":` – \a key must be plain ASCII needing no escapes (the CLI's own field names).
    JsonLineBuilder &key(QLatin1StringView key);
    JsonLineBuilder &string(QStringView text);
    //! A string given as UTF-8 bytes (e.g. a text payload as received); invalid UTF-8 is decoded
    //! as QString::fromUtf8 would (replacement characters) before escaping.
    JsonLineBuilder &utf8String(QByteArrayView utf8);
    //! Pre-escaped ASCII that must be written as is (`"…"` included), e.g. a constant name.
    JsonLineBuilder &raw(QByteArrayView json);
    JsonLineBuilder &null();
    JsonLineBuilder &boolean(bool value);
    JsonLineBuilder &integer(qint64 value);
    //! Any JSON value, objects and arrays included (an undefined value is written as null).
    JsonLineBuilder &value(const QJsonValue &value);
    //! Closes the object and ends the line with `\n`.
    void finishLine() { m_out += "}\n"; }

    //! Appends \a text to \a out as a quoted, escaped JSON string.
    static void appendString(QByteArray &out, QStringView text);
    static void appendUtf8String(QByteArray &out, QByteArrayView utf8);
    static void appendValue(QByteArray &out, const QJsonValue &value);

private:
    QByteArray &m_out;
    bool m_first = true;
};

} // namespace Hubbub::Cli
