// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "serviceprocess.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

ServiceProcess::~ServiceProcess()
{
    stop();
}

QString ServiceProcess::programFromEnvironment(const QString &fallbackPath)
{
    const QString fromEnv = qEnvironmentVariable("HUBBUB_SERVICE");
    return fromEnv.isEmpty() ? fallbackPath : fromEnv;
}

bool ServiceProcess::start(const QString &fallbackPath, QString *error)
{
    return start(programFromEnvironment(fallbackPath), Options{}, error);
}

bool ServiceProcess::start(const QString &program, const Options &options, QString *error)
{
    if (!QFileInfo::exists(program)) {
        *error = u"hubbub-service not found at "_s + program;
        return false;
    }
    m_connectionStringText.clear();
    m_connectionString.reset();
    m_ready = {};
    m_process.setProgram(program);
    m_process.setArguments(QStringList{u"--port"_s, QString::number(options.port), u"--access-key"_s,
                                       options.accessKey, u"--log-level"_s, options.logLevel} +
                           options.extraArguments);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        *error = u"cannot start %1: %2"_s.arg(program, m_process.errorString());
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
            m_ready = line;
            m_connectionStringText = line.value(u"connectionString"_s).toString();
            m_connectionString = WebPubSub::ConnectionString::parse(m_connectionStringText, error);
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

void ServiceProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
}

QUrl ServiceProcess::endpoint() const
{
    return QUrl(m_ready.value(u"endpoint"_s).toString());
}

QString ServiceProcess::connectionString() const
{
    return m_connectionStringText;
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
