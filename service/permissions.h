// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Decides what a connection's roles allow (protocol.md §2.9), including wildcard group roles.
#pragma once

#include <QString>
#include <QStringList>

namespace Hubbub {

class Permissions
{
public:
    enum class Action { JoinLeaveGroup, SendToGroup };

    //! Whether \a roles allow \a action on \a group.
    static bool allows(const QStringList &roles, Action action, const QString &group);
    //! The role a REST grant of \a permission (`joinLeaveGroup`/`sendToGroup`) adds; empty \a target
    //! = every group. Empty string for an unknown permission name.
    static QString roleFor(const QString &permission, const QString &target);
    //! Wildcard match of §2.9: `?` one char but `.`, `*` any run without `.`, `**` any run, `\` escapes.
    //! Case-sensitive. An invalid pattern (more than five `*`, dangling `\`) matches nothing.
    static bool wildcardMatch(const QString &pattern, const QString &name);
};

} // namespace Hubbub
