// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "filterparser.h"

#include "filternode.h"

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

using NodePtr = std::shared_ptr<FilterNode>;

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

    //! A node: \a kind with the static \a type, named \a name, over \a children.
    static NodePtr makeNode(FilterNode::Kind kind, ValueType type, const QString &name = {},
                            std::vector<std::shared_ptr<const FilterNode>> children = {},
                            const QVariant &literal = {})
    {
        return std::make_shared<FilterNode>(FilterNode{kind, type, name, literal, std::move(children)});
    }
    //! A node of boolean type: \a kind over \a children.
    static NodePtr boolNode(FilterNode::Kind kind, std::vector<std::shared_ptr<const FilterNode>> children,
                            const QString &name = {})
    {
        return makeNode(kind, ValueType::Bool, name, std::move(children));
    }
    //! The operand right of an `in` or a `not`: a unary expression of \a type; else \a message.
    NodePtr parseOperand(ValueType type, const QString &message)
    {
        NodePtr operand = parseUnary();
        if (operand && operand->type != type)
            return fail(message);
        return operand;
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
            NodePtr right = parseOperand(
                ValueType::Collection,
                QStringLiteral("'in' needs a list or 'groups' on its right (position %1)").arg(t.position));
            if (!right)
                return nullptr;
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
            NodePtr operand = parseOperand(
                ValueType::Bool,
                QStringLiteral("'not' needs a boolean operand (position %1); use not (...)").arg(t.position));
            return operand ? boolNode(FilterNode::Kind::Not, {operand}) : nullptr;
        }
        return parsePrimary();
    }

    static NodePtr literal(ValueType type, const QVariant &value)
    {
        return makeNode(FilterNode::Kind::Literal, type, {}, {}, value);
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
                std::vector<std::shared_ptr<const FilterNode>> items{first};
                while (peek().kind == Token::Comma) {
                    next();
                    NodePtr item = parseOr();
                    if (!item)
                        return nullptr;
                    items.push_back(item);
                }
                for (const auto &item : items) {
                    if (item->kind != FilterNode::Kind::Literal)
                        return fail(
                            QStringLiteral("a list may only hold literals (position %1)").arg(t.position));
                }
                first = makeNode(FilterNode::Kind::List, ValueType::Collection, {}, std::move(items));
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
        if (lower == u"userid" || lower == u"connectionid" || lower == u"protocol")
            return makeNode(FilterNode::Kind::Field, ValueType::String, lower);
        if (lower == u"groups")
            return makeNode(FilterNode::Kind::Field, ValueType::Collection, lower);
        return fail(
            QStringLiteral("unknown identifier '%1' at position %2 (use userId, connectionId or groups)")
                .arg(t.text)
                .arg(t.position));
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
        return makeNode(FilterNode::Kind::Call, sig->result, name, std::move(args));
    }

    const QList<Token> &m_tokens;
    QString *m_error;
    qsizetype m_pos = 0;
    int m_depth = 0;
    int m_clauses = 0;
};

} // namespace

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
