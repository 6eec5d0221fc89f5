// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Hubbub::Service as the desktop app embeds it: start/stop/rebind, properties and signals.
#include "servicetestsupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace TestSupport;

class TestEmbedding : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startStopAndSignals()
    {
        Hubbub::Service service(defaultOptions());
        QSignalSpy running(&service, &Hubbub::Service::runningChanged);
        QSignalSpy count(&service, &Hubbub::Service::connectionCountChanged);
        QVERIFY(!service.isRunning());
        QVERIFY(service.start());
        QVERIFY(service.isRunning());
        QCOMPARE(running.size(), 1);
        QVERIFY(service.port() > 0);
        QCOMPARE(service.endpoint().toString(), QStringLiteral("http://127.0.0.1:%1").arg(service.port()));
        QCOMPARE(service.connectionString(),
                 QStringLiteral("Endpoint=http://127.0.0.1:%1;AccessKey=%2;Version=1.0;")
                     .arg(service.port())
                     .arg(AccessKey));

        TestClient client;
        QVERIFY(client.connectTo(
            clientUrl(service, QStringLiteral("chat"), clientToken(service, QStringLiteral("chat")))));
        QCOMPARE(service.connectionCount(), 1);
        QVERIFY(count.size() >= 1);

        service.stop();
        QVERIFY(!service.isRunning());
        QCOMPARE(running.size(), 2);
        QCOMPARE(service.connectionCount(), 0);
        QVERIFY(client.waitClosed());
        QCOMPARE(client.closeCode, 1001);
        QVERIFY(client.waitFrame(
            [](const QJsonObject &f) { return f.value(u"event").toString() == u"disconnected"; }));

        // It can start again.
        QVERIFY(service.start());
        TestClient again;
        QVERIFY(again.connectTo(
            clientUrl(service, QStringLiteral("chat"), clientToken(service, QStringLiteral("chat")))));
    }

    void shortKeyRefused()
    {
        Hubbub::ServiceOptions options = defaultOptions();
        options.accessKey = QStringLiteral("short");
        const QString refusal = startRefusal(options);
        QVERIFY2(refusal.contains(u"32"), qPrintable(refusal));
    }

    void busyPortNamed()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        Hubbub::ServiceOptions options = defaultOptions();
        options.port = blocker.serverPort();
        Hubbub::Service service(options);
        QString error;
        QVERIFY(!service.start(&error));
        QVERIFY2(error.contains(QString::number(blocker.serverPort())), qPrintable(error));
        QVERIFY(!service.isRunning());
    }

    void rebindKeepsPortAndClosesClients()
    {
        Hubbub::Service service(defaultOptions());
        QVERIFY(service.start());
        const quint16 port = service.port();
        TestClient client;
        QVERIFY(client.connectTo(
            clientUrl(service, QStringLiteral("chat"), clientToken(service, QStringLiteral("chat")))));
        QString error;
        QVERIFY2(service.rebind(QHostAddress::AnyIPv4, &error), qPrintable(error));
        QVERIFY(service.isRunning());
        QCOMPARE(service.port(), port);
        QVERIFY(client.waitClosed());
        QCOMPARE(client.closeCode, 1001);
        QVERIFY(service.endpoint().host() != u"0.0.0.0"); // something clients can use
        // A token minted for the new endpoint works over loopback too (aud = our own endpoint).
        QCOMPARE(rawHandshakeStatus(port, "/client/hubs/chat?access_token=" +
                                              clientToken(service, QStringLiteral("chat")).toUtf8()),
                 101);
        RestClient rest(service);
        QCOMPARE(rest.call("HEAD", QStringLiteral("/api/health")).status, 200);
        QVERIFY(service.rebind(QHostAddress::LocalHost));
        QCOMPARE(service.endpoint().host(), u"127.0.0.1");
    }
};

QTEST_GUILESS_MAIN(TestEmbedding)
#include "tst_embedding.moc"
