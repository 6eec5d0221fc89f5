// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Writes a SQLite write-ahead log back into its database from a worker thread.
//!
//! With `journal_mode=WAL` and `synchronous=NORMAL` a commit does not wait for the disk, but the
//! checkpoint SQLite runs by itself once the log holds 1000 pages does: it syncs the log, copies it
//! into the database and syncs that, inside whichever commit crossed the threshold. On the GUI
//! thread that commit is a frozen window (fdatasync calls of 80–170 ms measured under load, see
//! docs/benchmarks.md). This class takes that job over: it replaces the writer connection's
//! automatic checkpoint (SQLite's wal hook, which it calls after every commit with the log's size)
//! with a request to a second connection to the same file on its own thread, which runs
//! `PRAGMA wal_checkpoint(PASSIVE)` there. PASSIVE never waits for the writer or readers: what it
//! cannot copy yet is copied after a later commit. The writer keeps one short sync per cycle (the
//! log's header, when it starts reusing the log), SQLite's own rule in this mode.
#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>

struct sqlite3;

namespace Hubbub {

class WalCheckpointer : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultThresholdFrames = 1000; //!< SQLite's own default

    //! Takes the checkpoints of the open SQLite connection \a writerConnectionName (a QSqlDatabase
    //! of the calling thread, in WAL mode) over; isRunning() says whether that worked (if not,
    //! SQLite's automatic checkpoints stay as they were).
    explicit WalCheckpointer(const QString &writerConnectionName,
                             int thresholdFrames = DefaultThresholdFrames, QObject *parent = nullptr);
    ~WalCheckpointer() override;

    bool isRunning() const { return m_running; }
    //! Asks for a checkpoint on the worker thread (asynchronously; requests made while one is
    //! pending are one). May be called from any thread; after stop() it does nothing.
    void checkpointSoon();
    //! Gives the writer its automatic checkpoints back, closes the worker's connection and ends
    //! its thread (waiting for a checkpoint in progress). Idempotent; call from the writer's thread.
    void stop();

Q_SIGNALS:
    //! A checkpoint ran on the worker thread: \a logFrames in the log, \a checkpointedFrames of
    //! them now in the database (equal: the log is fully written back), \a busy when SQLite could
    //! not finish because a writer or reader was in the way. Emitted from the worker thread.
    void checkpointed(int logFrames, int checkpointedFrames, bool busy);

private:
    static int onCommit(void *self, sqlite3 *db, const char *schema, int logFrames);
    void runCheckpoint();

    QThread m_thread;
    QObject *m_context = nullptr; //!< lives on m_thread
    QString m_connectionName;     //!< the worker's
    sqlite3 *m_writer = nullptr;  //!< the writer's handle, while the hook is ours
    int m_threshold;
    std::atomic<bool> m_pending{false};
    std::atomic<bool> m_running{false}; //!< read by checkpointSoon() on any thread
};

} // namespace Hubbub
