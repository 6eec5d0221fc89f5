// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 4, request bodies: an unauthenticated body is refused on the head, before it is
// read (chunked ones included, which used to bypass the cap); an authenticated one is bounded
// before it is buffered (Content-Length on the head, chunked as it arrives), on every request of a
// keep-alive connection.
#include "gatetestsupport.h"
#include "servicetestsupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace GateSupport;
using namespace TestSupport;

namespace {
constexpr qint64 Cap = 1024 * 1024;
const QByteArray SendPath = "/api/hubs/chat/:send?api-version=2024-01-01";

QByteArray chunk(qsizetype size, char fill)
{
    return QByteArray::number(size, 16) + "\r\n" + QByteArray(size, fill) + "\r\n";
}
} // namespace

class TestBodyLimits : public QObject
{
    Q_OBJECT
    std::unique_ptr<Hubbub::Service> service;
    std::unique_ptr<RestClient> rest;
    std::unique_ptr<TestClient> member;

    QByteArray bearer(const QByteArray &pathAndQuery) const
    {
        QUrl url = service->endpoint();
        url.setPath(QString::fromUtf8(pathAndQuery.left(pathAndQuery.indexOf('?'))));
        return "Authorization: Bearer " + rest->tokenFor(url).toUtf8();
    }
    QByteArray postHead(const QByteArray &framing, const QByteArray &auth = {}) const
    {
        return "POST " + SendPath + " HTTP/1.1\r\nHost: " + ownHost(*service) +
               "\r\nContent-Type: text/plain\r\n" + framing + "\r\n" +
               (auth.isEmpty() ? QByteArray() : auth + "\r\n") + "\r\n";
    }

    //! Streams up to \a total bytes of chunked body after \a head, paced by what the kernel
    //! takes, until an answer arrives. Returns the answer and the body bytes queued by then.
    std::pair<Answer, qint64> streamChunked(const QByteArray &head, qint64 total)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, service->port());
        if (!socket.waitForConnected(10000))
            return {};
        socket.write(head);
        const QByteArray piece = chunk(64 * 1024, 'x');
        qint64 queued = 0;
        QByteArray received;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60000 && socket.state() == QAbstractSocket::ConnectedState &&
               !received.contains("\r\n\r\n")) {
            if (queued < total && socket.bytesToWrite() < 256 * 1024) {
                socket.write(piece);
                queued += 64 * 1024;
            }
            QTest::qWait(queued < total ? 0 : 10);
            received += socket.readAll();
        }
        received += socket.readAll();
        return {readAnswerFrom(socket, received), queued};
    }
    static Answer readAnswerFrom(QTcpSocket &socket, QByteArray received)
    {
        (void)QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                const Answer a = parseAnswer(received);
                return a.status != 0 && a.body.endsWith('\n');
            },
            5000);
        return parseAnswer(received);
    }

private Q_SLOTS:
    void init()
    {
        Hubbub::ServiceOptions options = defaultOptions();
        options.maxRequestBodyBytes = Cap;
        service = std::make_unique<Hubbub::Service>(options);
        QVERIFY(service->start());
        rest = std::make_unique<RestClient>(*service);
        member = std::make_unique<TestClient>();
        QVERIFY(
            member->connectTo(clientUrl(*service, QStringLiteral("chat"),
                                        clientToken(*service, QStringLiteral("chat"), QStringLiteral("m")))));
    }
    void cleanup()
    {
        member.reset();
        rest.reset();
        service.reset();
    }

    void unauthenticatedChunkedRefusedBeforeItIsRead()
    {
        // 48 MB without a token: the 401 comes on the head, long before the client could finish.
        constexpr qint64 Total = 48 * 1024 * 1024;
        const auto [answer, queued] = streamChunked(postHead("Transfer-Encoding: chunked"), Total);
        QCOMPARE(answer.status, 401);
        QVERIFY2(answer.body.contains("Authorization"), answer.body.constData());
        QVERIFY2(queued < Total / 4, qPrintable(QString::number(queued)));
        QTest::qWait(200);
        QCOMPARE(member->messages().size(), 0);
    }

    void unauthenticatedBodiesRefusedOnEveryPath()
    {
        QCOMPARE(exchange(service->port(), postHead("Content-Length: 5") + "hello").status, 401);
        // A wrong token is no token.
        QCOMPARE(
            exchange(service->port(), postHead("Content-Length: 5", "Authorization: Bearer x.y.z") + "hello")
                .status,
            401);
        // Paths that take no body cannot be used to smuggle one either.
        QCOMPARE(exchange(service->port(), "POST /negotiate?hub=chat HTTP/1.1\r\nHost: " + ownHost(*service) +
                                               "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk(10, 'x'))
                     .status,
                 401);
        QCOMPARE(exchange(service->port(), "POST /api/health HTTP/1.1\r\nHost: " + ownHost(*service) +
                                               "\r\nContent-Length: 3\r\n\r\nabc")
                     .status,
                 401);
        QCOMPARE(exchange(service->port(), postHead("Content-Length: -1", bearer(SendPath))).status, 400);
    }

    void authenticatedContentLengthOverCap()
    {
        // Refused on the head: no body byte needs to be sent.
        const Answer answer = exchange(
            service->port(), postHead("Content-Length: " + QByteArray::number(Cap + 1), bearer(SendPath)));
        QCOMPARE(answer.status, 413);
        QVERIFY2(answer.body.contains(QByteArray::number(Cap)), answer.body.constData());
    }

    void authenticatedChunkedOverCap()
    {
        const auto [answer, queued] =
            streamChunked(postHead("Transfer-Encoding: chunked", bearer(SendPath)), 4 * Cap);
        QCOMPARE(answer.status, 413);
        QVERIFY(queued <= 4 * Cap);
        QTest::qWait(200);
        QCOMPARE(member->messages().size(), 0);
    }

    void authenticatedChunkedUnderCapDelivered()
    {
        const QByteArray body = chunk(100 * 1024, 'a') + chunk(1000, 'b') + "0\r\n\r\n";
        const Answer answer =
            exchange(service->port(), postHead("Transfer-Encoding: chunked", bearer(SendPath)) + body);
        QCOMPARE(answer.status, 202);
        const auto message = member->waitMessage();
        QVERIFY(message);
        QCOMPARE(message->value(u"data").toString().size(), 100 * 1024 + 1000);
    }

    void everyRequestOfAKeepAliveConnectionIsChecked()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, service->port());
        QVERIFY(socket.waitForConnected(10000));
        // Two authenticated sends on one connection: keep-alive works.
        for (int i = 0; i < 2; ++i) {
            socket.write(postHead("Content-Length: 2", bearer(SendPath)) + "ok");
            QCOMPARE(readAnswer(socket).status, 202);
        }
        // Then a head split over two writes, a chunked body and no token: refused before its body.
        const QByteArray head = postHead("Transfer-Encoding: chunked");
        socket.write(head.left(20));
        QTest::qWait(300);
        socket.write(head.mid(20));
        QTest::qWait(50);
        socket.write(chunk(Cap / 2, 'z'));
        const Answer refused = readAnswer(socket);
        QCOMPARE(refused.status, 401);
        QTRY_COMPARE_WITH_TIMEOUT(member->messages().size(), 2, 5000);
        QTest::qWait(200);
        QCOMPARE(member->messages().size(), 2);

        // A pipelined over-cap request behind a good one: the good one is served, the other refused.
        QTcpSocket pipelined;
        pipelined.connectToHost(QHostAddress::LocalHost, service->port());
        QVERIFY(pipelined.waitForConnected(10000));
        pipelined.write(postHead("Content-Length: 2", bearer(SendPath)) + "ok" +
                        postHead("Content-Length: " + QByteArray::number(Cap * 8), bearer(SendPath)));
        QByteArray both;
        QTRY_VERIFY_WITH_TIMEOUT((both += pipelined.readAll()).contains("HTTP/1.1 413"), 10000);
        QVERIFY2(both.startsWith("HTTP/1.1 202"), both.constData());
    }
};

QTEST_GUILESS_MAIN(TestBodyLimits)
#include "tst_bodylimits.moc"
