// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "cliprocess.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

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

bool CliProcess::start(const QString &program, const QStringList &arguments)
{
    process.start(program, arguments);
    return process.waitForStarted(10000);
}

bool CliProcess::finish(int ms)
{
    process.closeWriteChannel();
    return process.waitForFinished(ms);
}

QList<QJsonObject> CliProcess::eventsNamed(const QString &name) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &e : events) {
        if (e.value(u"event"_s).toString() == name)
            out.append(e);
    }
    return out;
}

QJsonObject CliProcess::find(const std::function<bool(const QJsonObject &)> &match) const
{
    for (const QJsonObject &e : events) {
        if (match(e))
            return e;
    }
    return {};
}

QList<QJsonObject> CliProcess::envelopesFrom(const QString &userId, const QString &group,
                                             const QString &kind) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &e : events) {
        const QJsonObject data = e.value(u"data"_s).toObject();
        if (e.value(u"event"_s).toString() == u"group-message" && e.value(u"group"_s).toString() == group &&
            e.value(u"fromUserId"_s).toString() == userId && data.value(u"kind"_s).toString() == kind)
            out.append(data);
    }
    return out;
}

bool CliProcess::startChatPeer(const QString &connectionString, const QString &userId)
{
    if (!start(program(),
               {u"--connection-string"_s, connectionString, u"--hub"_s, u"hubbub"_s, u"--user"_s, userId,
                u"--role"_s, u"webpubsub.joinLeaveGroup"_s, u"--role"_s, u"webpubsub.sendToGroup"_s}))
        return false;
    return QTest::qWaitFor([this] { return countEvents(u"connected"_s) > 0; }, 20000);
}

void CliProcess::sendChatMessage(const QString &group, const QString &text, const QString &sender)
{
    const QJsonObject envelope{{u"kind"_s, u"message"_s},
                               {u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                               {u"text"_s, text},
                               {u"sender"_s, sender},
                               {u"ts"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    send({{u"op"_s, u"send"_s}, {u"group"_s, group}, {u"dataType"_s, u"json"_s}, {u"data"_s, envelope}});
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
