// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief hubbub-service: command line, access key, ready line and signals around Hubbub::Service.
#include "accesskeyfile.h"
#include "service.h"

#include <hubbubversion.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here; the event loop does the rest.
    [[maybe_unused]] const auto written = ::write(signalPipe[0], &byte, 1);
}

[[noreturn]] void failUsage(const QString &message)
{
    std::fprintf(stderr, "hubbub-service: %s\n", qPrintable(message));
    std::exit(2);
}

void raiseFileLimit()
{
    // The fan-out benchmark holds 1000+ sockets; the default soft limit is often 1024.
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

QString jsonString(const QString &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

//! The TLS configuration for --tls-cert/--tls-key (PEM chain, server certificate first, and its
//! private key), or a usage failure naming what is wrong.
QSslConfiguration loadTls(const QString &certPath, const QString &keyPath)
{
    if (certPath.isEmpty() || keyPath.isEmpty())
        failUsage(QStringLiteral("--tls-cert and --tls-key go together"));
    if (!QSslSocket::supportsSsl())
        failUsage(QStringLiteral("TLS is not available (no TLS backend: %1)")
                      .arg(QSslSocket::sslLibraryVersionString()));
    QFile certFile(certPath);
    if (!certFile.open(QIODevice::ReadOnly))
        failUsage(QStringLiteral("--tls-cert: cannot read '%1': %2").arg(certPath, certFile.errorString()));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        failUsage(QStringLiteral("--tls-cert: '%1' holds no PEM certificate").arg(certPath));
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        failUsage(QStringLiteral("--tls-key: cannot read '%1': %2").arg(keyPath, keyFile.errorString()));
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        failUsage(
            QStringLiteral("--tls-key: '%1' holds no unencrypted PEM RSA or EC private key").arg(keyPath));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    // A server does not ask clients for certificates.
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

} // namespace

int main(int argc, char *argv[])
{
    raiseFileLimit();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hubbub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUBBUB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A local service compatible with Azure Web PubSub.\n\n"
        "On loopback (the default), /negotiate gives local tools a token: requests must be addressed\n"
        "to 127.0.0.1, localhost or [::1] (any port), and a browser's Origin must be the service's own.\n"
        "Listening beyond loopback (--listen 0.0.0.0) puts an invite in force (generated per run and\n"
        "printed in the ready line as \"invite\", or --invite): /negotiate then needs\n"
        "&invite=...&device=<a random key the guest keeps>. Guests get ids 'guest:<name>' (a name is\n"
        "held by the first device that took it; others get 409) and tokens that may join and send to\n"
        "groups, nothing more. HTTP: bodies need a bearer token (401) and at most 16 MB (413); heads\n"
        "time out after 10 s (408); at 512 connections the oldest stalled one is evicted."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption listenOption(
        QStringLiteral("listen"),
        QStringLiteral("Address to bind; 0.0.0.0 lets others on the LAN join with the invite."),
        QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port (0 = any free port)."),
                                        QStringLiteral("N"), QStringLiteral("8080"));
    const QCommandLineOption keyOption(
        QStringLiteral("access-key"),
        QStringLiteral("Access key (at least 32 characters); also HUBBUB_ACCESS_KEY."),
        QStringLiteral("KEY"));
    const QCommandLineOption hubConfigOption(
        QStringLiteral("hub-config"), QStringLiteral("Hub configuration file."), QStringLiteral("FILE"));
    const QCommandLineOption upstreamOption(QStringLiteral("upstream"),
                                            QStringLiteral("Event handler URL template ({hub}, {event})."),
                                            QStringLiteral("URL_TEMPLATE"));
    const QCommandLineOption noNegotiateOption(QStringLiteral("no-negotiate"),
                                               QStringLiteral("Turn off the demo /negotiate endpoint."));
    const QCommandLineOption inviteOption(
        QStringLiteral("invite"),
        QStringLiteral(
            "The invite guests need for /negotiate and /join (at least 16 characters); also HUBBUB_INVITE. "
            "Default: generated per run when listening beyond loopback or with --join-page, none otherwise."),
        QStringLiteral("SECRET"));
    const QCommandLineOption joinPageOption(
        QStringLiteral("join-page"),
        QStringLiteral("Serve the guest web page at /join, so people join a demo from a phone's browser "
                       "(an invite is then always in force; the ready line gives the joinUrl)."));
    const QCommandLineOption logLevelOption(QStringLiteral("log-level"),
                                            QStringLiteral("error, warning, info or debug."),
                                            QStringLiteral("L"), QStringLiteral("info"));
    const QCommandLineOption tlsCertOption(
        QStringLiteral("tls-cert"),
        QStringLiteral("Serve TLS (https://, wss://) with this PEM certificate chain (with --tls-key)."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"),
                                          QStringLiteral("The PEM private key of --tls-cert."),
                                          QStringLiteral("FILE"));
    parser.addOptions({listenOption, portOption, keyOption, hubConfigOption, upstreamOption,
                       noNegotiateOption, inviteOption, joinPageOption, tlsCertOption, tlsKeyOption,
                       logLevelOption});
    if (!parser.parse(QCoreApplication::arguments()))
        failUsage(parser.errorText());
    if (parser.isSet(helpOption))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty())
        failUsage(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    Hubbub::ServiceOptions options;
    if (!options.listenAddress.setAddress(parser.value(listenOption)))
        failUsage(QStringLiteral("--listen: '%1' is not an IP address").arg(parser.value(listenOption)));
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535)
        failUsage(QStringLiteral("--port: '%1' is not a port number").arg(parser.value(portOption)));
    options.port = quint16(port);

    const QString level = parser.value(logLevelOption);
    const QStringList levels = {QStringLiteral("error"), QStringLiteral("warning"), QStringLiteral("info"),
                                QStringLiteral("debug")};
    if (!levels.contains(level))
        failUsage(QStringLiteral("--log-level: '%1' is not one of error, warning, info, debug").arg(level));
    const int rank = int(levels.indexOf(level));
    QLoggingCategory::setFilterRules(
        QStringLiteral("hubbub.*.debug=%1\nhubbub.*.info=%2\nhubbub.*.warning=%3\n")
            .arg(rank >= 3 ? u"true" : u"false", rank >= 2 ? u"true" : u"false",
                 rank >= 1 ? u"true" : u"false"));

    QString key = parser.value(keyOption);
    if (key.isEmpty())
        key = qEnvironmentVariable("HUBBUB_ACCESS_KEY");
    if (!key.isEmpty()) {
        if (key.size() < 32)
            failUsage(QStringLiteral("the access key must be at least 32 characters long (got %1)")
                          .arg(key.size()));
        if (key.contains(u';'))
            failUsage(QStringLiteral("the access key must not contain ';'"));
    } else {
        QString storeError;
        key = Hubbub::AccessKeyFile::readOrCreate(Hubbub::AccessKeyFile::defaultPath(), &storeError);
        if (!storeError.isEmpty())
            std::fprintf(stderr, "hubbub-service: %s (the generated key is used for this run only)\n",
                         qPrintable(storeError));
    }
    options.accessKey = key;
    options.upstreamUrlTemplate = parser.value(upstreamOption);
    options.negotiateEnabled = !parser.isSet(noNegotiateOption);
    options.joinPage = parser.isSet(joinPageOption);
    if (options.joinPage && !options.negotiateEnabled)
        failUsage(QStringLiteral("--join-page needs the /negotiate endpoint: drop --no-negotiate"));
    options.invite =
        parser.isSet(inviteOption) ? parser.value(inviteOption) : qEnvironmentVariable("HUBBUB_INVITE");
    if (parser.isSet(inviteOption) && options.invite.isEmpty())
        failUsage(QStringLiteral("--invite needs a value"));
    if (!options.invite.isEmpty() && options.invite.size() < 16)
        failUsage(QStringLiteral("the invite must be at least 16 characters long (got %1)")
                      .arg(options.invite.size()));
    if (parser.isSet(hubConfigOption) && !QFile::exists(parser.value(hubConfigOption)))
        failUsage(QStringLiteral("--hub-config: '%1' does not exist").arg(parser.value(hubConfigOption)));

    if (parser.isSet(tlsCertOption) || parser.isSet(tlsKeyOption))
        options.tls = loadTls(parser.value(tlsCertOption), parser.value(tlsKeyOption));

    Hubbub::Service service(options);
    QString error;
    if (!service.start(&error)) {
        std::fprintf(stderr, "hubbub-service: %s\n", qPrintable(error));
        return 1;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
        auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [&service, notifier] {
            notifier->setEnabled(false);
            char byte;
            [[maybe_unused]] const auto got = ::read(signalPipe[1], &byte, 1);
            service.stop();
            // Give the close frames a moment to leave before the process exits.
            QTimer::singleShot(300, qApp, &QCoreApplication::quit);
        });
    }

    QString ready =
        QStringLiteral("{\"event\":\"ready\",\"endpoint\":%1,\"connectionString\":%2")
            .arg(jsonString(service.endpoint().toString()), jsonString(service.connectionString()));
    if (!service.invite().isEmpty())
        ready += QStringLiteral(",\"invite\":%1").arg(jsonString(service.invite()));
    if (const QUrl joinUrl = service.joinUrl(); !joinUrl.isEmpty())
        ready += QStringLiteral(",\"joinUrl\":%1").arg(jsonString(joinUrl.toString(QUrl::FullyEncoded)));
    ready += QStringLiteral("}\n");
    std::fputs(ready.toUtf8().constData(), stdout);
    std::fflush(stdout);
    return app.exec();
}
