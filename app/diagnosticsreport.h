// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The diagnostics panel's snapshot: the connection's figures as a map, and the same as
//! redacted text for "Copy diagnostics".
//!
//! It only reads: the client's diagnostics, the ConnectionReport (last close, last gap) and what
//! the ConnectionController knows (state, the app's outbox count). The one rule for the two
//! outboxes lives in collect().
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QVariantMap>

namespace WebPubSub {
class Client;
}

namespace Hubbub {

class ConnectionReport;

class DiagnosticsReport
{
    Q_DECLARE_TR_FUNCTIONS(DiagnosticsReport)

public:
    struct Inputs
    {
        QString state; //!< ConnectionController::stateName()
        int outboxCount = 0;
        const ConnectionReport *report = nullptr;
        const WebPubSub::Client *client = nullptr; //!< may be null
        QString hub;                               //!< asked for; the client's wins once known
        QString userId;                            //!< idem
        QDateTime lastMessageAt;
    };

    //! The keys listed at ConnectionController::diagnostics.
    static QVariantMap collect(const Inputs &inputs);
    //! Multi-line text of \a map, the endpoint and the transitions, tokens redacted.
    static QString text(const QVariantMap &map, const QString &endpointDescription,
                        const QString &transitions);
    //! "online", "site", "local", "disconnected" or "unknown" (no network information backend).
    static QString reachabilityName();
};

} // namespace Hubbub
