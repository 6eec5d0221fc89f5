// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "commandprocessor.h"

#include "eventwriter.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>

using namespace Qt::StringLiterals;
using WebPubSub::OperationResult;
using WebPubSub::Payload;

namespace Hubbub::Cli {

namespace {

// Field readers: each returns false and fills *error when the field is there but wrong (or missing
// while required), so that a command is either fully understood or answered with BadCommand.

bool readString(const QJsonObject &object, const QString &key, QString *out, QString *error)
{
    const QJsonValue value = object.value(key);
    if (!value.isString() || value.toString().isEmpty()) {
        *error = u"\"%1\" must be a non-empty string"_s.arg(key);
        return false;
    }
    *out = value.toString();
    return true;
}

bool readOptionalBool(const QJsonObject &object, const QString &key, bool *out, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isBool()) {
        *error = u"\"%1\" must be true or false"_s.arg(key);
        return false;
    }
    *out = value.toBool();
    return true;
}

bool readOptionalCount(const QJsonObject &object, const QString &key, std::optional<qint64> *out,
                       QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    const qint64 number = value.isDouble() ? value.toInteger(-1) : -1;
    if (number < 0) {
        *error = u"\"%1\" must be a non-negative integer"_s.arg(key);
        return false;
    }
    *out = number;
    return true;
}

bool readOptionalAckId(const QJsonObject &object, std::optional<quint64> *out, QString *error)
{
    std::optional<qint64> number;
    if (!readOptionalCount(object, u"ackId"_s, &number, error))
        return false;
    if (number)
        *out = quint64(*number);
    return true;
}

// `dataType` + `data` as the contract has them: text is a string, json any JSON value, binary base64.
bool readPayload(const QJsonObject &object, std::optional<Payload> *out, QString *error)
{
    const QJsonValue type = object.value(u"dataType"_s);
    const QJsonValue data = object.value(u"data"_s);
    if (!type.isString()) {
        *error = u"\"dataType\" must be \"text\", \"json\" or \"binary\""_s;
        return false;
    }
    if (data.isUndefined()) {
        *error = u"\"data\" is missing"_s;
        return false;
    }
    const QString name = type.toString();
    if (name == u"text") {
        if (!data.isString()) {
            *error = u"text \"data\" must be a string"_s;
            return false;
        }
        *out = Payload::fromText(data.toString());
    } else if (name == u"json") {
        *out = Payload::fromJson(data);
    } else if (name == u"binary") {
        const auto decoded =
            data.isString()
                ? QByteArray::fromBase64Encoding(data.toString().toLatin1(),
                                                 QByteArray::AbortOnBase64DecodingErrors)
                : QByteArray::FromBase64Result{{}, QByteArray::Base64DecodingStatus::IllegalInputLength};
        if (!data.isString() || !decoded) {
            *error = u"binary \"data\" must be a base64 string"_s;
            return false;
        }
        *out = Payload::fromBinary(*decoded);
    } else {
        *error = u"\"dataType\" must be \"text\", \"json\" or \"binary\""_s;
        return false;
    }
    return true;
}

QJsonValue optionalNumber(std::optional<quint64> value)
{
    return value ? QJsonValue(qint64(*value)) : QJsonValue(QJsonValue::Null);
}

// The client says 0 for "no close frame"; the contract says null.
QJsonValue closeCode(int code)
{
    return code > 0 ? QJsonValue(code) : QJsonValue(QJsonValue::Null);
}

} // namespace

CommandProcessor::CommandProcessor(WebPubSub::Client *client, EventWriter *writer, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_writer(writer)
{
    using WebPubSub::Client;
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(std::chrono::seconds(10));
    connect(&m_drainTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcCli) << m_pendingResults << "results still owed after the input ended; stopping anyway";
        stopClient();
    });
    // A client whose stop never completes must not keep the program alive after its input ended.
    m_stopTimer.setSingleShot(true);
    m_stopTimer.setInterval(std::chrono::seconds(5));
    connect(&m_stopTimer, &QTimer::timeout, this, &CommandProcessor::writeStoppedAndFinish);

    connect(client, &Client::connected, this,
            [this](const QString &connectionId, const QString &userId, bool reconnect) {
                m_writer->write(u"connected"_s, {{u"connectionId"_s, connectionId},
                                                 {u"userId"_s, EventWriter::stringOrNull(userId)},
                                                 {u"reconnect"_s, reconnect}});
            });
    connect(client, &Client::recovered, this, [this](const QString &connectionId) {
        m_writer->write(u"recovered"_s, {{u"connectionId"_s, connectionId}});
    });
    connect(client, &Client::disconnected, this,
            [this](const QString &connectionId, const QString &message, int code, const QString &reason) {
                m_writer->write(u"disconnected"_s,
                                {{u"connectionId"_s, EventWriter::stringOrNull(connectionId)},
                                 {u"message"_s, EventWriter::stringOrNull(message)},
                                 {u"code"_s, closeCode(code)},
                                 {u"reason"_s, reason}});
            });
    connect(client, &Client::gapDetected, this,
            [this](const QStringList &groups, const QDateTime &from, const QDateTime &to) {
                m_writer->write(u"gap"_s, {{u"groups"_s, QJsonArray::fromStringList(groups)},
                                           {u"from"_s, from.toMSecsSinceEpoch()},
                                           {u"to"_s, to.toMSecsSinceEpoch()}});
            });
    connect(client, &Client::stopped, this, &CommandProcessor::onClientStopped);
    connect(client, &Client::groupMessageReceived, this,
            [this](const WebPubSub::GroupMessage &message) { m_writer->writeGroupMessage(message); });
    connect(client, &Client::serverMessageReceived, this, [this](const WebPubSub::ServerMessage &message) {
        QJsonObject fields{{u"sequenceId"_s, optionalNumber(message.sequenceId)}};
        EventWriter::addPayload(fields, message.payload);
        m_writer->write(u"server-message"_s, fields);
    });
    connect(client, &Client::rejoinGroupFailed, this,
            [this](const QString &group, const WebPubSub::Error &error) {
                m_writer->write(u"rejoin-group-failed"_s,
                                {{u"group"_s, group}, {u"error"_s, EventWriter::errorObject(error)}});
            });
    connect(client, &Client::errorOccurred, this, [](const WebPubSub::Error &error) {
        qCWarning(lcCli).noquote() << "client error:" << error.name() << error.message();
    });
    connect(client, &Client::reconnectScheduled, this, [](int attempt, qint64 delayMs) {
        qCInfo(lcCli) << "reconnect attempt" << attempt << "in" << delayMs << "ms";
    });
}

void CommandProcessor::handleLine(const QByteArray &line)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        writeBadCommand(QJsonValue::Null, QJsonValue::Null,
                        u"not valid JSON: %1"_s.arg(parseError.errorString()));
        return;
    }
    if (!document.isObject()) {
        writeBadCommand(QJsonValue::Null, QJsonValue::Null, u"a command must be a JSON object"_s);
        return;
    }
    Command command;
    command.object = document.object();
    const QJsonValue id = command.object.value(u"id"_s);
    const QJsonValue op = command.object.value(u"op"_s);
    command.id = id.isString() ? id : QJsonValue(QJsonValue::Null);
    if (!id.isUndefined() && !id.isNull() && !id.isString()) {
        writeBadCommand(QJsonValue::Null, op.isString() ? op : QJsonValue(QJsonValue::Null),
                        u"\"id\" must be a string"_s);
        return;
    }
    if (!op.isString()) {
        writeBadCommand(command.id, QJsonValue::Null, u"\"op\" must be a string"_s);
        return;
    }
    command.op = op.toString();
    qCDebug(lcCli) << "command" << command.op;

    if (command.op == u"join" || command.op == u"leave") {
        join(command, command.op == u"leave");
    } else if (command.op == u"send" || command.op == u"event") {
        send(command, command.op == u"event");
    } else if (command.op == u"invoke") {
        invoke(command);
    } else if (command.op == u"stop") {
        m_client->stop();
        writeOk(command);
    } else if (command.op == u"start") {
        m_client->start();
        writeOk(command);
    } else if (command.op == u"drop") {
        m_client->dropConnection();
        writeOk(command);
    } else if (command.op == u"offline") {
        std::optional<qint64> ms;
        QString error;
        if (!readOptionalCount(command.object, u"ms"_s, &ms, &error) || !ms ||
            *ms > std::numeric_limits<int>::max()) {
            writeBadCommand(command.id, command.op,
                            error.isEmpty() ? u"\"ms\" must be a non-negative integer"_s : error);
            return;
        }
        m_client->goOffline(int(*ms));
        writeOk(command);
    } else if (command.op == u"state") {
        writeState(command);
    } else {
        writeBadCommand(command.id, command.op, u"unknown op \"%1\""_s.arg(command.op));
    }
}

void CommandProcessor::join(const Command &command, bool leave)
{
    QString group;
    std::optional<quint64> ackId;
    QString error;
    if (!readString(command.object, u"group"_s, &group, &error) ||
        !readOptionalAckId(command.object, &ackId, &error)) {
        writeBadCommand(command.id, command.op, error);
        return;
    }
    track(leave ? m_client->leaveGroup(group, ackId) : m_client->joinGroup(group, ackId), command, false);
}

namespace {
// fireAndForget and ackId, shared by send and event: the two exclude each other.
bool readSendOptions(const QJsonObject &object, WebPubSub::Client::SendOptions *options, QString *error)
{
    if (!readOptionalBool(object, u"fireAndForget"_s, &options->fireAndForget, error) ||
        !readOptionalAckId(object, &options->ackId, error))
        return false;
    if (options->fireAndForget && options->ackId) {
        *error = u"\"ackId\" and \"fireAndForget\" exclude each other"_s;
        return false;
    }
    return true;
}
} // namespace

void CommandProcessor::send(const Command &command, bool toServer)
{
    // `send` (to a group, with noEcho) and `event` (to the server) read the same other fields.
    QString target;
    std::optional<Payload> payload;
    WebPubSub::Client::SendOptions options;
    QString error;
    if (!readString(command.object, toServer ? u"event"_s : u"group"_s, &target, &error) ||
        !readPayload(command.object, &payload, &error) ||
        (!toServer && !readOptionalBool(command.object, u"noEcho"_s, &options.noEcho, &error)) ||
        !readSendOptions(command.object, &options, &error)) {
        writeBadCommand(command.id, command.op, error);
        return;
    }
    track(toServer ? m_client->sendEvent(target, *payload, options)
                   : m_client->sendToGroup(target, *payload, options),
          command, false);
}

void CommandProcessor::invoke(const Command &command)
{
    QString name;
    std::optional<Payload> payload;
    std::optional<qint64> timeoutMs;
    QString error;
    const bool hasPayload = command.object.contains(u"dataType"_s) || command.object.contains(u"data"_s);
    if (!readString(command.object, u"event"_s, &name, &error) ||
        (hasPayload && !readPayload(command.object, &payload, &error)) ||
        !readOptionalCount(command.object, u"timeoutMs"_s, &timeoutMs, &error)) {
        writeBadCommand(command.id, command.op, error);
        return;
    }
    WebPubSub::Client::InvokeOptions options;
    options.timeout = std::chrono::milliseconds(timeoutMs.value_or(0));
    track(m_client->invokeEvent(name, payload, options), command, true);
}

void CommandProcessor::writeState(const Command &command)
{
    const WebPubSub::Diagnostics diagnostics = m_client->diagnostics();
    const char *state = QMetaEnum::fromType<WebPubSub::Client::State>().valueToKey(int(m_client->state()));
    QJsonObject fields{{u"state"_s, QString::fromLatin1(state)},
                       {u"connectionId"_s, EventWriter::stringOrNull(m_client->connectionId())},
                       {u"groups"_s, QJsonArray::fromStringList(m_client->groups())},
                       {u"lastSequenceId"_s, diagnostics.lastReceivedSequenceId},
                       {u"pendingAcks"_s, diagnostics.pendingOperations}};
    if (command.id.isString())
        fields.insert(u"id"_s, command.id);
    m_writer->write(u"state"_s, fields);
    writeOk(command);
}

void CommandProcessor::track(const QFuture<OperationResult> &future, const Command &command, bool invoke)
{
    ++m_pendingResults;
    QFuture<OperationResult>(future).then(this, [this, command, invoke](const OperationResult &result) {
        --m_pendingResults;
        writeResult(command, result, invoke);
        if (m_inputEnded && m_pendingResults == 0)
            stopClient();
    });
}

void CommandProcessor::writeResult(const Command &command, const OperationResult &result, bool invoke)
{
    QJsonObject fields{{u"id"_s, command.id}, {u"op"_s, command.op}, {u"ok"_s, result.ok()}};
    if (result.ackId) {
        fields.insert(u"ackId"_s, qint64(*result.ackId));
        fields.insert(u"duplicated"_s, result.isDuplicated);
    }
    if (!result.ok())
        fields.insert(u"error"_s, EventWriter::errorObject(result.error));
    if (invoke) {
        if (result.payload) {
            EventWriter::addPayload(fields, *result.payload);
        } else {
            fields.insert(u"dataType"_s, QJsonValue::Null);
            fields.insert(u"data"_s, QJsonValue::Null);
        }
    }
    m_writer->write(u"result"_s, fields);
}

void CommandProcessor::writeOk(const Command &command)
{
    m_writer->write(u"result"_s, {{u"id"_s, command.id}, {u"op"_s, command.op}, {u"ok"_s, true}});
}

void CommandProcessor::writeBadCommand(const QJsonValue &id, const QJsonValue &op, const QString &message)
{
    qCInfo(lcCli).noquote() << "bad command:" << message;
    m_writer->write(u"result"_s, {{u"id"_s, id},
                                  {u"op"_s, op},
                                  {u"ok"_s, false},
                                  {u"error"_s, EventWriter::errorObject(u"BadCommand"_s, message)}});
}

void CommandProcessor::handleEndOfInput()
{
    if (m_inputEnded)
        return;
    m_inputEnded = true;
    qCInfo(lcCli) << "input ended;" << m_pendingResults << "results owed";
    if (m_pendingResults == 0)
        stopClient();
    else
        m_drainTimer.start();
}

void CommandProcessor::stopClient()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_drainTimer.stop();
    if (m_client->state() == WebPubSub::Client::State::Stopped) {
        writeStoppedAndFinish();
        return;
    }
    m_stopTimer.start();
    m_client->stop();
}

void CommandProcessor::onClientStopped(int code, const QString &reason)
{
    m_stoppedFields = {{u"code"_s, closeCode(code)}, {u"reason"_s, reason}};
    if (m_stopping)
        writeStoppedAndFinish();
    else
        m_writer->write(u"stopped"_s, m_stoppedFields);
}

void CommandProcessor::writeStoppedAndFinish()
{
    if (m_done)
        return;
    m_done = true;
    m_stopTimer.stop();
    m_writer->write(u"stopped"_s, m_stoppedFields);
    Q_EMIT finished(0);
}

} // namespace Hubbub::Cli
