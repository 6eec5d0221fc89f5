// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "endpointfactory.h"

#include "client.h"
#include "connectionstring.h"
#include "credential.h"
#include "enumnames.h"
#include "preferences.h"
#include "secretstore.h"
#include "service.h"

#include <QUrlQuery>

namespace Hubbub {

using WebPubSub::Client;

namespace {
const auto kSecretKey = QStringLiteral("endpoint");

const EnumName<EndpointFactory::Kind> kKindNames[] = {
    {EndpointFactory::Kind::Negotiate, "negotiate"},
    {EndpointFactory::Kind::Url, "url"},
    {EndpointFactory::Kind::ConnectionString, "connectionString"},
};

QString describeHost(const QUrl &url)
{
    const QString host = url.host();
    const int port = url.port();
    const QString hostPort = port > 0 ? host + u':' + QString::number(port) : host;
    if (host.endsWith(QLatin1String(".webpubsub.azure.com"), Qt::CaseInsensitive))
        return EndpointFactory::tr("Azure Web PubSub at %1").arg(hostPort);
    return EndpointFactory::tr("Service at %1").arg(hostPort);
}

WebPubSub::ClientTokenOptions tokenOptionsFor(const QString &user)
{
    WebPubSub::ClientTokenOptions tokenOptions;
    tokenOptions.userId = user;
    tokenOptions.roles = {QStringLiteral("webpubsub.joinLeaveGroup"),
                          QStringLiteral("webpubsub.sendToGroup")};
    return tokenOptions;
}
} // namespace

EndpointFactory::EndpointFactory(const AppOptions &options, Preferences *preferences, SecretStore *secrets)
    : m_options(options)
    , m_preferences(preferences)
    , m_secrets(secrets)
{}

QString EndpointFactory::kindName(Kind kind)
{
    return enumName(kKindNames, kind, ""); // empty: not a Kind (QML can pass any number)
}

std::optional<EndpointFactory::Kind> EndpointFactory::kindFromName(const QString &name)
{
    for (const EnumName<Kind> &entry : kKindNames) {
        if (name == QLatin1String(entry.name))
            return entry.value;
    }
    return std::nullopt;
}

QString EndpointFactory::check(Kind kind, const QString &value, const QString &hub)
{
    // QML can pass any number as a Kind.
    if (kindName(kind).isEmpty())
        return tr("Unknown connection kind \"%1\".").arg(int(kind));
    if (value.trimmed().isEmpty())
        return tr("Enter an address to connect to.");
    if (kind == Kind::ConnectionString) {
        QString error;
        if (!WebPubSub::ConnectionString::parse(value.trimmed(), &error))
            return tr("Invalid connection string: %1").arg(error);
        if (hub.trimmed().isEmpty())
            return tr("A connection string needs a hub name.");
    }
    return {};
}

void EndpointFactory::remember(Kind kind, const QString &value, const QString &hub, const QString &user)
{
    // Only non-secret choices go to the settings file; the value itself goes to the keychain.
    m_preferences->setConnectionChoice({kindName(kind), hub, user});
    m_secrets->write(kSecretKey, value);
}

void EndpointFactory::rememberLocal()
{
    m_preferences->setLocalChoice();
    m_secrets->remove(kSecretKey);
}

void EndpointFactory::readSaved(
    std::function<void(bool found, std::optional<Kind> kind, const QString &secret, const QString &hub,
                       const QString &user)>
        done)
{
    const Preferences::ConnectionChoice choice = m_preferences->connectionChoice();
    const std::optional<Kind> kind = kindFromName(choice.kind);
    if (!kind) {
        done(true, std::nullopt, {}, {}, {});
        return;
    }
    m_secrets->read(kSecretKey, [done, kind, choice](bool found, const QString &secret) {
        done(found, kind, secret, choice.hub, choice.user);
    });
}

EndpointFactory::Endpoint EndpointFactory::forCredential(Kind kind, const QString &value, const QString &hub,
                                                         const QString &user, QString *error)
{
    Endpoint result;
    if (kind == Kind::Negotiate) {
        QUrl url(value);
        // A bare "http://192.168.1.20:8080" (what "Host on LAN" shows) means a Hubbub service:
        // use its demo negotiate endpoint for this user and hub.
        if (url.path().isEmpty() || url.path() == u"/")
            url.setPath(QStringLiteral("/negotiate"));
        QUrlQuery query(url);
        if (url.path() == u"/negotiate") {
            if (!query.hasQueryItem(QStringLiteral("hub")))
                query.addQueryItem(QStringLiteral("hub"), hub);
            if (!query.hasQueryItem(QStringLiteral("userId")))
                query.addQueryItem(QStringLiteral("userId"), user);
            // A Hubbub service hosted on the LAN wants the invite and a device key that holds the
            // guest's name: this profile keeps one.
            if (query.hasQueryItem(QStringLiteral("invite")) && !query.hasQueryItem(QStringLiteral("device")))
                query.addQueryItem(QStringLiteral("device"), m_preferences->guestDeviceKey());
            url.setQuery(query);
        }
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
            *error = tr("A negotiate URL starts with http:// or https://.");
            return result;
        }
        result.client = std::make_unique<Client>(
            WebPubSub::Credential::fromNegotiateUrl(url, m_options.clientOptions.caCertificates),
            m_options.clientOptions);
        result.description = describeHost(url);
    } else if (kind == Kind::Url) {
        const QUrl url(value);
        if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss")) {
            *error = tr("A Client Access URL starts with ws:// or wss://.");
            return result;
        }
        result.client =
            std::make_unique<Client>(WebPubSub::Credential::fromUrl(url), m_options.clientOptions);
        result.description = describeHost(url);
    } else {
        result.client = fromConnectionString(value, hub, user, error);
        if (result.client)
            result.description = describeHost(WebPubSub::ConnectionString::parse(value)->endpoint());
    }
    return result;
}

EndpointFactory::Endpoint EndpointFactory::forEmbedded(const Service &service, const QString &hub,
                                                       const QString &user) const
{
    QString error;
    Endpoint result;
    result.client = fromConnectionString(service.connectionString(), hub, user, &error);
    const QUrl endpoint = service.endpoint();
    result.description = tr("Local service on %1:%2 (this app)").arg(endpoint.host()).arg(endpoint.port());
    return result;
}

EndpointFactory::Endpoint EndpointFactory::forLocal(const QUrl &endpoint, const QString &accessKey,
                                                    const QString &hub, const QString &user) const
{
    Endpoint result;
    result.description = tr("Local service on %1:%2").arg(endpoint.host()).arg(endpoint.port());
    if (!accessKey.isEmpty()) {
        // Another instance's service, whose key is in the shared key file: the same user on the
        // same computer signs its own tokens (no open endpoint involved, works on the LAN too).
        QString error;
        result.client = fromConnectionString(QStringLiteral("Endpoint=%1;AccessKey=%2;Version=1.0;")
                                                 .arg(endpoint.toString(QUrl::RemovePath), accessKey),
                                             hub, user, &error);
        return result;
    }
    // A service started with another key (hubbub-service --access-key): its loopback /negotiate is
    // what is left.
    QUrl negotiate = endpoint;
    negotiate.setPath(QStringLiteral("/negotiate"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("hub"), hub);
    query.addQueryItem(QStringLiteral("userId"), user);
    negotiate.setQuery(query);
    result.client = std::make_unique<Client>(
        WebPubSub::Credential::fromNegotiateUrl(negotiate, m_options.clientOptions.caCertificates),
        m_options.clientOptions);
    return result;
}

std::unique_ptr<Client> EndpointFactory::fromConnectionString(const QString &connectionString,
                                                              const QString &hub, const QString &user,
                                                              QString *error) const
{
    QString parseError;
    const auto cs = WebPubSub::ConnectionString::parse(connectionString, &parseError);
    if (!cs) {
        *error = tr("Invalid connection string: %1").arg(parseError);
        return nullptr;
    }
    return std::make_unique<Client>(
        WebPubSub::Credential::fromConnectionString(*cs, hub, tokenOptionsFor(user)),
        m_options.clientOptions);
}

} // namespace Hubbub
