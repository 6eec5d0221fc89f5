// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file faultproxy.h
//! \brief A loopback TCP proxy that injects network faults between clients and hubbub-service.
//!
//! The chaos test puts it in front of the real service so that resets, half-open links and
//! refused connections hit the client library exactly as a bad network would, without touching
//! either program. Faults are modelled on what TCP shows to applications:
//!  - resetAll(): every link dies at once with an RST on both sides;
//!  - blackhole(): nothing passes in either direction, yet no side learns the link is gone (bytes
//!    wait, as unacknowledged TCP segments would, and flow again if the link survives; a side
//!    that gives up is only noticed by the other once the blackhole ends);
//!  - refuseNew(): new connections are accepted and reset at once.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTcpServer>

#include <chrono>
#include <memory>
#include <vector>

class QTcpSocket;

class FaultProxy : public QObject
{
    Q_OBJECT
public:
    struct Counts
    {
        int accepted = 0;   //!< connections forwarded to the service
        int refused = 0;    //!< connections reset on arrival during refuseNew()
        int resets = 0;     //!< resetAll() calls
        int linksReset = 0; //!< links torn down by resetAll()
        int blackholes = 0; //!< blackhole() calls
        int refusals = 0;   //!< refuseNew() calls
        qint64 bytesForwarded = 0;
    };

    explicit FaultProxy(quint16 targetPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    //! Listens on 127.0.0.1, port 0.
    bool listen();
    quint16 port() const;

    //! Aborts every link, with an RST to the client and to the service.
    void resetAll();
    //! Stops forwarding in both directions for \a duration, keeping every socket open.
    void blackhole(std::chrono::milliseconds duration);
    //! Resets every new connection on arrival for \a duration.
    void refuseNew(std::chrono::milliseconds duration);

    bool isBlackholed() const;
    bool isRefusing() const;
    int linkCount() const;
    Counts counts() const { return m_counts; }

private:
    struct Link;

    void onNewConnection();
    void forward(Link *link);
    void closeLink(Link *link, bool reset);
    void endBlackhole();

    quint16 m_targetPort;
    QTcpServer m_server;
    std::vector<std::unique_ptr<Link>> m_links;
    Counts m_counts;
    QElapsedTimer m_clock;
    qint64 m_blackholeUntil = -1; // m_clock ms
    qint64 m_refuseUntil = -1;
};
