// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Tracks the reliable subprotocol's sequence ids of one connection: which messages are
//! duplicates, and when a cumulative `sequenceAck` is due.
#pragma once

#include "webpubsub_export.h"

#include <QtGlobal>

namespace WebPubSub {

class WEBPUBSUB_EXPORT SequenceTracker
{
public:
    enum class Outcome { New, Duplicate };

    //! Records \a sequenceId. A duplicate (≤ the largest seen) still marks an ack as due, so that
    //! after a recovery replay the service hears the current maximum again and trims its buffer.
    Outcome receive(quint64 sequenceId);
    //! Whether a sequenceAck should be sent (something was received since the last one).
    bool ackDue() const { return m_ackDue; }
    //! New ids since the last sequenceAck (for the burst rule).
    int newSinceAck() const { return m_newSinceAck; }
    quint64 largest() const { return m_largest; }
    quint64 lastAcked() const { return m_lastAcked; }
    //! Call when a sequenceAck carrying largest() was written.
    void markAcked();
    //! A new connection starts counting from zero again.
    void reset();

private:
    quint64 m_largest = 0;
    quint64 m_lastAcked = 0;
    int m_newSinceAck = 0;
    bool m_ackDue = false;
};

} // namespace WebPubSub
