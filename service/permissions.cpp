// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "permissions.h"

#include <QList>

namespace Hubbub {

namespace {

enum class TokenKind { Literal, AnyOne, AnyInSegment, AnyAcross };
struct PatternToken
{
    TokenKind kind;
    QChar ch;
};

bool compile(const QString &pattern, QList<PatternToken> *out)
{
    int stars = 0;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'\\') {
            if (i + 1 >= pattern.size())
                return false;
            const QChar next = pattern.at(++i);
            if (next != u'\\' && next != u'*' && next != u'?')
                return false;
            out->append({TokenKind::Literal, next});
        } else if (c == u'*') {
            ++stars;
            if (i + 1 < pattern.size() && pattern.at(i + 1) == u'*') {
                ++stars;
                ++i;
                out->append({TokenKind::AnyAcross, {}});
            } else {
                out->append({TokenKind::AnyInSegment, {}});
            }
        } else if (c == u'?') {
            out->append({TokenKind::AnyOne, {}});
        } else {
            out->append({TokenKind::Literal, c});
        }
    }
    return stars <= 5;
}

// Patterns are short (at most five stars), so plain backtracking cannot blow up.
bool matchFrom(const QList<PatternToken> &tokens, qsizetype ti, const QString &name, qsizetype ni)
{
    while (ti < tokens.size()) {
        const PatternToken &t = tokens.at(ti);
        switch (t.kind) {
        case TokenKind::Literal:
            if (ni >= name.size() || name.at(ni) != t.ch)
                return false;
            ++ti;
            ++ni;
            break;
        case TokenKind::AnyOne:
            if (ni >= name.size() || name.at(ni) == u'.')
                return false;
            ++ti;
            ++ni;
            break;
        case TokenKind::AnyInSegment:
        case TokenKind::AnyAcross:
            for (qsizetype k = ni; k <= name.size(); ++k) {
                if (matchFrom(tokens, ti + 1, name, k))
                    return true;
                if (k < name.size() && t.kind == TokenKind::AnyInSegment && name.at(k) == u'.')
                    return false;
            }
            return false;
        }
    }
    return ni == name.size();
}

} // namespace

bool Permissions::wildcardMatch(const QString &pattern, const QString &name)
{
    QList<PatternToken> tokens;
    if (!compile(pattern, &tokens))
        return false;
    return matchFrom(tokens, 0, name, 0);
}

bool Permissions::allows(const QStringList &roles, Action action, const QString &group)
{
    const QString exact = action == Action::JoinLeaveGroup ? QStringLiteral("webpubsub.joinLeaveGroup")
                                                           : QStringLiteral("webpubsub.sendToGroup");
    const QString wildcard = action == Action::JoinLeaveGroup ? QStringLiteral("webpubsub.joinLeaveGroups.")
                                                              : QStringLiteral("webpubsub.sendToGroups.");
    const QString scoped = exact + u'.';
    for (const QString &role : roles) {
        if (role == exact)
            return true;
        if (role.startsWith(scoped) && QStringView(role).mid(scoped.size()) == group)
            return true;
        if (role.startsWith(wildcard) && wildcardMatch(role.mid(wildcard.size()), group))
            return true;
    }
    return false;
}

QString Permissions::roleFor(const QString &permission, const QString &target)
{
    QString base;
    if (permission.compare(u"joinLeaveGroup", Qt::CaseInsensitive) == 0)
        base = QStringLiteral("webpubsub.joinLeaveGroup");
    else if (permission.compare(u"sendToGroup", Qt::CaseInsensitive) == 0)
        base = QStringLiteral("webpubsub.sendToGroup");
    else
        return {};
    return target.isEmpty() ? base : base + u'.' + target;
}

} // namespace Hubbub
