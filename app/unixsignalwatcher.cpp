// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "unixsignalwatcher.h"

#include "logging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Hubbub {

namespace {
int g_fds[2] = {-1, -1}; // [0] written by the handler, [1] read on the event loop

void onSignal(int signalNumber)
{
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    // write() is async-signal-safe; a full pipe just drops the byte (a quit is already pending).
    [[maybe_unused]] const ssize_t written = ::write(g_fds[0], &byte, 1);
    errno = savedErrno;
}
} // namespace

UnixSignalWatcher::UnixSignalWatcher(const QList<int> &signalNumbers, QObject *parent)
    : QObject(parent)
    , m_signals(signalNumbers)
{
    if (g_fds[0] >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_fds) != 0) {
        qCWarning(lcApp) << "signal watcher unavailable";
        m_signals.clear();
        return;
    }
    m_notifier = new QSocketNotifier(g_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalWatcher::readSignals);
    for (int signalNumber : std::as_const(m_signals)) {
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        if (::sigaction(signalNumber, &action, nullptr) != 0)
            qCWarning(lcApp) << "cannot handle signal" << signalNumber;
    }
}

UnixSignalWatcher::~UnixSignalWatcher()
{
    for (int signalNumber : std::as_const(m_signals))
        std::signal(signalNumber, SIG_DFL);
    if (m_notifier) {
        delete m_notifier;
        ::close(g_fds[0]);
        ::close(g_fds[1]);
        g_fds[0] = g_fds[1] = -1;
    }
}

void UnixSignalWatcher::readSignals()
{
    unsigned char bytes[16];
    ssize_t n = 0;
    QList<int> received;
    while ((n = ::read(g_fds[1], bytes, sizeof bytes)) > 0) {
        for (ssize_t i = 0; i < n; ++i)
            received.append(bytes[i]);
    }
    for (int signalNumber : std::as_const(received))
        Q_EMIT signalReceived(signalNumber);
}

} // namespace Hubbub
