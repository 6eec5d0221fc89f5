// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "hosthandoff.h"

#include "client.h"
#include "logging.h"
#include "service.h"

#include <QHostAddress>
#include <QRandomGenerator>

namespace Hubbub {

using WebPubSub::Client;

namespace {
// While still disconnected after an attempt, the next one follows after this (plus jitter).
constexpr int kRetryMs = 1000;

bool disconnectedState(Client::State state)
{
    return state == Client::State::Recovering || state == Client::State::Reconnecting;
}
} // namespace

HostHandoff::HostHandoff(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HostHandoff::attempt);
}

HostHandoff::~HostHandoff() = default;

bool HostHandoff::eligible(const QUrl &endpoint, const QString &accessKey)
{
    if (accessKey.isEmpty() || endpoint.scheme() != u"http" || endpoint.port() <= 0)
        return false;
    const QString host = endpoint.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

void HostHandoff::watch(Client *client, const QUrl &endpoint, const QString &accessKey)
{
    disarm();
    if (!client || !eligible(endpoint, accessKey))
        return;
    m_client = client;
    m_endpoint = endpoint;
    m_accessKey = accessKey;
    connect(client, &Client::stateChanged, this, &HostHandoff::onClientState);
    qCDebug(lcApp) << "host handoff armed for" << endpoint.toString();
}

void HostHandoff::disarm()
{
    m_timer.stop();
    if (m_client)
        m_client->disconnect(this);
    m_client = nullptr;
    m_nudged = false;
}

std::unique_ptr<Service> HostHandoff::takeService()
{
    return std::move(m_service);
}

void HostHandoff::onClientState()
{
    if (!m_client)
        return;
    const Client::State state = m_client->state();
    if (state == Client::State::Connected) {
        m_timer.stop();
        m_nudged = false;
        return;
    }
    // The loss itself triggers the attempt (not the client's backoff timer).
    if (disconnectedState(state) && !m_timer.isActive())
        schedule(m_maxDelayMs > 0 ? QRandomGenerator::global()->bounded(m_maxDelayMs + 1) : 0);
}

void HostHandoff::schedule(int delayMs)
{
    m_timer.start(delayMs);
}

void HostHandoff::attempt()
{
    if (!m_client || !disconnectedState(m_client->state()))
        return; // reconnected (or stopping): the host is there, or we are leaving
    ServiceOptions options;
    options.listenAddress = QHostAddress::LocalHost;
    options.port = quint16(m_endpoint.port());
    options.accessKey = m_accessKey;
    options.ownThread = true; // as LocalService embeds it
    auto service = std::make_unique<Service>(options);
    QString error;
    if (service->start(&error)) {
        qCInfo(lcApp) << "the local service's host is gone; this instance hosts it now on"
                      << service->endpoint().toString();
        m_service = std::move(service);
        QPointer<Client> client = m_client;
        disarm(); // a host does not take over its own service
        Q_EMIT tookOver(m_endpoint);
        // A new connection to our own service, now: the old service's connection cannot be recovered.
        if (client)
            client->forceReconnect();
        return;
    }
    qCDebug(lcApp) << "host handoff: port" << m_endpoint.port() << "is held:" << error;
    Q_EMIT yielded(m_endpoint);
    if (!m_client)
        return;
    if (!m_nudged && m_client->state() == Client::State::Reconnecting) {
        // Waiting in the backoff: the listener (a new host) is there now.
        m_nudged = true;
        m_client->forceReconnect();
    }
    if (disconnectedState(m_client->state()))
        schedule(kRetryMs + QRandomGenerator::global()->bounded(m_maxDelayMs + 1));
}

} // namespace Hubbub
