// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "sequencetracker.h"

namespace WebPubSub {

SequenceTracker::Outcome SequenceTracker::receive(quint64 sequenceId)
{
    m_ackDue = true;
    if (sequenceId <= m_largest)
        return Outcome::Duplicate;
    // Ids may jump (the service trims what was acked); the count of ids covered is what fills the
    // service's buffer, so the burst rule counts the gap, not the frames.
    const quint64 gap = sequenceId - m_largest;
    m_newSinceAck =
        gap > quint64(1) << 30 ? 1 << 30 : int(qMin<quint64>(quint64(m_newSinceAck) + gap, 1 << 30));
    m_largest = sequenceId;
    return Outcome::New;
}

void SequenceTracker::markAcked()
{
    m_lastAcked = m_largest;
    m_newSinceAck = 0;
    m_ackDue = false;
}

void SequenceTracker::reset()
{
    *this = SequenceTracker();
}

} // namespace WebPubSub
