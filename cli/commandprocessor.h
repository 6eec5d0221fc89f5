// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file commandprocessor.h
//! \brief The heart of hubbub-cli: turns command lines into Client calls and the Client's signals
//! and operation results into events (spec/cli.md "Standard input" and "Standard output").
#pragma once

#include "client.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace Hubbub::Cli {

class EventWriter;

class CommandProcessor : public QObject
{
    Q_OBJECT
public:
    //! Does not take ownership of \a client or \a writer.
    CommandProcessor(WebPubSub::Client *client, EventWriter *writer, QObject *parent = nullptr);

    //! How long the end of input waits for owed results before stopping (10 s by the contract).
    void setDrainTimeout(std::chrono::milliseconds timeout) { m_drainTimer.setInterval(timeout); }
    //! Results of operations that were issued and have not been written yet.
    int pendingResults() const { return m_pendingResults; }

public Q_SLOTS:
    //! Runs one command line; malformed ones get a `BadCommand` result.
    void handleLine(const QByteArray &line);
    //! Standard input ended: wait for owed results, stop the client, write `stopped`, finish.
    void handleEndOfInput();

Q_SIGNALS:
    //! The program should exit with \a exitCode.
    void finished(int exitCode);

private:
    struct Command
    {
        QJsonObject object;
        QJsonValue id; //!< the command's `id`, or null
        QString op;
    };

    void join(const Command &command, bool leave);
    //! `send` to a group, or `event` to the server when \a toServer.
    void send(const Command &command, bool toServer);
    void invoke(const Command &command);
    void writeState(const Command &command);

    void track(const QFuture<WebPubSub::OperationResult> &future, const Command &command, bool invoke);
    void writeResult(const Command &command, const WebPubSub::OperationResult &result, bool invoke);
    void writeOk(const Command &command);
    void writeBadCommand(const QJsonValue &id, const QJsonValue &op, const QString &message);

    void onClientStopped(int code, const QString &reason);
    void stopClient();
    void writeStoppedAndFinish();

    WebPubSub::Client *m_client;
    EventWriter *m_writer;
    int m_pendingResults = 0;
    bool m_inputEnded = false;
    bool m_stopping = false;
    bool m_done = false;
    //! `code` and `reason` of the last `stopped` (null and empty: stopped by `stop` or end of input)
    QJsonObject m_stoppedFields{{QStringLiteral("code"), QJsonValue(QJsonValue::Null)},
                                {QStringLiteral("reason"), QString()}};
    QTimer m_drainTimer;
    QTimer m_stopTimer;
};

} // namespace Hubbub::Cli
