// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "localservice.h"

#include "accesskeyfile.h"
#include "logging.h"
#include "service.h"

#include <accesstoken.h>

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

namespace Hubbub {

namespace {
constexpr int kProbeTimeoutMs = 1500;
} // namespace

LocalService::LocalService(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{}

LocalService::~LocalService()
{
    if (m_service)
        withdrawEndpoint(m_service->endpoint());
}

std::unique_ptr<Service> LocalService::takeService()
{
    return std::move(m_service);
}

QString LocalService::accessKeyFilePath()
{
    return AccessKeyFile::defaultPath();
}

QString LocalService::readOrCreateAccessKey()
{
    QString error;
    const QString key = AccessKeyFile::readOrCreate(AccessKeyFile::defaultPath(), &error);
    if (!error.isEmpty())
        qCWarning(lcApp) << "local service key:" << error;
    return key;
}

QString LocalService::sharedSettingsPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/hubbub/local-service.ini");
}

void LocalService::publishEndpoint(const QUrl &endpoint)
{
    QSettings settings(sharedSettingsPath(), QSettings::IniFormat);
    if (endpoint.isEmpty()) {
        settings.remove(QStringLiteral("endpoint"));
        settings.remove(QStringLiteral("pid"));
    } else {
        settings.setValue(QStringLiteral("endpoint"), endpoint.toString());
        settings.setValue(QStringLiteral("pid"), QCoreApplication::applicationPid());
    }
}

void LocalService::withdrawEndpoint(const QUrl &endpoint)
{
    QSettings settings(sharedSettingsPath(), QSettings::IniFormat);
    const qint64 pid = settings.value(QStringLiteral("pid")).toLongLong();
    const QUrl published(settings.value(QStringLiteral("endpoint")).toString());
    if (pid != QCoreApplication::applicationPid() || (!endpoint.isEmpty() && published != endpoint))
        return;
    publishEndpoint({});
}

void LocalService::locate(quint16 preferredPort, bool discover)
{
    m_preferredPort = preferredPort;
    if (discover)
        tryPublished();
    else
        startEmbedded();
}

void LocalService::probe(const QUrl &endpoint, std::function<void(bool)> done)
{
    QUrl url = endpoint;
    url.setPath(QStringLiteral("/api/health"));
    QNetworkRequest request(url);
    request.setTransferTimeout(kProbeTimeoutMs);
    QNetworkReply *reply = m_nam->head(request);
    connect(reply, &QNetworkReply::finished, this, [reply, done]() {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        done(reply->error() == QNetworkReply::NoError && status == 200);
    });
}

void LocalService::adopt(const QUrl &endpoint)
{
    m_accessKey.clear();
    const QString key = AccessKeyFile::read();
    if (key.isEmpty()) {
        Q_EMIT found(endpoint, false);
        return;
    }
    // Any authenticated read will do: 200/404 mean the key signs tokens this service accepts.
    QUrl url = endpoint;
    url.setPath(QStringLiteral("/api/hubs/hubbub/groups/key-check"));
    WebPubSub::TokenClaims claims;
    claims.audience = url.toString();
    claims.issuedAt = QDateTime::currentDateTimeUtc();
    claims.expiresAt = claims.issuedAt.addSecs(60);
    url.setQuery(QStringLiteral("api-version=2024-01-01"));
    QNetworkRequest request(url);
    request.setTransferTimeout(kProbeTimeoutMs);
    request.setRawHeader("Authorization",
                         "Bearer " + WebPubSub::AccessToken::sign(claims, key.toUtf8()).toUtf8());
    QNetworkReply *reply = m_nam->head(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, endpoint, key]() {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 || status == 404)
            m_accessKey = key;
        else
            qCInfo(lcApp) << "the local service does not accept the key file's key (HTTP" << status << ")";
        Q_EMIT found(endpoint, false);
    });
}

void LocalService::tryPublished()
{
    const QSettings settings(sharedSettingsPath(), QSettings::IniFormat);
    const QUrl endpoint(settings.value(QStringLiteral("endpoint")).toString());
    if (!endpoint.isValid() || endpoint.isEmpty()) {
        tryWellKnown();
        return;
    }
    probe(endpoint, [this, endpoint](bool alive) {
        if (alive) {
            qCInfo(lcApp) << "joining the local service of another instance at" << endpoint.toString();
            adopt(endpoint);
        } else {
            tryWellKnown();
        }
    });
}

void LocalService::tryWellKnown()
{
    if (m_preferredPort == 0) {
        startEmbedded();
        return;
    }
    QUrl endpoint;
    endpoint.setScheme(QStringLiteral("http"));
    endpoint.setHost(QStringLiteral("127.0.0.1"));
    endpoint.setPort(m_preferredPort);
    probe(endpoint, [this, endpoint](bool alive) {
        if (alive) {
            qCInfo(lcApp) << "using the local service at" << endpoint.toString();
            adopt(endpoint);
        } else {
            startEmbedded();
        }
    });
}

void LocalService::startEmbedded()
{
    ServiceOptions options;
    options.listenAddress = QHostAddress::LocalHost;
    options.port = m_preferredPort;
    options.accessKey = readOrCreateAccessKey();
    // Its sockets and fan-out on a thread of their own: the GUI thread renders (Present mode).
    options.ownThread = true;
    m_service = std::make_unique<Service>(options);
    QString error;
    bool ok = m_service->start(&error);
    if (!ok && m_preferredPort != 0) {
        // The well-known port is taken by something that is not a Hubbub service.
        qCInfo(lcApp) << "embedded service:" << error << "- trying any free port";
        options.port = 0;
        m_service = std::make_unique<Service>(options);
        error.clear();
        ok = m_service->start(&error);
    }
    if (!ok) {
        m_service.reset();
        Q_EMIT failed(tr("Could not start the local service: %1").arg(error));
        return;
    }
    publishEndpoint(m_service->endpoint());
    qCInfo(lcApp) << "embedded service listening on" << m_service->endpoint().toString();
    Q_EMIT found(m_service->endpoint(), true);
}

LocalService::LanHosting LocalService::hostOnLan(Service &service, bool host)
{
    LanHosting result;
    const QHostAddress address =
        host ? QHostAddress(QHostAddress::AnyIPv4) : QHostAddress(QHostAddress::LocalHost);
    if (!service.rebind(address, &result.error))
        return result;
    result.ok = true;
    if (host) {
        const QString ip = firstLanIPv4();
        result.address = QStringLiteral("http://%1:%2")
                             .arg(ip.isEmpty() ? QStringLiteral("127.0.0.1") : ip)
                             .arg(service.port());
        if (ip.isEmpty())
            result.warning = tr("No LAN address found: others cannot reach this computer.");
    }
    return result;
}

QString LocalService::firstLanIPv4()
{
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        const auto flags = iface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning) ||
            flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        const auto entries = iface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            const QHostAddress ip = entry.ip();
            if (ip.protocol() == QAbstractSocket::IPv4Protocol && !ip.isLoopback() && !ip.isLinkLocal())
                return ip.toString();
        }
    }
    return {};
}

} // namespace Hubbub
