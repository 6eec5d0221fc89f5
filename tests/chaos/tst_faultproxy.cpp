// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// The chaos test is only as good as its faults: this checks that FaultProxy forwards faithfully,
// that a blackhole holds bytes without closing anything, and that resets and refusals really
// cut connections.

#include "faultproxy.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

class TestFaultProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void forwardsBothWays();
    void blackholeHoldsBytesAndKeepsLinksOpen();
    void resetAllCutsEveryLink();
    void refuseNewResetsArrivalsForAWhile();

private:
    std::unique_ptr<QTcpSocket> connectThroughProxy();

    QTcpServer m_echo; // the stand-in for the service: echoes every byte
    std::unique_ptr<FaultProxy> m_proxy;
};

void TestFaultProxy::init()
{
    QVERIFY(m_echo.listen(QHostAddress::LocalHost, 0));
    connect(&m_echo, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_echo.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->write(socket->readAll()); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    m_proxy = std::make_unique<FaultProxy>(m_echo.serverPort());
    QVERIFY(m_proxy->listen());
}

void TestFaultProxy::cleanup()
{
    m_proxy.reset();
    m_echo.close();
    m_echo.disconnect(this);
}

std::unique_ptr<QTcpSocket> TestFaultProxy::connectThroughProxy()
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, m_proxy->port());
    if (!socket->waitForConnected(10000))
        return nullptr;
    return socket;
}

void TestFaultProxy::forwardsBothWays()
{
    auto socket = connectThroughProxy();
    QVERIFY(socket);
    socket->write("hello");
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += socket->readAll()) == "hello", 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->linkCount(), 1, 10000);
    QCOMPARE(m_proxy->counts().accepted, 1);
    QVERIFY(m_proxy->counts().bytesForwarded >= 10);
}

void TestFaultProxy::blackholeHoldsBytesAndKeepsLinksOpen()
{
    auto socket = connectThroughProxy();
    QVERIFY(socket);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->linkCount(), 1, 10000);
    m_proxy->blackhole(1500ms);
    QVERIFY(m_proxy->isBlackholed());
    socket->write("held");
    QTest::qWait(500);
    QCOMPARE(socket->bytesAvailable(), 0);
    QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
    // A connection made during the blackhole is accepted but silent too.
    auto late = connectThroughProxy();
    QVERIFY(late);
    late->write("late");
    QByteArray got, lateGot;
    QTRY_VERIFY_WITH_TIMEOUT((got += socket->readAll()) == "held", 10000);
    QTRY_VERIFY_WITH_TIMEOUT((lateGot += late->readAll()) == "late", 10000);
    QVERIFY(!m_proxy->isBlackholed());
    QCOMPARE(m_proxy->counts().blackholes, 1);
}

void TestFaultProxy::resetAllCutsEveryLink()
{
    auto a = connectThroughProxy();
    auto b = connectThroughProxy();
    QVERIFY(a && b);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->linkCount(), 2, 10000);
    m_proxy->resetAll();
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), QAbstractSocket::UnconnectedState, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(b->state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(a->error(), QAbstractSocket::RemoteHostClosedError);
    QCOMPARE(m_proxy->linkCount(), 0);
    QCOMPARE(m_proxy->counts().resets, 1);
    QCOMPARE(m_proxy->counts().linksReset, 2);
    // New connections are fine afterwards.
    auto c = connectThroughProxy();
    QVERIFY(c);
    c->write("again");
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += c->readAll()) == "again", 10000);
}

void TestFaultProxy::refuseNewResetsArrivalsForAWhile()
{
    m_proxy->refuseNew(1000ms);
    QVERIFY(m_proxy->isRefusing());
    QTcpSocket refused;
    refused.connectToHost(QHostAddress::LocalHost, m_proxy->port());
    // The kernel completes the handshake; the proxy then resets it.
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->counts().refused, 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(refused.state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(m_proxy->counts().accepted, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_proxy->isRefusing(), 10000);
    auto ok = connectThroughProxy();
    QVERIFY(ok);
    ok->write("welcome");
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += ok->readAll()) == "welcome", 10000);
    QCOMPARE(m_proxy->counts().refusals, 1);
}

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
