// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The expression tree of a parsed filter (FilterNode), shared by FilterParser, which builds
//! and type-checks it, and FilterExpression, which evaluates it; private to the service.
#pragma once

#include <QString>
#include <QVariant>

#include <memory>
#include <vector>

namespace Hubbub {

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

} // namespace Hubbub
