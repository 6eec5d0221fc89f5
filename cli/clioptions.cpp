// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "clioptions.h"

#include "tlsconfiguration.h"

#include <protocolnames.h>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubbub::Cli {

namespace ProtocolNames = WebPubSub::ProtocolNames;

namespace {

// Reads a non-negative integer flag; false (with \a error set) when present but not a number.
bool readCount(const QCommandLineParser &parser, const QString &name, int *value, QString *error)
{
    if (!parser.isSet(name))
        return true;
    const QString text = parser.value(name);
    bool ok = false;
    const int parsed = text.toInt(&ok);
    if (!ok || parsed < 0) {
        *error = u"--%1 needs a non-negative integer, got \"%2\""_s.arg(name, text);
        return false;
    }
    *value = parsed;
    return true;
}

} // namespace

CliOptions::Outcome CliOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Web PubSub client driven by JSON lines on stdin; events on stdout."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addOptions({
        {u"url"_s, u"Client Access URL (ws:// or wss://…/client/hubs/<hub>?access_token=…)."_s, u"URL"_s},
        {u"negotiate"_s, u"HTTP(S) endpoint answering GET with {\"url\": …}."_s, u"URL"_s},
        {u"connection-string"_s, u"Endpoint=…;AccessKey=…;Version=1.0; (mints its own token)."_s, u"STR"_s},
        {u"hub"_s, u"Hub name, with --connection-string."_s, u"HUB"_s},
        {u"user"_s, u"userId put in a minted token."_s, u"ID"_s},
        {u"role"_s, u"A role put in a minted token (repeatable)."_s, u"ROLE"_s},
        {u"group"_s, u"A group joined on connect, put in a minted token (repeatable)."_s, u"G"_s},
        {u"protocol"_s,
         u"%1 (default, or: reliable) or %2 (or: json)."_s.arg(ProtocolNames::ReliableJsonSubprotocol,
                                                               ProtocolNames::JsonSubprotocol),
         u"P"_s},
        {u"no-auto-reconnect"_s, u"After a drop that cannot be recovered, stop instead of reconnecting."_s},
        {u"no-auto-rejoin"_s, u"Do not rejoin groups after a reconnect."_s},
        {u"max-retries"_s, u"Retries of a failed operation (default 3)."_s, u"N"_s},
        {u"retry-delay-ms"_s, u"Delay between operation retries (default 1000)."_s, u"N"_s},
        {u"reconnect-delay-ms"_s, u"First delay between reconnect attempts (default 1000)."_s, u"N"_s},
        {u"keepalive-ms"_s, u"Interval of keep-alive pings while idle (0 disables, default 3000)."_s, u"N"_s},
        {u"dead-link-ms"_s, u"Silence after which the link is taken as dead (default 8000)."_s, u"N"_s},
        {u"resend-in-doubt"_s,
         u"On a new connection, resend acked operations whose ack never came (at-least-once) instead of "
         u"failing them as Indeterminate."_s},
        {u"ca-file"_s,
         u"Trust this PEM CA certificate (as well as the system's) for wss:// and https://; a certificate "
         u"that does not verify is refused, never ignored."_s,
         u"FILE"_s},
        {u"log-level"_s, u"error, warning, info or debug (to standard error)."_s, u"L"_s},
    });

    if (!parser.parse(arguments)) {
        m_error = parser.errorText();
        return Outcome::Error;
    }
    if (parser.isSet(helpOption)) {
        m_exitText = parser.helpText();
        return Outcome::Exit;
    }
    if (parser.isSet(versionOption)) {
        m_exitText =
            u"%1 %2\n"_s.arg(QCoreApplication::applicationName(), QCoreApplication::applicationVersion());
        return Outcome::Exit;
    }
    if (!parser.positionalArguments().isEmpty()) {
        m_error = u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().constFirst());
        return Outcome::Error;
    }
    for (const QString &single :
         {u"url"_s, u"negotiate"_s, u"connection-string"_s, u"hub"_s, u"user"_s, u"protocol"_s,
          u"max-retries"_s, u"retry-delay-ms"_s, u"reconnect-delay-ms"_s, u"keepalive-ms"_s,
          u"dead-link-ms"_s, u"ca-file"_s, u"log-level"_s}) {
        if (parser.values(single).size() > 1) {
            m_error = u"--%1 given more than once"_s.arg(single);
            return Outcome::Error;
        }
    }

    const int sources = int(parser.isSet(u"url"_s)) + int(parser.isSet(u"negotiate"_s)) +
                        int(parser.isSet(u"connection-string"_s));
    if (sources != 1) {
        m_error = sources == 0 ? u"one of --url, --negotiate or --connection-string is required"_s
                               : u"--url, --negotiate and --connection-string exclude each other"_s;
        return Outcome::Error;
    }

    if (parser.isSet(u"url"_s)) {
        m_source = Source::Url;
        m_url = QUrl(parser.value(u"url"_s), QUrl::StrictMode);
        const QString scheme = m_url.scheme().toLower();
        if (!m_url.isValid() || (scheme != u"ws" && scheme != u"wss") || m_url.host().isEmpty()) {
            m_error = u"--url needs a ws:// or wss:// Client Access URL"_s;
            return Outcome::Error;
        }
    } else if (parser.isSet(u"negotiate"_s)) {
        m_source = Source::Negotiate;
        m_negotiateUrl = QUrl(parser.value(u"negotiate"_s), QUrl::StrictMode);
        const QString scheme = m_negotiateUrl.scheme().toLower();
        if (!m_negotiateUrl.isValid() || (scheme != u"http" && scheme != u"https") ||
            m_negotiateUrl.host().isEmpty()) {
            m_error = u"--negotiate needs an http:// or https:// URL"_s;
            return Outcome::Error;
        }
    } else {
        m_source = Source::ConnectionString;
        QString why;
        m_connectionString = WebPubSub::ConnectionString::parse(parser.value(u"connection-string"_s), &why);
        if (!m_connectionString) {
            m_error = u"malformed --connection-string: %1"_s.arg(why.isEmpty() ? u"cannot be parsed"_s : why);
            return Outcome::Error;
        }
        m_hub = parser.value(u"hub"_s);
        if (m_hub.isEmpty()) {
            m_error = u"--connection-string needs --hub"_s;
            return Outcome::Error;
        }
        if (parser.isSet(u"user"_s))
            m_tokenOptions.userId = parser.value(u"user"_s);
        m_tokenOptions.roles = parser.values(u"role"_s);
        m_tokenOptions.groups = parser.values(u"group"_s);
    }
    if (m_source != Source::ConnectionString) {
        // These only shape a token the CLI mints itself; silently ignoring them would hide a mistake.
        for (const QString &tokenFlag : {u"hub"_s, u"user"_s, u"role"_s, u"group"_s}) {
            if (parser.isSet(tokenFlag)) {
                m_error = u"--%1 only goes with --connection-string"_s.arg(tokenFlag);
                return Outcome::Error;
            }
        }
    }

    if (parser.isSet(u"protocol"_s)) {
        const QString protocol = parser.value(u"protocol"_s);
        if (protocol == ProtocolNames::ReliableJsonSubprotocol || protocol == u"reliable") {
            m_clientOptions.protocol = WebPubSub::ClientOptions::Protocol::JsonReliable;
        } else if (protocol == ProtocolNames::JsonSubprotocol || protocol == u"json") {
            m_clientOptions.protocol = WebPubSub::ClientOptions::Protocol::Json;
        } else {
            m_error = u"unknown --protocol \"%1\" (%2, %3, reliable or json)"_s.arg(
                protocol, ProtocolNames::ReliableJsonSubprotocol, ProtocolNames::JsonSubprotocol);
            return Outcome::Error;
        }
    }
    m_clientOptions.autoReconnect = !parser.isSet(u"no-auto-reconnect"_s);
    m_clientOptions.autoRejoinGroups = !parser.isSet(u"no-auto-rejoin"_s);
    m_clientOptions.resendInDoubt = parser.isSet(u"resend-in-doubt"_s);
    if (parser.isSet(u"ca-file"_s)) {
        QString why;
        m_clientOptions.caCertificates =
            WebPubSub::TlsConfiguration::readCaFile(parser.value(u"ca-file"_s), &why);
        if (m_clientOptions.caCertificates.isEmpty()) {
            m_error = u"--ca-file: %1"_s.arg(why);
            return Outcome::Error;
        }
    }

    int maxRetries = m_clientOptions.messageRetry.maxRetries;
    int retryDelay = int(m_clientOptions.messageRetry.delay.count());
    int reconnectDelay = int(m_clientOptions.reconnectRetry.delay.count());
    int keepAlive = int(m_clientOptions.keepAliveInterval.count());
    int deadLink = int(m_clientOptions.deadLinkTimeout.count());
    if (!readCount(parser, u"max-retries"_s, &maxRetries, &m_error) ||
        !readCount(parser, u"retry-delay-ms"_s, &retryDelay, &m_error) ||
        !readCount(parser, u"reconnect-delay-ms"_s, &reconnectDelay, &m_error) ||
        !readCount(parser, u"keepalive-ms"_s, &keepAlive, &m_error) ||
        !readCount(parser, u"dead-link-ms"_s, &deadLink, &m_error)) {
        return Outcome::Error;
    }
    using std::chrono::milliseconds;
    m_clientOptions.messageRetry.maxRetries = maxRetries;
    m_clientOptions.messageRetry.delay = milliseconds(retryDelay);
    m_clientOptions.messageRetry.maxDelay =
        std::max(m_clientOptions.messageRetry.maxDelay, milliseconds(retryDelay));
    m_clientOptions.reconnectRetry.delay = milliseconds(reconnectDelay);
    m_clientOptions.reconnectRetry.maxDelay =
        std::max(m_clientOptions.reconnectRetry.maxDelay, milliseconds(reconnectDelay));
    m_clientOptions.keepAliveInterval = milliseconds(keepAlive);
    m_clientOptions.deadLinkTimeout = milliseconds(deadLink);

    if (parser.isSet(u"log-level"_s)) {
        m_logLevel = parser.value(u"log-level"_s);
        static const QStringList levels{u"error"_s, u"warning"_s, u"info"_s, u"debug"_s};
        if (!levels.contains(m_logLevel)) {
            m_error = u"unknown --log-level \"%1\" (error, warning, info or debug)"_s.arg(m_logLevel);
            return Outcome::Error;
        }
    }
    return Outcome::Run;
}

QString CliOptions::loggingRules() const
{
    // Only Hubbub's own categories get chattier: Qt's internal debug output would drown them.
    // Qt has no separate "error" switch: critical and fatal messages are always on.
    if (m_logLevel == u"debug")
        return u"*.debug=false\n*.info=false\nhubbub.*.debug=true\nhubbub.*.info=true"_s;
    if (m_logLevel == u"info")
        return u"*.debug=false\n*.info=false\nhubbub.*.info=true"_s;
    if (m_logLevel == u"warning")
        return u"*.debug=false\n*.info=false"_s;
    return u"*.debug=false\n*.info=false\n*.warning=false"_s;
}

WebPubSub::Credential CliOptions::credential() const
{
    switch (m_source) {
    case Source::Url:
        return WebPubSub::Credential::fromUrl(m_url);
    case Source::Negotiate:
        return WebPubSub::Credential::fromNegotiateUrl(m_negotiateUrl, m_clientOptions.caCertificates);
    case Source::ConnectionString:
        return WebPubSub::Credential::fromConnectionString(*m_connectionString, m_hub, m_tokenOptions);
    }
    return {};
}

QString CliOptions::describeSource() const
{
    switch (m_source) {
    case Source::Url:
        return u"url %1"_s.arg(WebPubSub::redactedUrl(m_url));
    case Source::Negotiate:
        return u"negotiate %1"_s.arg(WebPubSub::redactedUrl(m_negotiateUrl));
    case Source::ConnectionString:
        return u"connection string for %1, hub %2"_s.arg(
            WebPubSub::redactedUrl(m_connectionString->endpoint()), m_hub);
    }
    return {};
}

} // namespace Hubbub::Cli
