// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// FilterExpression: evaluating a parsed filter (a FilterNode tree) against one connection.
#include "filterexpression.h"

#include "filternode.h"

#include <vector>

namespace Hubbub {

namespace {

struct Value
{
    ValueType type = ValueType::Null;
    bool b = false;
    qint64 n = 0;
    QString s;
    QStringList list;
};

Value evaluate(const FilterNode &node, const FilterContext &ctx);

bool equalValues(const Value &a, const Value &b)
{
    if (a.type == ValueType::Null || b.type == ValueType::Null)
        return a.type == b.type;
    if (a.type != b.type)
        return false;
    switch (a.type) {
    case ValueType::Bool:
        return a.b == b.b;
    case ValueType::Number:
        return a.n == b.n;
    case ValueType::String:
        return a.s == b.s;
    default:
        return false;
    }
}

Value boolValue(bool b)
{
    Value v;
    v.type = ValueType::Bool;
    v.b = b;
    return v;
}

Value evaluateCall(const FilterNode &node, const FilterContext &ctx)
{
    std::vector<Value> a;
    for (const auto &child : node.children)
        a.push_back(evaluate(*child, ctx));
    Value out;
    out.type = node.type;
    // A null argument makes string functions yield null (OData semantics): comparisons then fail.
    for (const Value &v : a) {
        if (v.type == ValueType::Null) {
            Value null;
            return node.type == ValueType::Bool ? boolValue(false) : null;
        }
    }
    const QString &f = node.name;
    if (f == u"tolower")
        out.s = a[0].s.toLower();
    else if (f == u"toupper")
        out.s = a[0].s.toUpper();
    else if (f == u"trim")
        out.s = a[0].s.trimmed();
    else if (f == u"substring") {
        const qint64 start = qBound<qint64>(0, a[1].n, a[0].s.size());
        out.s = a.size() > 2 ? a[0].s.mid(start, qMax<qint64>(0, a[2].n)) : a[0].s.mid(start);
    } else if (f == u"concat")
        out.s = a[0].s + a[1].s;
    else if (f == u"indexof")
        out.n = a[0].s.indexOf(a[1].s);
    else if (f == u"length")
        out.n = a[0].type == ValueType::Collection ? a[0].list.size() : a[0].s.size();
    else if (f == u"startswith")
        out.b = a[0].s.startsWith(a[1].s);
    else if (f == u"endswith")
        out.b = a[0].s.endsWith(a[1].s);
    else if (f == u"contains")
        out.b = a[0].s.contains(a[1].s);
    return out;
}

Value evaluate(const FilterNode &node, const FilterContext &ctx)
{
    switch (node.kind) {
    case FilterNode::Kind::Literal: {
        Value v;
        v.type = node.type;
        if (node.type == ValueType::Bool)
            v.b = node.literal.toBool();
        else if (node.type == ValueType::Number)
            v.n = node.literal.toLongLong();
        else if (node.type == ValueType::String)
            v.s = node.literal.toString();
        return v;
    }
    case FilterNode::Kind::Field: {
        Value v;
        if (node.name == u"userid") {
            if (ctx.userId) {
                v.type = ValueType::String;
                v.s = *ctx.userId;
            }
        } else if (node.name == u"connectionid") {
            v.type = ValueType::String;
            v.s = ctx.connectionId;
        } else if (node.name == u"protocol") {
            v.type = ValueType::String;
            v.s = ctx.protocol;
        } else {
            v.type = ValueType::Collection;
            v.list = ctx.groups;
        }
        return v;
    }
    case FilterNode::Kind::Not:
        return boolValue(!evaluate(*node.children[0], ctx).b);
    case FilterNode::Kind::And:
        return boolValue(evaluate(*node.children[0], ctx).b && evaluate(*node.children[1], ctx).b);
    case FilterNode::Kind::Or:
        return boolValue(evaluate(*node.children[0], ctx).b || evaluate(*node.children[1], ctx).b);
    case FilterNode::Kind::Compare: {
        const Value l = evaluate(*node.children[0], ctx);
        const Value r = evaluate(*node.children[1], ctx);
        if (node.name == u"eq")
            return boolValue(equalValues(l, r));
        if (node.name == u"ne")
            return boolValue(!equalValues(l, r));
        if (l.type != r.type || l.type == ValueType::Null)
            return boolValue(false);
        const int cmp =
            l.type == ValueType::Number ? (l.n < r.n ? -1 : (l.n > r.n ? 1 : 0)) : l.s.compare(r.s);
        if (node.name == u"gt")
            return boolValue(cmp > 0);
        if (node.name == u"ge")
            return boolValue(cmp >= 0);
        if (node.name == u"lt")
            return boolValue(cmp < 0);
        return boolValue(cmp <= 0);
    }
    case FilterNode::Kind::In: {
        const Value needle = evaluate(*node.children[0], ctx);
        const FilterNode &haystack = *node.children[1];
        if (haystack.kind == FilterNode::Kind::List) {
            for (const auto &item : haystack.children) {
                if (equalValues(needle, evaluate(*item, ctx)))
                    return boolValue(true);
            }
            return boolValue(false);
        }
        const Value collection = evaluate(haystack, ctx);
        return boolValue(needle.type == ValueType::String && collection.list.contains(needle.s));
    }
    case FilterNode::Kind::List:
        return {};
    case FilterNode::Kind::Call:
        return evaluateCall(node, ctx);
    }
    return {};
}

} // namespace

bool FilterExpression::matches(const FilterContext &context) const
{
    if (!m_root)
        return true;
    return evaluate(*m_root, context).b;
}

} // namespace Hubbub
