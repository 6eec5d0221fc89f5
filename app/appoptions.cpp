// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "appoptions.h"

#include "tlsconfiguration.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

namespace Hubbub {

QString AppOptions::effectiveHub() const
{
    return hub.isEmpty() ? QStringLiteral("hubbub") : hub;
}

QString AppOptions::effectiveUser() const
{
    if (!user.isEmpty())
        return user;
    QString name = QString::fromLocal8Bit(qgetenv("USER"));
    if (name.isEmpty())
        name = QString::fromLocal8Bit(qgetenv("USERNAME"));
    return name.isEmpty() ? QStringLiteral("me") : name;
}

QString AppOptions::effectiveProfile() const
{
    return profile.isEmpty() ? QStringLiteral("default") : profile;
}

QString AppOptions::settingsPath() const
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u'/' + effectiveProfile() +
           QStringLiteral("/settings.ini");
}

namespace {
QCommandLineOption negotiateOption()
{
    return {QStringLiteral("negotiate"),
            QCoreApplication::translate("AppOptions",
                                        "Connect through a negotiate endpoint that returns a Client "
                                        "Access URL (production)."),
            QStringLiteral("URL")};
}
QCommandLineOption urlOption()
{
    return {QStringLiteral("url"),
            QCoreApplication::translate("AppOptions", "Connect with a Client Access URL."),
            QStringLiteral("URL")};
}
QCommandLineOption connectionStringOption()
{
    return {QStringLiteral("connection-string"),
            QCoreApplication::translate(
                "AppOptions", "Mint tokens locally from a connection string (development; needs --hub)."),
            QStringLiteral("STR")};
}
QCommandLineOption hubOption()
{
    return {QStringLiteral("hub"), QCoreApplication::translate("AppOptions", "Hub name (default: hubbub)."),
            QStringLiteral("HUB")};
}
QCommandLineOption userOption()
{
    return {QStringLiteral("user"),
            QCoreApplication::translate("AppOptions", "User id and display name (default: $USER)."),
            QStringLiteral("NAME")};
}
QCommandLineOption profileOption()
{
    return {QStringLiteral("profile"),
            QCoreApplication::translate("AppOptions",
                                        "Profile with its own settings and history (default: default)."),
            QStringLiteral("NAME")};
}
QCommandLineOption localOption()
{
    return {QStringLiteral("local"),
            QCoreApplication::translate("AppOptions",
                                        "Use the local service (embedded in this process if none runs).")};
}
QCommandLineOption caFileOption()
{
    return {QStringLiteral("ca-file"),
            QCoreApplication::translate("AppOptions",
                                        "Trust this PEM CA certificate (as well as the system's) for wss:// "
                                        "and https://; a certificate that does not verify is refused."),
            QStringLiteral("FILE")};
}
} // namespace

void AppOptions::addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "AppOptions", "Hubbub: desktop chat for Azure Web PubSub and compatible services."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({negotiateOption(), urlOption(), connectionStringOption(), hubOption(), userOption(),
                       profileOption(), localOption(), caFileOption()});
}

bool AppOptions::parse(const QStringList &arguments, AppOptions *options, QString *error, int *exitCode)
{
    auto fail = [&](const QString &message, int code) {
        if (error)
            *error = message;
        if (exitCode)
            *exitCode = code;
        return false;
    };
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments))
        return fail(parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        return fail(parser.helpText(), 0);
    if (parser.isSet(QStringLiteral("version")))
        return fail(QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion(), 0);
    if (!parser.positionalArguments().isEmpty())
        return fail(QCoreApplication::translate("AppOptions", "Unexpected argument: %1")
                        .arg(parser.positionalArguments().constFirst()),
                    2);

    AppOptions o = options ? *options : AppOptions{};
    const bool negotiate = parser.isSet(QStringLiteral("negotiate"));
    const bool url = parser.isSet(QStringLiteral("url"));
    const bool cs = parser.isSet(QStringLiteral("connection-string"));
    const bool local = parser.isSet(QStringLiteral("local"));
    if (int(negotiate) + int(url) + int(cs) + int(local) > 1)
        return fail(QCoreApplication::translate(
                        "AppOptions", "Use only one of --negotiate, --url, --connection-string and --local."),
                    2);
    o.hub = parser.value(QStringLiteral("hub"));
    o.user = parser.value(QStringLiteral("user"));
    o.profile = parser.value(QStringLiteral("profile"));
    static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z0-9_.@-]{1,64}$"));
    if (parser.isSet(QStringLiteral("profile")) && !nameRe.match(o.profile).hasMatch())
        return fail(QCoreApplication::translate(
                        "AppOptions", "Invalid profile name \"%1\": use letters, digits, '.', '_', '-'.")
                        .arg(o.profile),
                    2);
    if (parser.isSet(QStringLiteral("user")) && o.user.trimmed().isEmpty())
        return fail(QCoreApplication::translate("AppOptions", "--user must not be empty."), 2);
    if (parser.isSet(QStringLiteral("hub")) && o.hub.isEmpty())
        return fail(QCoreApplication::translate("AppOptions", "--hub must not be empty."), 2);

    if (negotiate) {
        o.endpoint = Endpoint::Negotiate;
        o.negotiateUrl = parser.value(QStringLiteral("negotiate"));
        const QUrl u(o.negotiateUrl);
        if (!u.isValid() || (u.scheme() != u"http" && u.scheme() != u"https"))
            return fail(QCoreApplication::translate("AppOptions", "--negotiate needs an http(s) URL."), 2);
    } else if (url) {
        o.endpoint = Endpoint::Url;
        o.clientAccessUrl = parser.value(QStringLiteral("url"));
        const QUrl u(o.clientAccessUrl);
        if (!u.isValid() || (u.scheme() != u"ws" && u.scheme() != u"wss"))
            return fail(
                QCoreApplication::translate("AppOptions", "--url needs a ws:// or wss:// Client Access URL."),
                2);
    } else if (cs) {
        o.endpoint = Endpoint::ConnectionString;
        o.connectionString = parser.value(QStringLiteral("connection-string"));
        if (o.hub.isEmpty())
            return fail(QCoreApplication::translate("AppOptions", "--connection-string needs --hub."), 2);
        if (!o.connectionString.contains(QLatin1String("endpoint="), Qt::CaseInsensitive) ||
            !o.connectionString.contains(QLatin1String("accesskey="), Qt::CaseInsensitive))
            return fail(QCoreApplication::translate("AppOptions",
                                                    "--connection-string needs Endpoint=…;AccessKey=…;"),
                        2);
    } else if (local) {
        o.endpoint = Endpoint::Local;
    }
    if (parser.isSet(QStringLiteral("ca-file"))) {
        QString why;
        o.clientOptions.caCertificates =
            WebPubSub::TlsConfiguration::readCaFile(parser.value(QStringLiteral("ca-file")), &why);
        if (o.clientOptions.caCertificates.isEmpty())
            return fail(QStringLiteral("--ca-file: %1").arg(why), 2);
    }
    if (options)
        *options = o;
    if (exitCode)
        *exitCode = 0;
    return true;
}

} // namespace Hubbub
