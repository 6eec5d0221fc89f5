// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "serviceprocess.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {
const QString kAccessKey = u"hubbub-chaos-access-key-0123456789abcdefgh"_s;
}

ServiceProcess::~ServiceProcess()
{
    stop();
}

bool ServiceProcess::start(const QString &fallbackPath, QString *error)
{
    const QString fromEnv = qEnvironmentVariable("HUBBUB_SERVICE");
    const QString program = fromEnv.isEmpty() ? fallbackPath : fromEnv;
    if (!QFileInfo::exists(program)) {
        *error = u"hubbub-service not found at "_s + program;
        return false;
    }
    m_process.setProgram(program);
    m_process.setArguments(
        {u"--port"_s, u"0"_s, u"--access-key"_s, kAccessKey, u"--log-level"_s, u"warning"_s});
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        *error = m_process.errorString();
        return false;
    }
    QElapsedTimer waited;
    waited.start();
    while (!m_connectionString && waited.elapsed() < 20000) {
        if (!m_process.canReadLine() && !m_process.waitForReadyRead(200)) {
            if (m_process.state() != QProcess::Running) {
                *error = u"hubbub-service exited before its ready line"_s;
                return false;
            }
            continue;
        }
        while (m_process.canReadLine()) {
            const QJsonObject line = QJsonDocument::fromJson(m_process.readLine()).object();
            if (line.value(u"event"_s).toString() != u"ready"_s)
                continue;
            m_connectionString =
                WebPubSub::ConnectionString::parse(line.value(u"connectionString"_s).toString(), error);
            if (!m_connectionString)
                return false;
        }
    }
    if (!m_connectionString)
        *error = u"no ready line from hubbub-service within 20 s"_s;
    return m_connectionString.has_value();
}

void ServiceProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

quint16 ServiceProcess::port() const
{
    return m_connectionString ? quint16(m_connectionString->endpoint().port()) : 0;
}

QUrl ServiceProcess::clientUrl(const QString &hub, const QString &userId, const QStringList &roles,
                               quint16 viaPort) const
{
    WebPubSub::ClientTokenOptions token;
    token.userId = userId;
    token.roles = roles;
    QUrl url = m_connectionString->clientAccessUrl(hub, token);
    if (viaPort != 0)
        url.setPort(viaPort);
    return url;
}
