// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file cliprocess.h
//! \brief Runs the real hubbub-cli binary for a test: writes command lines to its standard input
//! and collects the JSON events it prints, so tests check the program exactly as scripts see it.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>

class CliProcess : public QObject
{
    Q_OBJECT
public:
    explicit CliProcess(QObject *parent = nullptr);
    ~CliProcess() override;

    static QString program();
    void start(const QStringList &arguments);
    void send(const QJsonObject &command);
    void sendLine(const QByteArray &line);
    void closeInput();

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

    //! Parses whatever complete lines are buffered (also called on readyReadStandardOutput).
    void readOutput();
};
