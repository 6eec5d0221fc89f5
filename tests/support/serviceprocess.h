// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file serviceprocess.h
//! \brief The real hubbub-service executable for a test or a benchmark: started on a free port,
//! its ready line read for the connection string, and tokens minted for its hub (optionally
//! pointed at a proxy).
#pragma once

#include "connectionstring.h"

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
    //! Starts \a program with `--port 0` and \a options; false (and \a error) on failure.
    bool start(const QString &program, const Options &options, QString *error);
    void stop();
    quint16 port() const;
    //! The connection string of its ready line (empty before).
    QString connectionString() const;
    qint64 processId() const { return m_process.processId(); }
    //! A client access URL for \a userId with \a roles; with \a viaPort, pointed at that port
    //! instead (the service accepts the audience of its own endpoint whatever host was addressed).
    QUrl clientUrl(const QString &hub, const QString &userId, const QStringList &roles,
                   quint16 viaPort = 0) const;

private:
    QProcess m_process;
    QString m_connectionStringText;
    std::optional<WebPubSub::ConnectionString> m_connectionString;
};
