// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file outputbuffer.h
//! \brief hubbub-cli's buffered standard output. Lines are appended to memory and written with one
//! write(2) when the event loop is about to wait (QAbstractEventDispatcher::aboutToBlock), before
//! the program exits, or when too much is pending. So a burst of events costs one system call, and
//! a reader never waits for a line about something that has already happened (spec/cli.md).
//!
//! A slow reader: with a blocking descriptor write(2) waits for it (backpressure); with a
//! non-blocking one (a parent may set O_NONBLOCK on a shared pipe) what is left waits for a write
//! notifier, and once more than the limit is pending, flushing waits in poll(2) for the reader
//! instead of growing the buffer further. Nothing is dropped, and nothing spins.
#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

namespace Hubbub::Cli {

class OutputBuffer : public QObject
{
    Q_OBJECT
public:
    //! Writes to \a fd (standard output by default), which it does not own.
    explicit OutputBuffer(int fd = 1, QObject *parent = nullptr);
    //! Flushes what is left (waiting for the reader if it must).
    ~OutputBuffer() override;

    //! Appends one or more complete lines; flushes at once (waiting for the reader if needed) when
    //! more than limit() bytes would otherwise be pending.
    void append(QByteArrayView lines);
    //! The buffer itself, for a caller that builds lines in place; call appended() afterwards.
    QByteArray &buffer() { return m_buffer; }
    void appended();

    //! Writes what the descriptor takes now without waiting; the rest waits for writability.
    void flush();
    //! Writes everything, waiting in poll(2) for a slow reader if it must (before exit).
    void flushBlocking();

    qsizetype pendingBytes() const { return m_buffer.size() - m_written; }
    static constexpr qsizetype limit() { return 4 * 1024 * 1024; }
    //! True once writing failed for good (reader gone): output is discarded from then on.
    bool failed() const { return m_failed; }

private:
    // Returns false when the descriptor would block with bytes still pending.
    bool writeSome();
    void compact();

    int m_fd;
    QByteArray m_buffer;
    qsizetype m_written = 0; // bytes at the front of m_buffer already written
    QSocketNotifier *m_notifier = nullptr;
    bool m_failed = false;
};

} // namespace Hubbub::Cli
