// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "service.h"

#include "service_p.h"
#include "serviceworker.h"

#include <QThread>
#include <QWebSocketProtocol>

using namespace WebPubSub;

namespace Hubbub {

// ---------------------------------------------------------------------------------------------
// Service: with a worker (ServiceOptions::ownThread) its methods run ServicePrivate's on the
// worker (onServiceThread()) and its getters answer from the worker's snapshot; without one,
// directly.

Service::Service(ServiceOptions options, QObject *parent)
    : QObject(parent)
{
    if (options.ownThread) {
        w = std::make_unique<ServiceWorker>(this);
        // Created on the worker: its timers, servers and sockets belong to that thread.
        w->call([this, &options] {
            d = std::make_unique<ServicePrivate>(this, std::move(options));
            w->setSource(d.get());
        });
    } else {
        d = std::make_unique<ServicePrivate>(this, std::move(options));
    }
    // Guests come and go with connections; listeners compare connectedGuests() themselves.
    connect(this, &Service::connectionCountChanged, this, &Service::guestsChanged);
}

Service::~Service()
{
    const auto close = [this] {
        if (d->isRunning())
            d->closeAll(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Service is shutting down"),
                        QStringLiteral("ServiceShutdown"));
    };
    if (!w) {
        close();
        return;
    }
    // Closed first, so that the signals of the close come with a snapshot that shows it; then its
    // objects are destroyed on the thread they live in, and the worker is joined (~w).
    w->call([this, close] {
        close();
        d->teardown();
    });
    w->call([this] {
        w->setSource(nullptr);
        d.reset();
    });
}

void Service::onServiceThread(const std::function<void()> &f)
{
    if (w)
        w->call(f);
    else
        f();
}

QThread *Service::serviceThread() const
{
    return w ? w->thread() : thread();
}

bool Service::start(QString *error)
{
    bool ok = false;
    onServiceThread([this, &ok, error] { ok = d->start(error); });
    return ok;
}

void Service::stop()
{
    onServiceThread([this] { d->stop(); });
}

bool Service::rebind(const QHostAddress &address, QString *error)
{
    bool ok = false;
    onServiceThread([this, &ok, &address, error] { ok = d->rebind(address, error); });
    return ok;
}

bool Service::isRunning() const
{
    return w ? w->snapshot().running : d->isRunning();
}

quint16 Service::port() const
{
    return w ? w->snapshot().port : d->port();
}

QUrl Service::endpoint() const
{
    return w ? w->snapshot().endpoint : d->endpoint();
}

QString Service::connectionString() const
{
    return QStringLiteral("Endpoint=%1;AccessKey=%2;Version=1.0;")
        .arg(endpoint().toString(), options().accessKey);
}

QString Service::invite() const
{
    return w ? w->snapshot().invite : d->invite();
}

QUrl Service::joinUrl() const
{
    return w ? w->snapshot().joinUrl : d->joinUrl();
}

int Service::connectionCount() const
{
    return w ? w->snapshot().connectionCount : d->hubs.count();
}

const ServiceOptions &Service::options() const
{
    return w ? w->options() : d->options;
}

void Service::setJoinPage(bool on)
{
    onServiceThread([this, on] { d->setJoinPage(on); });
}

QStringList Service::connectedGuests() const
{
    return w ? w->snapshot().connectedGuests : d->guests.connectedGuests();
}

int Service::connectedGuestCount() const
{
    return w ? w->snapshot().connectedGuestCount : d->guests.counts().connected;
}

int Service::recoveringGuestCount() const
{
    return w ? w->snapshot().recoveringGuestCount : d->guests.counts().recovering;
}

int Service::goneGuestCount() const
{
    return w ? w->snapshot().goneGuestCount : d->guests.counts().gone;
}

void Service::setRecoveryWindow(std::chrono::milliseconds window)
{
    onServiceThread([this, window] { d->options.recoveryWindow = window; });
}

int Service::removeGuest(const QString &name)
{
    int closed = 0;
    onServiceThread([this, &closed, &name] { closed = d->guests.remove(name); });
    return closed;
}

void Service::setGuestsLocked(bool locked)
{
    onServiceThread([this, locked] { d->setGuestsLocked(locked); });
}

bool Service::guestsLocked() const
{
    return w ? w->snapshot().guestsLocked : d->guests.locked();
}

void Service::endGuestSession()
{
    onServiceThread([this] { d->endGuestSession(); });
}

void Service::announce(const QString &hub, const QString &text)
{
    auto send = [this, hub, text] {
        HubRegistry::deliver(d->hubs.connectionsOf(hub),
                             Frame::serverMessage(Payload::fromText(text), std::nullopt));
    };
    // Nothing to wait for: a fan-out to every guest need not hold up the caller.
    if (w)
        w->post(send);
    else
        send();
}

} // namespace Hubbub
