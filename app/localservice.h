// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Finds or starts the local Hubbub service: "a working chat in one command".
//!
//! A second window (`hubbub --profile bob`) must join the service the first one embeds, so the
//! endpoint of a running embedded service is kept in a shared settings file and probed
//! (`HEAD /api/health`) before anything is started; then the well-known port is probed (a
//! standalone hubbub-service); only then is a service embedded in this process, on the
//! well-known port if free, else on any port. The access key is the one hubbub-service generates
//! and keeps in the user's config folder (Hubbub::AccessKeyFile, shared with hubbub-service), so
//! connection strings stay stable across runs, and a second instance that finds a running service
//! signs its own tokens with that key (checked with an authenticated probe) instead of asking an
//! open endpoint for one: it is the same user on the same computer, and /negotiate may need an
//! invite (service hosted on the LAN).
#pragma once

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Hubbub {

class Service;

class LocalService : public QObject
{
    Q_OBJECT
public:
    explicit LocalService(QObject *parent = nullptr);
    ~LocalService() override;

    //! Starts looking. \a preferredPort: tried first (8080); 0 = any port. \a discover false: do
    //! not look for another instance's service (tests). Emits found() or failed() once.
    void locate(quint16 preferredPort, bool discover);

    //! The embedded service, when this process runs it (moved out with takeService()).
    Service *service() const { return m_service.get(); }
    std::unique_ptr<Service> takeService();

    //! The key file hubbub-service uses (`<GenericConfigLocation>/hubbub/service-access-key`).
    static QString accessKeyFilePath();
    //! Reads the key, generating and saving one (mode 0600, atomically) if there is none or it is
    //! too short (Hubbub::AccessKeyFile).
    static QString readOrCreateAccessKey();
    //! After found() with embedded false: the key from the key file that the found service
    //! accepted (an authenticated REST probe passed), empty if there is none or it was refused.
    QString accessKey() const { return m_accessKey; }
    //! Where a running embedded service's endpoint is published for other instances.
    static QString sharedSettingsPath();
    //! Publishes (or with an empty url, withdraws) this process's embedded service endpoint.
    static void publishEndpoint(const QUrl &endpoint);
    //! Withdraws \a endpoint if this process published it: after a host handoff, another process
    //! may have published the same endpoint already, and a late withdrawal must not hide it.
    static void withdrawEndpoint(const QUrl &endpoint);

    //! What hostOnLan() did: \a ok false with \a error when the service could not be rebound;
    //! \a address is what others type in ("http://192.168.1.20:8080"), empty when not on the LAN;
    //! \a warning is set when no LAN address was found (others cannot reach this computer).
    struct LanHosting
    {
        bool ok = false;
        QString address;
        QString error;
        QString warning;
    };
    //! LAN hosting of the embedded \a service: rebinds it to every IPv4 interface (\a host) or
    //! back to loopback only. Its clients are closed with 1001 and reconnect on their own.
    static LanHosting hostOnLan(Service &service, bool host);
    //! A non-loopback IPv4 address of this machine, empty if none.
    static QString firstLanIPv4();

Q_SIGNALS:
    //! \a endpoint: http://host:port. \a embedded: the service runs in this process.
    void found(const QUrl &endpoint, bool embedded);
    void failed(const QString &message);

private:
    void probe(const QUrl &endpoint, std::function<void(bool alive)> done);
    //! Checks that the service at \a endpoint accepts the key file's key; then emits found().
    void adopt(const QUrl &endpoint);
    void tryPublished();
    void tryWellKnown();
    void startEmbedded();

    quint16 m_preferredPort = 8080;
    QNetworkAccessManager *m_nam;
    std::unique_ptr<Service> m_service;
    QString m_accessKey;
};

} // namespace Hubbub
