// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Points HOME and the XDG folders at a fresh temporary directory before the application
//! object exists, so profiles, history, settings and the local service's key stay per test run.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

class IsolatedHome
{
public:
    IsolatedHome()
    {
        const QByteArray root = QFile::encodeName(m_dir.path());
        qputenv("HOME", root);
        qputenv("XDG_CONFIG_HOME", root + "/config");
        qputenv("XDG_DATA_HOME", root + "/data");
        qputenv("XDG_CACHE_HOME", root + "/cache");
        qputenv("XDG_STATE_HOME", root + "/state");
        for (const char *sub : {"config", "data", "cache", "state"})
            QDir(m_dir.path()).mkpath(QString::fromLatin1(sub));
    }

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};
