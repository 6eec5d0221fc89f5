// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "replyref.h"

#include <QJsonValue>

namespace Hubbub {

namespace {
// Only this much of a hostile text is ever looked at: the snippet is one short line anyway.
constexpr qsizetype kScanLimit = 4096;

bool dropped(QChar c)
{
    // Control characters (including tabs and newlines, handled before) and format characters:
    // bidi overrides and zero-width marks could make a quote read as something else.
    const auto category = c.category();
    return category == QChar::Other_Control || category == QChar::Other_Format;
}

QString oneLine(QStringView text, qsizetype max)
{
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), max + 1));
    bool space = false;
    for (qsizetype i = 0; i < text.size() && i < kScanLimit; ++i) {
        const QChar c = text.at(i);
        if (c == u'\n' || c == u'\r' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator) {
            if (!out.isEmpty())
                break; // the first non-empty line only
            continue;
        }
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (dropped(c))
            continue;
        if (space) {
            out.append(u' ');
            space = false;
        }
        out.append(c);
        if (out.size() > max)
            break;
    }
    if (out.size() > max) {
        out.truncate(max - 1);
        // Never leave half a surrogate pair before the ellipsis.
        if (!out.isEmpty() && out.back().isHighSurrogate())
            out.chop(1);
        out.append(QChar(0x2026));
    }
    return out;
}
} // namespace

QJsonObject ReplyRef::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id}, {QStringLiteral("sender"), sender}, {QStringLiteral("text"), text}};
}

ReplyRef ReplyRef::fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return {};
    const QJsonObject o = value.toObject();
    const QJsonValue id = o.value(QStringLiteral("id"));
    if (!id.isString() || id.toString().isEmpty() || id.toString().size() > kMaxId)
        return {};
    return {id.toString(), cleanSender(o.value(QStringLiteral("sender")).toString()),
            cleanSnippet(o.value(QStringLiteral("text")).toString())};
}

QString ReplyRef::cleanSnippet(QStringView text)
{
    return oneLine(text, kMaxSnippet);
}

QString ReplyRef::cleanSender(QStringView sender)
{
    return oneLine(sender, kMaxSender);
}

} // namespace Hubbub
