// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "linereader.h"

#include "logging.h"

#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace Hubbub::Cli {

LineReader::LineReader(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
{}

LineReader::~LineReader() = default;

void LineReader::start()
{
    struct stat info
    {};
    if (::fstat(m_fd, &info) != 0) {
        // No standard input at all (closed by the caller): that is an input that has ended.
        QTimer::singleShot(0, this, &LineReader::finish);
        return;
    }
    if (S_ISREG(info.st_mode)) {
        // A regular file is always readable and some pollers refuse it: read it in chunks from the
        // event loop instead of waiting for readiness.
        QTimer::singleShot(0, this, &LineReader::readAvailable);
        return;
    }
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &LineReader::readAvailable);
}

void LineReader::readAvailable()
{
    if (m_finished)
        return;
    char chunk[65536];
    // One read per wake-up: the notifier said the descriptor is readable, so this does not block.
    const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n < 0)
        qCWarning(lcCli) << "reading standard input failed:" << std::strerror(errno);
    if (n <= 0) {
        finish();
        return;
    }
    m_buffer.append(chunk, n);
    qsizetype start = 0;
    for (qsizetype nl = m_buffer.indexOf('\n'); nl >= 0; nl = m_buffer.indexOf('\n', start)) {
        QByteArray line = m_buffer.mid(start, nl - start);
        if (line.endsWith('\r'))
            line.chop(1);
        start = nl + 1;
        Q_EMIT lineRead(line);
        if (m_finished)
            return;
    }
    m_buffer.remove(0, start);
    if (!m_notifier) // a regular file: keep reading until EOF
        QTimer::singleShot(0, this, &LineReader::readAvailable);
}

void LineReader::finish()
{
    if (m_finished)
        return;
    if (m_notifier)
        m_notifier->setEnabled(false);
    if (!m_buffer.isEmpty()) {
        QByteArray line = m_buffer;
        m_buffer.clear();
        if (line.endsWith('\r'))
            line.chop(1);
        Q_EMIT lineRead(line);
    }
    m_finished = true;
    Q_EMIT finished();
}

} // namespace Hubbub::Cli
