// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "ackidallocator.h"

namespace WebPubSub {

quint64 AckIdAllocator::next()
{
    do {
        ++m_last;
    } while (m_reserved.remove(m_last));
    return m_last;
}

void AckIdAllocator::reserve(quint64 ackId)
{
    // Ids at or below the counter are never handed out again anyway; only later ones need remembering.
    if (ackId > m_last)
        m_reserved.insert(ackId);
}

} // namespace WebPubSub
