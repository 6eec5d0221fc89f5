// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file service.h
//! \brief hubbub-service as a library: a local stand-in for Azure Web PubSub.
//!
//! The same object runs behind the `hubbub-service` executable and inside the desktop app (the
//! embedded service of a first launch). It owns its listening socket(s), the hubs with their
//! connections and groups, and the REST API; it is not a scale-out design (one process, state in
//! memory), which is what a demo laptop, CI and a LAN need.
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QThread;

namespace Hubbub {

struct ServiceOptions
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8080;          //!< 0 = any free port
    QString accessKey;            //!< at least 32 characters
    QString upstreamUrlTemplate;  //!< `{hub}`/`{event}` expanded; empty = no upstream
    bool negotiateEnabled = true; //!< the demo `/negotiate` endpoint
    //! The invite guests need for `/negotiate` (at least 16 characters). Empty: one is generated
    //! (144 bits) when listening beyond loopback, and there is none on loopback.
    QString invite;
    //! Serve the guest page at `/join` (service.md). An invite is then always in force, on loopback too.
    bool joinPage = false;
    //! Serve TLS (`https://`, `wss://`) with this configuration's local certificate chain and
    //! private key; a null configuration (the default) serves plain HTTP.
    QSslConfiguration tls;
    // HTTP limits (ConnectionRouter; tests shorten them).
    std::chrono::milliseconds requestHeadTimeout{10000}; //!< a request head must arrive within this (408)
    std::chrono::milliseconds httpIdleTimeout{60000};    //!< idle keep-alive HTTP sockets are closed
    int maxHttpConnections = 512; //!< sockets held that are not WebSockets; the oldest stalled is evicted
    qint64 maxRequestBodyBytes = 16 * 1024 * 1024; //!< 413 beyond (Content-Length or chunked)
    // Reliable protocol limits (tests shorten them).
    std::chrono::milliseconds recoveryWindow{30000};
    int maxUnackedMessages = 1000;
    qint64 maxUnackedBytes = 16 * 1024 * 1024;
    //! WebSocket ping interval; a client that answers nothing for 3 intervals is dropped.
    std::chrono::milliseconds keepAliveInterval{20000};
    //! Run the sockets, timers and hubs on a worker thread of the Service's own (the app's embedded
    //! service: its GUI thread only renders). The Service is then used from the thread that
    //! created it: control calls (start, stop, rebind, setters, removeGuest, endGuestSession) run
    //! on the worker and wait for it, their signals emitted before they return; getters answer
    //! from what the worker published with its last signal, without waiting; signals of the
    //! worker's own changes (connections, guests) arrive queued; announce() does not wait.
    bool ownThread = false;
};

class ServicePrivate;
class ServiceWorker;

class Service : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(QUrl endpoint READ endpoint NOTIFY runningChanged)
    Q_PROPERTY(int connectionCount READ connectionCount NOTIFY connectionCountChanged)
public:
    explicit Service(ServiceOptions options, QObject *parent = nullptr);
    ~Service() override;

    //! Binds and starts accepting. False with \a error ("port 8080 is already in use") on failure.
    bool start(QString *error = nullptr);
    //! Closes every client connection with close code 1001 and stops listening.
    void stop();
    //! Stops listening and listens again on \a address (e.g. Any for "Host on LAN"), same port if
    //! possible; existing connections are closed with 1001 (clients reconnect).
    bool rebind(const QHostAddress &address, QString *error = nullptr);

    bool isRunning() const;
    quint16 port() const;
    //! http://ADDR:PORT (https:// with TLS) as clients should use it (127.0.0.1 for loopback).
    QUrl endpoint() const;
    //! `Endpoint=http(s)://…;AccessKey=…;Version=1.0;`
    QString connectionString() const;
    //! The invite in force (what guests need for `/negotiate`), empty when none: the configured one,
    //! or one generated once per Service while it listens beyond loopback.
    QString invite() const;
    //! With ServiceOptions::joinPage, the URL a guest opens (invite included); empty otherwise.
    QUrl joinUrl() const;
    int connectionCount() const;
    const ServiceOptions &options() const;
    //! The thread the sockets, timers and hubs live on: the worker with ServiceOptions::ownThread,
    //! else the Service's own thread.
    QThread *serviceThread() const;

    // Guest controls (the app's Present mode; GuestControls).
    //! Turns the guest page (`/join`) on or off while running (an invite is then in force).
    void setJoinPage(bool on);
    //! The names (without `guest:`) of the guests connected now, each once.
    QStringList connectedGuests() const;
    //! How many guests are connected, recovering (reliable connection dropped, recovery window
    //! open) and gone (left, removed or expired) this session; guestsChanged() when they change.
    int connectedGuestCount() const;
    int recoveringGuestCount() const;
    int goneGuestCount() const;
    //! The recovery window of connections admitted from now on (ServiceOptions::recoveryWindow).
    void setRecoveryWindow(std::chrono::milliseconds window);
    //! Closes every connection of guest \a name and releases the name for another device; the
    //! number of connections closed.
    int removeGuest(const QString &name);
    //! Locks the rooms to presenters: while locked a guest's sendToGroup is refused (Forbidden),
    //! also on connections recovered or negotiated while locked; unlocking restores it.
    void setGuestsLocked(bool locked);
    bool guestsLocked() const;
    //! Closes every guest connection and voids the invite: a new one is in force (joinUrl()
    //! changes, the old one is refused with 403); the lock is lifted.
    void endGuestSession();
    //! Sends \a text as a server message (`from: server`) to every connection of \a hub, as REST
    //! `POST /api/hubs/{hub}/:send` does: the guest page shows it as an announcement.
    void announce(const QString &hub, const QString &text);

Q_SIGNALS:
    void runningChanged();
    void connectionCountChanged();
    //! connectedGuests() or the guest counts may have changed.
    void guestsChanged();
    void guestsLockedChanged();
    //! invite() and joinUrl() changed (endGuestSession(), setJoinPage()).
    void inviteChanged();

private:
    friend class ServicePrivate;
    //! Runs \a f where the service lives: on the worker (waiting for it), or here.
    void onServiceThread(const std::function<void()> &f);

    std::unique_ptr<ServiceWorker> w; //!< with ServiceOptions::ownThread; outlives d
    std::unique_ptr<ServicePrivate> d;
};

} // namespace Hubbub
