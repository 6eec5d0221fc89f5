// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "localservice.h"

#include "logging.h"
#include "service.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

namespace Hubbub {

namespace {
constexpr int kProbeTimeoutMs = 1500;
constexpr qsizetype kMinKeyLength = 32;
} // namespace

LocalService::LocalService(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{}

LocalService::~LocalService()
{
    if (m_service)
        publishEndpoint({});
}

std::unique_ptr<Service> LocalService::takeService()
{
    return std::move(m_service);
}

QString LocalService::accessKeyFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/hubbub/service-access-key");
}

QString LocalService::readOrCreateAccessKey()
{
    const QString path = accessKeyFilePath();
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QString key = QString::fromUtf8(file.readAll()).trimmed();
        if (key.size() >= kMinKeyLength && !key.contains(u';'))
            return key;
    }
    file.close();
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString key;
    for (int i = 0; i < 44; ++i)
        key.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]));
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        // The key signs every token of the local service: readable by this user only.
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(key.toUtf8() + '\n');
    } else {
        qCWarning(lcApp) << "cannot save the local service key to" << path;
    }
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
            Q_EMIT found(endpoint, false);
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
            Q_EMIT found(endpoint, false);
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

} // namespace Hubbub
