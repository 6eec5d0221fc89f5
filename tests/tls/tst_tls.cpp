// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// TLS as Azure speaks it: the real hubbub-service serving https/wss (--tls-cert/--tls-key), the
// client library and the real hubbub-cli with a private CA (ClientOptions::caCertificates,
// --ca-file), and every way a certificate must be refused (untrusted CA, another host name).
#include "cliprocess.h"
#include "tlstestpki.h"

#include <client.h>
#include <clientoptions.h>
#include <connectionstring.h>
#include <credential.h>
#include <tlsconfiguration.h>

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace WebPubSub;

namespace {
const QString AccessKey = QStringLiteral("tls-test-access-key-0123456789abcdefghij");
const QString Hub = QStringLiteral("tlshub");

//! A running hubbub-service executable and its parsed ready line.
struct ServiceProcess
{
    QProcess process;
    QJsonObject ready;

    ~ServiceProcess() { kill(); }

    bool start(const QStringList &arguments, const QString &configHome)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("HUBBUB_ACCESS_KEY"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
        process.setProcessEnvironment(env);
        process.setProgram(QStringLiteral(HUBBUB_SERVICE_PATH));
        process.setArguments(QStringList{QStringLiteral("--access-key"), AccessKey} + arguments);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start();
        if (!process.waitForStarted(10000))
            return false;
        QDeadlineTimer deadline(20000);
        while (!process.canReadLine() && process.state() == QProcess::Running && !deadline.hasExpired())
            process.waitForReadyRead(200);
        ready = QJsonDocument::fromJson(process.readLine()).object();
        return ready.value(u"event").toString() == u"ready";
    }
    void kill()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(10000);
        }
    }
    QUrl endpoint() const { return QUrl(ready.value(u"endpoint").toString()); }
    ConnectionString connectionString() const
    {
        return *ConnectionString::parse(ready.value(u"connectionString").toString());
    }
    QUrl clientUrl(const QString &user) const
    {
        ClientTokenOptions token;
        token.userId = user;
        token.roles = {QStringLiteral("webpubsub.joinLeaveGroup"), QStringLiteral("webpubsub.sendToGroup")};
        return connectionString().clientAccessUrl(Hub, token);
    }
};

ClientOptions fastOptions(const QList<QSslCertificate> &ca)
{
    ClientOptions o;
    o.caCertificates = ca;
    o.reconnectRetry.delay = std::chrono::milliseconds(200);
    o.reconnectRetry.maxDelay = std::chrono::milliseconds(1000);
    o.recoveryRetryDelay = std::chrono::milliseconds(200);
    return o;
}

QStringList errorMessages(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(0).value<Error>().name() + QStringLiteral(": ") +
                   args.at(0).value<Error>().message());
    return out;
}

bool hasCertificateError(const QSignalSpy &spy, const QString &needle)
{
    for (const QList<QVariant> &args : spy) {
        const Error e = args.at(0).value<Error>();
        if (e.code() == Error::Code::CertificateError && e.message().contains(needle))
            return true;
    }
    return false;
}
} // namespace

class TestTls : public QObject
{
    Q_OBJECT
private:
    TlsTestPki pki;
    QTemporaryDir configHome;
    ServiceProcess service;
    QList<QSslCertificate> ca;

    QStringList tlsArgs(const QString &cert, const QString &key, quint16 port = 0) const
    {
        return {QStringLiteral("--port"),     QString::number(port),
                QStringLiteral("--tls-cert"), cert,
                QStringLiteral("--tls-key"),  key};
    }

    //! A started client that joined the hub's room "r", with a spy on its group messages.
    static bool joinRoom(Client &client)
    {
        QFuture<OperationResult> join = client.joinGroup(QStringLiteral("r"));
        QDeadlineTimer deadline(15000);
        while (!join.isFinished() && !deadline.hasExpired())
            QTest::qWait(20);
        return join.isFinished() && join.result().ok();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(configHome.isValid());
        QString error;
        QVERIFY2(pki.create(&error), qPrintable(error));
        ca = TlsConfiguration::readCaFile(pki.caFile(), &error);
        QVERIFY2(!ca.isEmpty(), qPrintable(error));
        QVERIFY2(service.start(tlsArgs(pki.serverCert(), pki.serverKey()), configHome.path()),
                 service.process.readAllStandardError().constData());
    }

    void readyLineSaysHttps()
    {
        const QUrl endpoint = service.endpoint();
        QCOMPARE(endpoint.scheme(), u"https");
        QCOMPARE(endpoint.host(), u"127.0.0.1");
        QVERIFY(endpoint.port() > 0);
        QCOMPARE(service.ready.value(u"connectionString").toString(),
                 QStringLiteral("Endpoint=%1;AccessKey=%2;Version=1.0;").arg(endpoint.toString(), AccessKey));
        QCOMPARE(service.clientUrl(QStringLiteral("u")).scheme(), u"wss");
    }

    void badCertificateFilesExitTwo()
    {
        for (const QStringList &files :
             {QStringList{pki.path(QStringLiteral("missing.pem")), pki.serverKey()},
              QStringList{pki.serverCert(), pki.serverCert()},
              QStringList{pki.serverKey(), pki.serverKey()}}) {
            QProcess process;
            process.start(QStringLiteral(HUBBUB_SERVICE_PATH),
                          {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--access-key"),
                           AccessKey, QStringLiteral("--tls-cert"), files.at(0), QStringLiteral("--tls-key"),
                           files.at(1)});
            QVERIFY(process.waitForFinished(15000));
            QCOMPARE(process.exitCode(), 2);
            const QByteArray err = process.readAllStandardError();
            QCOMPARE(err.count('\n'), 1);
            QVERIFY2(err.contains("--tls-"), err.constData());
            QVERIFY(process.readAllStandardOutput().isEmpty());
        }
        QProcess alone;
        alone.start(QStringLiteral(HUBBUB_SERVICE_PATH),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--access-key"), AccessKey,
                     QStringLiteral("--tls-cert"), pki.serverCert()});
        QVERIFY(alone.waitForFinished(15000));
        QCOMPARE(alone.exitCode(), 2);
    }

    void clientJoinsSendsReceivesOverWss()
    {
        Client alice(Credential::fromUrl(service.clientUrl(QStringLiteral("alice"))), fastOptions(ca));
        Client bob(Credential::fromUrl(service.clientUrl(QStringLiteral("bob"))), fastOptions(ca));
        QSignalSpy aliceConnected(&alice, &Client::connected);
        QSignalSpy bobMessages(&bob, &Client::groupMessageReceived);
        QSignalSpy aliceErrors(&alice, &Client::errorOccurred);
        alice.start();
        bob.start();
        QTRY_COMPARE_WITH_TIMEOUT(aliceConnected.size(), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(bob.state(), Client::State::Connected, 15000);
        QVERIFY(joinRoom(alice));
        QVERIFY(joinRoom(bob));
        alice.sendToGroup(QStringLiteral("r"), Payload::fromText(QStringLiteral("over tls")));
        QTRY_COMPARE_WITH_TIMEOUT(bobMessages.size(), 1, 15000);
        QCOMPARE(bobMessages.at(0).at(0).value<GroupMessage>().payload.text(), u"over tls");
        QVERIFY2(aliceErrors.isEmpty(), qPrintable(errorMessages(aliceErrors).join(u'\n')));
    }

    void recoveryOverTls()
    {
        Client alice(Credential::fromUrl(service.clientUrl(QStringLiteral("alice"))), fastOptions(ca));
        Client bob(Credential::fromUrl(service.clientUrl(QStringLiteral("bob"))), fastOptions(ca));
        QSignalSpy bobRecovered(&bob, &Client::recovered);
        QSignalSpy bobConnected(&bob, &Client::connected);
        QSignalSpy bobMessages(&bob, &Client::groupMessageReceived);
        alice.start();
        bob.start();
        QTRY_COMPARE_WITH_TIMEOUT(alice.state(), Client::State::Connected, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(bob.state(), Client::State::Connected, 15000);
        QVERIFY(joinRoom(alice));
        QVERIFY(joinRoom(bob));
        const QString connectionId = bob.connectionId();

        bob.dropConnection();
        // Sent while bob's TLS link is down: the service keeps it for the recovered connection.
        QFuture<OperationResult> sent =
            alice.sendToGroup(QStringLiteral("r"), Payload::fromText(QStringLiteral("while away")));
        QTRY_COMPARE_WITH_TIMEOUT(bobRecovered.size(), 1, 20000);
        QCOMPARE(bobRecovered.at(0).at(0).toString(), connectionId);
        QCOMPARE(bobConnected.size(), 1); // recovered, not a new connection
        QTRY_VERIFY_WITH_TIMEOUT(sent.isFinished(), 15000);
        QVERIFY(sent.result().ok());
        QTRY_COMPARE_WITH_TIMEOUT(bobMessages.size(), 1, 15000);
        QCOMPARE(bobMessages.at(0).at(0).value<GroupMessage>().payload.text(), u"while away");
    }

    void negotiateOverHttps()
    {
        QUrl negotiate = service.endpoint();
        negotiate.setPath(QStringLiteral("/negotiate"));
        negotiate.setQuery(QStringLiteral("hub=%1&userId=carol").arg(Hub));
        Client carol(Credential::fromNegotiateUrl(negotiate, ca), fastOptions(ca));
        QSignalSpy connected(&carol, &Client::connected);
        carol.start();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 15000);
        QCOMPARE(connected.at(0).at(1).toString(), u"carol");

        // Without the CA, the negotiate request itself is refused with a clear error.
        Client mallory(Credential::fromNegotiateUrl(negotiate), fastOptions({}));
        QSignalSpy refusedConnected(&mallory, &Client::connected);
        QSignalSpy errors(&mallory, &Client::errorOccurred);
        mallory.start();
        QTRY_VERIFY_WITH_TIMEOUT(hasCertificateError(errors, QStringLiteral("certificate not trusted")),
                                 15000);
        QTest::qWait(1500); // it keeps trying per its reconnect policy, and never gets through
        QCOMPARE(refusedConnected.size(), 0);
        QVERIFY(hasCertificateError(errors, QStringLiteral("negotiate")));
    }

    void clientWithoutCaIsRefused()
    {
        Client client(Credential::fromUrl(service.clientUrl(QStringLiteral("dave"))), fastOptions({}));
        QSignalSpy connected(&client, &Client::connected);
        QSignalSpy errors(&client, &Client::errorOccurred);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            hasCertificateError(errors, QStringLiteral("certificate not trusted: server")), 15000);
        QTest::qWait(1500);
        QCOMPARE(connected.size(), 0);
        QVERIFY(client.state() != Client::State::Connected);
    }

    void untrustedCaIsRefused()
    {
        ServiceProcess other;
        QVERIFY(other.start(tlsArgs(pki.untrustedCert(), pki.untrustedKey()), configHome.path()));
        Client client(Credential::fromUrl(other.clientUrl(QStringLiteral("erin"))), fastOptions(ca));
        QSignalSpy connected(&client, &Client::connected);
        QSignalSpy errors(&client, &Client::errorOccurred);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(hasCertificateError(errors, QStringLiteral("certificate not trusted")),
                                 15000);
        QTest::qWait(1000);
        QCOMPARE(connected.size(), 0);
    }

    void otherHostNameIsRefused()
    {
        ServiceProcess other;
        QVERIFY(other.start(tlsArgs(pki.otherHostCert(), pki.otherHostKey()), configHome.path()));
        Client client(Credential::fromUrl(other.clientUrl(QStringLiteral("frank"))), fastOptions(ca));
        QSignalSpy connected(&client, &Client::connected);
        QSignalSpy errors(&client, &Client::errorOccurred);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            hasCertificateError(errors, QStringLiteral("certificate is for another host")), 15000);
        QTest::qWait(1000);
        QCOMPARE(connected.size(), 0);
    }

    void cliConnectsWithCaFile()
    {
        CliProcess cli;
        cli.start({QStringLiteral("--connection-string"), service.ready.value(u"connectionString").toString(),
                   QStringLiteral("--hub"), Hub, QStringLiteral("--ca-file"), pki.caFile()});
        QTRY_VERIFY_WITH_TIMEOUT(cli.indexOfEvent(QStringLiteral("connected")) >= 0, 20000);
        QUrl negotiate = service.endpoint();
        negotiate.setPath(QStringLiteral("/negotiate"));
        negotiate.setQuery(QStringLiteral("hub=%1&userId=gina").arg(Hub));
        CliProcess viaNegotiate;
        viaNegotiate.start(
            {QStringLiteral("--negotiate"), negotiate.toString(), QStringLiteral("--ca-file"), pki.caFile()});
        QTRY_VERIFY_WITH_TIMEOUT(viaNegotiate.indexOfEvent(QStringLiteral("connected")) >= 0, 20000);
        QCOMPARE(viaNegotiate.firstEvent(QStringLiteral("connected")).value(u"userId").toString(), u"gina");
    }

    void cliWithoutCaFileNeverConnects()
    {
        CliProcess cli;
        cli.start({QStringLiteral("--connection-string"), service.ready.value(u"connectionString").toString(),
                   QStringLiteral("--hub"), Hub});
        QTRY_VERIFY_WITH_TIMEOUT(cli.errorOutput.contains("certificate not trusted"), 20000);
        QTest::qWait(1000);
        cli.readOutput();
        QCOMPARE(cli.indexOfEvent(QStringLiteral("connected")), -1);
    }

    void cliBadCaFileExitsTwo()
    {
        QFile garbage(pki.path(QStringLiteral("garbage.pem")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n");
        garbage.close();
        for (const QString &file : {pki.path(QStringLiteral("missing.pem")), garbage.fileName()}) {
            QProcess cli;
            cli.start(CliProcess::program(),
                      {QStringLiteral("--url"), service.clientUrl(QStringLiteral("x")).toString(),
                       QStringLiteral("--ca-file"), file});
            QVERIFY(cli.waitForFinished(15000));
            QCOMPARE(cli.exitCode(), 2);
            const QByteArray err = cli.readAllStandardError();
            QVERIFY2(err.startsWith("hubbub-cli: --ca-file: "), err.constData());
            QCOMPARE(err.count('\n'), 1);
        }
    }

    // Last: restarts the shared service.
    void reconnectOverTls()
    {
        Client client(Credential::fromUrl(service.clientUrl(QStringLiteral("hank"))), fastOptions(ca));
        QSignalSpy connected(&client, &Client::connected);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 15000);
        const quint16 port = quint16(service.endpoint().port());
        const QString firstId = client.connectionId();

        // The service goes away (its connections with it) and comes back on the same port.
        service.kill();
        QVERIFY2(service.start(tlsArgs(pki.serverCert(), pki.serverKey(), port), configHome.path()),
                 service.process.readAllStandardError().constData());
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 30000);
        QCOMPARE(connected.at(1).at(2).toBool(), true);
        QVERIFY(client.connectionId() != firstId);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
