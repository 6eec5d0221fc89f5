// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file linereader.h
//! \brief Reads lines from a file descriptor (standard input) inside the event loop, so that
//! commands and the client's socket are served by the same thread without blocking either.
#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

namespace Hubbub::Cli {

class LineReader : public QObject
{
    Q_OBJECT
public:
    explicit LineReader(int fd = 0, QObject *parent = nullptr);
    ~LineReader() override;

    //! Starts watching the descriptor (lines may arrive from the next event-loop turn on).
    void start();

Q_SIGNALS:
    //! One line, without its line break (a trailing `\r` is dropped too).
    void lineRead(const QByteArray &line);
    //! The input ended (EOF or a read error); a last unterminated line was delivered before.
    void finished();

private:
    void readAvailable();
    void finish();

    int m_fd;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    bool m_finished = false;
};

} // namespace Hubbub::Cli
