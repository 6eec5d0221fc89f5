// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "mentions.h"

#include "notificationpolicy.h"
#include "preferences.h"

#include <QColor>

#include <algorithm>

namespace Hubbub {

namespace {
// Characters a userId is made of: a mention is only whole when none of these touch its ends.
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c == u'_' || c == u'-';
}
// Joiners that continue a word only when a word character follows ("alice.bob", "a+b"); at the
// end of a sentence ("@alice.") they do not.
bool isJoiner(QChar c)
{
    return c == u'.' || c == u'@' || c == u'+';
}
} // namespace

Mentions::Mentions(Preferences *preferences, NotificationPolicy *notifications, QObject *parent)
    : QObject(parent)
    , m_preferences(preferences)
    , m_notifications(notifications)
    , m_notifyInMutedRooms(preferences->mentionsInMutedRooms())
{
    m_notifications->setMentionsInMutedRooms(m_notifyInMutedRooms);
}

void Mentions::setNotifyInMutedRooms(bool notify)
{
    if (m_notifyInMutedRooms == notify)
        return;
    m_notifyInMutedRooms = notify;
    m_preferences->setMentionsInMutedRooms(notify);
    m_notifications->setMentionsInMutedRooms(notify);
    Q_EMIT notifyInMutedRoomsChanged();
}

QList<Mentions::Span> Mentions::spans(QStringView text, QStringView userId)
{
    QList<Span> out;
    if (userId.isEmpty())
        return out;
    const qsizetype length = userId.size() + 1;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(u'@', from);
        if (at < 0 || at + length > text.size())
            break;
        from = at + 1;
        if (text.mid(at + 1, userId.size()).compare(userId, Qt::CaseInsensitive) != 0)
            continue;
        // Starts a word: "bob@alice.com" is an address, "x@alice" a word that continues.
        if (at > 0 && (isWordChar(text.at(at - 1)) || isJoiner(text.at(at - 1))))
            continue;
        // Ends the name: "@alicex" and "@alice.bob" are someone else.
        const qsizetype end = at + length;
        if (end < text.size()) {
            const QChar next = text.at(end);
            if (isWordChar(next))
                continue;
            if (isJoiner(next) && end + 1 < text.size() && isWordChar(text.at(end + 1)))
                continue;
        }
        out.append({at, length});
        from = end;
    }
    return out;
}

bool Mentions::mentions(QStringView text, QStringView userId)
{
    return !spans(text, userId).isEmpty();
}

QString Mentions::highlighted(const QString &text, const QString &userId, const QString &color)
{
    // Markup only ever comes from here: the text itself is escaped (toHtmlEscaped() writes <, >, &
    // and " as entities, which hold no white space), so a message saying "<b>" or "&lt;" shows
    // exactly that; then its white space is kept as typed.
    const auto escape = [](QStringView part) {
        const QString escaped = part.toString().toHtmlEscaped();
        QString out;
        out.reserve(escaped.size());
        bool lastSpace = true; // a space at a line's start would be dropped by the layout
        for (const QChar c : escaped) {
            if (c == u'\n') {
                out.append(QStringLiteral("<br>"));
                lastSpace = true;
            } else if (c == u' ' || c == u'\t') {
                // StyledText collapses runs of white space like HTML does; keep them as typed.
                out.append(lastSpace ? QStringLiteral("&nbsp;") : QStringLiteral(" "));
                lastSpace = true;
            } else {
                out.append(c);
                lastSpace = false;
            }
        }
        return out;
    };
    const QColor parsed = QColor::isValidColorName(color) ? QColor(color) : QColor();
    const QString open = parsed.isValid() ? QStringLiteral("<b><font color=\"%1\">").arg(parsed.name())
                                          : QStringLiteral("<b>");
    const QString close = parsed.isValid() ? QStringLiteral("</font></b>") : QStringLiteral("</b>");
    QString out;
    qsizetype pos = 0;
    const QStringView view(text);
    for (const Span &span : spans(text, userId)) {
        out += escape(view.mid(pos, span.start - pos));
        out += open + escape(view.mid(span.start, span.length)) + close;
        pos = span.start + span.length;
    }
    out += escape(view.mid(pos));
    return out;
}

QStringList Mentions::complete(const QStringList &userIds, const QString &prefix, const QString &exclude,
                               int max)
{
    QStringList out;
    for (const QString &id : userIds) {
        if (!id.isEmpty() && id != exclude && id.startsWith(prefix, Qt::CaseInsensitive) && !out.contains(id))
            out.append(id);
    }
    std::sort(out.begin(), out.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    if (out.size() > max)
        out.resize(max);
    return out;
}

} // namespace Hubbub
