// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file cliprocess.h
//! \brief Runs the real hubbub-cli binary (or another program that prints JSON lines, such as
//! hubbub-service) for a test: writes command lines to its standard input and collects the JSON
//! events it prints, so tests check the program exactly as scripts and peers see it.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <functional>

class CliProcess : public QObject
{
    Q_OBJECT
public:
    explicit CliProcess(QObject *parent = nullptr);
    ~CliProcess() override;

    //! The hubbub-cli executable of this build.
    static QString program();
    //! Starts program() with \a arguments (without waiting).
    void start(const QStringList &arguments);
    //! Starts \a program with \a arguments; false if it did not start within 10 s.
    bool start(const QString &program, const QStringList &arguments);
    void send(const QJsonObject &command);
    void sendLine(const QByteArray &line);
    void closeInput();
    //! Closes standard input and waits for the process to exit (at most \a ms).
    bool finish(int ms = 15000);

    //! Every stdout line parsed; a line that is not a JSON object is kept as {"invalidLine": text}.
    QList<QJsonObject> events;
    QByteArray errorOutput;
    QProcess process;

    //! The first event named \a name at index ≥ \a from (empty object if none yet).
    QJsonObject firstEvent(const QString &name, qsizetype from = 0) const;
    qsizetype indexOfEvent(const QString &name, qsizetype from = 0) const;
    qsizetype countEvents(const QString &name) const;
    //! The `result` whose `id` is \a id.
    QJsonObject result(const QString &id) const;
    bool hasResult(const QString &id) const { return !result(id).isEmpty(); }
    //! Every event named \a name, in order.
    QList<QJsonObject> eventsNamed(const QString &name) const;
    //! The first event matching \a match, or an empty object.
    QJsonObject find(const std::function<bool(const QJsonObject &)> &match) const;
    //! The data of the group-message events of \a kind (the envelope's "kind") that \a userId sent
    //! to \a group, in order.
    QList<QJsonObject> envelopesFrom(const QString &userId, const QString &group, const QString &kind) const;
    //! Starts program() on \a connectionString (hub "hubbub") as \a userId, allowed to join and send,
    //! and waits for it to connect; false (with errors()) when it does not within 20 s.
    bool startChatPeer(const QString &connectionString, const QString &userId);
    //! Sends \a text to \a group as a Hubbub chat message (docs/message-envelope.md) from \a sender.
    void sendChatMessage(const QString &group, const QString &text, const QString &sender);
    //! Standard error so far (for failure messages).
    QString errors() const { return QString::fromUtf8(errorOutput); }

    //! Parses whatever complete lines are buffered (also called on readyReadStandardOutput).
    void readOutput();
};
