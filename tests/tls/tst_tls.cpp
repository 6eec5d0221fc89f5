// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// TLS as Azure speaks it: the real hubbub-service serving https/wss (--tls-cert/--tls-key), the
// client library and the real hubbub-cli with a private CA (ClientOptions::caCertificates,
// --ca-file), and every way a certificate must be refused (untrusted CA, another host name).
#include "clientwaits.h"
#include "cliprocess.h"
#include "isolatedhome.h"
#include "serviceprocess.h"
#include "tlstestpki.h"

#include <client.h>
#include <clientoptions.h>
#include <connectionstring.h>
#include <credential.h>
#include <tlsconfiguration.h>

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace WebPubSub;

namespace {
const QString AccessKey = QStringLiteral("tls-test-access-key-0123456789abcdefghij");
const QString Hub = QStringLiteral("tlshub");

//! A client access URL of \a service's hub for \a user, allowed to join and send.
QUrl clientUrl(const ServiceProcess &service, const QString &user)
{
    return service.clientUrl(
        Hub, user, {QStringLiteral("webpubsub.joinLeaveGroup"), QStringLiteral("webpubsub.sendToGroup")});
}

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
    IsolatedHome home; //!< HOME and XDG_* of this process, so of the services and CLIs it starts
    ServiceProcess service;
    QList<QSslCertificate> ca;

    //! hubbub-service serving TLS with \a cert and \a key on \a port; false (and \a error) on failure.
    static bool startTls(ServiceProcess &service, const QString &cert, const QString &key, QString *error,
                         quint16 port = 0)
    {
        ServiceProcess::Options options;
        options.accessKey = AccessKey;
        options.port = port;
        options.extraArguments = {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key};
        return service.start(QStringLiteral(HUBBUB_SERVICE_PATH), options, error);
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
        QVERIFY(home.isValid());
        QString error;
        QVERIFY2(pki.create(&error), qPrintable(error));
        ca = TlsConfiguration::readCaFile(pki.caFile(), &error);
        QVERIFY2(!ca.isEmpty(), qPrintable(error));
        QVERIFY2(startTls(service, pki.serverCert(), pki.serverKey(), &error), qPrintable(error));
    }

    void readyLineSaysHttps()
    {
        const QUrl endpoint = service.endpoint();
        QCOMPARE(endpoint.scheme(), u"https");
        QCOMPARE(endpoint.host(), u"127.0.0.1");
        QVERIFY(endpoint.port() > 0);
        QCOMPARE(service.connectionString(),
                 QStringLiteral("Endpoint=%1;AccessKey=%2;Version=1.0;").arg(endpoint.toString(), AccessKey));
        QCOMPARE(clientUrl(service, QStringLiteral("u")).scheme(), u"wss");
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
        Client alice(Credential::fromUrl(clientUrl(service, QStringLiteral("alice"))), fastOptions(ca));
        Client bob(Credential::fromUrl(clientUrl(service, QStringLiteral("bob"))), fastOptions(ca));
        QSignalSpy aliceConnected(&alice, &Client::connected);
        QSignalSpy bobMessages(&bob, &Client::groupMessageReceived);
        QSignalSpy aliceErrors(&alice, &Client::errorOccurred);
        QVERIFY(HubbubTest::startConnected({&alice, &bob}));
        QCOMPARE(aliceConnected.size(), 1);
        QVERIFY(joinRoom(alice));
        QVERIFY(joinRoom(bob));
        alice.sendToGroup(QStringLiteral("r"), Payload::fromText(QStringLiteral("over tls")));
        QTRY_COMPARE_WITH_TIMEOUT(bobMessages.size(), 1, 15000);
        QCOMPARE(bobMessages.at(0).at(0).value<GroupMessage>().payload.text(), u"over tls");
        QVERIFY2(aliceErrors.isEmpty(), qPrintable(errorMessages(aliceErrors).join(u'\n')));
    }

    void recoveryOverTls()
    {
        Client alice(Credential::fromUrl(clientUrl(service, QStringLiteral("alice"))), fastOptions(ca));
        Client bob(Credential::fromUrl(clientUrl(service, QStringLiteral("bob"))), fastOptions(ca));
        QSignalSpy bobConnected(&bob, &Client::connected);
        QVERIFY(HubbubTest::startConnected({&alice, &bob}));
        QVERIFY(joinRoom(alice));
        QVERIFY(joinRoom(bob));
        // Both only count from here: nothing is sent or dropped before.
        QSignalSpy bobRecovered(&bob, &Client::recovered);
        QSignalSpy bobMessages(&bob, &Client::groupMessageReceived);
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

    void refusedCertificate_data()
    {
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("client without CA") << pki.serverCert() << pki.serverKey() << false
                                           << QStringLiteral("certificate not trusted: server");
        QTest::newRow("untrusted CA")
            << pki.untrustedCert() << pki.untrustedKey() << true << QStringLiteral("certificate not trusted");
        QTest::newRow("other host name") << pki.otherHostCert() << pki.otherHostKey() << true
                                         << QStringLiteral("certificate is for another host");
    }
    void refusedCertificate()
    {
        QFETCH(QString, cert);
        QFETCH(QString, key);
        QFETCH(bool, trustCa);
        QFETCH(QString, expectedError);
        ServiceProcess other;
        QString error;
        QVERIFY2(startTls(other, cert, key, &error), qPrintable(error));
        Client client(Credential::fromUrl(clientUrl(other, QStringLiteral("erin"))),
                      fastOptions(trustCa ? ca : QList<QSslCertificate>()));
        QSignalSpy connected(&client, &Client::connected);
        QSignalSpy errors(&client, &Client::errorOccurred);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(hasCertificateError(errors, expectedError), 15000);
        QTest::qWait(1500);
        QCOMPARE(connected.size(), 0);
        QVERIFY(client.state() != Client::State::Connected);
    }

    void cliConnectsWithCaFile()
    {
        CliProcess cli;
        cli.start({QStringLiteral("--connection-string"), service.connectionString(), QStringLiteral("--hub"),
                   Hub, QStringLiteral("--ca-file"), pki.caFile()});
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
        cli.start({QStringLiteral("--connection-string"), service.connectionString(), QStringLiteral("--hub"),
                   Hub});
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
                      {QStringLiteral("--url"), clientUrl(service, QStringLiteral("x")).toString(),
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
        Client client(Credential::fromUrl(clientUrl(service, QStringLiteral("hank"))), fastOptions(ca));
        QSignalSpy connected(&client, &Client::connected);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 15000);
        const quint16 port = quint16(service.endpoint().port());
        const QString firstId = client.connectionId();

        // The service goes away (its connections with it) and comes back on the same port.
        service.kill();
        QString error;
        QVERIFY2(startTls(service, pki.serverCert(), pki.serverKey(), &error, port), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 30000);
        QCOMPARE(connected.at(1).at(2).toBool(), true);
        QVERIFY(client.connectionId() != firstId);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
