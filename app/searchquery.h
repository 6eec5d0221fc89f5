// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What the user typed into the search field, turned into a safe FTS5 query, plus where a
//! result's text matches it (for the highlighted snippet).
//!
//! User input is never FTS5 syntax: every whitespace-separated term becomes a quoted phrase (its
//! double quotes doubled), so `AND`, `NEAR(`, `*`, `-`, `"` and column filters are searched as the
//! literal words they contain; the terms must all occur (implicit AND) and the last one matches as
//! a prefix ("hel" finds "hello"). A term with no letter or digit at all (an emoji, "-", "?!")
//! produces no token for the unicode61 tokenizer, so it is matched as a literal substring
//! (LIKE, with its wildcards escaped) on the rows FTS5 found, or on the whole history when the
//! query has no word at all.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Hubbub {

class SearchQuery
{
public:
    //! A match in a text: [start, start + length) in UTF-16 code units.
    struct Range
    {
        int start = 0;
        int length = 0;
        friend bool operator==(const Range &a, const Range &b)
        {
            return a.start == b.start && a.length == b.length;
        }
    };

    explicit SearchQuery(const QString &input);

    //! Nothing to search for (empty or whitespace only).
    bool isEmpty() const { return m_phrases.isEmpty() && m_literals.isEmpty(); }
    //! The FTS5 MATCH expression ("" when the query has no word to give FTS5).
    QString ftsExpression() const;
    //! LIKE patterns (escape character '\'), one per term without a word character, each of which
    //! the text must contain.
    QStringList likePatterns() const;

    //! Where \a text matches: whole words equal to a query word (case and diacritics folded as the
    //! tokenizer does, the last word as a prefix) and the literal terms; sorted, not overlapping.
    QList<Range> matches(const QString &text) const;

    //! A one-line excerpt of \a text around its first match, at most about \a width characters
    //! ("…" marks cut ends; newlines become spaces), with \a ranges moved into it.
    static QString snippet(const QString &text, QList<Range> *ranges, int width = 140);
    //! \a text HTML-escaped, the \a ranges wrapped in <b>…</b>: for a StyledText label, so that
    //! markup in a message is shown literally and only the highlight is markup.
    static QString highlightedHtml(const QString &text, const QList<Range> &ranges);
    //! \a s case-folded with its diacritics removed (NFD without combining marks), as the index's
    //! `unicode61 remove_diacritics 2` tokenizer compares words.
    static QString fold(QStringView s);

private:
    QStringList m_phrases;  // terms with a word character, as typed
    QStringList m_literals; // terms without one
    QStringList m_words;    // folded words of m_phrases, for matches()
    bool m_lastIsPrefix = false;
};

} // namespace Hubbub
