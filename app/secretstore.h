// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Keeps connection secrets (connection strings, Client Access URLs) in the system keychain.
//!
//! When no keychain is reachable (no D-Bus session, as in CI) the secret is kept in memory for
//! this session only and fallbackUsed() tells the UI; it is never written to disk.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace Hubbub {

class SecretStore : public QObject
{
    Q_OBJECT
public:
    //! \a service: the keychain service name ("hubbub/<profile>"). \a useKeychain false: memory only.
    explicit SecretStore(const QString &service, bool useKeychain = true, QObject *parent = nullptr);
    ~SecretStore() override;

    //! Stores \a secret under \a key; \a done(ok) runs when stored (in the keychain or in memory).
    void write(const QString &key, const QString &secret, std::function<void(bool inKeychain)> done = {});
    //! Reads \a key; \a done(found, secret).
    void read(const QString &key, std::function<void(bool found, const QString &secret)> done);
    void remove(const QString &key);

    //! The keychain failed at least once and secrets are kept in memory only.
    bool fallbackUsed() const { return m_fallbackUsed; }
    bool keychainEnabled() const { return m_useKeychain; }

Q_SIGNALS:
    //! The keychain is unavailable: the secret lives in memory for this session only.
    void keychainUnavailable(const QString &message);

private:
    void useFallback(const QString &reason);
    QString m_service;
    bool m_useKeychain;
    bool m_fallbackUsed = false;
    QHash<QString, QString> m_memory;
};

} // namespace Hubbub
