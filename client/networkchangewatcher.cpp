// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "networkchangewatcher.h"

#include "logging_p.h"

#include <QCoreApplication>
#include <QDebug>
#include <QMutex>
#include <QNetworkInformation>
#include <QPointer>

namespace WebPubSub {

NetworkChangeWatcher *NetworkChangeWatcher::instance()
{
    // One per application object (tests may create several in turn); owned by it.
    static QPointer<NetworkChangeWatcher> watcher;
    static QBasicMutex mutex; // clients may be created in several threads
    const QMutexLocker lock(&mutex);
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return nullptr;
    if (!watcher) {
        auto *w = new NetworkChangeWatcher;
        w->moveToThread(app->thread());
        w->setParent(app);
        watcher = w;
    }
    return watcher;
}

NetworkChangeWatcher::NetworkChangeWatcher()
{
    if (!QNetworkInformation::instance())
        QNetworkInformation::loadDefaultBackend();
    QNetworkInformation *info = QNetworkInformation::instance();
    m_hasBackend = info != nullptr;
    if (!info) {
        qCInfo(lcSocket) << "no network information backend: network changes are not noticed";
        return;
    }
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) {
                QString why;
                QDebug(&why) << "reachability changed to" << r;
                notifyChanged(why);
            });
    connect(info, &QNetworkInformation::transportMediumChanged, this,
            [this](QNetworkInformation::TransportMedium medium) {
                QString why;
                QDebug(&why) << "transport medium changed to" << medium;
                notifyChanged(why);
            });
}

void NetworkChangeWatcher::notifyChanged(const QString &why)
{
    qCInfo(lcSocket).noquote() << "network" << why;
    Q_EMIT changed(why);
}

} // namespace WebPubSub
