// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 6 (service side): exactness.
//  - ackIds and sequenceIds are uint64: up to 2^64-1 they must come back digit for digit (they were
//    echoed as doubles, 1.8446744073709552e19, so the client's ack never matched).
//  - A token without `exp` is refused, for a client handshake and for the REST API, as Azure does.
//  - A handler that fails the abuse-protection validation is reported and gets no events.
#include "recordinghandler.h"
#include "servicetestsupport.h"

#include <framecodec.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

#include <limits>

using namespace TestSupport;
using namespace WebPubSub;

namespace {
const QString Hub = QStringLiteral("chat");
constexpr quint64 Max = std::numeric_limits<quint64>::max(); // 18446744073709551615
constexpr quint64 AboveInt64 = (quint64(1) << 63) + 1;       // 9223372036854775809
constexpr quint64 AboveDouble = (quint64(1) << 53) + 1;      // 9007199254740993

QByteArray b64(const QByteArray &b)
{
    return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
//! An HS256 token with exactly \a claims (AccessToken::sign always adds `exp`).
QString handMadeToken(const QJsonObject &claims)
{
    const QByteArray input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + '.' +
                             b64(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray sig =
        QMessageAuthenticationCode::hash(input, AccessKey.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(input + '.' + b64(sig));
}
} // namespace

class TestHostileExactness : public QObject
{
    Q_OBJECT

    //! Starts \a handler and a service upstream of it, connects Alice and waits for her connected
    //! event at the handler (what the handler was asked stays in \a handler).
    static void connectAliceThrough(RecordingHandler &handler)
    {
        QVERIFY(handler.start());
        Hubbub::Service service(handler.upstreamOptions());
        QVERIFY(service.start());
        TestClient client;
        QVERIFY(client.connectTo(clientUrl(service, Hub, clientToken(service, Hub, QStringLiteral("alice"))),
                                 Json));
        QTRY_COMPARE_WITH_TIMEOUT(handler.ofType("azure.webpubsub.sys.connected").size(), 1, 10000);
    }

private Q_SLOTS:
    void codecWritesIdsExactly_data()
    {
        QTest::addColumn<quint64>("id");
        QTest::newRow("2^64-1") << Max;
        QTest::newRow("2^63+1") << AboveInt64;
        QTest::newRow("2^53+1") << AboveDouble;
        QTest::newRow("2^63-1") << quint64(std::numeric_limits<qint64>::max());
        QTest::newRow("small") << quint64(7);
    }
    void codecWritesIdsExactly()
    {
        QFETCH(quint64, id);
        const QByteArray digits = QByteArray::number(id);
        const QList<Frame> frames = {
            Frame::ack(id),
            Frame::ack(id, ErrorDetail{QStringLiteral("Forbidden"), QStringLiteral("no")}),
            Frame::sendToGroup(QStringLiteral("g"), Payload::fromText(QStringLiteral("x")), id, false),
            Frame::joinGroup(QStringLiteral("g"), id),
            Frame::sendEvent(QStringLiteral("e"), Payload::fromText(QStringLiteral("x")), id),
            Frame::sequenceAck(id),
            Frame::groupMessage(QStringLiteral("g"), QStringLiteral("u"),
                                Payload::fromText(QStringLiteral("x")), id),
            Frame::serverMessage(Payload::fromText(QStringLiteral("x")), id),
        };
        for (const Frame &frame : frames) {
            const QByteArray json = FrameCodec::serialize(frame);
            const QByteArray key = frame.type == Frame::Type::SequenceAck ||
                                           frame.type == Frame::Type::GroupMessage ||
                                           frame.type == Frame::Type::ServerMessage
                                       ? "\"sequenceId\":"
                                       : "\"ackId\":";
            QVERIFY2(json.contains(key + digits + ',') || json.contains(key + digits + '}'),
                     json.constData());
            // Still one valid JSON object, read back bit for bit.
            QVERIFY2(QJsonDocument::fromJson(json).isObject(), json.constData());
            const auto parsed = FrameCodec::parse(json);
            QVERIFY2(parsed.ok(), qPrintable(parsed.error));
            QVERIFY(parsed.frame->type == frame.type);
            const std::optional<quint64> back =
                key == "\"ackId\":" ? parsed.frame->ackId : parsed.frame->sequenceId;
            QVERIFY2(back && *back == id, json.constData());
            QCOMPARE(parsed.frame->payload.text(), frame.payload.text());
        }
    }
    void codecWritesMaxAckDigitForDigit()
    {
        QCOMPARE(FrameCodec::serialize(Frame::ack(Max)),
                 QByteArray("{\"ackId\":18446744073709551615,\"success\":true,\"type\":\"ack\"}"));
    }

    void serviceAcksHugeIdsExactly()
    {
        Hubbub::Service service(defaultOptions());
        QVERIFY(service.start());
        TestClient client;
        QVERIFY(client.connectTo(clientUrl(service, Hub,
                                           clientToken(service, Hub, QStringLiteral("alice"),
                                                       {QStringLiteral("webpubsub.joinLeaveGroup")})),
                                 Json));
        // Written by hand: QJsonObject cannot hold these numbers either.
        for (const quint64 id : {Max, AboveInt64, AboveDouble}) {
            client.socket.sendTextMessage(
                QStringLiteral("{\"type\":\"joinGroup\",\"group\":\"g%1\",\"ackId\":%2}")
                    .arg(id % 10)
                    .arg(id));
            client.socket.sendTextMessage(
                QStringLiteral(
                    "{\"type\":\"event\",\"event\":\"e\",\"dataType\":\"text\",\"data\":\"x\",\"ackId\":%1}")
                    .arg(id - 1));
        }
        for (const quint64 id : {Max, AboveInt64, AboveDouble, Max - 1, AboveInt64 - 1, AboveDouble - 1}) {
            const QString digits = QString::number(id);
            QVERIFY2(waitFor([&] {
                         for (const QString &text : std::as_const(client.texts)) {
                             const auto parsed = FrameCodec::parse(text.toUtf8());
                             if (parsed.ok() && parsed.frame->type == Frame::Type::Ack &&
                                 parsed.frame->ackId == id &&
                                 text.contains(QStringLiteral("\"ackId\":") + digits))
                                 return parsed.frame->success;
                         }
                         return false;
                     }),
                     qPrintable(QStringLiteral("no exact ack for ") + digits + QStringLiteral(" in ") +
                                client.texts.join(u'\n')));
        }
        // Duplicate detection keys on the exact id too: resending 2^64-1 is a Duplicate, not a match of
        // 2^64-2.
        client.socket.sendTextMessage(
            QStringLiteral("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":%1}").arg(Max));
        QVERIFY(waitFor([&] {
            return client.texts.last().contains(u"Duplicate") &&
                   client.texts.last().contains(u"\"ackId\":18446744073709551615");
        }));
    }

    void clientTokenWithoutExpIsRefused()
    {
        Hubbub::Service service(defaultOptions());
        QVERIFY(service.start());
        QUrl aud = service.endpoint();
        aud.setPath(QStringLiteral("/client/hubs/") + Hub);
        const QJsonObject claims{{QStringLiteral("aud"), aud.toString()},
                                 {QStringLiteral("sub"), QStringLiteral("alice")},
                                 {QStringLiteral("iat"), QDateTime::currentSecsSinceEpoch()}};
        auto status = [&](const QJsonObject &c) {
            return rawHandshakeStatus(service.port(),
                                      "/client/hubs/chat?access_token=" + handMadeToken(c).toLatin1());
        };
        // The same token with an `exp` is accepted: only the missing expiry is the problem.
        QJsonObject withExp = claims;
        withExp.insert(QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + 600);
        QCOMPARE(status(withExp), 101);
        QCOMPARE(status(claims), 401);
        // A non-numeric exp is no expiry either.
        QJsonObject stringExp = claims;
        stringExp.insert(QStringLiteral("exp"), QStringLiteral("never"));
        QCOMPARE(status(stringExp), 401);

        QString error;
        QVERIFY(!AccessToken::verify(handMadeToken(claims), AccessKey.toUtf8(), &error));
        QVERIFY2(error.contains(u"exp"), qPrintable(error));
    }

    void restTokenWithoutExpIsRefused()
    {
        Hubbub::Service service(defaultOptions());
        QVERIFY(service.start());
        RestClient rest(service);
        const QString path = QStringLiteral("/api/hubs/chat/:send?api-version=2024-01-01");
        const QUrl url = service.endpoint().resolved(QUrl(path));
        QJsonObject claims{{QStringLiteral("aud"), url.toString(QUrl::FullyEncoded)},
                           {QStringLiteral("iat"), QDateTime::currentSecsSinceEpoch()}};
        QJsonObject withExp = claims;
        withExp.insert(QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + 600);
        QCOMPARE(rest.call("POST", path, "hi", "text/plain", handMadeToken(withExp)).status, 202);
        const auto refused = rest.call("POST", path, "hi", "text/plain", handMadeToken(claims));
        QCOMPARE(refused.status, 401);
        QVERIFY2(refused.json().value(u"message").toString().contains(u"exp"), refused.body.constData());
    }

    void failedHandlerValidationIsReported()
    {
        RecordingHandler handler;
        handler.validationStatus = QHttpServerResponse::StatusCode::Forbidden;
        QVERIFY(handler.start());
        Hubbub::Service service(handler.upstreamOptions());
        QVERIFY(service.start());

        // The report: a warning naming the failure (the test fails if it is not logged).
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "did not pass abuse-protection validation.*403")));
        TestClient client;
        QVERIFY(!client.connectTo(clientUrl(service, Hub, clientToken(service, Hub, QStringLiteral("alice"))),
                                  Json));
        QVERIFY(client.closed);
        // Asked once (OPTIONS), then nothing: no connect, no connected event for an unvalidated handler.
        QTRY_COMPARE_WITH_TIMEOUT(handler.requests.size(), 1, 10000);
        QVERIFY(handler.requests.first().method == QHttpServerRequest::Method::Options);
        QCOMPARE(handler.requests.first().path, QByteArray("/events/chat/validate"));
        QCOMPARE(handler.requests.first().headers.value("webhook-request-origin"), QByteArray("127.0.0.1"));
        // A second client within the retry delay is refused without asking again.
        TestClient second;
        QVERIFY(!second.connectTo(clientUrl(service, Hub, clientToken(service, Hub, QStringLiteral("bob"))),
                                  Json));
        QTest::qWait(200);
        QCOMPARE(handler.requests.size(), 1);
        QCOMPARE(handler.posts().size(), 0);
        QCOMPARE(service.connectionCount(), 0);
    }

    void validationFallsBackToGet()
    {
        // §7.3 (emulator): a handler whose OPTIONS is 404 is asked with GET; it echoes our origin.
        RecordingHandler handler;
        handler.validationStatus = QHttpServerResponse::StatusCode::NotFound;
        handler.validatesOnGet = true;
        connectAliceThrough(handler);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(handler.requests.at(0).method == QHttpServerRequest::Method::Options);
        QVERIFY(handler.requests.at(1).method == QHttpServerRequest::Method::Get);
        QCOMPARE(handler.requests.at(1).path, QByteArray("/events/chat/validate"));
    }

    void passedHandlerValidationDelivers()
    {
        // The control: the same handler answering the validation gets the events.
        RecordingHandler handler;
        connectAliceThrough(handler);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(handler.requests.first().method == QHttpServerRequest::Method::Options);
        QCOMPARE(handler.ofType("azure.webpubsub.sys.connect").size(), 1);
    }
};

QTEST_MAIN(TestHostileExactness)
#include "tst_hostile_exactness.moc"
