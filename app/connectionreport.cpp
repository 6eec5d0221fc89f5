// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "connectionreport.h"

#include "client.h"

namespace Hubbub {

using WebPubSub::Client;

ConnectionReport::ConnectionReport(QObject *parent)
    : QObject(parent)
{}

void ConnectionReport::watch(Client *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    m_wasLive = false;
    if (!client)
        return;
    connect(client, &Client::stateChanged, this, &ConnectionReport::onStateChanged);
    connect(client, &Client::errorOccurred, this, &ConnectionReport::onError);
    connect(client, &Client::disconnected, this,
            [this](const QString &, const QString &, int closeCode, const QString &closeReason) {
                if (closeCode != 0)
                    noteClose(closeCode, describeClose(closeCode, closeReason));
            });
    connect(client, &Client::stopped, this, [this](int closeCode, const QString &closeReason) {
        if (closeCode != 0)
            noteClose(closeCode, describeClose(closeCode, closeReason));
    });
    connect(client, &Client::gapDetected, this, &ConnectionReport::noteGap);
}

void ConnectionReport::onStateChanged()
{
    if (!m_client)
        return;
    const Client::State state = m_client->state();
    if (state == Client::State::Connected) {
        m_wasLive = true;
        return;
    }
    // The link just dropped: the client has recorded how (1006 when no close frame came).
    if (m_wasLive && (state == Client::State::Recovering || state == Client::State::Reconnecting)) {
        m_wasLive = false;
        const auto d = m_client->diagnostics();
        if (d.lastCloseCode != 0)
            noteClose(d.lastCloseCode, describeClose(d.lastCloseCode, d.lastCloseReason));
    }
}

void ConnectionReport::onError(const WebPubSub::Error &error)
{
    // A failed attempt to connect: the socket's own words, mapped where we know them.
    if (error.message().contains(QLatin1String("refused"), Qt::CaseInsensitive))
        noteClose(m_closeCode, tr("connection refused: no service is listening there"));
}

QString ConnectionReport::describeClose(int code, const QString &reason)
{
    if (code == 0)
        return {};
    // The close codes a user meets, in words; any other is just "closed".
    static const struct
    {
        int code;
        const char *words;
    } known[] = {
        {1000, QT_TR_NOOP("closed normally")},
        {1001, QT_TR_NOOP("going away: the host quit or restarted")},
        {1006, QT_TR_NOOP("connection lost without a close (crash or network)")},
        {1008, QT_TR_NOOP("refused by policy (recovery refused)")},
        {1009, QT_TR_NOOP("message too big")},
        {1011, QT_TR_NOOP("server error")},
    };
    const char *words = QT_TR_NOOP("closed");
    for (const auto &entry : known) {
        if (entry.code == code)
            words = entry.words;
    }
    QString text = tr("%1 (%2)").arg(tr(words)).arg(code);
    // The service's reason helps when it says more than the code ("connection lost" is ours).
    const QString r = reason.trimmed();
    if (!r.isEmpty() && code != 1006)
        text += QStringLiteral(": ") + r.left(120);
    return text;
}

QString ConnectionReport::describeGap(const QStringList &groups, const QDateTime &from, const QDateTime &to)
{
    const QString fmt = QStringLiteral("HH:mm:ss");
    return tr("messages between %1 and %2 may be missing (%3)")
        .arg(from.toLocalTime().toString(fmt), to.toLocalTime().toString(fmt),
             groups.join(QStringLiteral(", ")));
}

void ConnectionReport::noteClose(int code, const QString &text)
{
    if (code == m_closeCode && text == m_closeText)
        return;
    m_closeCode = code;
    m_closeText = text;
    Q_EMIT changed();
}

void ConnectionReport::noteGap(const QStringList &groups, const QDateTime &from, const QDateTime &to)
{
    m_gapFrom = from;
    m_gapTo = to;
    m_gapText = describeGap(groups, from, to);
    Q_EMIT changed();
}

} // namespace Hubbub
