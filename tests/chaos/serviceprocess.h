// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file serviceprocess.h
//! \brief The real hubbub-service executable for a test: started on a free port, its ready line
//! read for the connection string, and tokens minted for its hub (optionally pointed at a proxy).
#pragma once

#include "connectionstring.h"

#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <optional>

class ServiceProcess
{
public:
    ServiceProcess() = default;
    ~ServiceProcess();
    ServiceProcess(const ServiceProcess &) = delete;
    ServiceProcess &operator=(const ServiceProcess &) = delete;

    //! Starts HUBBUB_SERVICE (or \a fallbackPath) with `--port 0`; false (and \a error) on failure.
    bool start(const QString &fallbackPath, QString *error);
    void stop();
    quint16 port() const;
    //! A client access URL for \a userId with \a roles; with \a viaPort, pointed at that port
    //! instead (the service accepts the audience of its own endpoint whatever host was addressed).
    QUrl clientUrl(const QString &hub, const QString &userId, const QStringList &roles,
                   quint16 viaPort = 0) const;

private:
    QProcess m_process;
    std::optional<WebPubSub::ConnectionString> m_connectionString;
};
