// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 4, the connection cap: hundreds of stalled connections from the same address
// (loopback) never keep a well-behaved REST client or WebSocket client from being served promptly.
// At the cap the oldest stalled connection is evicted (503) for the newcomer; the rest time out.
#include "gatetestsupport.h"
#include "servicetestsupport.h"

#include <QElapsedTimer>
#include <QTest>

#include <sys/resource.h>

using namespace GateSupport;
using namespace TestSupport;
using namespace std::chrono_literals;

namespace {
constexpr int Cap = 100;
constexpr int Stalled = 300;
} // namespace

class TestEviction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // 300 client sockets and their server ends live in this process.
        rlimit limit{};
        if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
            limit.rlim_cur = limit.rlim_max;
            ::setrlimit(RLIMIT_NOFILE, &limit);
        }
    }

    void stalledConnectionsEvictedForNewcomers()
    {
        Hubbub::ServiceOptions options = defaultOptions();
        options.maxHttpConnections = Cap;
        options.requestHeadTimeout = 10000ms;
        Hubbub::Service service(options);
        QVERIFY(service.start());
        const QByteArray half =
            "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(service.port()) +
            "\r\nX-Slow: ";

        std::vector<std::unique_ptr<QTcpSocket>> stalled;
        int closed = 0;
        int evictedWith503 = 0;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < Stalled; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = socket.get();
            connect(raw, &QTcpSocket::connected, this, [raw, half] { raw->write(half); });
            connect(raw, &QTcpSocket::readyRead, this, [raw, &evictedWith503] {
                if (raw->peek(12) == "HTTP/1.1 503")
                    ++evictedWith503;
                raw->readAll();
            });
            connect(raw, &QTcpSocket::disconnected, this, [&closed] { ++closed; });
            raw->connectToHost(QHostAddress::LocalHost, service.port());
            stalled.push_back(std::move(socket));
            if (i % 50 == 49)
                QTest::qWait(20);
        }
        // All 300 arrived; at most Cap of them are still held.
        QTRY_VERIFY_WITH_TIMEOUT(closed >= Stalled - Cap, 5000);
        QVERIFY2(evictedWith503 >= Stalled - Cap - 5, qPrintable(QString::number(evictedWith503)));

        // Well-behaved clients are served promptly, long before any stalled head times out.
        QElapsedTimer served;
        served.start();
        RestClient rest(service);
        QCOMPARE(rest.call("HEAD", QStringLiteral("/api/health")).status, 200);
        QCOMPARE(rest.call("POST", QStringLiteral("/api/hubs/chat/:send?api-version=2024-01-01"), "hi",
                           "text/plain")
                     .status,
                 202);
        TestClient client;
        QVERIFY(client.connectTo(
            clientUrl(service, QStringLiteral("chat"), clientToken(service, QStringLiteral("chat")))));
        QVERIFY2(served.elapsed() < 5000, qPrintable(QString::number(served.elapsed())));
        QVERIFY2(clock.elapsed() < 10000,
                 "the stalled connections timed out before the test could check eviction");
        QCOMPARE(service.connectionCount(), 1);

        // The stalled ones that were kept are closed at the head timeout; the WebSocket stays.
        QTRY_COMPARE_WITH_TIMEOUT(closed, Stalled, 30000);
        QVERIFY(client.socket.state() == QAbstractSocket::ConnectedState);
    }

    void newcomerRefusedOnlyWhenNothingIsStalled()
    {
        // Every held connection is busy with an (authenticated, slow) request body: a newcomer then
        // gets a clear 503 rather than a hang.
        Hubbub::ServiceOptions options = defaultOptions();
        options.maxHttpConnections = 2;
        Hubbub::Service service(options);
        QVERIFY(service.start());
        RestClient rest(service);
        QUrl url = service.endpoint();
        url.setPath(QStringLiteral("/api/hubs/chat/:send"));
        const QByteArray busy =
            "POST /api/hubs/chat/:send?api-version=2024-01-01 HTTP/1.1\r\nHost: 127.0.0.1:" +
            QByteArray::number(service.port()) +
            "\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\nAuthorization: Bearer " +
            rest.tokenFor(url).toUtf8() + "\r\n\r\nsome";
        std::vector<std::unique_ptr<QTcpSocket>> bodies;
        for (int i = 0; i < 2; ++i) {
            bodies.push_back(std::make_unique<QTcpSocket>());
            bodies.back()->connectToHost(QHostAddress::LocalHost, service.port());
            QVERIFY(bodies.back()->waitForConnected(10000));
            bodies.back()->write(busy);
        }
        QTest::qWait(300);
        const Answer refused = get(service.port(), "/api/health", "127.0.0.1");
        QCOMPARE(refused.status, 503);
        QVERIFY2(refused.body.contains("Too many connections"), refused.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestEviction)
#include "tst_eviction.moc"
