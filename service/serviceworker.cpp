// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "serviceworker.h"

#include "service_p.h"

#include <QThread>

namespace Hubbub {

ServiceWorker::ServiceWorker(Service *q)
    : q(q)
    , m_thread(std::make_unique<QThread>())
    , m_anchor(new QObject)
{
    m_thread->setObjectName(QStringLiteral("hubbub-service"));
    m_anchor->moveToThread(m_thread.get());
    // Deleted on the worker once its event loop has ended (deferred deletions still run then).
    QObject::connect(m_thread.get(), &QThread::finished, m_anchor, &QObject::deleteLater);
    m_thread->start();
}

ServiceWorker::~ServiceWorker()
{
    m_thread->quit();
    m_thread->wait();
}

void ServiceWorker::call(const std::function<void()> &f)
{
    ServiceSnapshot snapshot;
    QList<Signal> noted;
    auto run = [&] {
        m_inCall = true;
        f();
        m_inCall = false;
        noted = std::exchange(m_collected, {});
        if (m_source) {
            snapshot = m_source->snapshot();
            // The options change only in calls (rebind, setJoinPage, ...): the owner's copy follows
            // here, while the owner waits.
            m_options = m_source->options;
        }
    };
    if (QThread::currentThread() == m_thread.get())
        run(); // not expected (the worker does not call its own Service), but no deadlock
    else
        QMetaObject::invokeMethod(m_anchor, run, Qt::BlockingQueuedConnection);
    apply(snapshot, noted);
}

void ServiceWorker::post(std::function<void()> f)
{
    QMetaObject::invokeMethod(m_anchor, std::move(f), Qt::QueuedConnection);
}

void ServiceWorker::noteChange(Signal signal)
{
    if (m_inCall) {
        if (signal && !m_collected.contains(signal))
            m_collected.append(signal);
        return;
    }
    if (!m_source)
        return;
    // Queued to the Service itself: an update still on its way when the Service goes is dropped.
    QMetaObject::invokeMethod(
        q,
        [this, snapshot = m_source->snapshot(), signal] {
            apply(snapshot, signal ? QList<Signal>{signal} : QList<Signal>{});
        },
        Qt::QueuedConnection);
}

void ServiceWorker::apply(const ServiceSnapshot &snapshot, const QList<Signal> &signalsToEmit)
{
    if (snapshot.serial > m_snapshot.serial)
        m_snapshot = snapshot;
    for (Signal signal : signalsToEmit)
        Q_EMIT(q->*signal)();
}

} // namespace Hubbub
