// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Issue 10, feature 9: server messages (REST sendToAll / sendToUser / sendToConnection) become
// notices in the app's Notices place — apart from the rooms, with an unread count, history across
// restarts, a notification, dedupe on redelivery — and hostile payloads stay plain and bounded.
#include "accesstoken.h"
#include "appcontroller.h"
#include "apptestcase.h"
#include "client.h"
#include "datamessage.h"
#include "noticemodel.h"
#include "notices.h"
#include "notificationpolicy.h"
#include "service.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;

namespace {
constexpr int kTimeout = 20000;

QStringList texts(const NoticeModel *model)
{
    QStringList out;
    for (int row = 0; row < model->count(); ++row)
        out.append(model->at(row).text);
    return out;
}
WebPubSub::ServerMessage serverMessage(const WebPubSub::Payload &payload, std::optional<quint64> seq = {})
{
    return WebPubSub::ServerMessage{payload, seq, QDateTime::currentDateTimeUtc()};
}
} // namespace

class TestNotices : public HubbubTest::AppTestCase
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    // An app server's REST call (`POST .../:send`), signed with the hub's access key as the
    // server SDKs do; returns the HTTP status.
    int restSend(const QString &path, const QByteArray &body, const QByteArray &contentType)
    {
        QUrl url = m_hub.service()->endpoint().resolved(
            QUrl(QStringLiteral("/api/hubs/%1%2").arg(HubbubTest::AppTestFixture::hub, path)));
        url.setQuery(QStringLiteral("api-version=2024-01-01"));
        WebPubSub::TokenClaims claims;
        claims.audience = url.toString(QUrl::FullyEncoded);
        claims.issuedAt = QDateTime::currentDateTimeUtc().addSecs(-1);
        claims.expiresAt = QDateTime::currentDateTimeUtc().addSecs(600);
        QNetworkRequest request(url);
        request.setRawHeader(
            "Authorization",
            "Bearer " + WebPubSub::AccessToken::sign(claims, HubbubTest::AppTestFixture::accessKey.toUtf8())
                            .toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = m_network.post(request, body);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, kTimeout))
            return -1;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }
    std::unique_ptr<AppController> makeApp(const AppOptions &o)
    {
        auto app = std::make_unique<AppController>(o);
        m_hub.watch(app->notices()->model());
        return app;
    }
    static int roomMessages(AppController *app)
    {
        int n = 0;
        for (const QString &room : app->directory()->names())
            n += app->directory()->openMessages(room)->count();
        return n;
    }

private Q_SLOTS:
    void displayTextIsPlainAndBounded_data()
    {
        QTest::addColumn<WebPubSub::Payload>("payload");
        QTest::addColumn<QString>("expected");
        using WebPubSub::Payload;
        QTest::newRow("text") << Payload::fromText(QStringLiteral("maintenance at noon"))
                              << QStringLiteral("maintenance at noon");
        QTest::newRow("html stays literal")
            << Payload::fromText(QStringLiteral("<b>hi</b><img src=\"http://x/y\">"))
            << QStringLiteral("<b>hi</b><img src=\"http://x/y\">");
        QTest::newRow("json object with text")
            << Payload::fromJson(QJsonObject{{QStringLiteral("text"), QStringLiteral("deploy done")},
                                             {QStringLiteral("level"), 2}})
            << QStringLiteral("deploy done");
        QTest::newRow("json object, text not a string")
            << Payload::fromJson(QJsonObject{{QStringLiteral("text"), 5}}) << QStringLiteral("{\"text\":5}");
        QTest::newRow("json array") << Payload::fromJson(QJsonArray({1, 2})) << QStringLiteral("[1,2]");
        QTest::newRow("json string") << Payload::fromJson(QStringLiteral("s")) << QStringLiteral("\"s\"");
        QTest::newRow("binary") << Payload::fromBinary(QByteArray(3, 'x'))
                                << QStringLiteral("[binary, 3 bytes]");
        QTest::newRow("nul removed") << Payload::fromText(QStringLiteral("a") + QChar(0) +
                                                          QStringLiteral("b"))
                                     << QStringLiteral("ab");
    }
    void displayTextIsPlainAndBounded()
    {
        QFETCH(WebPubSub::Payload, payload);
        QFETCH(QString, expected);
        QCOMPARE(Notices::displayText(payload), expected);
    }

    void hugeAndInvalidPayloadsAreBounded()
    {
        const QString huge =
            Notices::displayText(WebPubSub::Payload::fromText(QString(1024 * 1024, QLatin1Char('a'))));
        QCOMPARE(huge.size(), Notices::kMaxTextLength);
        QVERIFY(huge.endsWith(QChar(0x2026)));
        const QString hugeJson = Notices::displayText(WebPubSub::Payload::fromJson(
            QJsonObject{{QStringLiteral("text"), QString(2 * 1024 * 1024, QLatin1Char('b'))}}));
        QCOMPARE(hugeJson.size(), Notices::kMaxTextLength);
        QCOMPARE(Notices::displayText(WebPubSub::Payload::fromBinary(QByteArray(1024 * 1024, '\0'))),
                 QStringLiteral("[binary, 1048576 bytes]"));
    }

    void restMessagesBecomeNotices()
    {
        const AppOptions options = m_hub.freshOptions(QStringLiteral("alice"));
        auto alice = makeApp(options);
        Notices *notices = alice->notices();
        QCOMPARE(notices->model()->count(), 0);
        QCOMPARE(notices->unreadCount(), 0);
        alice->start();
        QTRY_VERIFY_WITH_TIMEOUT(alice->connection()->isConnected(), kTimeout);
        QSignalSpy notified(alice.get(), &AppController::notificationRequested);
        QSignalSpy systemNotified(alice.get(), &AppController::systemNotificationRequested);
        alice->notifications()->setMinimumInterval(0);
        const int roomRowsBefore = roomMessages(alice.get());

        // sendToAll, text.
        QCOMPARE(restSend(QStringLiteral("/:send"), "<b>Maintenance</b> at noon", "text/plain"), 202);
        QTRY_COMPARE_WITH_TIMEOUT(notices->model()->count(), 1, kTimeout);
        QCOMPARE(notices->model()->at(0).text, QStringLiteral("<b>Maintenance</b> at noon"));
        QCOMPARE(notices->model()->at(0).dataType, QStringLiteral("text"));
        QVERIFY(notices->model()->at(0).receivedAt.isValid());
        QCOMPARE(notices->unreadCount(), 1);
        QCOMPARE(notified.size(), 1);
        // No room, no member: the server's, shown as a notice.
        QCOMPARE(notified.at(0).at(0).toString(), QString());
        QCOMPARE(notified.at(0).at(1).toString(), QStringLiteral("Server notice"));
        QCOMPARE(notified.at(0).at(2).toString(), QStringLiteral("<b>Maintenance</b> at noon"));
        QCOMPARE(systemNotified.at(0).at(1).toString(),
                 QStringLiteral("&lt;b&gt;Maintenance&lt;/b&gt; at noon"));

        // sendToUser, JSON with a "text".
        QCOMPARE(restSend(QStringLiteral("/users/alice/:send"), R"({"text":"deploy done","by":"bot"})",
                          "application/json"),
                 202);
        QTRY_COMPARE_WITH_TIMEOUT(notices->model()->count(), 2, kTimeout);
        QCOMPARE(notices->model()->at(1).text, QStringLiteral("deploy done"));
        QCOMPARE(notices->model()->at(1).dataType, QStringLiteral("json"));
        // sendToUser for somebody else: not ours.
        QCOMPARE(restSend(QStringLiteral("/users/mallory/:send"), "not for alice", "text/plain"), 202);
        // sendToConnection, binary.
        const QString connectionId = alice->connection()->client()->connectionId();
        QCOMPARE(restSend(QStringLiteral("/connections/%1/:send").arg(connectionId),
                          QByteArray("\x01\x02\x03", 3), "application/octet-stream"),
                 202);
        QTRY_COMPARE_WITH_TIMEOUT(notices->model()->count(), 3, kTimeout);
        QCOMPARE(notices->model()->at(2).text, QStringLiteral("[binary, 3 bytes]"));
        QCOMPARE(notices->unreadCount(), 3);
        QCOMPARE(notified.size(), 3);
        // Nothing appeared in any room.
        QCOMPARE(roomMessages(alice.get()), roomRowsBefore);
        // Under the reliable protocol the dedupe key is the connection and the sequence id.
        if (notices->model()->at(0).sequenceId)
            QCOMPARE(notices->model()->at(0).id,
                     connectionId + QLatin1Char('/') + QString::number(*notices->model()->at(0).sequenceId));

        // A hostile 1 MB JSON text through sendToAll: shown, bounded.
        const QByteArray big = "{\"text\":\"" + QByteArray(1000 * 1000, 'z') + "\"}";
        QCOMPARE(restSend(QStringLiteral("/:send"), big, "application/json"), 202);
        QTRY_COMPARE_WITH_TIMEOUT(notices->model()->count(), 4, kTimeout);
        QCOMPARE(notices->model()->at(3).text.size(), Notices::kMaxTextLength);

        // Invalid UTF-8 in a text body: the service either refuses it or it arrives with
        // replacement characters; either way nothing breaks and no raw bytes are shown.
        const int invalidStatus =
            restSend(QStringLiteral("/:send"), QByteArray("ok \x80 \xc0\x80 end"), "text/plain");
        if (invalidStatus == 202) {
            QTRY_COMPARE_WITH_TIMEOUT(notices->model()->count(), 5, kTimeout);
            QVERIFY(notices->model()->at(4).text.startsWith(QStringLiteral("ok ")));
            QVERIFY(notices->model()->at(4).text.contains(QChar(QChar::ReplacementCharacter)));
        } else {
            QCOMPARE(invalidStatus, 400);
            QCOMPARE(restSend(QStringLiteral("/:send"), "placeholder", "text/plain"), 202);
            QTRY_COMPARE_WITH_TIMEOUT(notices->model()->count(), 5, kTimeout);
        }
        QCOMPARE(notices->unreadCount(), 5);

        // Opening the place clears the unread count; while it is open nothing notifies or counts.
        notices->setOpen(true);
        QCOMPARE(notices->unreadCount(), 0);
        QCOMPARE(restSend(QStringLiteral("/:send"), "while looking", "text/plain"), 202);
        QTRY_COMPARE_WITH_TIMEOUT(notices->model()->count(), 6, kTimeout);
        QCOMPARE(notices->unreadCount(), 0);
        QCOMPARE(notified.size(), 5);
        notices->setOpen(false);
        QCOMPARE(restSend(QStringLiteral("/:send"), "unread again", "text/plain"), 202);
        QTRY_COMPARE_WITH_TIMEOUT(notices->unreadCount(), 1, kTimeout);

        // Restart: the same profile shows the notices and the unread count of last time.
        const QStringList before = texts(notices->model());
        m_hub.resetWatches();
        alice.reset();
        auto again = makeApp(options);
        QCOMPARE(texts(again->notices()->model()), before);
        QCOMPARE(again->notices()->unreadCount(), 1);
        QCOMPARE(again->notices()->model()->at(0).dataType, QStringLiteral("text"));
    }

    void redeliveryIsStoredOnce()
    {
        const AppOptions options = m_hub.freshOptions(QStringLiteral("bob"));
        auto bob = makeApp(options);
        Notices *notices = bob->notices();
        QSignalSpy added(notices, &Notices::noticeAdded);
        const auto first = serverMessage(WebPubSub::Payload::fromText(QStringLiteral("once")), 7);
        notices->receive(first, QStringLiteral("conn-1"));
        // Redelivered after a recovery: same connection, same sequence id.
        notices->receive(first, QStringLiteral("conn-1"));
        QCOMPARE(added.size(), 1);
        QCOMPARE(notices->model()->count(), 1);
        QCOMPARE(notices->unreadCount(), 1);
        // A new connection counts from 1 again: the same number there is a different message.
        notices->receive(serverMessage(WebPubSub::Payload::fromText(QStringLiteral("other")), 7),
                         QStringLiteral("conn-2"));
        // Without a sequence id (plain JSON protocol) nothing can tell a repeat: each is kept.
        notices->receive(serverMessage(WebPubSub::Payload::fromText(QStringLiteral("plain"))),
                         QStringLiteral("conn-2"));
        notices->receive(serverMessage(WebPubSub::Payload::fromText(QStringLiteral("plain"))),
                         QStringLiteral("conn-2"));
        QCOMPARE(texts(notices->model()), QStringList({QStringLiteral("once"), QStringLiteral("other"),
                                                       QStringLiteral("plain"), QStringLiteral("plain")}));
        // Also across a restart: a redelivery of an already stored one is dropped.
        m_hub.resetWatches();
        bob.reset();
        auto again = makeApp(options);
        QSignalSpy addedAgain(again->notices(), &Notices::noticeAdded);
        again->notices()->receive(first, QStringLiteral("conn-1"));
        QCOMPARE(addedAgain.size(), 0);
        QCOMPARE(again->notices()->model()->count(), 4);
        QCOMPARE(again->notices()->unreadCount(), 4);
    }

    void modelIsBounded()
    {
        auto carol = makeApp(m_hub.freshOptions(QStringLiteral("carol")));
        Notices *notices = carol->notices();
        for (int i = 0; i < NoticeModel::kMaxRows + 20; ++i)
            notices->receive(serverMessage(WebPubSub::Payload::fromText(QString::number(i)), quint64(i + 1)),
                             QStringLiteral("c"));
        QCOMPARE(notices->model()->count(), NoticeModel::kMaxRows);
        QCOMPARE(notices->model()->at(0).text, QStringLiteral("20"));
        QCOMPARE(notices->unreadCount(), NoticeModel::kMaxRows + 20);
        QCOMPARE(notices->model()->roleNames().value(NoticeModel::TextRole), QByteArray("text"));
        QCOMPARE(notices->model()->roleNames().value(NoticeModel::ReceivedAtRole), QByteArray("receivedAt"));
    }
};

QTEST_MAIN(TestNotices)
#include "tst_notices.moc"
