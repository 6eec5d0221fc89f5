// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file serviceprocess.h
//! \brief The real hubbub-service executable for a test or a benchmark: started on a free port,
//! its ready line read for the connection string, and tokens minted for its hub (optionally
//! pointed at a proxy).
#pragma once

#include "connectionstring.h"

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <optional>

class ServiceProcess
{
public:
    struct Options
    {
        QString accessKey = QStringLiteral("hubbub-test-access-key-0123456789abcdefghijk");
        QString logLevel = QStringLiteral("warning");
        //! `--port`: 0, a free one; a given one to come back where a stopped service was.
        quint16 port = 0;
        //! Further arguments, such as `--listen ADDRESS`.
        QStringList extraArguments;
    };

    ServiceProcess() = default;
    ~ServiceProcess();
    ServiceProcess(const ServiceProcess &) = delete;
    ServiceProcess &operator=(const ServiceProcess &) = delete;

    //! $HUBBUB_SERVICE when set (a test run against another build), else \a fallbackPath.
    static QString programFromEnvironment(const QString &fallbackPath);

    //! Starts programFromEnvironment(\a fallbackPath) with `--port 0`; false (and \a error) on failure.
    bool start(const QString &fallbackPath, QString *error);
    //! Starts \a program with \a options; false (and \a error) on failure. Again after stop() or
    //! kill(): a new process and a new ready line.
    bool start(const QString &program, const Options &options, QString *error);
    //! SIGTERM (the service's orderly shutdown), SIGKILL after 10 s.
    void stop();
    //! SIGKILL at once: the service and its connections vanish without a close frame.
    void kill();
    quint16 port() const;
    //! The connection string of its ready line (empty before).
    QString connectionString() const;
    //! The ready line itself (empty before).
    QJsonObject ready() const { return m_ready; }
    //! The ready line's "endpoint" (http(s)://host:port).
    QUrl endpoint() const;
    qint64 processId() const { return m_process.processId(); }
    //! A client access URL for \a userId with \a roles; with \a viaPort, pointed at that port
    //! instead (the service accepts the audience of its own endpoint whatever host was addressed).
    QUrl clientUrl(const QString &hub, const QString &userId, const QStringList &roles,
                   quint16 viaPort = 0) const;

private:
    QProcess m_process;
    QString m_connectionStringText;
    QJsonObject m_ready;
    std::optional<WebPubSub::ConnectionString> m_connectionString;
};
