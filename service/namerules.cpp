// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "namerules.h"

#include <QRegularExpression>

namespace Hubbub {

bool NameRules::isValidHub(const QString &hub)
{
    // anchoredPattern: `$` would also match before a final "\n", letting "chat\n" through.
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}")));
    return re.match(hub).hasMatch();
}

bool NameRules::isValidGroup(const QString &group)
{
    if (group.isEmpty() || group.size() > 1024)
        return false;
    return !group.trimmed().isEmpty();
}

bool NameRules::isValidEventName(const QString &event)
{
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_]{1,128}")));
    return re.match(event).hasMatch();
}

} // namespace Hubbub
