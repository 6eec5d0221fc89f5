// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "permissions.h"

#include <protocolnames.h>

#include <QList>

#include <algorithm>
#include <vector>

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

// Simulates the pattern as an NFA whose states are token positions, one pass over the name:
// O(|name| x |tokens|) time and O(|tokens|) memory whatever the pattern, with no backtracking
// (a backtracking matcher is exponential in the number of stars: `*a*a*a*a*b` against a long
// group name took seconds).
bool matchTokens(const QList<PatternToken> &tokens, const QString &name)
{
    const qsizetype n = tokens.size();
    // active[i]: the name read so far can be matched by tokens[0, i).
    std::vector<char> active(size_t(n) + 1, 0);
    std::vector<char> next(size_t(n) + 1, 0);
    // A star may match nothing: being at a star's position also puts us right after it.
    auto close = [&](std::vector<char> &states) {
        for (qsizetype i = 0; i < n; ++i) {
            if (states[size_t(i)] && tokens.at(i).kind != TokenKind::Literal &&
                tokens.at(i).kind != TokenKind::AnyOne)
                states[size_t(i) + 1] = 1;
        }
    };
    active[0] = 1;
    close(active);
    for (const QChar ch : name) {
        std::fill(next.begin(), next.end(), 0);
        bool any = false;
        for (qsizetype i = 0; i < n; ++i) {
            if (!active[size_t(i)])
                continue;
            const PatternToken &t = tokens.at(i);
            switch (t.kind) {
            case TokenKind::Literal:
                if (ch == t.ch) {
                    next[size_t(i) + 1] = 1;
                    any = true;
                }
                break;
            case TokenKind::AnyOne:
                if (ch != u'.') {
                    next[size_t(i) + 1] = 1;
                    any = true;
                }
                break;
            case TokenKind::AnyInSegment:
                if (ch != u'.') {
                    next[size_t(i)] = 1; // the star takes the character and stays
                    any = true;
                }
                break;
            case TokenKind::AnyAcross:
                next[size_t(i)] = 1;
                any = true;
                break;
            }
        }
        if (!any)
            return false;
        close(next);
        active.swap(next);
    }
    return active[size_t(n)] != 0;
}

} // namespace

bool Permissions::wildcardMatch(const QString &pattern, const QString &name)
{
    QList<PatternToken> tokens;
    if (!compile(pattern, &tokens))
        return false;
    return matchTokens(tokens, name);
}

bool Permissions::allows(const QStringList &roles, Action action, const QString &group)
{
    using namespace WebPubSub;
    const QString exact =
        action == Action::JoinLeaveGroup ? ProtocolNames::JoinLeaveGroupRole : ProtocolNames::SendToGroupRole;
    const QString wildcard = action == Action::JoinLeaveGroup ? ProtocolNames::JoinLeaveGroupsWildcardPrefix
                                                              : ProtocolNames::SendToGroupsWildcardPrefix;
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
        base = WebPubSub::ProtocolNames::JoinLeaveGroupRole;
    else if (permission.compare(u"sendToGroup", Qt::CaseInsensitive) == 0)
        base = WebPubSub::ProtocolNames::SendToGroupRole;
    else
        return {};
    return target.isEmpty() ? base : base + u'.' + target;
}

} // namespace Hubbub
