// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Takes over the local service when the app instance hosting it quits or crashes.
//!
//! The first instance on a machine embeds the service; the others connect to it (LocalService),
//! signing their tokens with the shared key file. When the host goes, they used to be stranded
//! ("Reconnecting…" forever, connection refused). Design:
//! - The port is the rendezvous; who hosts is not stored anywhere. A survivor whose link to a
//!   *loopback* service it reached with the key file's key (never a remote URL, Azure or a service
//!   with another key) sees the link drop (the client goes Recovering or Reconnecting: close 1001
//!   from a quitting host, or no close frame / connection refused from a crashed one) and tries to
//!   start a service itself on the same port with the same key.
//! - The OS arbitrates: a TCP port has one listener. QTcpServer sets SO_REUSEADDR on Unix, which on
//!   Linux only lets a listener bind over connections in TIME_WAIT (what a host that just quit
//!   leaves behind); it never lets a second socket listen on a port already listened on (that would
//!   take SO_REUSEPORT). So exactly one survivor wins; tst_hosthandoff checks that two services
//!   cannot share a port.
//! - Survivors wait a random 0–500 ms first, so they do not stampede.
//! - The attempt is triggered by the loss itself, not by the client's reconnect backoff (which may
//!   be up to 5 s): the winner's client is told to reconnect at once (to its own new service, a new
//!   connection: recovery is impossible, the old service's state is gone), and a loser whose client
//!   waits in the backoff is nudged once. A loser still recovering is left alone: its recovery
//!   attempts (every 500 ms) reach the new host, which refuses them (close 1008), and the client
//!   opens a new connection right away; if instead the old host is still alive (a transient drop),
//!   the recovery succeeds and nothing was lost.
//! - While the client stays disconnected the attempt is repeated (about every second): a host that
//!   is slow to release its port, or a winner that quits in turn, is taken over too.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace WebPubSub {
class Client;
}

namespace Hubbub {

class Service;

class HostHandoff : public QObject
{
    Q_OBJECT
public:
    explicit HostHandoff(QObject *parent = nullptr);
    ~HostHandoff() override;

    //! Whether a link to \a endpoint, reached with the key file's \a accessKey, is one this instance
    //! may take over: a loopback http endpoint with a port, and a key.
    static bool eligible(const QUrl &endpoint, const QString &accessKey);

    //! Watches \a client, connected to another instance's service at \a endpoint (signing with
    //! \a accessKey). A no-op (disarmed) unless eligible().
    void watch(WebPubSub::Client *client, const QUrl &endpoint, const QString &accessKey);
    //! Stops watching (this instance hosts now, or it connects elsewhere).
    void disarm();
    bool isArmed() const { return !m_client.isNull(); }

    //! Upper bound of the random delay before a takeover attempt (default 500 ms).
    void setMaxDelayMs(int ms) { m_maxDelayMs = ms; }

    //! After tookOver(): the new service (running), for the ConnectionController to own.
    std::unique_ptr<Service> takeService();

Q_SIGNALS:
    //! This instance now hosts the service at \a endpoint (takeService()); its client reconnects.
    void tookOver(const QUrl &endpoint);
    //! The port is held by another listener (a new host, or the old one after a transient drop).
    void yielded(const QUrl &endpoint);

private:
    void onClientState();
    void schedule(int delayMs);
    void attempt();

    QPointer<WebPubSub::Client> m_client;
    QUrl m_endpoint;
    QString m_accessKey;
    std::unique_ptr<Service> m_service;
    QTimer m_timer;
    int m_maxDelayMs = 500;
    bool m_nudged = false; // the loser's client was nudged once in this outage
};

} // namespace Hubbub
