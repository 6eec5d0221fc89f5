// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file throughputserver.h
//! \brief The sending side of the client throughput benchmark: a loopback Web PubSub stand-in that
//! pushes N reliable group messages at one receiver process as fast as the socket takes them and
//! times them until the receiver's sequenceAck of N.
#pragma once

#include "schedstats.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

struct Measurement
{
    QString client;
    qint64 messages = 0;
    double secondsToAck = 0;  //!< first frame written → sequenceAck of N received
    double secondsToLast = 0; //!< first frame written → the receiver reported message N
    long peakRssKb = -1;      //!< the receiver's VmHWM when it had N messages
    long cpuMs = -1; //!< the receiver's user+system CPU time when it had N messages (start-up included)
    SchedStats receiverSched; //!< the receiver's main thread when it had N messages (since its start)
    SchedStats senderSched;   //!< the stand-in sender's thread over the same time
    QString error;            //!< why there is no figure
    bool ok() const { return error.isEmpty(); }
};

class ThroughputServer : public QObject
{
    Q_OBJECT
public:
    explicit ThroughputServer(qint64 messages, QObject *parent = nullptr);

    bool listen();
    //! Caps the send rate (messages per second; 0 = as fast as the socket takes them), to tell memory
    //! the client retains from a backlog that merely queues up in its socket buffers.
    void setRateLimit(qint64 messagesPerSecond) { m_rateLimit = messagesPerSecond; }
    //! The Client Access URL receivers connect to (the token is not checked).
    QUrl url() const;

    //! How a receiver tells that it has message N.
    enum class Report {
        DoneLine,  //!< prints `done N <VmHWM kB> <CPU ms>` (the library receivers)
        EventLines //!< prints one hubbub-cli `group-message` line per message: the N-th counts
    };

    //! Runs \a program \a arguments (which must connect to url()), serves it N messages and waits
    //! for both its sequenceAck of N and its report of message N, at most \a timeoutMs.
    Measurement measure(const QString &label, const QString &program, const QStringList &arguments,
                        const QProcessEnvironment &environment, int timeoutMs,
                        Report report = Report::DoneLine);

Q_SIGNALS:
    void finishedOne();

private:
    void onNewConnection();
    void pump();
    void onText(const QString &text);
    void checkDone();
    // Records the scheduler's counters of the receiver and of the sender at message N.
    void recordSched();
    // Consumes a line-printing receiver's output: counts `group-message` lines up to the N-th.
    void consumeEventLines(QProcess &receiver);

    QWebSocketServer m_server;
    QPointer<QWebSocket> m_socket;
    qint64 m_messages;
    qint64 m_sent = 0;
    qint64 m_rateLimit = 0;
    QTimer *m_rateTimer = nullptr;
    bool m_accepting = false;
    QString m_framePrefix;
    QElapsedTimer m_clock;
    qint64 m_ackNs = -1;
    qint64 m_lastNs = -1;
    long m_peakRssKb = -1;
    long m_cpuMs = -1;
    qint64 m_receiverPid = 0;
    SchedStats m_senderAtStart;
    SchedStats m_receiverSched;
    SchedStats m_senderSched;
    qint64 m_linesSeen = 0;
    QByteArray m_partialLine;
    QString m_lineError;
};
