// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Present mode against the app's embedded service: start hosts it on the LAN with the guest page
// and an invite; a guest negotiating with the invite is counted; remove closes it, lock refuses
// its sends, end closes every guest and voids the invite; the QR code encodes the join URL.
#include "apptestfixture.h"
#include "connectioncontroller.h"
#include "presentmode.h"
#include "secretstore.h"
#include "service.h"
#include "servicetestsupport.h"

#include <protocolnames.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

using namespace Hubbub;
using namespace std::chrono_literals;

namespace {
constexpr int kTimeout = 20000;
const QString Device = QStringLiteral("present-device-0123456789");

struct Negotiated
{
    int status = 0;
    QUrl url;
};
} // namespace

class TestPresentMode : public QObject
{
    Q_OBJECT
    QNetworkAccessManager m_network;

    AppOptions options()
    {
        AppOptions o;
        o.endpoint = AppOptions::Endpoint::Local;
        o.localServicePort = 0;
        o.discoverLocalService = false;
        o.useKeychain = false;
        o.user = QStringLiteral("speaker");
        o.profile = QStringLiteral("present");
        o.clientOptions.reconnectRetry.delay = 200ms;
        o.clientOptions.reconnectRetry.maxDelay = 1000ms;
        return o;
    }

    //! `/negotiate` on the service's loopback address with the invite of \a joinUrl.
    Negotiated negotiate(const Service &service, const QString &joinUrl, const QString &name)
    {
        const QString invite =
            QUrlQuery(QUrl(joinUrl)).queryItemValue(QStringLiteral("invite"), QUrl::FullyDecoded);
        QUrl url(QStringLiteral("http://127.0.0.1:%1/negotiate").arg(service.port()));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("hub"), QStringLiteral("hubbub"));
        query.addQueryItem(QStringLiteral("userId"), name);
        query.addQueryItem(QStringLiteral("device"), Device);
        query.addQueryItem(QStringLiteral("invite"), invite);
        url.setQuery(query);
        QNetworkReply *reply = m_network.get(QNetworkRequest(url));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(kTimeout);
        Negotiated answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.url = QUrl(QJsonDocument::fromJson(reply->readAll()).object().value(u"url").toString());
        reply->deleteLater();
        return answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(HubbubTest::isolateLocalAppPaths(QStringLiteral("hubbub-tst-presentmode")));
    }

    void presentRemoveLockEnd()
    {
        SecretStore secrets(QStringLiteral("t"), false);
        ConnectionController cc(options(), &secrets);
        PresentMode present(&cc, QStringLiteral("hubbub"));
        cc.start();
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), kTimeout);
        QVERIFY(!present.isActive());
        QVERIFY(present.joinUrl().isEmpty());

        QSignalSpy active(&present, &PresentMode::activeChanged);
        QVERIFY(present.start());
        QVERIFY(present.isActive());
        QVERIFY(active.count() >= 1);
        QVERIFY(cc.hostingOnLan());
        const QString joinUrl = present.joinUrl();
        QVERIFY2(joinUrl.contains(QStringLiteral("/join?invite=") + cc.service()->invite()),
                 qPrintable(joinUrl));
        QCOMPARE(present.guestCount(), 0);

        // A guest joins with the invite: counted.
        const Negotiated first = negotiate(*cc.service(), joinUrl, QStringLiteral("Gina"));
        QCOMPARE(first.status, 200);
        TestSupport::TestClient guest;
        QVERIFY(guest.connectTo(first.url, TestSupport::Json));
        QTRY_COMPARE_WITH_TIMEOUT(present.guestCount(), 1, kTimeout);
        QCOMPARE(present.guests(), QStringList{QStringLiteral("Gina")});

        // Lock: its send is refused; unlocked, it goes through.
        guest.sendJson({{QStringLiteral("type"), QStringLiteral("joinGroup")},
                        {QStringLiteral("group"), QStringLiteral("lobby")},
                        {QStringLiteral("ackId"), 1}});
        QVERIFY(guest.waitAck(1) && guest.waitAck(1)->value(u"success").toBool());
        QSignalSpy locked(&present, &PresentMode::lockedChanged);
        present.setLocked(true);
        QVERIFY(present.isLocked());
        QCOMPARE(locked.count(), 1);
        const QJsonObject send{{QStringLiteral("type"), QStringLiteral("sendToGroup")},
                               {QStringLiteral("group"), QStringLiteral("lobby")},
                               {QStringLiteral("dataType"), QStringLiteral("text")},
                               {QStringLiteral("data"), QStringLiteral("hello")}};
        QJsonObject lockedSend = send;
        lockedSend.insert(QStringLiteral("ackId"), 2);
        guest.sendJson(lockedSend);
        const auto refused = guest.waitAck(2);
        QVERIFY(refused);
        QVERIFY(!refused->value(u"success").toBool());
        QCOMPARE(refused->value(u"error").toObject().value(u"name").toString(), u"Forbidden");
        present.setLocked(false);
        QVERIFY(!present.isLocked());
        QJsonObject openSend = send;
        openSend.insert(QStringLiteral("ackId"), 3);
        guest.sendJson(openSend);
        QVERIFY(guest.waitAck(3) && guest.waitAck(3)->value(u"success").toBool());

        // An announcement reaches the guest as a server message.
        present.announce(QStringLiteral("Questions at the end"));
        QVERIFY(guest.waitFrame([](const QJsonObject &f) {
            return f.value(u"from").toString() == u"server" &&
                   f.value(u"data").toString() == u"Questions at the end";
        }));

        // Remove: closed, no longer counted.
        present.removeGuest(QStringLiteral("gina"));
        QVERIFY(guest.waitClosed());
        QTRY_COMPARE_WITH_TIMEOUT(present.guestCount(), 0, kTimeout);

        // Clear the screen: a moment from which the presenter view shows messages.
        QVERIFY(!present.clearedAt().isValid());
        present.clearScreen();
        QVERIFY(present.clearedAt().isValid());

        // End: guests closed, the old invite refused.
        const Negotiated again = negotiate(*cc.service(), joinUrl, QStringLiteral("Gina"));
        QCOMPARE(again.status, 200);
        TestSupport::TestClient second;
        QVERIFY(second.connectTo(again.url, TestSupport::Json));
        QTRY_COMPARE_WITH_TIMEOUT(present.guestCount(), 1, kTimeout);
        present.end();
        QVERIFY(!present.isActive());
        QVERIFY(present.joinUrl().isEmpty());
        QVERIFY(second.waitClosed());
        QCOMPARE(negotiate(*cc.service(), joinUrl, QStringLiteral("Hank")).status, 403);
        // The app's own client stays.
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), kTimeout);
    }

    // A guest on the reliable protocol whose socket drops is "recovering" while the service keeps
    // its connection, "connected" again once it recovers, and "gone" when the window passes.
    void connectedRecoveringGoneCounts()
    {
        SecretStore secrets(QStringLiteral("t"), false);
        ConnectionController cc(options(), &secrets);
        PresentMode present(&cc, QStringLiteral("hubbub"));
        cc.start();
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), kTimeout);
        QVERIFY(present.start());
        // Short enough not to wait long, long enough to recover within it on a loaded machine.
        cc.service()->setRecoveryWindow(3000ms);
        QCOMPARE(present.connectedCount(), 0);
        QCOMPARE(present.recoveringCount(), 0);
        QCOMPARE(present.goneCount(), 0);

        const Negotiated negotiated = negotiate(*cc.service(), present.joinUrl(), QStringLiteral("Rita"));
        QCOMPARE(negotiated.status, 200);
        TestSupport::TestClient guest;
        QVERIFY(guest.connectTo(negotiated.url, TestSupport::Reliable));
        QVERIFY(!guest.reconnectionToken.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(present.connectedCount(), 1, kTimeout);
        QCOMPARE(present.recoveringCount(), 0);

        // The socket drops (no close frame): recovering, still one of the joined.
        QSignalSpy changed(&present, &PresentMode::guestsChanged);
        guest.socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(present.recoveringCount(), 1, kTimeout);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(present.connectedCount(), 0);
        QCOMPARE(present.goneCount(), 0);
        QCOMPARE(present.guestCount(), 1);

        // It recovers with its connection id and reconnection token: connected again.
        QUrl recovery = negotiated.url;
        QUrlQuery query(recovery);
        query.removeQueryItem(QStringLiteral("access_token"));
        query.addQueryItem(QString(WebPubSub::ProtocolNames::ConnectionIdKey), guest.connectionId);
        query.addQueryItem(QString(WebPubSub::ProtocolNames::ReconnectionTokenKey), guest.reconnectionToken);
        recovery.setQuery(query);
        TestSupport::TestClient recovered;
        recovered.open(recovery, TestSupport::Reliable);
        QTRY_VERIFY_WITH_TIMEOUT(recovered.opened, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(present.connectedCount(), 1, kTimeout);
        QCOMPARE(present.recoveringCount(), 0);
        QVERIFY(!recovered.closed);

        // It drops again and stays away past the window: gone.
        recovered.socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(present.recoveringCount(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(present.goneCount(), 1, kTimeout);
        QCOMPARE(present.recoveringCount(), 0);
        QCOMPARE(present.connectedCount(), 0);
        QCOMPARE(present.guestCount(), 0);
        present.end();
    }

    // The embedded service's sockets and fan-out run on a thread of their own (issue "On stage":
    // the presenter view must not stutter while 300 guests send); this thread only reads its counts.
    void embeddedServiceRunsOffTheGuiThread()
    {
        SecretStore secrets(QStringLiteral("t"), false);
        ConnectionController cc(options(), &secrets);
        PresentMode present(&cc, QStringLiteral("hubbub"));
        cc.start();
        QTRY_VERIFY_WITH_TIMEOUT(cc.isConnected(), kTimeout);
        QVERIFY(cc.service());
        QVERIFY(cc.service()->serviceThread() != QThread::currentThread());
        QVERIFY(cc.service()->serviceThread()->isRunning());
        QVERIFY(present.start());
        QCOMPARE(present.guestCount(), 0);
        present.end();
    }

    void qrCodeDecodesToTheJoinUrl()
    {
        const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
        if (zbarimg.isEmpty())
            QSKIP("zbarimg (Debian zbar-tools) is not installed");
        const QString url = QStringLiteral("http://192.168.1.20:8080/join?invite=AbCdEfGhIjKlMnOpQrStUvWx");
        const QImage image = QrCode::render(url, 6);
        QVERIFY(!image.isNull());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("qr.png"));
        QVERIFY(image.save(path));
        QProcess zbar;
        zbar.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), path});
        QVERIFY(zbar.waitForFinished(kTimeout));
        QCOMPARE(QString::fromUtf8(zbar.readAllStandardOutput()).trimmed(), url);
        QVERIFY(QrCode::render(QString()).isNull());
    }
};

QTEST_MAIN(TestPresentMode)
#include "tst_presentmode.moc"
