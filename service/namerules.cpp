// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "namerules.h"

#include <QRegularExpression>

namespace Hubbub {

bool NameRules::isValidHub(const QString &hub)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}$"));
    return re.match(hub).hasMatch();
}

bool NameRules::isValidGroup(const QString &group)
{
    if (group.isEmpty() || group.size() > 1024)
        return false;
    return !group.trimmed().isEmpty();
}

} // namespace Hubbub
