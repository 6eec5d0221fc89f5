// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "appprocess.h"

#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

AppProcess::~AppProcess()
{
    kill();
}

bool AppProcess::start(const QString &program, const QString &connectionString, const QString &user,
                       const QString &profile)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    m_process.setProcessEnvironment(env);
    m_process.start(program, {u"--connection-string"_s, connectionString, u"--hub"_s, u"hubbub"_s,
                              u"--user"_s, user, u"--profile"_s, profile});
    return m_process.waitForStarted(10000);
}

void AppProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        kill();
}

void AppProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}
