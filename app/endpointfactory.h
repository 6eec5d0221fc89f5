// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Turns the connection choice (options, the profile's settings, the keychain's secret)
//! into a configured WebPubSub::Client, and remembers the choice.
//!
//! ConnectionController decides *when* to connect; this class knows *how* each kind of endpoint
//! becomes a credential: a negotiate URL, a Client Access URL, a connection string + hub, or the
//! local service (embedded in this process, reached with the shared key file's key, or only
//! through its loopback /negotiate).
#pragma once

#include "appoptions.h"
#include "connectioncontroller.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace WebPubSub {
class Client;
}

namespace Hubbub {

class Preferences;
class SecretStore;
class Service;

class EndpointFactory
{
    Q_DECLARE_TR_FUNCTIONS(EndpointFactory)

public:
    EndpointFactory(const AppOptions &options, Preferences *preferences, SecretStore *secrets);

    //! A client and what the status bar says about where it connects.
    struct Endpoint
    {
        std::unique_ptr<WebPubSub::Client> client;
        QString description;
    };

    using Kind = ConnectionController::Kind;
    //! The name a kind is saved under in the settings ("negotiate", "url", "connectionString").
    static QString kindName(Kind kind);
    //! The kind saved as \a name; empty for "local", none or a name no version wrote.
    static std::optional<Kind> kindFromName(const QString &name);

    //! Why \a kind / \a value / \a hub cannot be used, empty when they can.
    static QString check(Kind kind, const QString &value, const QString &hub);
    //! Saves the choice: kind, hub and user to the settings, \a value to the keychain.
    void remember(Kind kind, const QString &value, const QString &hub, const QString &user);
    //! The saved choice is the local service again (the secret is removed).
    void rememberLocal();
    //! Calls \a done with the saved choice (no kind: the local service) and, for the other
    //! kinds, its secret from the keychain (\a found false when it is not there).
    void readSaved(std::function<void(bool found, std::optional<Kind> kind, const QString &secret,
                                      const QString &hub, const QString &user)>
                       done);

    //! A client for a negotiate URL, Client Access URL or connection string (\a kind as in
    //! check()); no client and \a error set when \a value is not usable.
    Endpoint forCredential(Kind kind, const QString &value, const QString &hub, const QString &user,
                           QString *error);
    //! A client for the service embedded in this process.
    Endpoint forEmbedded(const Service &service, const QString &hub, const QString &user) const;
    //! A client for another instance's local service at \a endpoint: signs its own tokens with
    //! \a accessKey when given (the shared key file's), else asks its loopback /negotiate.
    Endpoint forLocal(const QUrl &endpoint, const QString &accessKey, const QString &hub,
                      const QString &user) const;

private:
    std::unique_ptr<WebPubSub::Client> fromConnectionString(const QString &connectionString,
                                                            const QString &hub, const QString &user,
                                                            QString *error) const;

    AppOptions m_options;
    Preferences *m_preferences;
    SecretStore *m_secrets;
};

} // namespace Hubbub
