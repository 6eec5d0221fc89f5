// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Parses the OData `filter` of the REST API (protocol.md §6.4) into an expression tree
//! that is evaluated once per connection.
//!
//! A tokenizer plus a recursive-descent parser (precedence: `not`, comparisons/`in`, `and`, `or`)
//! and a static type check, so that a malformed or ill-typed filter is a clear 400 before any
//! message is sent, never a silent mismatch at delivery time.
#pragma once

#include "filterexpression.h"

#include <QSet>
#include <QString>

#include <optional>

namespace Hubbub {

class FilterParser
{
public:
    //! nullopt with a message naming the position of the problem in \a error.
    static std::optional<FilterExpression> parse(const QString &text, QString *error = nullptr);
};

} // namespace Hubbub
