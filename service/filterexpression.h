// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief A parsed OData `filter` (FilterParser makes them) and what it sees of a connection: it is
//! evaluated once per connection when a REST call sends to the connections it selects.
#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Hubbub {

//! What a filter can see of one connection.
struct FilterContext
{
    std::optional<QString> userId;
    QString connectionId;
    QStringList groups;
    QString protocol;
};

struct FilterNode;

//! A parsed filter; cheap to copy (the tree is shared and immutable).
class FilterExpression
{
public:
    bool matches(const FilterContext &context) const;

private:
    friend class FilterParser;
    std::shared_ptr<const FilterNode> m_root;
};

} // namespace Hubbub
