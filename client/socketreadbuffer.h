// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Keeps a QWebSocket's read buffer small and grows it only when a frame does not fit.
//!
//! QTcpSocket buffers what it reads in chunks sized to what the kernel has queued, up to the read
//! buffer's limit: with a limit of several MiB, a receiver that falls behind a fast sender gets
//! fresh multi-MiB chunks, and every 4 KiB page of fresh memory is a page fault (on some VMs
//! ~20 µs each, more than parsing a message). QWebSocket, however, hands a frame over only once
//! the whole frame is in that buffer, so the limit must stay above the largest frame. This starts
//! the limit small (chunks then come from, and go back to, memory the process already has) and
//! multiplies it, up to a maximum, whenever the buffer is full and QWebSocket still waits for the
//! rest of a frame. Limits are per connection: a new socket starts small again.
//!
//! It watches the QTcpSocket inside the QWebSocket (its child, found with findChild); if there is
//! none, or it is a QSslSocket, the limit is simply the maximum, as before. (A QSslSocket only
//! decrypts bytes it already holds when more arrive or the application reads, so a raised limit
//! might not resume reading.)
#pragma once

#include "webpubsub_export.h"

#include <QtGlobal>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace WebPubSub {

class WEBPUBSUB_EXPORT SocketReadBuffer
{
public:
    static constexpr qint64 InitialLimit = 64 * 1024;
    static constexpr qint64 Growth = 4;

    //! Call right after \a socket->open(): sets its read buffer limit to InitialLimit (or to
    //! \a maximum, see above) and grows it towards \a maximum as frames need.
    static void manage(QWebSocket *socket, qint64 maximum);
};

} // namespace WebPubSub
