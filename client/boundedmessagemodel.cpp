// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "boundedmessagemodel.h"

#include <algorithm>

namespace WebPubSub {

BoundedMessageModel::BoundedMessageModel(QObject *parent)
    : ClientListModel(parent)
{}

void BoundedMessageModel::clear()
{
    if (keepsNone())
        return;
    beginResetModel();
    dropAll();
    endResetModel();
    Q_EMIT countChanged();
}

void BoundedMessageModel::setMaxMessages(int max)
{
    max = std::max(0, max);
    if (m_max == max)
        return;
    m_max = max;
    trim();
    Q_EMIT maxMessagesChanged();
}

} // namespace WebPubSub
