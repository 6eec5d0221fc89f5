// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "appoptions.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Hubbub;

namespace {
QStringList args(std::initializer_list<const char *> list)
{
    QStringList out{QStringLiteral("hubbub")};
    for (const char *a : list)
        out.append(QString::fromUtf8(a));
    return out;
}
} // namespace

class TestAppOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("hubbub"));
    }

    void defaults()
    {
        AppOptions o;
        QString error;
        QVERIFY(AppOptions::parse(args({}), &o, &error));
        QCOMPARE(o.endpoint, AppOptions::Endpoint::Default);
        QCOMPARE(o.effectiveHub(), QStringLiteral("hubbub"));
        QCOMPARE(o.effectiveProfile(), QStringLiteral("default"));
        qputenv("USER", "tester");
        QCOMPARE(o.effectiveUser(), QStringLiteral("tester"));
        QVERIFY(o.settingsPath().endsWith(QStringLiteral("/default/settings.ini")));
    }

    void endpoints()
    {
        AppOptions o;
        QString error;
        QVERIFY(AppOptions::parse(args({"--negotiate", "https://example.com/negotiate", "--user", "alice"}),
                                  &o, &error));
        QCOMPARE(o.endpoint, AppOptions::Endpoint::Negotiate);
        QCOMPARE(o.negotiateUrl, QStringLiteral("https://example.com/negotiate"));
        QCOMPARE(o.effectiveUser(), QStringLiteral("alice"));

        o = {};
        QVERIFY(AppOptions::parse(
            args({"--url", "wss://x.webpubsub.azure.com/client/hubs/chat?access_token=abc"}), &o, &error));
        QCOMPARE(o.endpoint, AppOptions::Endpoint::Url);

        o = {};
        QVERIFY(AppOptions::parse(
            args({"--connection-string", "Endpoint=http://localhost:8080;AccessKey=k;Version=1.0;", "--hub",
                  "chat", "--profile", "bob"}),
            &o, &error));
        QCOMPARE(o.endpoint, AppOptions::Endpoint::ConnectionString);
        QCOMPARE(o.hub, QStringLiteral("chat"));
        QCOMPARE(o.effectiveProfile(), QStringLiteral("bob"));
        QVERIFY(o.settingsPath().endsWith(QStringLiteral("/bob/settings.ini")));

        o = {};
        QVERIFY(AppOptions::parse(args({"--local", "--profile", "second"}), &o, &error));
        QCOMPARE(o.endpoint, AppOptions::Endpoint::Local);
    }

    void keepsTestKnobs()
    {
        AppOptions o;
        o.useKeychain = false;
        o.localServicePort = 0;
        QString error;
        QVERIFY(AppOptions::parse(args({"--user", "x"}), &o, &error));
        QCOMPARE(o.useKeychain, false);
        QCOMPARE(o.localServicePort, quint16(0));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown flag") << args({"--frobnicate"}) << QStringLiteral("frobnicate");
        QTest::newRow("missing value") << args({"--url"}) << QStringLiteral("url");
        QTest::newRow("two endpoints")
            << args({"--local", "--url", "ws://h/client/hubs/x"}) << QStringLiteral("only one");
        QTest::newRow("connection string without hub")
            << args({"--connection-string", "Endpoint=http://h;AccessKey=k;"}) << QStringLiteral("--hub");
        QTest::newRow("malformed connection string")
            << args({"--connection-string", "nonsense", "--hub", "h"}) << QStringLiteral("AccessKey");
        QTest::newRow("url not websocket") << args({"--url", "http://h/x"}) << QStringLiteral("ws://");
        QTest::newRow("negotiate not http") << args({"--negotiate", "ftp://h"}) << QStringLiteral("http");
        QTest::newRow("bad profile") << args({"--profile", "../etc"}) << QStringLiteral("profile");
        QTest::newRow("empty user") << args({"--user", ""}) << QStringLiteral("--user");
        QTest::newRow("positional") << args({"stray"}) << QStringLiteral("stray");
    }
    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        AppOptions o;
        QString error;
        int exitCode = -1;
        QVERIFY(!AppOptions::parse(arguments, &o, &error, &exitCode));
        QCOMPARE(exitCode, 2);
        QVERIFY2(error.contains(mentions, Qt::CaseInsensitive), qPrintable(error));
    }

    void help()
    {
        AppOptions o;
        QString text;
        int exitCode = -1;
        QVERIFY(!AppOptions::parse(args({"--help"}), &o, &text, &exitCode));
        QCOMPARE(exitCode, 0);
        for (const char *flag :
             {"--negotiate", "--url", "--connection-string", "--hub", "--user", "--profile", "--local"})
            QVERIFY2(text.contains(QLatin1String(flag)), flag);
    }

    void caFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pem = dir.filePath(QStringLiteral("ca.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                       dir.filePath(QStringLiteral("ca.key")), QStringLiteral("-out"), pem,
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=App Test CA")});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);

        AppOptions o;
        QString error;
        QVERIFY2(AppOptions::parse({QStringLiteral("hubbub"), QStringLiteral("--ca-file"), pem}, &o, &error),
                 qPrintable(error));
        QCOMPARE(o.clientOptions.caCertificates.size(), 1);
        QVERIFY(o.clientOptions.caCertificates.first()
                    .subjectInfo(QSslCertificate::CommonName)
                    .contains(u"App Test CA"));
        QVERIFY(o.clientOptions.resendInDoubt); // the other defaults stay

        const QString garbage = dir.filePath(QStringLiteral("garbage.pem"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
        file.close();
        for (const QString &bad : {garbage, dir.filePath(QStringLiteral("missing.pem"))}) {
            int exitCode = -1;
            QVERIFY(!AppOptions::parse({QStringLiteral("hubbub"), QStringLiteral("--ca-file"), bad}, &o,
                                       &error, &exitCode));
            QCOMPARE(exitCode, 2);
            QVERIFY2(error.startsWith(u"--ca-file: "), qPrintable(error));
        }
    }
};

QTEST_GUILESS_MAIN(TestAppOptions)
#include "tst_appoptions.moc"
