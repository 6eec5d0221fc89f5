// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "outputbuffer.h"

#include "logging.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <unistd.h>

namespace Hubbub::Cli {

OutputBuffer::OutputBuffer(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
{
    // The hook of the contract: "flushed whenever the program goes back to waiting".
    if (QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(thread()))
        connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &OutputBuffer::flush);
    else
        qCWarning(lcCli) << "no event dispatcher yet: output is flushed per line";
}

OutputBuffer::~OutputBuffer()
{
    flushBlocking();
}

void OutputBuffer::append(QByteArrayView lines)
{
    m_buffer.append(lines.data(), lines.size());
    appended();
}

void OutputBuffer::appended()
{
    if (m_failed) {
        m_buffer.clear();
        m_written = 0;
        return;
    }
    if (!QAbstractEventDispatcher::instance(thread()) || pendingBytes() > limit())
        flushBlocking();
}

void OutputBuffer::flush()
{
    if (pendingBytes() == 0 || m_failed)
        return;
    if (m_notifier && m_notifier->isEnabled())
        return; // already waiting for writability; the notifier carries on
    if (!writeSome()) {
        if (!m_notifier) {
            m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
            connect(m_notifier, &QSocketNotifier::activated, this, [this] {
                m_notifier->setEnabled(false);
                flush();
            });
        }
        m_notifier->setEnabled(true);
    }
}

void OutputBuffer::flushBlocking()
{
    while (pendingBytes() > 0 && !m_failed) {
        if (writeSome())
            break;
        pollfd descriptor{m_fd, POLLOUT, 0};
        if (::poll(&descriptor, 1, -1) < 0 && errno != EINTR) {
            qCWarning(lcCli) << "waiting for standard output failed:" << std::strerror(errno);
            m_failed = true;
        }
    }
    if (m_notifier)
        m_notifier->setEnabled(false);
    compact();
}

bool OutputBuffer::writeSome()
{
    while (pendingBytes() > 0) {
        const ssize_t n = ::write(m_fd, m_buffer.constData() + m_written, size_t(pendingBytes()));
        if (n > 0) {
            m_written += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            compact();
            return false;
        }
        // EPIPE and the like: the reader is gone; keeping the output would only grow memory.
        qCWarning(lcCli) << "writing standard output failed:" << std::strerror(errno);
        m_failed = true;
        break;
    }
    // Keep an ordinary allocation for the next burst; give back one grown by an exceptional one.
    if (m_buffer.capacity() > 1024 * 1024)
        m_buffer.clear();
    else
        m_buffer.resize(0);
    m_written = 0;
    return true;
}

void OutputBuffer::compact()
{
    if (m_written == 0)
        return;
    if (m_written >= m_buffer.size()) {
        m_buffer.clear();
    } else {
        m_buffer.remove(0, m_written);
    }
    m_written = 0;
}

} // namespace Hubbub::Cli
