// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "cliprocess.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

CliProcess::CliProcess(QObject *parent)
    : QObject(parent)
{
    connect(&process, &QProcess::readyReadStandardOutput, this, &CliProcess::readOutput);
    connect(&process, &QProcess::readyReadStandardError, this,
            [this] { errorOutput += process.readAllStandardError(); });
}

CliProcess::~CliProcess()
{
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
}

QString CliProcess::program()
{
    return QStringLiteral(HUBBUB_CLI_PATH);
}

void CliProcess::start(const QStringList &arguments)
{
    process.start(program(), arguments);
}

void CliProcess::send(const QJsonObject &command)
{
    sendLine(QJsonDocument(command).toJson(QJsonDocument::Compact));
}

void CliProcess::sendLine(const QByteArray &line)
{
    process.write(line + '\n');
}

void CliProcess::closeInput()
{
    process.closeWriteChannel();
}

void CliProcess::readOutput()
{
    while (process.canReadLine()) {
        const QByteArray line = process.readLine().trimmed();
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error == QJsonParseError::NoError && document.isObject())
            events.append(document.object());
        else
            events.append(QJsonObject{{u"invalidLine"_s, QString::fromUtf8(line)}});
    }
}

qsizetype CliProcess::indexOfEvent(const QString &name, qsizetype from) const
{
    for (qsizetype i = from; i < events.size(); ++i) {
        if (events.at(i).value(u"event"_s).toString() == name)
            return i;
    }
    return -1;
}

QJsonObject CliProcess::firstEvent(const QString &name, qsizetype from) const
{
    const qsizetype i = indexOfEvent(name, from);
    return i < 0 ? QJsonObject{} : events.at(i);
}

qsizetype CliProcess::countEvents(const QString &name) const
{
    return std::count_if(events.cbegin(), events.cend(),
                         [&name](const QJsonObject &e) { return e.value(u"event"_s).toString() == name; });
}

QJsonObject CliProcess::result(const QString &id) const
{
    for (const QJsonObject &e : events) {
        if (e.value(u"event"_s).toString() == u"result" && e.value(u"id"_s).toString() == id)
            return e;
    }
    return {};
}
