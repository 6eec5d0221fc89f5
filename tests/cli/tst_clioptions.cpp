// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// How hubbub-cli's flags map onto ClientOptions, the token options and the log rules: the parts of
// the contract a process-level test cannot observe directly.
#include "clioptions.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Hubbub::Cli::CliOptions;
using std::chrono::milliseconds;

class TestCliOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaults();
    void clientOptionFlags();
    void protocolNames_data();
    void protocolNames();
    void connectionStringTokenOptions();
    void logLevels();
    void sourceNeverShowsSecrets();
    void caFile();
};

namespace {
const QString Url = u"wss://example.webpubsub.azure.com/client/hubs/chat?access_token=SECRET.TOKEN"_s;
}

void TestCliOptions::defaults()
{
    CliOptions options;
    QCOMPARE(options.parse({u"hubbub-cli"_s, u"--url"_s, Url}), CliOptions::Outcome::Run);
    QCOMPARE(options.source(), CliOptions::Source::Url);
    QCOMPARE(options.url(), QUrl(Url));
    const WebPubSub::ClientOptions defaults;
    const WebPubSub::ClientOptions parsed = options.clientOptions();
    QCOMPARE(parsed.protocol, WebPubSub::ClientOptions::Protocol::JsonReliable);
    QVERIFY(parsed.autoReconnect);
    QVERIFY(parsed.autoRejoinGroups);
    QCOMPARE(parsed.messageRetry.maxRetries, 3);
    QCOMPARE(parsed.messageRetry.delay, milliseconds(1000));
    QCOMPARE(parsed.reconnectRetry.delay, milliseconds(1000));
    QCOMPARE(parsed.keepAliveInterval, defaults.keepAliveInterval);
    QCOMPARE(parsed.deadLinkTimeout, defaults.deadLinkTimeout);
    // The contract: a default --dead-link-ms of at most 10000; in-doubt operations are not resent.
    QVERIFY(parsed.deadLinkTimeout > milliseconds(0) && parsed.deadLinkTimeout <= milliseconds(10000));
    QVERIFY(!parsed.resendInDoubt);
    QCOMPARE(options.logLevel(), u"warning"_s);
    QVERIFY(options.credential().isValid());
}

void TestCliOptions::clientOptionFlags()
{
    CliOptions options;
    QCOMPARE(
        options.parse({u"hubbub-cli"_s, u"--url"_s, Url, u"--no-auto-reconnect"_s, u"--no-auto-rejoin"_s,
                       u"--max-retries"_s, u"7"_s, u"--retry-delay-ms"_s, u"250"_s, u"--reconnect-delay-ms"_s,
                       u"60000"_s, u"--keepalive-ms"_s, u"0"_s, u"--dead-link-ms"_s, u"1500"_s}),
        CliOptions::Outcome::Run);
    const WebPubSub::ClientOptions parsed = options.clientOptions();
    QVERIFY(!parsed.autoReconnect);
    QVERIFY(!parsed.autoRejoinGroups);
    QCOMPARE(parsed.messageRetry.maxRetries, 7);
    QCOMPARE(parsed.messageRetry.delay, milliseconds(250));
    QCOMPARE(parsed.reconnectRetry.delay, milliseconds(60000));
    // A first delay above the default cap raises the cap rather than being clipped by it.
    QVERIFY(parsed.reconnectRetry.maxDelay >= milliseconds(60000));
    QCOMPARE(parsed.keepAliveInterval, milliseconds(0));
    QCOMPARE(parsed.deadLinkTimeout, milliseconds(1500));
    CliOptions resend;
    QCOMPARE(resend.parse({u"hubbub-cli"_s, u"--url"_s, Url, u"--resend-in-doubt"_s}),
             CliOptions::Outcome::Run);
    QVERIFY(resend.clientOptions().resendInDoubt);
}

void TestCliOptions::protocolNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("reliable");
    QTest::newRow("full reliable") << u"json.reliable.webpubsub.azure.v1"_s << true;
    QTest::newRow("short reliable") << u"reliable"_s << true;
    QTest::newRow("full json") << u"json.webpubsub.azure.v1"_s << false;
    QTest::newRow("short json") << u"json"_s << false;
}

void TestCliOptions::protocolNames()
{
    QFETCH(QString, name);
    QFETCH(bool, reliable);
    CliOptions options;
    QCOMPARE(options.parse({u"hubbub-cli"_s, u"--url"_s, Url, u"--protocol"_s, name}),
             CliOptions::Outcome::Run);
    QCOMPARE(options.clientOptions().protocol, reliable ? WebPubSub::ClientOptions::Protocol::JsonReliable
                                                        : WebPubSub::ClientOptions::Protocol::Json);
}

void TestCliOptions::connectionStringTokenOptions()
{
    CliOptions options;
    QCOMPARE(options.parse({u"hubbub-cli"_s, u"--connection-string"_s,
                            u"Endpoint=https://example.webpubsub.azure.com;AccessKey=S3CR3T;Version=1.0;"_s,
                            u"--hub"_s, u"chat"_s, u"--user"_s, u"carol"_s, u"--role"_s,
                            u"webpubsub.joinLeaveGroup"_s, u"--role"_s, u"webpubsub.sendToGroup.room1"_s,
                            u"--group"_s, u"room1"_s, u"--group"_s, u"room2"_s}),
             CliOptions::Outcome::Run);
    QCOMPARE(options.source(), CliOptions::Source::ConnectionString);
    QCOMPARE(options.hub(), u"chat"_s);
    QVERIFY(options.connectionString().has_value());
    const WebPubSub::ClientTokenOptions token = options.tokenOptions();
    QCOMPARE(token.userId.value_or(QString()), u"carol"_s);
    QCOMPARE(token.roles, (QStringList{u"webpubsub.joinLeaveGroup"_s, u"webpubsub.sendToGroup.room1"_s}));
    QCOMPARE(token.groups, (QStringList{u"room1"_s, u"room2"_s}));
    QVERIFY(!options.describeSource().contains(u"S3CR3T"_s));
}

void TestCliOptions::logLevels()
{
    for (const QString &level : {u"error"_s, u"warning"_s, u"info"_s, u"debug"_s}) {
        CliOptions options;
        QCOMPARE(options.parse({u"hubbub-cli"_s, u"--url"_s, Url, u"--log-level"_s, level}),
                 CliOptions::Outcome::Run);
        QCOMPARE(options.logLevel(), level);
        const QString rules = options.loggingRules();
        QCOMPARE(rules.contains(u"hubbub.*.debug=true"_s), level == u"debug");
        QCOMPARE(rules.contains(u"hubbub.*.info=true"_s), level == u"debug" || level == u"info");
        QCOMPARE(rules.contains(u"*.warning=false"_s), level == u"error");
    }
}

void TestCliOptions::sourceNeverShowsSecrets()
{
    CliOptions url;
    QCOMPARE(url.parse({u"hubbub-cli"_s, u"--url"_s, Url}), CliOptions::Outcome::Run);
    QVERIFY(!url.describeSource().contains(u"SECRET"_s));
    QVERIFY(url.describeSource().contains(u"example.webpubsub.azure.com"_s));

    CliOptions negotiate;
    QCOMPARE(
        negotiate.parse({u"hubbub-cli"_s, u"--negotiate"_s, u"https://app.example/negotiate?token=SECRET"_s}),
        CliOptions::Outcome::Run);
    QCOMPARE(negotiate.source(), CliOptions::Source::Negotiate);
    QVERIFY(!negotiate.describeSource().contains(u"SECRET"_s));
}

void TestCliOptions::caFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pem = dir.filePath(u"ca.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                                 dir.filePath(u"ca.key"_s), u"-out"_s, pem, u"-days"_s, u"1"_s, u"-subj"_s,
                                 u"/CN=Cli Test CA"_s});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);

    CliOptions options;
    QCOMPARE(options.parse({u"hubbub-cli"_s, u"--url"_s, Url, u"--ca-file"_s, pem}),
             CliOptions::Outcome::Run);
    QCOMPARE(options.clientOptions().caCertificates.size(), 1);
    QVERIFY(options.clientOptions()
                .caCertificates.first()
                .subjectInfo(QSslCertificate::CommonName)
                .contains(u"Cli Test CA"_s));
    CliOptions none;
    QCOMPARE(none.parse({u"hubbub-cli"_s, u"--url"_s, Url}), CliOptions::Outcome::Run);
    QVERIFY(none.clientOptions().caCertificates.isEmpty());

    const QString garbage = dir.filePath(u"garbage.pem"_s);
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();
    for (const QString &bad : {garbage, dir.filePath(u"missing.pem"_s)}) {
        CliOptions options;
        QCOMPARE(options.parse({u"hubbub-cli"_s, u"--url"_s, Url, u"--ca-file"_s, bad}),
                 CliOptions::Outcome::Error);
        QVERIFY2(options.errorText().startsWith(u"--ca-file: "_s), qPrintable(options.errorText()));
    }
    CliOptions twice;
    QCOMPARE(twice.parse({u"hubbub-cli"_s, u"--url"_s, Url, u"--ca-file"_s, pem, u"--ca-file"_s, pem}),
             CliOptions::Outcome::Error);
}

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_clioptions.moc"
