// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "searchquery.h"

#include <QRegularExpression>

#include <algorithm>

namespace Hubbub {

namespace {
// A query is what someone types into a field: more than this is not a search, and every term costs
// a phrase (and maybe a LIKE) in the statement.
constexpr int kMaxInput = 500;
constexpr int kMaxTerms = 16;

// The code point at \a i and how many UTF-16 units it takes.
char32_t codePointAt(QStringView s, qsizetype i, int *units)
{
    const QChar c = s.at(i);
    if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(c, s.at(i + 1));
    }
    *units = 1;
    return c.unicode();
}

// What unicode61 counts as part of a token: letters, digits (and private-use characters).
bool isWordChar(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Other_PrivateUse;
}

// Calls \a f(start, length) for each maximal run of word characters in \a s.
template<typename F> void forEachWord(QStringView s, F f)
{
    qsizetype start = -1;
    for (qsizetype i = 0; i < s.size();) {
        int units = 1;
        const char32_t c = codePointAt(s, i, &units);
        // Combining marks belong to the word they follow (as remove_diacritics treats "é" spelt
        // e + U+0301).
        const bool word = isWordChar(c) || (start >= 0 && QChar::isMark(c));
        if (word && start < 0)
            start = i;
        else if (!word && start >= 0) {
            f(start, i - start);
            start = -1;
        }
        i += units;
    }
    if (start >= 0)
        f(start, s.size() - start);
}

bool hasWordChar(QStringView s)
{
    bool found = false;
    forEachWord(s, [&](qsizetype, qsizetype) { found = true; });
    return found;
}

QString likeEscaped(QString s)
{
    s.replace(u'\\', QStringLiteral("\\\\"));
    s.replace(u'%', QStringLiteral("\\%"));
    s.replace(u'_', QStringLiteral("\\_"));
    return s;
}

void addRange(QList<SearchQuery::Range> *ranges, qsizetype start, qsizetype length)
{
    ranges->append({int(start), int(length)});
}
} // namespace

SearchQuery::SearchQuery(const QString &input)
{
    static const QRegularExpression kSpace(QStringLiteral("\\s+"));
    const QStringList terms = input.left(kMaxInput).split(kSpace, Qt::SkipEmptyParts).mid(0, kMaxTerms);
    for (const QString &term : terms) {
        if (!hasWordChar(term)) {
            m_literals.append(term);
            continue;
        }
        m_phrases.append(term);
        forEachWord(term, [&](qsizetype start, qsizetype length) {
            m_words.append(fold(QStringView(term).mid(start, length)));
        });
    }
    m_lastIsPrefix = !m_phrases.isEmpty();
}

QString SearchQuery::ftsExpression() const
{
    QStringList phrases;
    for (const QString &term : m_phrases) {
        QString quoted = term;
        quoted.replace(u'"', QStringLiteral("\"\""));
        phrases.append(u'"' + quoted + u'"');
    }
    if (m_lastIsPrefix)
        phrases.last() += u'*';
    return phrases.join(u' ');
}

QStringList SearchQuery::likePatterns() const
{
    QStringList patterns;
    for (const QString &literal : m_literals)
        patterns.append(u'%' + likeEscaped(literal) + u'%');
    return patterns;
}

QString SearchQuery::fold(QStringView s)
{
    const QString decomposed = s.toString().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (qsizetype i = 0; i < decomposed.size();) {
        int units = 1;
        const char32_t c = codePointAt(decomposed, i, &units);
        if (!QChar::isMark(c))
            out.append(QStringView(decomposed).mid(i, units));
        i += units;
    }
    return out.toCaseFolded();
}

QList<SearchQuery::Range> SearchQuery::matches(const QString &text) const
{
    QList<Range> ranges;
    if (!m_words.isEmpty()) {
        const QString prefix = m_lastIsPrefix ? m_words.last() : QString();
        forEachWord(text, [&](qsizetype start, qsizetype length) {
            const QString word = fold(QStringView(text).mid(start, length));
            if (m_words.contains(word) || (!prefix.isEmpty() && word.startsWith(prefix)))
                addRange(&ranges, start, length);
        });
    }
    for (const QString &literal : m_literals) {
        for (qsizetype at = text.indexOf(literal, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(literal, at + literal.size(), Qt::CaseInsensitive))
            addRange(&ranges, at, literal.size());
    }
    std::sort(ranges.begin(), ranges.end(), [](const Range &a, const Range &b) { return a.start < b.start; });
    // Overlaps (a literal inside a word) merge into one range.
    QList<Range> merged;
    for (const Range &r : std::as_const(ranges)) {
        if (!merged.isEmpty() && r.start <= merged.last().start + merged.last().length) {
            Range &last = merged.last();
            last.length = qMax(last.start + last.length, r.start + r.length) - last.start;
        } else {
            merged.append(r);
        }
    }
    return merged;
}

QString SearchQuery::snippet(const QString &text, QList<Range> *ranges, int width)
{
    // Some context before the first match, so it reads as a sentence.
    constexpr int kLead = 40;
    qsizetype start = 0;
    qsizetype end = text.size();
    if (text.size() > width) {
        const qsizetype first = ranges && !ranges->isEmpty() ? ranges->first().start : 0;
        start = qMax<qsizetype>(0, qMin<qsizetype>(first - kLead, text.size() - width));
        end = qMin<qsizetype>(text.size(), start + width);
        // Never cut a surrogate pair in half.
        if (start > 0 && text.at(start).isLowSurrogate())
            ++start;
        if (end < text.size() && text.at(end).isLowSurrogate())
            --end;
    }
    const QString head = start > 0 ? QStringLiteral("…") : QString();
    QString out = head + text.mid(start, end - start) + (end < text.size() ? QStringLiteral("…") : QString());
    for (QChar &c : out) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    if (ranges) {
        QList<Range> moved;
        for (const Range &r : std::as_const(*ranges)) {
            const qsizetype s = qMax<qsizetype>(r.start, start);
            const qsizetype e = qMin<qsizetype>(r.start + r.length, end);
            if (e > s)
                moved.append({int(s - start + head.size()), int(e - s)});
        }
        *ranges = moved;
    }
    return out;
}

QString SearchQuery::highlightedHtml(const QString &text, const QList<Range> &ranges)
{
    QString html;
    qsizetype at = 0;
    for (const Range &r : ranges) {
        if (r.start < at || r.start + r.length > text.size())
            continue;
        html += text.mid(at, r.start - at).toHtmlEscaped();
        html += QStringLiteral("<b>") + text.mid(r.start, r.length).toHtmlEscaped() + QStringLiteral("</b>");
        at = r.start + r.length;
    }
    html += text.mid(at).toHtmlEscaped();
    return html;
}

} // namespace Hubbub
