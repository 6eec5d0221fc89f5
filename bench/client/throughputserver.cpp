// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "throughputserver.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

struct ProcessStats
{
    long peakRssKb = -1;
    long cpuMs = -1;
};

// Another process's VmHWM and user+system CPU time, from /proc (for receivers that do not report
// their own).
ProcessStats processStats(qint64 pid)
{
    ProcessStats stats;
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        const QByteArray text = status.readAll();
        const qsizetype at = text.indexOf("VmHWM:");
        if (at >= 0)
            stats.peakRssKb =
                text.mid(at + 6, text.indexOf('\n', at) - at - 6).trimmed().split(' ').value(0).toLong();
    }
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        const long ticks = ::sysconf(_SC_CLK_TCK);
        if (fields.size() > 12 && ticks > 0)
            stats.cpuMs = (fields.at(11).toLong() + fields.at(12).toLong()) * 1000 / ticks;
    }
    return stats;
}

// Enough queued bytes to keep the loopback socket busy, few enough that the sender's memory stays
// flat whatever N is.
constexpr qint64 HighWaterBytes = 512 * 1024;
} // namespace

ThroughputServer::ThroughputServer(qint64 messages, QObject *parent)
    : QObject(parent)
    , m_server(u"bench-client-throughput"_s, QWebSocketServer::NonSecureMode)
    , m_messages(messages)
{
    m_server.setSupportedSubprotocols({u"json.reliable.webpubsub.azure.v1"_s});
    connect(&m_server, &QWebSocketServer::newConnection, this, &ThroughputServer::onNewConnection);
    m_rateTimer = new QTimer(this);
    m_rateTimer->setInterval(1);
    m_rateTimer->setSingleShot(true);
    connect(m_rateTimer, &QTimer::timeout, this, &ThroughputServer::pump);
    // ~100 bytes of text per message, as a chat line.
    const QString text =
        u"The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs. 0123456789abc"_s;
    m_framePrefix =
        uR"({"type":"message","from":"group","group":"bench","fromUserId":"sender","dataType":"text","data":")"_s +
        text + uR"(","sequenceId":)"_s;
}

bool ThroughputServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ThroughputServer::url() const
{
    return QUrl(u"ws://127.0.0.1:%1/client/hubs/bench?access_token=unchecked"_s.arg(m_server.serverPort()));
}

Measurement ThroughputServer::measure(const QString &label, const QString &program,
                                      const QStringList &arguments, const QProcessEnvironment &environment,
                                      int timeoutMs, Report report)
{
    Measurement result;
    result.client = label;
    result.messages = m_messages;
    m_sent = 0;
    m_ackNs = -1;
    m_lastNs = -1;
    m_peakRssKb = -1;
    m_cpuMs = -1;
    m_linesSeen = 0;
    m_partialLine.clear();
    m_lineError.clear();
    m_clock.invalidate();
    m_accepting = true;

    QProcess receiver;
    receiver.setProcessEnvironment(environment);
    receiver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QEventLoop loop;
    connect(this, &ThroughputServer::finishedOne, &loop, &QEventLoop::quit);
    connect(&receiver, &QProcess::readyReadStandardOutput, this, [this, &receiver, report] {
        if (report == Report::EventLines) {
            consumeEventLines(receiver);
            return;
        }
        while (receiver.canReadLine()) {
            const QList<QByteArray> words = receiver.readLine().trimmed().split(' ');
            if (words.size() == 4 && words.at(0) == "done" && words.at(1).toLongLong() == m_messages) {
                m_lastNs = m_clock.isValid() ? m_clock.nsecsElapsed() : 0;
                m_peakRssKb = words.at(2).toLong();
                m_cpuMs = words.at(3).toLong();
                recordSched();
                checkDone();
            }
        }
    });
    connect(&receiver, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&receiver, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);

    m_receiverSched = {};
    m_senderSched = {};
    m_senderAtStart = SchedStats::read(::getpid(), ::gettid());
    receiver.start(program, arguments);
    m_receiverPid = receiver.processId();
    loop.exec();

    if (!m_lineError.isEmpty()) {
        result.error = m_lineError;
    } else if (m_ackNs >= 0 && m_lastNs >= 0) {
        result.secondsToAck = double(m_ackNs) / 1e9;
        result.secondsToLast = double(m_lastNs) / 1e9;
        result.peakRssKb = m_peakRssKb;
        result.cpuMs = m_cpuMs;
        result.receiverSched = m_receiverSched;
        result.senderSched = m_senderSched;
    } else if (receiver.state() == QProcess::NotRunning) {
        result.error =
            u"receiver ended early (%1, exit code %2)"_s.arg(receiver.errorString()).arg(receiver.exitCode());
    } else {
        result.error = u"timed out after %1 of %2 messages sent"_s.arg(m_sent).arg(m_messages);
    }
    m_accepting = false;
    // SIGTERM first, so that a receiver run under a profiler gets to write its data.
    receiver.terminate();
    if (!receiver.waitForFinished(5000)) {
        receiver.kill();
        receiver.waitForFinished(5000);
    }
    if (m_socket)
        m_socket->abort();
    m_socket = nullptr;
    return result;
}

void ThroughputServer::consumeEventLines(QProcess &receiver)
{
    // The consumer a script would be: reads every line, picks out the group messages.
    static const QByteArray prefix = QByteArrayLiteral("{\"event\":\"group-message\"");
    m_partialLine += receiver.readAllStandardOutput();
    qsizetype start = 0;
    for (qsizetype nl = m_partialLine.indexOf('\n'); nl >= 0; nl = m_partialLine.indexOf('\n', start)) {
        const QByteArrayView line(m_partialLine.constData() + start, nl - start);
        start = nl + 1;
        if (!line.startsWith(prefix) || ++m_linesSeen != m_messages)
            continue;
        m_lastNs = m_clock.isValid() ? m_clock.nsecsElapsed() : 0;
        const ProcessStats stats = processStats(receiver.processId());
        m_peakRssKb = stats.peakRssKb;
        m_cpuMs = stats.cpuMs;
        recordSched();
        // The N-th line must be message N, whole: a lost, merged or split line would show here.
        const QJsonObject last = QJsonDocument::fromJson(line.toByteArray()).object();
        if (last.value(u"sequenceId"_s).toInteger() != m_messages)
            m_lineError = u"line %1 is not message %1: %2"_s.arg(m_messages)
                              .arg(QString::fromUtf8(line.first(qMin<qsizetype>(line.size(), 200))));
        checkDone();
    }
    m_partialLine.remove(0, start);
}

void ThroughputServer::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        if (!m_accepting) {
            // One receiver at a time: a second connection, or a finished receiver trying to recover
            // before it is killed, would skew the figures.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_accepting = false;
        m_socket = socket;
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QWebSocket::textMessageReceived, this, &ThroughputServer::onText);
        connect(socket, &QWebSocket::bytesWritten, this, &ThroughputServer::pump);
        socket->sendTextMessage(
            uR"({"type":"system","event":"connected","userId":null,"connectionId":"bench-connection","reconnectionToken":"bench-token"})"_s);
        pump();
    }
}

void ThroughputServer::pump()
{
    if (!m_socket)
        return;
    while (m_sent < m_messages && m_socket->bytesToWrite() < HighWaterBytes) {
        if (!m_clock.isValid())
            m_clock.start();
        if (m_rateLimit > 0 && m_sent >= m_clock.nsecsElapsed() * m_rateLimit / 1000000000) {
            m_rateTimer->start();
            return;
        }
        ++m_sent;
        m_socket->sendTextMessage(m_framePrefix + QString::number(m_sent) + u'}');
    }
}

void ThroughputServer::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    if (frame.value(u"type"_s).toString() == u"sequenceAck" &&
        frame.value(u"sequenceId"_s).toInteger() >= m_messages && m_ackNs < 0) {
        m_ackNs = m_clock.nsecsElapsed();
        checkDone();
    }
}

void ThroughputServer::recordSched()
{
    m_receiverSched = SchedStats::read(m_receiverPid, m_receiverPid);
    m_senderSched = SchedStats::read(::getpid(), ::gettid()).since(m_senderAtStart);
}

void ThroughputServer::checkDone()
{
    if (m_ackNs >= 0 && m_lastNs >= 0) {
        Q_EMIT finishedOne();
    }
}
