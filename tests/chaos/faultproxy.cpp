// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "faultproxy.h"

#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

#include <algorithm>

using namespace std::chrono_literals;

struct FaultProxy::Link
{
    QTcpSocket *client = nullptr;
    QTcpSocket *service = nullptr;
    bool clientGone = false;
    bool serviceGone = false;
};

namespace {

// abort() alone closes with a FIN when nothing is unread; a zero linger time makes the kernel send
// an RST, which is what a reset link looks like to the peer (ECONNRESET, no close frame).
void hardReset(QTcpSocket *socket)
{
    if (socket->socketDescriptor() != -1) {
        linger option{1, 0};
        ::setsockopt(static_cast<int>(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &option,
                     sizeof option);
    }
    socket->abort();
}

// Closes our side after handing over what is already buffered, as the peer's FIN would.
void closeGracefully(QTcpSocket *socket)
{
    socket->flush();
    socket->disconnectFromHost();
}

} // namespace

FaultProxy::FaultProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    for (const auto &link : m_links) {
        for (QTcpSocket *socket : {link->client, link->service}) {
            socket->disconnect(this);
            socket->abort();
        }
    }
}

bool FaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 FaultProxy::port() const
{
    return m_server.serverPort();
}

bool FaultProxy::isBlackholed() const
{
    return m_blackholeUntil >= 0 && m_clock.elapsed() < m_blackholeUntil;
}

bool FaultProxy::isRefusing() const
{
    return m_refuseUntil >= 0 && m_clock.elapsed() < m_refuseUntil;
}

int FaultProxy::linkCount() const
{
    return static_cast<int>(m_links.size());
}

void FaultProxy::resetAll()
{
    ++m_counts.resets;
    // closeLink() edits m_links, so walk a snapshot.
    std::vector<Link *> links;
    for (const auto &link : m_links)
        links.push_back(link.get());
    for (Link *link : links) {
        ++m_counts.linksReset;
        closeLink(link, true);
    }
}

void FaultProxy::blackhole(std::chrono::milliseconds duration)
{
    ++m_counts.blackholes;
    m_blackholeUntil = std::max(m_blackholeUntil, m_clock.elapsed() + duration.count());
    QTimer::singleShot(duration, Qt::PreciseTimer, this, &FaultProxy::endBlackhole);
}

void FaultProxy::refuseNew(std::chrono::milliseconds duration)
{
    ++m_counts.refusals;
    m_refuseUntil = std::max(m_refuseUntil, m_clock.elapsed() + duration.count());
}

void FaultProxy::endBlackhole()
{
    // Overlapping blackholes: only the last timer ends it. A timer that fires a little early
    // must not leave idle links held until their next byte: try again for the remainder.
    if (isBlackholed()) {
        QTimer::singleShot(std::max<qint64>(1, m_blackholeUntil - m_clock.elapsed()), Qt::PreciseTimer, this,
                           &FaultProxy::endBlackhole);
        return;
    }
    std::vector<Link *> links;
    for (const auto &link : m_links)
        links.push_back(link.get());
    for (Link *link : links)
        forward(link);
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (isRefusing()) {
            ++m_counts.refused;
            // Reset once the client has seen the connection established (its first bytes, or
            // 50 ms): a reset during Qt's connect check makes QAbstractSocket silently dial again,
            // which would turn one refusal into thousands.
            auto reset = [client] {
                if (client->state() != QAbstractSocket::UnconnectedState)
                    hardReset(client);
                client->deleteLater();
            };
            connect(client, &QTcpSocket::readyRead, client, reset);
            QTimer::singleShot(50ms, client, reset);
            continue;
        }
        ++m_counts.accepted;
        auto owned = std::make_unique<Link>();
        Link *link = owned.get();
        link->client = client;
        link->service = new QTcpSocket(this);
        m_links.push_back(std::move(owned));

        connect(client, &QTcpSocket::readyRead, this, [this, link] { forward(link); });
        connect(client, &QTcpSocket::disconnected, this, [this, link] {
            link->clientGone = true;
            forward(link);
        });
        connect(client, &QAbstractSocket::errorOccurred, this, [this, link] {
            link->clientGone = true;
            forward(link);
        });
        connect(link->service, &QTcpSocket::connected, this, [this, link] { forward(link); });
        connect(link->service, &QTcpSocket::readyRead, this, [this, link] { forward(link); });
        connect(link->service, &QTcpSocket::disconnected, this, [this, link] {
            link->serviceGone = true;
            forward(link);
        });
        connect(link->service, &QAbstractSocket::errorOccurred, this, [this, link] {
            link->serviceGone = true;
            forward(link);
        });
        link->service->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

void FaultProxy::forward(Link *link)
{
    // A blackhole hides data and closes alike: the other side learns nothing until it ends.
    if (isBlackholed())
        return;
    if (link->service->state() == QAbstractSocket::ConnectedState) {
        if (const QByteArray up = link->client->readAll(); !up.isEmpty()) {
            m_counts.bytesForwarded += up.size();
            link->service->write(up);
        }
    }
    if (link->client->state() == QAbstractSocket::ConnectedState) {
        if (const QByteArray down = link->service->readAll(); !down.isEmpty()) {
            m_counts.bytesForwarded += down.size();
            link->client->write(down);
        }
    }
    if (link->clientGone || link->serviceGone)
        closeLink(link, false);
}

void FaultProxy::closeLink(Link *link, bool reset)
{
    const auto it = std::find_if(m_links.begin(), m_links.end(),
                                 [link](const std::unique_ptr<Link> &l) { return l.get() == link; });
    if (it == m_links.end())
        return;
    std::unique_ptr<Link> owned = std::move(*it);
    m_links.erase(it);
    for (QTcpSocket *socket : {owned->client, owned->service}) {
        socket->disconnect(this);
        if (reset)
            hardReset(socket);
        else
            closeGracefully(socket);
        socket->deleteLater();
    }
}
