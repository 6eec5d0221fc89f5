// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief A hubbub-cli peer for end-to-end tests: starts the real executable, writes JSON command
//! lines to it and keeps every JSON event it prints, so a test can wait for them.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <functional>

class CliProcess : public QObject
{
    Q_OBJECT
public:
    explicit CliProcess(QObject *parent = nullptr);
    ~CliProcess() override;

    //! Starts \a program with \a arguments; false if it did not start.
    bool start(const QString &program, const QStringList &arguments);
    //! Writes one command line.
    void send(const QJsonObject &command);
    //! Closes standard input and waits for the process to exit (at most \a ms).
    bool finish(int ms = 15000);

    const QList<QJsonObject> &events() const { return m_events; }
    //! Events whose "event" field is \a name.
    QList<QJsonObject> events(const QString &name) const;
    //! The first event matching \a match, or an empty object.
    QJsonObject find(const std::function<bool(const QJsonObject &)> &match) const;
    //! Standard error so far (for failure messages).
    QString errors() const { return m_stderr; }

private:
    void readStdout();

    QProcess m_process;
    QByteArray m_buffer;
    QList<QJsonObject> m_events;
    QString m_stderr;
};
