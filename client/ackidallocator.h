// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Hands out the client's ackIds: automatic ones from 1 upwards, never reused, skipping the
//! ids callers chose themselves (so the service never mistakes a new operation for a duplicate).
#pragma once

#include "webpubsub_export.h"

#include <QSet>
#include <QtGlobal>

namespace WebPubSub {

class WEBPUBSUB_EXPORT AckIdAllocator
{
public:
    //! The next automatic id.
    quint64 next();
    //! Records an id a caller chose, so next() never returns it.
    void reserve(quint64 ackId);
    //! Whether \a ackId was handed out or reserved already.
    bool isUsed(quint64 ackId) const { return (ackId != 0 && ackId <= m_last) || m_reserved.contains(ackId); }

private:
    quint64 m_last = 0;
    QSet<quint64> m_reserved; // caller-chosen ids above m_last
};

} // namespace WebPubSub
