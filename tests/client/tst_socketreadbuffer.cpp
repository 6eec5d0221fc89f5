// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// SocketReadBuffer: a QWebSocket's read buffer limit starts small, stays small for small frames and
// grows (up to the maximum) so that a frame larger than the limit still arrives whole.
#include "socketreadbuffer.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

using namespace WebPubSub;

namespace {

// One loopback connection: a QWebSocketServer and a client QWebSocket managed by SocketReadBuffer.
struct Pair
{
    QWebSocketServer server{QStringLiteral("tst_socketreadbuffer"), QWebSocketServer::NonSecureMode};
    QWebSocket client;
    std::unique_ptr<QWebSocket> peer; // nextPendingConnection() gives it to us to delete
    QStringList received;

    bool open(qint64 maximum)
    {
        if (!server.listen(QHostAddress::LocalHost, 0))
            return false;
        QObject::connect(&client, &QWebSocket::textMessageReceived, &client,
                         [this](const QString &text) { received.append(text); });
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(server.serverPort())));
        SocketReadBuffer::manage(&client, maximum);
        if (!QTest::qWaitFor([this] { return server.hasPendingConnections(); }, 10000))
            return false;
        peer.reset(server.nextPendingConnection());
        // One frame per message (QWebSocket splits messages into 512 KiB frames by default).
        peer->setOutgoingFrameSize(8 * 1024 * 1024);
        return QTest::qWaitFor([this] { return client.state() == QAbstractSocket::ConnectedState; }, 10000);
    }
};

QString frameText(qsizetype size, char fill)
{
    return QString(size, QLatin1Char(fill));
}

} // namespace

class TestSocketReadBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallFramesKeepTheLimitSmall()
    {
        Pair pair;
        QVERIFY(pair.open(4 * 1024 * 1024));
        QCOMPARE(pair.client.readBufferSize(), SocketReadBuffer::InitialLimit);
        // 2 MB of 1 KB frames, written at once: the backlog is far larger than the limit.
        for (int i = 0; i < 2000; ++i)
            pair.peer->sendTextMessage(QString::number(i) + frameText(1000, 'a'));
        QTRY_COMPARE_WITH_TIMEOUT(pair.received.size(), 2000, 60000);
        for (int i = 0; i < 2000; i += 499)
            QVERIFY(pair.received.at(i).startsWith(QString::number(i) + u'a'));
        QCOMPARE(pair.client.readBufferSize(), SocketReadBuffer::InitialLimit);
    }

    void aLargeFrameGrowsTheLimitAndArrivesWhole_data()
    {
        QTest::addColumn<qint64>("frameSize");
        QTest::addColumn<qint64>("limitAfter");
        // 64 KiB → 256 KiB → 1 MiB → 4 MiB, as far as the frame needs.
        QTest::newRow("200 kB") << qint64(200 * 1000) << 4 * SocketReadBuffer::InitialLimit;
        QTest::newRow("3 MB") << qint64(3 * 1000 * 1000) << qint64(4 * 1024 * 1024);
    }
    void aLargeFrameGrowsTheLimitAndArrivesWhole()
    {
        Pair pair;
        QVERIFY(pair.open(4 * 1024 * 1024));
        QFETCH(qint64, frameSize);
        QFETCH(qint64, limitAfter);
        // A large frame between small ones: without growth it would never fit the 64 KiB buffer
        // (QWebSocket times out waiting for the rest after 5 s and drops the connection).
        pair.peer->sendTextMessage(QStringLiteral("before"));
        pair.peer->sendTextMessage(frameText(frameSize, 'b'));
        pair.peer->sendTextMessage(QStringLiteral("after"));
        QTRY_COMPARE_WITH_TIMEOUT(pair.received.size(), 3, 60000);
        QCOMPARE(pair.received.at(0), QStringLiteral("before"));
        QCOMPARE(pair.received.at(1), frameText(frameSize, 'b'));
        QCOMPARE(pair.received.at(2), QStringLiteral("after"));
        QCOMPARE(pair.client.readBufferSize(), limitAfter);
        QCOMPARE(pair.client.state(), QAbstractSocket::ConnectedState);
    }

    void theLimitGrowsOnlyAsFarAsNeededAndTheMaximum()
    {
        Pair pair;
        QVERIFY(pair.open(768 * 1024));
        pair.peer->sendTextMessage(frameText(200 * 1000, 'c'));
        QTRY_COMPARE_WITH_TIMEOUT(pair.received.size(), 1, 60000);
        QCOMPARE(pair.client.readBufferSize(), 4 * SocketReadBuffer::InitialLimit);
        pair.peer->sendTextMessage(frameText(700 * 1000, 'd'));
        QTRY_COMPARE_WITH_TIMEOUT(pair.received.size(), 2, 60000);
        QCOMPARE(pair.received.at(1).size(), 700 * 1000);
        QCOMPARE(pair.client.readBufferSize(), 768 * 1024); // not 1 MiB: the maximum caps the growth
    }

    void aSecureSocketKeepsTheMaximum()
    {
        // No TLS server needed: the QSslSocket exists from open() on.
        QWebSocket client;
        client.open(QUrl(QStringLiteral("wss://127.0.0.1:1/")));
        SocketReadBuffer::manage(&client, 4 * 1024 * 1024);
        QCOMPARE(client.readBufferSize(), 4 * 1024 * 1024);
        client.abort();
    }
};

QTEST_GUILESS_MAIN(TestSocketReadBuffer)
#include "tst_socketreadbuffer.moc"
