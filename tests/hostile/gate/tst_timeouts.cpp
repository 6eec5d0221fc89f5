// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 4, time: half-sent heads, silent connections, stalled bodies and idle keep-alive
// sockets are closed (408 where a request is in progress), instead of holding a socket forever.
#include "gatetestsupport.h"
#include "servicetestsupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace GateSupport;
using namespace TestSupport;
using namespace std::chrono_literals;

class TestTimeouts : public QObject
{
    Q_OBJECT
    std::unique_ptr<Hubbub::Service> service;

    //! Opens a connection, sends \a bytes, and returns how long until the service closed it and
    //! what it answered.
    std::pair<qint64, Answer> sendAndWaitForClose(const QByteArray &bytes)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, service->port());
        if (!socket.waitForConnected(10000))
            return {-1, {}};
        QElapsedTimer clock;
        clock.start();
        if (!bytes.isEmpty())
            socket.write(bytes);
        QByteArray received;
        (void)QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            15000);
        received += socket.readAll();
        return {socket.state() == QAbstractSocket::UnconnectedState ? clock.elapsed() : -1,
                parseAnswer(received)};
    }

    //! Connects \a socket and asks for /api/health on it; the status of the answer, or -1 when it
    //! did not connect (the connection is left open).
    int servedHealth(QTcpSocket &socket)
    {
        socket.connectToHost(QHostAddress::LocalHost, service->port());
        if (!socket.waitForConnected(10000))
            return -1;
        socket.write("GET /api/health HTTP/1.1\r\nHost: " + ownHost(*service) + "\r\n\r\n");
        return readAnswer(socket).status;
    }

private Q_SLOTS:
    void init()
    {
        Hubbub::ServiceOptions options = defaultOptions();
        options.requestHeadTimeout = 1000ms;
        options.httpIdleTimeout = 3000ms;
        service = std::make_unique<Hubbub::Service>(options);
        QVERIFY(service->start());
    }
    void cleanup() { service.reset(); }

    void halfSentHeadTimedOut()
    {
        const auto [elapsed, answer] =
            sendAndWaitForClose("GET /api/health HTTP/1.1\r\nHost: " + ownHost(*service));
        QVERIFY2(elapsed >= 800, qPrintable(QString::number(elapsed)));
        QCOMPARE(answer.status, 408);
    }

    void silentConnectionTimedOut()
    {
        const auto [elapsed, answer] = sendAndWaitForClose({});
        QVERIFY2(elapsed >= 800, qPrintable(QString::number(elapsed)));
        QCOMPARE(answer.status, 408);
    }

    void stalledBodyTimedOut()
    {
        RestClient rest(*service);
        QUrl url = service->endpoint();
        url.setPath(QStringLiteral("/api/hubs/chat/:send"));
        const QByteArray head =
            "POST /api/hubs/chat/:send?api-version=2024-01-01 HTTP/1.1\r\nHost: " + ownHost(*service) +
            "\r\nContent-Type: text/plain\r\nContent-Length: 100\r\nAuthorization: Bearer " +
            rest.tokenFor(url).toUtf8() + "\r\n\r\n";
        const auto [elapsed, answer] = sendAndWaitForClose(head + "only ten b");
        QVERIFY2(elapsed >= 800, qPrintable(QString::number(elapsed)));
        QCOMPARE(answer.status, 408);
    }

    void idleKeepAliveSocketClosed()
    {
        QTcpSocket socket;
        QCOMPARE(servedHealth(socket), 200);
        QElapsedTimer clock;
        clock.start();
        // Served, then idle: closed after the idle timeout, without a response to no request.
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 15000);
        QVERIFY2(clock.elapsed() >= 2500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(socket.readAll().isEmpty());
    }

    void halfSentSecondHeadTimedOut()
    {
        QTcpSocket socket;
        QCOMPARE(servedHealth(socket), 200);
        socket.write("GET /api/health HTTP/1.1\r\nHo");
        QElapsedTimer clock;
        clock.start();
        const Answer answer = readAnswer(socket);
        QCOMPARE(answer.status, 408);
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())) /* head, not idle */);
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 10000);
    }
};

QTEST_GUILESS_MAIN(TestTimeouts)
#include "tst_timeouts.moc"
