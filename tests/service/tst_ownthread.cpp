// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Hubbub::Service with ServiceOptions::ownThread (the app's embedded service): its sockets live on
// a worker thread, so the thread that owns it (the GUI thread) keeps running while the worker is
// busy or even blocked; getters answer without waiting; control calls emit their signals before
// they return; the worker's own signals arrive on the owner's thread; a fan-out to many clients
// (read on a third thread) arrives whole while a timer on the owner's thread keeps firing.
#include "servicetestsupport.h"

#include <QAtomicInt>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPointer>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <algorithm>
#include <memory>

using namespace TestSupport;

namespace {

constexpr int kTimeout = 30000;

Hubbub::ServiceOptions threadedOptions()
{
    Hubbub::ServiceOptions options = defaultOptions();
    options.ownThread = true;
    return options;
}

//! Raw JSON clients that live on a thread of their own (so that reading hundreds of frames does
//! not load the thread under test) and count what they receive.
class Swarm : public QObject
{
    Q_OBJECT
public:
    QAtomicInt connected;
    QAtomicInt messages;
    QAtomicInt closed;

    //! Opens one socket per URL; call on the swarm's thread (queued).
    void open(const QList<QUrl> &urls)
    {
        for (const QUrl &url : urls) {
            auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
            connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
                const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
                const QString type = frame.value(u"type").toString();
                if (type == u"message")
                    messages.ref();
                else if (type == u"system" && frame.value(u"event").toString() == u"connected")
                    connected.ref();
            });
            connect(socket, &QWebSocket::disconnected, this, [this] { closed.ref(); });
            QWebSocketHandshakeOptions handshake;
            handshake.setSubprotocols({Json});
            socket->open(QNetworkRequest(url), handshake);
        }
    }
};

//! A thread running a Swarm; the swarm is deleted on it.
struct SwarmThread
{
    QThread thread;
    Swarm *swarm = new Swarm;
    SwarmThread()
    {
        swarm->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, swarm, &QObject::deleteLater);
        thread.start();
    }
    ~SwarmThread()
    {
        thread.quit();
        thread.wait();
    }
    void open(const QList<QUrl> &urls)
    {
        Swarm *s = swarm;
        QMetaObject::invokeMethod(
            s, [s, urls] { s->open(urls); }, Qt::QueuedConnection);
    }
};

QJsonObject sendToGroup(const QString &group, const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("sendToGroup")},
            {QStringLiteral("group"), group},
            {QStringLiteral("dataType"), QStringLiteral("text")},
            {QStringLiteral("data"), text},
            {QStringLiteral("noEcho"), true}};
}

} // namespace

class TestOwnThread : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void controlCallsAndTheirSignals()
    {
        Hubbub::Service service(threadedOptions());
        QVERIFY(service.serviceThread() != QThread::currentThread());
        QVERIFY(service.serviceThread()->isRunning());
        QCOMPARE(service.thread(), QThread::currentThread());

        QSignalSpy running(&service, &Hubbub::Service::runningChanged);
        QSignalSpy count(&service, &Hubbub::Service::connectionCountChanged);
        QVERIFY(!service.isRunning());
        QString error;
        QVERIFY2(service.start(&error), qPrintable(error));
        // A control call's signal is emitted, and its getters answer, before it returns.
        QCOMPARE(running.size(), 1);
        QVERIFY(service.isRunning());
        QVERIFY(service.port() > 0);
        QCOMPARE(service.endpoint().toString(), QStringLiteral("http://127.0.0.1:%1").arg(service.port()));
        QCOMPARE(service.options().accessKey, AccessKey);

        // Who sees its client connected sees it counted, and the count's signal came.
        TestClient client;
        QVERIFY(client.connectTo(
            clientUrl(service, QStringLiteral("chat"),
                      clientToken(service, QStringLiteral("chat"), QStringLiteral("guest:Gina")))));
        QCOMPARE(service.connectionCount(), 1);
        QVERIFY(count.size() >= 1);

        QSignalSpy locked(&service, &Hubbub::Service::guestsLockedChanged);
        service.setGuestsLocked(true);
        QCOMPARE(locked.size(), 1);
        QVERIFY(service.guestsLocked());

        // The guest page: an invite in force, then a new one when the session ends.
        QSignalSpy invite(&service, &Hubbub::Service::inviteChanged);
        service.setJoinPage(true);
        QCOMPARE(invite.size(), 1);
        const QUrl joinUrl = service.joinUrl();
        QVERIFY(joinUrl.toString().contains(service.invite()));
        service.endGuestSession();
        QCOMPARE(invite.size(), 2);
        QCOMPARE(locked.size(), 2);
        QVERIFY(!service.guestsLocked());
        QVERIFY(service.joinUrl() != joinUrl);

        // announce() does not wait, but arrives.
        TestClient listener;
        QVERIFY(listener.connectTo(
            clientUrl(service, QStringLiteral("chat"), clientToken(service, QStringLiteral("chat")))));
        service.announce(QStringLiteral("chat"), QStringLiteral("doors close at six"));
        QVERIFY(listener.waitFrame([](const QJsonObject &f) {
            return f.value(u"from").toString() == u"server" &&
                   f.value(u"data").toString() == u"doors close at six";
        }));

        // Rebind: same port, the options follow; clients are closed with 1001.
        const quint16 port = service.port();
        QVERIFY(service.rebind(QHostAddress(QHostAddress::AnyIPv4), &error));
        QCOMPARE(service.port(), port);
        QCOMPARE(service.options().listenAddress, QHostAddress(QHostAddress::AnyIPv4));
        QVERIFY(listener.waitClosed());
        QCOMPARE(listener.closeCode, 1001);
        QVERIFY(service.rebind(QHostAddress(QHostAddress::LocalHost), &error));

        service.stop();
        QVERIFY(!service.isRunning());
        QCOMPARE(service.connectionCount(), 0);
        QVERIFY(service.start(&error));
        QVERIFY(service.isRunning());
    }

    // The structural point: the owner's event loop does not depend on the worker. While the worker
    // is held (blocked on a semaphore), getters answer at once and a timer on this thread fires;
    // released, the service carries on.
    void ownerRunsWhileTheWorkerIsBlocked()
    {
        Hubbub::Service service(threadedOptions());
        QVERIFY(service.start());
        TestClient client;
        QVERIFY(client.connectTo(
            clientUrl(service, QStringLiteral("chat"),
                      clientToken(service, QStringLiteral("chat"), QStringLiteral("guest:Ann"),
                                  {QStringLiteral("webpubsub.sendToGroup")}, {QStringLiteral("room")}))));
        QVERIFY(service.serviceThread() != QThread::currentThread());

        QSemaphore release;
        QAtomicInt held;
        auto *blocker = new QObject;
        blocker->moveToThread(service.serviceThread());
        QMetaObject::invokeMethod(
            blocker,
            [&release, &held, blocker] {
                held.storeRelease(1);
                release.acquire();
                blocker->deleteLater();
            },
            Qt::QueuedConnection);
        // Whatever fails below, the worker is let go (else the Service's destructor would wait).
        auto letGo = qScopeGuard([&release] { release.release(); });
        QTRY_VERIFY_WITH_TIMEOUT(held.loadAcquire() == 1, kTimeout);

        // A message now waits for the worker; this thread does not.
        client.sendJson(sendToGroup(QStringLiteral("room"), QStringLiteral("queued")));
        QCOMPARE(service.connectionCount(), 1);
        QVERIFY(service.isRunning());
        QCOMPARE(service.connectedGuests(), QStringList{QStringLiteral("Ann")});
        QCOMPARE(service.connectedGuestCount(), 1);
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
        timer.start(10);
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 5, kTimeout);
        QVERIFY(held.loadAcquire() == 1); // still held: nothing above waited for the worker
        letGo.dismiss();
        release.release();

        // Released: the worker reads the message (echoed to its sender) and answers control calls.
        QJsonObject echo = sendToGroup(QStringLiteral("room"), QStringLiteral("after"));
        echo.remove(QStringLiteral("noEcho"));
        client.sendJson(echo);
        QVERIFY(client.waitFrame([](const QJsonObject &f) { return f.value(u"data").toString() == u"after"; },
                                 kTimeout));
        QCOMPARE(service.removeGuest(QStringLiteral("ann")), 1);
        QVERIFY(client.waitClosed(kTimeout));
        QTRY_COMPARE_WITH_TIMEOUT(service.connectionCount(), 0, kTimeout);
    }

    // Many clients (read on a third thread) join and receive a fan-out; the signals of the
    // worker's changes arrive on this thread; a timer here keeps firing (generous bound: this is
    // a loaded CI machine, the point is "not stalled for the whole fan-out").
    void fanOutOffTheOwnersThread()
    {
        constexpr int kClients = 150;
        constexpr int kMessages = 40;
        Hubbub::Service service(threadedOptions());
        QVERIFY(service.start());

        QList<QThread *> signalThreads;
        connect(
            &service, &Hubbub::Service::connectionCountChanged, this,
            [&signalThreads] { signalThreads.append(QThread::currentThread()); }, Qt::DirectConnection);
        connect(
            &service, &Hubbub::Service::guestsChanged, this,
            [&signalThreads] { signalThreads.append(QThread::currentThread()); }, Qt::DirectConnection);

        SwarmThread swarm;
        QList<QUrl> urls;
        for (int i = 0; i < kClients; ++i)
            urls.append(
                clientUrl(service, QStringLiteral("chat"),
                          clientToken(service, QStringLiteral("chat"), QStringLiteral("guest:g%1").arg(i), {},
                                      {QStringLiteral("room")})));
        swarm.open(urls);
        QTRY_COMPARE_WITH_TIMEOUT(swarm.swarm->connected.loadAcquire(), kClients, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(service.connectedGuestCount(), kClients, kTimeout);
        QCOMPARE(service.connectionCount(), kClients);
        QVERIFY(!signalThreads.isEmpty());
        for (QThread *t : std::as_const(signalThreads))
            QCOMPARE(t, QThread::currentThread());

        TestClient sender;
        QVERIFY(sender.connectTo(
            clientUrl(service, QStringLiteral("chat"),
                      clientToken(service, QStringLiteral("chat"), QStringLiteral("presenter"),
                                  {QStringLiteral("webpubsub.sendToGroup")}))));
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 maxGap = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            maxGap = std::max(maxGap, now - last);
            last = now;
        });
        timer.start(10);
        for (int m = 0; m < kMessages; ++m)
            sender.sendJson(sendToGroup(QStringLiteral("room"), QStringLiteral("m%1").arg(m)));
        QTRY_COMPARE_WITH_TIMEOUT(swarm.swarm->messages.loadAcquire(), kClients * kMessages, kTimeout);
        const qint64 fanOutMs = clock.elapsed();
        timer.stop();
        qInfo("fan-out of %d deliveries in %lld ms; longest gap between 10 ms ticks on the owner's thread: "
              "%lld ms",
              kClients * kMessages, static_cast<long long>(fanOutMs), static_cast<long long>(maxGap));
        QVERIFY2(maxGap < 3000, qPrintable(QString::number(maxGap)));

        // Stopped: every client gets its close; the signals still come here.
        signalThreads.clear();
        service.stop();
        QTRY_COMPARE_WITH_TIMEOUT(swarm.swarm->closed.loadAcquire(), kClients, kTimeout);
        for (QThread *t : std::as_const(signalThreads))
            QCOMPARE(t, QThread::currentThread());
    }

    void destroyedWhileConnected()
    {
        auto service = std::make_unique<Hubbub::Service>(threadedOptions());
        QVERIFY(service->start());
        TestClient client;
        QVERIFY(client.connectTo(
            clientUrl(*service, QStringLiteral("chat"), clientToken(*service, QStringLiteral("chat")))));
        QPointer<QThread> worker = service->serviceThread();
        service.reset();
        QVERIFY(worker.isNull()); // joined and gone with the Service
        QVERIFY(client.waitClosed(kTimeout));
    }
};

QTEST_MAIN(TestOwnThread)
#include "tst_ownthread.moc"
