// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Leaves the app cleanly: the one path behind the Quit action, closing the last window and
//! SIGTERM/SIGINT/SIGHUP.
//!
//! Quitting used to be "the event loop ends, then destructors run": a goodbye queued on the way out
//! was never written to the socket, so the others saw the user linger until their heartbeat
//! expired. Here the steps are asynchronous and bounded: acknowledgements of messages already on
//! the wire are awaited briefly (what stays unacknowledged remains "sending" in the history and
//! goes out on the next start), the goodbye is sent, the client closes its socket with a close
//! handshake (so everything queued before it reached the service), the embedded service closes,
//! the history's WAL is written back, and only then does the event loop end with the exit code.
//! Each wait has a deadline; all of it fits well within 5 s, and an optional hard deadline ends
//! the process even if the event loop is stuck.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace Hubbub {

class AppController;

class QuitSequence : public QObject
{
    Q_OBJECT
public:
    explicit QuitSequence(AppController *app, QObject *parent = nullptr);
    ~QuitSequence() override;

    //! Starts leaving; later calls are ignored. Ends with QCoreApplication::exit(\a exitCode)
    //! (if \a exitApplication) and finished().
    void start(int exitCode = 0);
    bool isRunning() const { return m_running; }
    //! If the event loop has not ended \a deadline after start(), the process exits (std::_Exit)
    //! with the exit code anyway. Off by default (tests run the sequence in process).
    void setHardDeadline(std::chrono::milliseconds deadline) { m_hardDeadline = deadline; }
    //! Whether finishing calls QCoreApplication::exit(); default true.
    void setExitApplication(bool exit) { m_exitApplication = exit; }

Q_SIGNALS:
    //! Every step is done (or timed out).
    void finished(int exitCode);

private:
    enum class Step { Idle, Outbox, Closing, Done };
    void waitForOutbox();
    void closeClient();
    void finish();

    QPointer<AppController> m_app;
    Step m_step = Step::Idle;
    bool m_running = false;
    bool m_exitApplication = true;
    int m_exitCode = 0;
    std::chrono::milliseconds m_hardDeadline{0};
    QTimer m_poll;
    QTimer m_stepDeadline;
};

} // namespace Hubbub
