// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "secretstore.h"

#include "logging.h"

#include <qt6keychain/keychain.h>

namespace Hubbub {

SecretStore::SecretStore(const QString &service, bool useKeychain, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_useKeychain(useKeychain)
{}

SecretStore::~SecretStore() = default;

void SecretStore::useFallback(const QString &reason)
{
    // Never QKeychain's insecureFallback: that writes the secret to a plain settings file.
    const bool first = !m_fallbackUsed;
    m_fallbackUsed = true;
    qCWarning(lcApp) << "keychain unavailable, keeping secrets in memory:" << reason;
    if (first)
        Q_EMIT keychainUnavailable(tr("The system keychain is not available (%1). The secret is kept in "
                                      "memory for this session only.")
                                       .arg(reason));
}

void SecretStore::write(const QString &key, const QString &secret, std::function<void(bool)> done)
{
    // The memory copy also serves reads in this session while the keychain job runs.
    m_memory.insert(key, secret);
    if (!m_useKeychain || m_fallbackUsed) {
        if (m_useKeychain && !m_fallbackUsed)
            useFallback(tr("disabled"));
        if (done)
            done(false);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError;
        if (!ok)
            useFallback(j->errorString());
        if (done)
            done(ok);
    });
    job->start();
}

void SecretStore::read(const QString &key, std::function<void(bool, const QString &)> done)
{
    const auto it = m_memory.constFind(key);
    if (it != m_memory.cend()) {
        done(true, *it);
        return;
    }
    if (!m_useKeychain || m_fallbackUsed) {
        done(false, {});
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, done](QKeychain::Job *j) {
        auto *rj = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (rj->error() == QKeychain::NoError) {
            m_memory.insert(key, rj->textData());
            done(true, rj->textData());
            return;
        }
        if (rj->error() != QKeychain::EntryNotFound)
            useFallback(rj->errorString());
        done(false, {});
    });
    job->start();
}

void SecretStore::remove(const QString &key)
{
    m_memory.remove(key);
    if (!m_useKeychain || m_fallbackUsed)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->start();
}

} // namespace Hubbub
