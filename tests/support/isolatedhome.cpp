// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "isolatedhome.h"

#include <QByteArray>
#include <QDir>
#include <QFile>

IsolatedHome::IsolatedHome()
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
