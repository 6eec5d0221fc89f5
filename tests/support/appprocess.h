// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The real `hubbub` executable for a test: started offscreen on a connection string as one
//! user and profile (in whatever HOME the test set, see IsolatedHome), stopped when the test is done.
#pragma once

#include <QProcess>
#include <QString>

class AppProcess
{
public:
    AppProcess() = default;
    ~AppProcess();
    AppProcess(const AppProcess &) = delete;
    AppProcess &operator=(const AppProcess &) = delete;

    //! Starts \a program offscreen on \a connectionString (hub "hubbub") as \a user with \a profile;
    //! false if it did not start within 10 s.
    bool start(const QString &program, const QString &connectionString, const QString &user,
               const QString &profile);
    //! Asks it to quit (SIGTERM) and kills it if it has not within 10 s.
    void stop();
    //! Kills it at once (a test that failed half way).
    void kill();

    QProcess &process() { return m_process; }

private:
    QProcess m_process;
};
