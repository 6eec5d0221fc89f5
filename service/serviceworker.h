// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The worker thread of a Hubbub::Service started with ServiceOptions::ownThread (the app's
//! embedded service), and what the thread that owns the Service sees of it.
//!
//! The sockets, timers and hubs live on the worker, so that a fan-out to hundreds of guests and
//! their acknowledgements do not hold up the GUI thread. A control call of the owner runs on the
//! worker and waits for it (call()); a getter answers from a snapshot the worker took after its
//! last change and handed over with the signals of that change (queued), or at the end of a call.
//! So the owner never waits for a busy worker to read a count, never sees a value before the
//! signal that announces it, and a control call's signals are emitted before it returns, as they
//! are without a worker.
#pragma once

#include "service.h"

#include <QList>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QThread;

namespace Hubbub {

class ServicePrivate;

//! What Service's getters answer on the owner's thread when the service has a worker.
struct ServiceSnapshot
{
    quint64 serial = 0; //!< increasing: an update handed over late does not undo a newer one
    bool running = false;
    quint16 port = 0;
    QUrl endpoint;
    QString invite;
    QUrl joinUrl;
    int connectionCount = 0;
    QStringList connectedGuests;
    int connectedGuestCount = 0;
    int recoveringGuestCount = 0;
    int goneGuestCount = 0;
    bool guestsLocked = false;
};

class ServiceWorker
{
public:
    //! One of Service's change signals.
    using Signal = void (Service::*)();

    //! Starts the worker thread for \a q (which lives on the calling thread).
    explicit ServiceWorker(Service *q);
    //! Quits and joins the thread; the ServicePrivate must be gone (destroyed on the worker).
    ~ServiceWorker();
    ServiceWorker(const ServiceWorker &) = delete;
    ServiceWorker &operator=(const ServiceWorker &) = delete;

    QThread *thread() const { return m_thread.get(); }

    // The owner's side.
    //! Runs \a f on the worker and waits for it; then takes over the snapshot and options the
    //! worker left and emits the signals of the changes it noted meanwhile (each once, in order).
    void call(const std::function<void()> &f);
    //! Runs \a f on the worker without waiting (what returns nothing and changes no state).
    void post(std::function<void()> f);
    const ServiceSnapshot &snapshot() const { return m_snapshot; }
    const ServiceOptions &options() const { return m_options; }

    // The worker's side.
    //! The state snapshots are taken of (null while there is none).
    void setSource(ServicePrivate *source) { m_source = source; }
    //! A change: inside a call(), \a signal is emitted when the call returns; otherwise a snapshot
    //! and \a signal (may be null: the snapshot alone) are handed to the owner's thread, queued.
    void noteChange(Signal signal);

private:
    void apply(const ServiceSnapshot &snapshot, const QList<Signal> &signalsToEmit);

    Service *q;
    std::unique_ptr<QThread> m_thread;
    QObject *m_anchor = nullptr; //!< lives on the worker: the context of what runs there
    // Worker only.
    ServicePrivate *m_source = nullptr;
    bool m_inCall = false;
    QList<Signal> m_collected;
    // Owner only.
    ServiceSnapshot m_snapshot;
    ServiceOptions m_options;
};

} // namespace Hubbub
