// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "cliprocess.h"

#include <QJsonDocument>

CliProcess::CliProcess(QObject *parent)
    : QObject(parent)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &CliProcess::readStdout);
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { m_stderr += QString::fromUtf8(m_process.readAllStandardError()); });
}

CliProcess::~CliProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool CliProcess::start(const QString &program, const QStringList &arguments)
{
    m_process.start(program, arguments);
    return m_process.waitForStarted(10000);
}

void CliProcess::send(const QJsonObject &command)
{
    m_process.write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
}

bool CliProcess::finish(int ms)
{
    m_process.closeWriteChannel();
    return m_process.waitForFinished(ms);
}

QList<QJsonObject> CliProcess::events(const QString &name) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &e : m_events) {
        if (e.value(u"event").toString() == name)
            out.append(e);
    }
    return out;
}

QJsonObject CliProcess::find(const std::function<bool(const QJsonObject &)> &match) const
{
    for (const QJsonObject &e : m_events) {
        if (match(e))
            return e;
    }
    return {};
}

void CliProcess::readStdout()
{
    m_buffer += m_process.readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            m_events.append(doc.object());
    }
}
