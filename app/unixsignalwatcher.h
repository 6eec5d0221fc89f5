// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Turns Unix signals (SIGTERM, SIGINT, SIGHUP, …) into a Qt signal on the event loop.
//!
//! A signal handler may do almost nothing, and certainly not touch Qt: it writes the signal
//! number into a socket pair (the self-pipe trick), and a QSocketNotifier reads it on the event
//! loop, where quitting can run as it does from the Quit action.
#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

namespace Hubbub {

class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    //! Installs handlers for \a signalNumbers (one watcher per process).
    explicit UnixSignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    //! Restores the default dispositions.
    ~UnixSignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void signalReceived(int signalNumber);

private:
    void readSignals();

    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Hubbub
