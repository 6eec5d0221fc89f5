// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file networkchangewatcher.h
//! \brief One place that tells every open link the network changed (reachability or transport
//! medium, as QNetworkInformation reports them), so each LivenessCheck probes at once.
//!
//! A Wi-Fi switch or a new access point often leaves a TCP connection that looks fine but is dead;
//! a ping right away finds out within seconds instead of at the dead-link deadline. Where no
//! backend loads (no NetworkManager on D-Bus, as in CI) nothing is ever reported, which is
//! harmless: the pings and the deadline still apply. Private (not installed); exported for the
//! unit tests, which report a change through notifyChanged() as the backend would.
#pragma once

#include "webpubsub_export.h"

#include <QObject>
#include <QString>

namespace WebPubSub {

class WEBPUBSUB_EXPORT NetworkChangeWatcher : public QObject
{
    Q_OBJECT
public:
    //! The process-wide watcher (loads the platform's QNetworkInformation backend once); lives in
    //! the application's thread. nullptr without a QCoreApplication.
    static NetworkChangeWatcher *instance();

    //! Whether a QNetworkInformation backend loaded (else no change is ever reported by itself).
    bool hasBackend() const { return m_hasBackend; }

    //! The network changed (\a why says how, for the log): emits changed(). Called by the
    //! backend's signals; the tests' way in.
    void notifyChanged(const QString &why);

Q_SIGNALS:
    void changed(const QString &why);

private:
    NetworkChangeWatcher();
    bool m_hasBackend = false;
};

} // namespace WebPubSub
