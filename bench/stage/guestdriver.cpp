// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "guestdriver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSocketNotifier>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <cstdio>
#include <unistd.h>

namespace {
const QString ReliableJson = QStringLiteral("json.reliable.webpubsub.azure.v1");

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}
} // namespace

GuestDriver::GuestDriver(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    // Reliable protocol: acknowledge what each guest has read, once a second (as clients batch it).
    m_sequenceAcks.setInterval(1000);
    connect(&m_sequenceAcks, &QTimer::timeout, this, [this] {
        for (const auto &g : m_guests) {
            if (g->socket && g->lastSequenceId > g->ackedSequenceId) {
                g->ackedSequenceId = g->lastSequenceId;
                g->socket->sendTextMessage(QString::fromUtf8(
                    QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("sequenceAck")},
                                              {QStringLiteral("sequenceId"), qint64(g->lastSequenceId)}})
                        .toJson(QJsonDocument::Compact)));
            }
        }
    });
}

GuestDriver::~GuestDriver()
{
    for (const auto &g : m_guests) {
        if (g->socket)
            g->socket->abort();
    }
}

void GuestDriver::start()
{
    m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdin, &QSocketNotifier::activated, this, &GuestDriver::onStdin);
    m_sequenceAcks.start();
    m_clock.start();
    for (int i = 0; i < m_options.guests; ++i) {
        auto g = std::make_unique<Guest>();
        g->index = i;
        g->name = QStringLiteral("Guest %1").arg(i);
        g->timer.setSingleShot(true);
        Guest *raw = g.get();
        connect(&g->timer, &QTimer::timeout, this, [this, raw] {
            if (!m_loading)
                return;
            send(raw);
            // Next message in interval ± 20 %, while the steady phase lasts.
            const int jitter = m_options.intervalMs / 5;
            raw->timer.start(m_options.intervalMs - jitter + int(m_random.bounded(2 * jitter + 1)));
        });
        m_guests.push_back(std::move(g));
        negotiate(raw);
    }
}

void GuestDriver::negotiate(Guest *guest)
{
    QUrl url(QStringLiteral("http://127.0.0.1:%1/negotiate").arg(m_options.port));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("hub"), m_options.hub);
    query.addQueryItem(QStringLiteral("userId"), guest->name);
    query.addQueryItem(QStringLiteral("device"),
                       QStringLiteral("bench-stage-device-%1-0123456789").arg(guest->index));
    query.addQueryItem(QStringLiteral("invite"), m_options.invite);
    url.setQuery(query);
    QNetworkReply *reply = m_network.get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [this, guest, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QUrl ws(QJsonDocument::fromJson(reply->readAll()).object().value(u"url").toString());
        if (status != 200 || !ws.isValid()) {
            fail(QStringLiteral("negotiate for %1: HTTP %2").arg(guest->name).arg(status));
            return;
        }
        guest->socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(guest->socket, &QWebSocket::textMessageReceived, this,
                [this, guest](const QString &text) { onText(guest, text); });
        connect(guest->socket, &QWebSocket::disconnected, this, [this, guest] {
            if (!m_reported)
                fail(
                    QStringLiteral("%1 was disconnected: %2").arg(guest->name, guest->socket->closeReason()));
        });
        QWebSocketHandshakeOptions options;
        options.setSubprotocols({ReliableJson});
        guest->socket->open(QNetworkRequest(ws), options);
    });
}

void GuestDriver::onText(Guest *guest, const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(u"type").toString();
    if (type == u"message") {
        ++m_received;
        const auto seq = quint64(frame.value(u"sequenceId").toInteger());
        if (seq > guest->lastSequenceId)
            guest->lastSequenceId = seq;
    } else if (type == u"ack") {
        const auto ackId = quint64(frame.value(u"ackId").toInteger());
        const auto it = guest->pending.constFind(ackId);
        if (it == guest->pending.constEnd())
            return;
        const QString id = *it;
        guest->pending.erase(it);
        const bool ok = frame.value(u"success").toBool() ||
                        frame.value(u"error").toObject().value(u"name").toString() == u"Duplicate";
        if (id.isEmpty()) { // the joinGroup
            if (!ok) {
                fail(QStringLiteral("%1 could not join: %2").arg(guest->name, text));
                return;
            }
            guest->joined = true;
            if (++m_joined == m_options.guests)
                say(QByteArrayLiteral("ready ") + QByteArray::number(m_clock.elapsed()));
            return;
        }
        if (ok) {
            ++m_acked;
            m_ackedIds.append(id);
        } else {
            ++m_refused;
        }
        maybeFinish();
    } else if (type == u"system" && frame.value(u"event").toString() == u"connected") {
        const quint64 ackId = guest->nextAckId++;
        guest->pending.insert(ackId, QString());
        guest->socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("joinGroup")},
                                                        {QStringLiteral("group"), m_options.room},
                                                        {QStringLiteral("ackId"), qint64(ackId)}})
                                  .toJson(QJsonDocument::Compact)));
    }
}

void GuestDriver::send(Guest *guest)
{
    // The app's envelope (docs/message-envelope.md), as the guest page sends it.
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject envelope{
        {QStringLiteral("kind"), QStringLiteral("message")},
        {QStringLiteral("id"), id},
        {QStringLiteral("text"),
         QStringLiteral("%1 asks question %2: does this scale to a full hall?").arg(guest->name).arg(m_sent)},
        {QStringLiteral("sender"), guest->name},
        {QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
    };
    const quint64 ackId = guest->nextAckId++;
    guest->pending.insert(ackId, id);
    ++m_sent;
    guest->socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("sendToGroup")},
                                                    {QStringLiteral("group"), m_options.room},
                                                    {QStringLiteral("dataType"), QStringLiteral("json")},
                                                    {QStringLiteral("data"), envelope},
                                                    {QStringLiteral("noEcho"), true},
                                                    {QStringLiteral("ackId"), qint64(ackId)}})
                              .toJson(QJsonDocument::Compact)));
}

void GuestDriver::onStdin()
{
    char buffer[256];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) { // the parent is done: close every guest and leave
        m_stdin->setEnabled(false);
        Q_EMIT done(0);
        return;
    }
    m_stdinBuffer.append(buffer, n);
    if (m_stdinBuffer.contains("go\n") && !m_loading && !m_burstDone)
        beginLoad();
}

void GuestDriver::beginLoad()
{
    m_loading = true;
    for (const auto &g : m_guests)
        g->timer.start(int(m_random.bounded(m_options.intervalMs)));
    QTimer::singleShot(m_options.seconds * 1000, this, &GuestDriver::beginBurst);
}

void GuestDriver::beginBurst()
{
    m_loading = false;
    for (const auto &g : m_guests)
        g->timer.stop();
    say("burst");
    m_burstStartMs = m_clock.elapsed();
    // m_options.burst messages spread evenly over one second, round-robin over the guests.
    auto *tick = new QTimer(this);
    tick->setTimerType(Qt::PreciseTimer);
    tick->setInterval(10);
    auto next = std::make_shared<int>(0);
    connect(tick, &QTimer::timeout, this, [this, tick, next] {
        const qint64 due = std::min<qint64>(m_options.burst, (m_clock.elapsed() - m_burstStartMs + 10) *
                                                                 m_options.burst / 1000);
        while (*next < due) {
            send(m_guests.at(size_t(*next % int(m_guests.size()))).get());
            ++*next;
        }
        if (*next >= m_options.burst) {
            tick->stop();
            tick->deleteLater();
            m_burstSendMs = m_clock.elapsed() - m_burstStartMs;
            m_burstDone = true;
            maybeFinish();
        }
    });
    tick->start();
    QTimer::singleShot(120000, this, [this] {
        if (!m_reported)
            fail(QStringLiteral("acks missing after 120 s: %1 of %2").arg(m_acked + m_refused).arg(m_sent));
    });
}

void GuestDriver::maybeFinish()
{
    if (!m_burstDone || m_reported || m_acked + m_refused < m_sent)
        return;
    m_reported = true;
    const QJsonObject result{
        {QStringLiteral("sent"), m_sent},
        {QStringLiteral("acked"), m_acked},
        {QStringLiteral("refused"), m_refused},
        {QStringLiteral("received"), m_received},
        {QStringLiteral("burstSendMs"), m_burstSendMs},
        {QStringLiteral("ids"), QJsonArray::fromStringList(m_ackedIds)},
    };
    say(QByteArrayLiteral("result ") + QJsonDocument(result).toJson(QJsonDocument::Compact));
}

void GuestDriver::fail(const QString &why)
{
    if (m_reported)
        return;
    m_reported = true;
    say(QByteArrayLiteral("error ") + why.toUtf8());
    Q_EMIT done(1);
}
