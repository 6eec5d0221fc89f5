// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The app's command line (and the knobs tests shorten), parsed outside main() so it is testable.
#pragma once

#include "clientoptions.h"

#include <QString>
#include <QStringList>

#include <chrono>

class QCommandLineParser;

namespace Hubbub {

struct AppOptions
{
    enum class Endpoint {
        Default,          //!< the profile's saved choice, else the local service
        Local,            //!< --local: the embedded/local service
        Negotiate,        //!< --negotiate URL
        Url,              //!< --url CLIENT_ACCESS_URL
        ConnectionString, //!< --connection-string STR --hub HUB
    };

    Endpoint endpoint = Endpoint::Default;
    QString negotiateUrl;
    QString clientAccessUrl;
    QString connectionString;
    QString hub;     //!< empty = "hubbub"
    QString user;    //!< userId and display name; empty = $USER
    QString profile; //!< empty = "default"

    // Not flags: what tests tune.
    bool useKeychain = true; //!< false: secrets stay in memory (tests)
    //! Port the embedded service tries first; 0 = any free port (tests).
    quint16 localServicePort = 8080;
    //! Whether to look for another instance's local service before starting one (off in tests).
    bool discoverLocalService = true;
    std::chrono::milliseconds heartbeatInterval{30000};
    std::chrono::milliseconds whoJitterMax{2000};
    std::chrono::milliseconds typingThrottle{3000};
    std::chrono::milliseconds typingExpiry{6000};
    std::chrono::milliseconds idleAwayAfter{5 * 60 * 1000};
    int historyPageSize = 100;
    //! The app opts in to resending in-doubt sends on a new connection (at-least-once) because
    //! every acked kind it sends is safe to receive twice: chat messages carry an id that every
    //! receiver deduplicates on (MessageModel, HistoryStore), presence and goodbye are idempotent
    //! state, typing is fire-and-forget (never in doubt), and backfill requests and answers carry
    //! an id receivers handle once (their relayed messages deduplicate by message id too). A new
    //! kind must keep this true.
    WebPubSub::ClientOptions clientOptions = [] {
        WebPubSub::ClientOptions o;
        o.resendInDoubt = true;
        return o;
    }();

    QString effectiveHub() const;
    QString effectiveUser() const;
    QString effectiveProfile() const;
    //! The profile's settings file (`AppConfigLocation/<profile>/settings.ini`): non-secret choices only.
    QString settingsPath() const;

    //! Adds the flags to \a parser (help, version included).
    static void addOptions(QCommandLineParser &parser);
    //! Parses \a arguments (argv form, program name first). On failure returns false with
    //! \a error set (also for --help/--version: then \a error holds the text to print and
    //! \a exitCode is 0).
    static bool parse(const QStringList &arguments, AppOptions *options, QString *error,
                      int *exitCode = nullptr);
};

} // namespace Hubbub
