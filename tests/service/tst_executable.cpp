// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The hubbub-service executable's contract (service.md): flags, ready line, exit codes, signals.
#include "isolatedhome.h"
#include "servicetestsupport.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <connectionstring.h>

#include <csignal>

using namespace TestSupport;

class TestExecutable : public QObject
{
    Q_OBJECT
private:
    //! HOME and XDG_* of this process, so of every service it starts: the generated key goes to the
    //! config folder, and the developer's own stays untouched.
    IsolatedHome home;

    void prepare(QProcess &process)
    {
        process.setProgram(QStringLiteral(HUBBUB_SERVICE_PATH));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("HUBBUB_ACCESS_KEY"));
        process.setProcessEnvironment(env);
    }

    //! Starts the service and returns its parsed ready line.
    QJsonObject startAndReadReady(QProcess &process, const QStringList &arguments)
    {
        prepare(process);
        process.setArguments(arguments);
        process.start();
        if (!process.waitForStarted(10000))
            return {};
        waitFor([&] { return process.canReadLine() || process.state() == QProcess::NotRunning; }, 15000);
        const QByteArray line = process.readLine();
        if (!line.endsWith('\n'))
            return {};
        return QJsonDocument::fromJson(line).object();
    }

    void terminate(QProcess &process)
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(10000);
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(home.isValid()); }

    void readyLineAndShutdown()
    {
        QProcess process;
        const QJsonObject ready = startAndReadReady(process, {QStringLiteral("--port"), QStringLiteral("0"),
                                                              QStringLiteral("--access-key"), AccessKey});
        QCOMPARE(ready.value(u"event").toString(), u"ready");
        const QUrl endpoint(ready.value(u"endpoint").toString());
        QCOMPARE(endpoint.scheme(), u"http");
        QCOMPARE(endpoint.host(), u"127.0.0.1");
        QVERIFY(endpoint.port() > 0);
        QCOMPARE(ready.value(u"connectionString").toString(),
                 QStringLiteral("Endpoint=%1;AccessKey=%2;Version=1.0;").arg(endpoint.toString(), AccessKey));
        const auto parsed = WebPubSub::ConnectionString::parse(ready.value(u"connectionString").toString());
        QVERIFY(parsed);

        // A client connects with a URL minted from the connection string...
        TestClient client;
        QVERIFY(client.connectTo(parsed->clientAccessUrl(QStringLiteral("chat")), Json));
        TestClient reliable;
        QVERIFY(reliable.connectTo(parsed->clientAccessUrl(QStringLiteral("chat")), Reliable));

        // ... and SIGTERM closes it with 1001, then the process exits 0.
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(client.waitClosed(15000));
        QCOMPARE(client.closeCode, 1001);
        QVERIFY(reliable.waitClosed(15000));
        QCOMPARE(reliable.closeCode, 1001);
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        // Nothing but the ready line on standard output; the key never reaches the logs.
        QCOMPARE(process.readAllStandardOutput(), QByteArray());
        QVERIFY(!process.readAllStandardError().contains(AccessKey.toUtf8()));
    }

    void sigintAlsoExitsCleanly()
    {
        QProcess process;
        const QJsonObject ready = startAndReadReady(process, {QStringLiteral("--port"), QStringLiteral("0"),
                                                              QStringLiteral("--access-key"), AccessKey});
        QCOMPARE(ready.value(u"event").toString(), u"ready");
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 0);
    }

    void keyFromEnvironmentAndGeneratedKeyPersists()
    {
        QProcess withEnv;
        prepare(withEnv);
        QProcessEnvironment env = withEnv.processEnvironment();
        env.insert(QStringLiteral("HUBBUB_ACCESS_KEY"),
                   QStringLiteral("0123456789abcdef0123456789abcdef-env"));
        withEnv.setProcessEnvironment(env);
        withEnv.setArguments({QStringLiteral("--port"), QStringLiteral("0")});
        withEnv.start();
        QVERIFY(waitFor([&] { return withEnv.canReadLine(); }, 15000));
        QVERIFY(withEnv.readLine().contains("AccessKey=0123456789abcdef0123456789abcdef-env;"));
        terminate(withEnv);

        QString firstKey;
        for (int run = 0; run < 2; ++run) {
            QProcess process;
            const QJsonObject ready =
                startAndReadReady(process, {QStringLiteral("--port"), QStringLiteral("0")});
            const auto parsed =
                WebPubSub::ConnectionString::parse(ready.value(u"connectionString").toString());
            QVERIFY(parsed);
            QVERIFY(parsed->accessKey().size() >= 32);
            if (run == 0)
                firstKey = parsed->accessKey();
            else
                QCOMPARE(parsed->accessKey(), firstKey); // same connection string across runs
            terminate(process);
        }
    }

    void badFlagsExit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("short key") << QStringList{QStringLiteral("--access-key"), QStringLiteral("tooshort")};
        QTest::newRow("unknown flag") << QStringList{QStringLiteral("--frobnicate")};
        QTest::newRow("bad port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
        QTest::newRow("bad address") << QStringList{QStringLiteral("--listen"), QStringLiteral("not-an-ip")};
        QTest::newRow("bad log level") << QStringList{QStringLiteral("--log-level"), QStringLiteral("loud")};
    }
    void badFlagsExit2()
    {
        QFETCH(QStringList, arguments);
        QProcess process;
        prepare(process);
        process.setArguments(arguments);
        process.start();
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 2);
        QCOMPARE(process.readAllStandardOutput(), QByteArray());
        const QByteArray err = process.readAllStandardError().trimmed();
        QVERIFY(!err.isEmpty());
        QCOMPARE(err.count('\n'), 0); // one line
    }

    void busyPortExit1()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        const QString port = QString::number(blocker.serverPort());
        QProcess process;
        prepare(process);
        process.setArguments({QStringLiteral("--port"), port, QStringLiteral("--access-key"), AccessKey});
        process.start();
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(process.readAllStandardOutput(), QByteArray());
        QVERIFY(process.readAllStandardError().contains(port.toUtf8()));
    }

    void logLevelErrorIsQuiet()
    {
        QProcess process;
        const QJsonObject ready = startAndReadReady(
            process, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--access-key"),
                      AccessKey, QStringLiteral("--log-level"), QStringLiteral("error")});
        QCOMPARE(ready.value(u"event").toString(), u"ready");
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(15000));
        QVERIFY2(!process.readAllStandardError().contains("hubbub.service"),
                 "info logs printed at --log-level error");
    }
};

QTEST_GUILESS_MAIN(TestExecutable)
#include "tst_executable.moc"
