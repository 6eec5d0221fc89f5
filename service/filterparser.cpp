// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "filterparser.h"

#include <QList>
#include <QVariant>

#include <vector>

namespace Hubbub {

namespace {

struct Token
{
    enum Kind { End, Identifier, String, Number, LParen, RParen, Comma } kind = End;
    QString text;
    qint64 number = 0;
    qsizetype position = 0;
};

class Tokenizer
{
public:
    explicit Tokenizer(const QString &text)
        : m_text(text)
    {}

    bool run(QList<Token> *out, QString *error)
    {
        qsizetype i = 0;
        while (true) {
            while (i < m_text.size() && m_text.at(i).isSpace())
                ++i;
            Token t;
            t.position = i;
            if (i >= m_text.size()) {
                out->append(t);
                return true;
            }
            const QChar c = m_text.at(i);
            if (c == u'(') {
                t.kind = Token::LParen;
                ++i;
            } else if (c == u')') {
                t.kind = Token::RParen;
                ++i;
            } else if (c == u',') {
                t.kind = Token::Comma;
                ++i;
            } else if (c == u'\'') {
                t.kind = Token::String;
                ++i;
                bool closed = false;
                while (i < m_text.size()) {
                    if (m_text.at(i) == u'\'') {
                        if (i + 1 < m_text.size() && m_text.at(i + 1) == u'\'') {
                            t.text.append(u'\'');
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    t.text.append(m_text.at(i++));
                }
                if (!closed) {
                    *error = QStringLiteral("unterminated string starting at position %1").arg(t.position);
                    return false;
                }
            } else if (c.isDigit() || (c == u'-' && i + 1 < m_text.size() && m_text.at(i + 1).isDigit())) {
                t.kind = Token::Number;
                const qsizetype start = i++;
                while (i < m_text.size() && m_text.at(i).isDigit())
                    ++i;
                bool ok = false;
                t.number = QStringView(m_text).mid(start, i - start).toLongLong(&ok);
                if (!ok) {
                    *error = QStringLiteral("number out of range at position %1").arg(start);
                    return false;
                }
            } else if (c.isLetter() || c == u'_') {
                t.kind = Token::Identifier;
                const qsizetype start = i;
                while (i < m_text.size() && (m_text.at(i).isLetterOrNumber() || m_text.at(i) == u'_'))
                    ++i;
                t.text = m_text.mid(start, i - start);
            } else {
                *error = QStringLiteral("unexpected character '%1' at position %2").arg(c).arg(i);
                return false;
            }
            out->append(t);
        }
    }

private:
    const QString &m_text;
};

} // namespace

// The static types a node can have; Null is compatible with every scalar in eq/ne.
enum class ValueType { Bool, Number, String, Null, Collection };

struct FilterNode
{
    enum class Kind { Literal, Field, Not, And, Or, Compare, In, List, Call } kind;
    ValueType type = ValueType::Null;
    QString name;     // field, operator or function name
    QVariant literal; // Literal: bool, qint64, QString or null
    std::vector<std::shared_ptr<const FilterNode>> children;
};

namespace {

using NodePtr = std::shared_ptr<FilterNode>;

struct Value
{
    ValueType type = ValueType::Null;
    bool b = false;
    qint64 n = 0;
    QString s;
    QStringList list;
};

class Parser
{
public:
    Parser(const QList<Token> &tokens, QString *error)
        : m_tokens(tokens)
        , m_error(error)
    {}

    NodePtr parseAll()
    {
        NodePtr node = parseOr();
        if (node && peek().kind != Token::End)
            return fail(
                QStringLiteral("unexpected '%1' at position %2").arg(describe(peek())).arg(peek().position));
        return node;
    }

private:
    const Token &peek() const { return m_tokens.at(m_pos); }
    const Token &next() { return m_tokens.at(m_pos++); }
    bool isKeyword(const Token &t, QStringView word) const
    {
        return t.kind == Token::Identifier && t.text.compare(word, Qt::CaseInsensitive) == 0;
    }
    static QString describe(const Token &t)
    {
        switch (t.kind) {
        case Token::End:
            return QStringLiteral("end of filter");
        case Token::LParen:
            return QStringLiteral("(");
        case Token::RParen:
            return QStringLiteral(")");
        case Token::Comma:
            return QStringLiteral(",");
        case Token::Number:
            return QString::number(t.number);
        case Token::String:
            return u'\'' + t.text + u'\'';
        case Token::Identifier:
            return t.text;
        }
        return {};
    }
    NodePtr fail(const QString &message)
    {
        if (m_error->isEmpty())
            *m_error = message;
        return nullptr;
    }
    // Bounded recursion: every recursive construct (parentheses, lists, function arguments, `not`)
    // enters through parseOr() or the `not` branch, which both hold a Nesting; ten thousand nested
    // '(' or `tolower(` must be a parse error, not a stack overflow.
    static constexpr int MaxDepth = 64;
    class Nesting
    {
    public:
        explicit Nesting(int &depth)
            : m_depth(depth)
        {
            ++m_depth;
        }
        ~Nesting() { --m_depth; }
        Nesting(const Nesting &) = delete;
        Nesting &operator=(const Nesting &) = delete;

    private:
        int &m_depth;
    };
    bool tooDeep() const { return m_depth > MaxDepth; }
    NodePtr failTooDeep()
    {
        return fail(QStringLiteral("filter nested too deeply (more than %1 levels) at position %2")
                        .arg(MaxDepth)
                        .arg(peek().position));
    }

    NodePtr parseOr()
    {
        const Nesting nesting(m_depth);
        if (tooDeep())
            return failTooDeep();
        return parseChain(&Parser::parseAnd, FilterNode::Kind::Or, QStringLiteral("or"));
    }

    NodePtr parseAnd()
    {
        return parseChain(&Parser::parseComparison, FilterNode::Kind::And, QStringLiteral("and"));
    }

    //! `operand (keyword operand)*`, left-associative.
    NodePtr parseChain(NodePtr (Parser::*operand)(), FilterNode::Kind kind, const QString &keyword)
    {
        NodePtr left = (this->*operand)();
        while (left && isKeyword(peek(), keyword)) {
            next();
            NodePtr right = (this->*operand)();
            if (!right)
                return nullptr;
            left = binary(kind, keyword, left, right);
        }
        return left;
    }

    NodePtr binary(FilterNode::Kind kind, const QString &name, NodePtr left, NodePtr right)
    {
        if (left->type != ValueType::Bool || right->type != ValueType::Bool)
            return fail(QStringLiteral("'%1' needs boolean operands").arg(name));
        if (++m_clauses > 200)
            return fail(QStringLiteral("filter has too many clauses"));
        return boolNode(kind, {left, right}, name);
    }

    //! A node of boolean type: \a kind over \a children.
    static NodePtr boolNode(FilterNode::Kind kind, std::vector<std::shared_ptr<const FilterNode>> children,
                            const QString &name = {})
    {
        auto node = std::make_shared<FilterNode>();
        node->kind = kind;
        node->name = name;
        node->type = ValueType::Bool;
        node->children = std::move(children);
        return node;
    }

    NodePtr parseComparison()
    {
        NodePtr left = parseUnary();
        if (!left)
            return nullptr;
        static const QStringList ops = {QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("gt"),
                                        QStringLiteral("ge"), QStringLiteral("lt"), QStringLiteral("le")};
        const Token &t = peek();
        if (t.kind != Token::Identifier)
            return left;
        const QString op = t.text.toLower();
        if (op == u"in") {
            next();
            NodePtr right = parseUnary();
            if (!right)
                return nullptr;
            if (right->type != ValueType::Collection)
                return fail(QStringLiteral("'in' needs a list or 'groups' on its right (position %1)")
                                .arg(t.position));
            if (left->type == ValueType::Collection || left->type == ValueType::Bool)
                return fail(QStringLiteral("'in' needs a string or number on its left (position %1)")
                                .arg(t.position));
            ++m_clauses;
            return boolNode(FilterNode::Kind::In, {left, right});
        }
        if (!ops.contains(op))
            return left;
        next();
        NodePtr right = parseUnary();
        if (!right)
            return nullptr;
        const bool ordering = op != u"eq" && op != u"ne";
        const ValueType a = left->type;
        const ValueType b = right->type;
        if (a == ValueType::Collection || b == ValueType::Collection)
            return fail(QStringLiteral("cannot compare a collection with '%1' (position %2)")
                            .arg(op)
                            .arg(t.position));
        if (ordering &&
            (a == ValueType::Null || b == ValueType::Null || a == ValueType::Bool || b == ValueType::Bool))
            return fail(
                QStringLiteral("'%1' needs strings or numbers (position %2)").arg(op).arg(t.position));
        if (a != b && a != ValueType::Null && b != ValueType::Null)
            return fail(
                QStringLiteral("type mismatch in '%1' comparison (position %2)").arg(op).arg(t.position));
        ++m_clauses;
        return boolNode(FilterNode::Kind::Compare, {left, right}, op);
    }

    NodePtr parseUnary()
    {
        if (isKeyword(peek(), u"not")) {
            const Token t = next();
            const Nesting nesting(m_depth);
            if (tooDeep())
                return failTooDeep();
            NodePtr operand = parseUnary();
            if (!operand)
                return nullptr;
            if (operand->type != ValueType::Bool)
                return fail(QStringLiteral("'not' needs a boolean operand (position %1); use not (...)")
                                .arg(t.position));
            return boolNode(FilterNode::Kind::Not, {operand});
        }
        return parsePrimary();
    }

    NodePtr literal(ValueType type, const QVariant &value)
    {
        auto node = std::make_shared<FilterNode>();
        node->kind = FilterNode::Kind::Literal;
        node->type = type;
        node->literal = value;
        return node;
    }

    NodePtr parsePrimary()
    {
        const Token t = next();
        switch (t.kind) {
        case Token::String:
            return literal(ValueType::String, t.text);
        case Token::Number:
            return literal(ValueType::Number, t.number);
        case Token::LParen: {
            NodePtr first = parseOr();
            if (!first)
                return nullptr;
            if (peek().kind == Token::Comma) {
                auto list = std::make_shared<FilterNode>();
                list->kind = FilterNode::Kind::List;
                list->type = ValueType::Collection;
                list->children.push_back(first);
                while (peek().kind == Token::Comma) {
                    next();
                    NodePtr item = parseOr();
                    if (!item)
                        return nullptr;
                    list->children.push_back(item);
                }
                for (const auto &item : list->children) {
                    if (item->kind != FilterNode::Kind::Literal)
                        return fail(
                            QStringLiteral("a list may only hold literals (position %1)").arg(t.position));
                }
                first = list;
            }
            if (next().kind != Token::RParen)
                return fail(QStringLiteral("missing ')' for '(' at position %1").arg(t.position));
            return first;
        }
        case Token::Identifier:
            break;
        default:
            return fail(QStringLiteral("unexpected '%1' at position %2").arg(describe(t)).arg(t.position));
        }
        const QString lower = t.text.toLower();
        if (lower == u"true" || lower == u"false")
            return literal(ValueType::Bool, lower == u"true");
        if (lower == u"null")
            return literal(ValueType::Null, QVariant());
        if (peek().kind == Token::LParen)
            return parseCall(t, lower);
        auto node = std::make_shared<FilterNode>();
        node->kind = FilterNode::Kind::Field;
        if (lower == u"userid" || lower == u"connectionid" || lower == u"protocol") {
            node->type = ValueType::String;
        } else if (lower == u"groups") {
            node->type = ValueType::Collection;
        } else {
            return fail(
                QStringLiteral("unknown identifier '%1' at position %2 (use userId, connectionId or groups)")
                    .arg(t.text)
                    .arg(t.position));
        }
        node->name = lower;
        return node;
    }

    NodePtr parseCall(const Token &nameToken, const QString &name)
    {
        next(); // (
        std::vector<std::shared_ptr<const FilterNode>> args;
        if (peek().kind != Token::RParen) {
            while (true) {
                NodePtr arg = parseOr();
                if (!arg)
                    return nullptr;
                args.push_back(arg);
                if (peek().kind == Token::Comma) {
                    next();
                    continue;
                }
                break;
            }
        }
        if (next().kind != Token::RParen)
            return fail(QStringLiteral("missing ')' after the arguments of %1 (position %2)")
                            .arg(nameToken.text)
                            .arg(nameToken.position));
        struct Signature
        {
            const char16_t *name;
            int minArgs;
            int maxArgs;
            ValueType result;
        };
        static const Signature signatures[] = {
            {u"tolower", 1, 1, ValueType::String}, {u"toupper", 1, 1, ValueType::String},
            {u"trim", 1, 1, ValueType::String},    {u"substring", 2, 3, ValueType::String},
            {u"concat", 2, 2, ValueType::String},  {u"indexof", 2, 2, ValueType::Number},
            {u"length", 1, 1, ValueType::Number},  {u"startswith", 2, 2, ValueType::Bool},
            {u"endswith", 2, 2, ValueType::Bool},  {u"contains", 2, 2, ValueType::Bool},
        };
        const Signature *sig = nullptr;
        for (const Signature &s : signatures) {
            if (name == QStringView(s.name))
                sig = &s;
        }
        if (!sig)
            return fail(QStringLiteral("unknown function '%1' at position %2")
                            .arg(nameToken.text)
                            .arg(nameToken.position));
        const int argc = int(args.size());
        if (argc < sig->minArgs || argc > sig->maxArgs)
            return fail(QStringLiteral("wrong number of arguments for %1 (position %2)")
                            .arg(name)
                            .arg(nameToken.position));
        for (int i = 0; i < argc; ++i) {
            const ValueType t = args[i]->type;
            bool ok = t == ValueType::String || t == ValueType::Null;
            if (name == u"substring" && i > 0)
                ok = t == ValueType::Number;
            if (name == u"length" && t == ValueType::Collection)
                ok = true;
            if (!ok)
                return fail(QStringLiteral("argument %1 of %2 has the wrong type (position %3)")
                                .arg(i + 1)
                                .arg(name)
                                .arg(nameToken.position));
        }
        auto node = std::make_shared<FilterNode>();
        node->kind = FilterNode::Kind::Call;
        node->name = name;
        node->type = sig->result;
        node->children = std::move(args);
        return node;
    }

    const QList<Token> &m_tokens;
    QString *m_error;
    qsizetype m_pos = 0;
    int m_depth = 0;
    int m_clauses = 0;
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

std::optional<FilterExpression> FilterParser::parse(const QString &text, QString *error)
{
    QString message;
    QList<Token> tokens;
    Tokenizer tokenizer(text);
    NodePtr root;
    if (tokenizer.run(&tokens, &message)) {
        if (tokens.size() == 1) {
            message = QStringLiteral("empty filter");
        } else {
            Parser parser(tokens, &message);
            root = parser.parseAll();
            if (root && root->type != ValueType::Bool) {
                message = QStringLiteral("the filter is not a boolean expression");
                root.reset();
            }
        }
    }
    if (!root) {
        if (error)
            *error = QStringLiteral("Invalid filter: %1")
                         .arg(message.isEmpty() ? QStringLiteral("syntax error") : message);
        return std::nullopt;
    }
    FilterExpression expression;
    expression.m_root = root;
    return expression;
}

} // namespace Hubbub
