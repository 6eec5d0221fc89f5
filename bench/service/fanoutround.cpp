// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "fanoutround.h"

#include "connectionstring.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <algorithm>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcFanout, "hubbub.bench.fanout", QtInfoMsg)

namespace {

const QString kHub = u"bench"_s;
const QString kGroup = u"fanout"_s;
const QString kSubprotocol = u"json.webpubsub.azure.v1"_s;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

double percentileMs(std::vector<qint64> &values, double fraction)
{
    if (values.empty())
        return 0;
    const auto index = static_cast<size_t>(fraction * static_cast<double>(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
    return static_cast<double>(values[index]) / 1e6;
}

} // namespace

struct FanoutRound::Receiver
{
    std::unique_ptr<QWebSocket> socket;
    bool joined = false;
};

FanoutRound::FanoutRound(RoundConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_padding(std::max(0, m_config.payloadBytes), 'x')
{
    m_result.config = m_config;
    m_result.expected = static_cast<qint64>(m_config.receivers) * m_config.messages;
}

FanoutRound::~FanoutRound()
{
    stopService();
}

RoundResult FanoutRound::run()
{
    const double benchCpuAtStart = cpuSeconds(QCoreApplication::applicationPid());
    QString error;
    if (!startService(&error)) {
        m_result.error = error;
        return m_result;
    }

    QElapsedTimer connectClock;
    connectClock.start();
    m_receivers.resize(static_cast<size_t>(m_config.receivers));
    connectReceivers();
    const bool allJoined = waitUntil([this] { return m_joined + m_failedReceivers >= m_config.receivers; },
                                     60s, [this] { return m_joined + m_failedReceivers; });
    m_result.connectSeconds = static_cast<double>(connectClock.elapsed()) / 1000.0;
    if (!allJoined || m_failedReceivers > 0) {
        m_result.error = u"only %1 of %2 receivers joined (%3 failed)"_s.arg(m_joined)
                             .arg(m_config.receivers)
                             .arg(m_failedReceivers);
        stopService();
        return m_result;
    }
    m_result.rssAfterJoinKiB = serviceStatusKiB("VmRSS:");

    if (!openSender(&error)) {
        m_result.error = error;
        stopService();
        return m_result;
    }

    m_latenciesNs.reserve(static_cast<size_t>(m_result.expected));
    QTimer pacer;
    pacer.setTimerType(Qt::PreciseTimer);
    pacer.setInterval(2ms);
    connect(&pacer, &QTimer::timeout, this, &FanoutRound::sendDue);
    m_firstSendNs = nowNs();
    pacer.start();
    sendDue();
    waitUntil([this] { return m_sent >= m_config.messages; }, 60s, [this] { return m_sent; });
    pacer.stop();
    // Then every delivery, or 20 s without a single one.
    waitUntil([this] { return m_result.deliveries >= m_result.expected; }, 20s,
              [this] { return m_result.deliveries; });

    m_result.sendSeconds = static_cast<double>(m_lastSendNs - m_firstSendNs) / 1e9;
    m_result.deliverySeconds = static_cast<double>(m_lastDeliveryNs - m_firstSendNs) / 1e9;
    if (m_result.deliverySeconds > 0)
        m_result.deliveredPerSecond = static_cast<double>(m_result.deliveries) / m_result.deliverySeconds;
    m_result.p50Ms = percentileMs(m_latenciesNs, 0.50);
    m_result.p99Ms = percentileMs(m_latenciesNs, 0.99);
    m_result.maxMs =
        m_latenciesNs.empty()
            ? 0
            : static_cast<double>(*std::max_element(m_latenciesNs.begin(), m_latenciesNs.end())) / 1e6;
    m_result.peakKiB = serviceStatusKiB("VmHWM:");
    m_result.serviceCpuSeconds = cpuSeconds(m_service.processId());
    m_result.benchCpuSeconds = cpuSeconds(QCoreApplication::applicationPid()) - benchCpuAtStart;
    if (m_result.deliveries < m_result.expected)
        m_result.error = u"%1 deliveries missing"_s.arg(m_result.expected - m_result.deliveries);
    if (m_closedReceivers > 0)
        m_result.error += u"; %1 receivers closed (last: %2)"_s.arg(m_closedReceivers).arg(m_lastCloseReason);

    stopService();
    return m_result;
}

bool FanoutRound::startService(QString *error)
{
    ServiceProcess::Options options;
    options.logLevel = u"error"_s;
    return m_service.start(m_config.servicePath, options, error);
}

void FanoutRound::stopService()
{
    m_stopping = true;
    m_sender.reset();
    for (auto &receiver : m_receivers)
        if (receiver)
            receiver->socket->abort();
    m_receivers.clear();
    m_service.stop();
}

void FanoutRound::connectReceivers()
{
    while (m_opening < m_config.handshakeConcurrency && m_nextToOpen < m_config.receivers)
        openReceiver(m_nextToOpen++);
}

void FanoutRound::openReceiver(int index)
{
    const QUrl url = m_service.clientUrl(kHub, u"receiver-%1"_s.arg(index), {u"webpubsub.joinLeaveGroup"_s});

    auto &slot = m_receivers[static_cast<size_t>(index)];
    slot = std::make_unique<Receiver>();
    Receiver *receiver = slot.get();
    receiver->socket = std::make_unique<QWebSocket>();
    QWebSocket *socket = receiver->socket.get();
    ++m_opening;
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, receiver](const QString &text) { onReceiverText(receiver, text); });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, receiver, socket] {
                if (!receiver->joined) {
                    qCWarning(lcFanout) << "receiver failed:" << socket->errorString();
                    ++m_failedReceivers;
                    --m_opening;
                    receiver->joined = true; // counted once
                    connectReceivers();
                }
            });
    connect(socket, &QWebSocket::disconnected, this, [this, receiver, socket] {
        if (receiver->joined && !m_stopping) {
            ++m_closedReceivers;
            m_lastCloseReason = u"%1 %2"_s.arg(socket->closeCode()).arg(socket->closeReason());
        }
    });
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({kSubprotocol});
    socket->open(QNetworkRequest(url), options);
}

void FanoutRound::onReceiverText(Receiver *receiver, const QString &text)
{
    const qint64 now = nowNs();
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(u"type"_s).toString();
    if (type == u"message"_s) {
        const qint64 sentAt = frame.value(u"data"_s).toObject().value(u"t"_s).toInteger();
        m_latenciesNs.push_back(now - sentAt);
        ++m_result.deliveries;
        m_lastDeliveryNs = now;
    } else if (type == u"system"_s && frame.value(u"event"_s).toString() == u"connected"_s) {
        receiver->socket->sendTextMessage(
            QString::fromUtf8(compact({{u"type"_s, u"joinGroup"_s}, {u"group"_s, kGroup}, {u"ackId"_s, 1}})));
    } else if (type == u"ack"_s && !receiver->joined) {
        receiver->joined = true;
        --m_opening;
        if (frame.value(u"success"_s).toBool()) {
            ++m_joined;
        } else {
            qCWarning(lcFanout) << "joinGroup refused:" << text;
            ++m_failedReceivers;
        }
        connectReceivers();
    }
}

bool FanoutRound::openSender(QString *error)
{
    const QUrl url = m_service.clientUrl(kHub, u"sender"_s, {u"webpubsub.sendToGroup"_s});
    m_sender = std::make_unique<QWebSocket>();
    connect(m_sender.get(), &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        if (frame.value(u"type"_s).toString() == u"system"_s &&
            frame.value(u"event"_s).toString() == u"connected"_s)
            m_senderReady = true;
    });
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({kSubprotocol});
    m_sender->open(QNetworkRequest(url), options);
    if (!waitUntil([this] { return m_senderReady; }, 20s)) {
        *error = u"the sender did not connect: %1"_s.arg(m_sender->errorString());
        return false;
    }
    return true;
}

void FanoutRound::sendDue()
{
    // Catch up to the schedule rather than one message per tick: timers on a busy machine fire
    // late, and the rate must not silently drop.
    const double elapsed = static_cast<double>(nowNs() - m_firstSendNs) / 1e9;
    const int due = std::min(m_config.messages, static_cast<int>(elapsed * m_config.ratePerSecond) + 1);
    while (m_sent < due) {
        const qint64 at = nowNs();
        const QJsonObject data{{u"t"_s, at}, {u"i"_s, m_sent}, {u"pad"_s, QString::fromLatin1(m_padding)}};
        m_sender->sendTextMessage(QString::fromUtf8(compact({{u"type"_s, u"sendToGroup"_s},
                                                             {u"group"_s, kGroup},
                                                             {u"dataType"_s, u"json"_s},
                                                             {u"data"_s, data}})));
        m_lastSendNs = at;
        ++m_sent;
    }
}

qint64 FanoutRound::serviceStatusKiB(const char *field) const
{
    QFile status(u"/proc/%1/status"_s.arg(m_service.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double FanoutRound::cpuSeconds(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    // The command name (field 2) may contain spaces: count fields from the closing parenthesis.
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    return static_cast<double>(fields[11].toLongLong() + fields[12].toLongLong()) / ticks;
}

bool FanoutRound::waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout,
                            const std::function<qint64()> &progress)
{
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    qint64 last = progress ? progress() : 0;
    // Wakes the blocking processEvents() below even when nothing else happens.
    QTimer tick;
    tick.start(50ms);
    while (!done()) {
        if (sinceProgress.elapsed() > timeout.count())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        if (progress) {
            const qint64 now = progress();
            if (now != last) {
                last = now;
                sinceProgress.restart();
            }
        }
    }
    return true;
}
