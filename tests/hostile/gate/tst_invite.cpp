// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 2, an invite in force (LAN mode or --invite): /negotiate needs the invite, a guest
// name is held by the device that took it, guests live in `guest:` and may join and send to rooms
// (groups), nothing more.
#include "gatetestsupport.h"
#include "servicetestsupport.h"

#include <accesstoken.h>

#include <QTest>
#include <QUrlQuery>

using namespace GateSupport;
using namespace TestSupport;

class TestInvite : public QObject
{
    Q_OBJECT
    std::unique_ptr<Hubbub::Service> service;

    Answer negotiate(const QByteArray &query)
    {
        return get(service->port(), "/negotiate?hub=chat&" + query, ownHost(*service));
    }
    //! The verified claims of the token in a negotiate answer.
    std::optional<WebPubSub::TokenClaims> claimsOf(const Answer &answer)
    {
        const QUrl url(answer.json().value(u"url").toString());
        return WebPubSub::AccessToken::verify(
            QUrlQuery(url).queryItemValue(QStringLiteral("access_token"), QUrl::FullyDecoded),
            AccessKey.toUtf8());
    }

private Q_SLOTS:
    void init()
    {
        service = startedInvitedService();
        QVERIFY(service);
        QCOMPARE(service->invite(), QString::fromLatin1(Invite));
    }
    void cleanup() { service.reset(); }

    void inviteRequired()
    {
        const Answer missing = negotiate("userId=alice&device=" + DeviceA);
        QCOMPARE(missing.status, 403);
        QVERIFY2(missing.body.contains("invite"), missing.body.constData());
        QVERIFY(!missing.body.contains("access_token"));
        QCOMPARE(negotiate("userId=alice&device=" + DeviceA + "&invite=wrong").status, 403);
        QCOMPARE(negotiate("userId=alice&device=" + DeviceA + "&invite=" + Invite.chopped(1)).status, 403);
        QCOMPARE(negotiate("userId=alice&device=" + DeviceA + "&invite=" + Invite + "x").status, 403);
        // With the invite but without a device key or a name: told what is missing.
        QCOMPARE(negotiate("userId=alice&invite=" + Invite).status, 400);
        QCOMPARE(negotiate("userId=alice&device=short&invite=" + Invite).status, 400);
        QCOMPARE(negotiate("device=" + DeviceA + "&invite=" + Invite).status, 400);
        QCOMPARE(negotiate("userId=%0A&device=" + DeviceA + "&invite=" + Invite).status, 400);
    }

    void guestTokenIsAGuestThatMayOnlyUseRooms()
    {
        // Asking for roles or groups changes nothing; the id is in the guests' namespace.
        const Answer ok = negotiate("userId=alice&device=" + DeviceA + "&invite=" + Invite +
                                    "&role=webpubsub.sendToGroup.admins&group=admins");
        QCOMPARE(ok.status, 200);
        const auto claims = claimsOf(ok);
        QVERIFY(claims);
        QCOMPARE(claims->subject.value_or(QString()), QStringLiteral("guest:alice"));
        QCOMPARE(claims->roles, (QStringList{QStringLiteral("webpubsub.joinLeaveGroup"),
                                             QStringLiteral("webpubsub.sendToGroup")}));
        QVERIFY(claims->groups.isEmpty());

        TestClient guest;
        QVERIFY(guest.connectTo(QUrl(ok.json().value(u"url").toString())));
        QCOMPARE(guest.frames.first().value(u"userId").toString(), u"guest:alice");
        // Rooms: join one and send to it; members see the guest's id.
        TestClient member;
        QVERIFY(
            member.connectTo(clientUrl(*service, QStringLiteral("chat"),
                                       clientToken(*service, QStringLiteral("chat"), QStringLiteral("bob"),
                                                   {}, {QStringLiteral("lobby")}))));
        guest.sendJson({{QStringLiteral("type"), QStringLiteral("joinGroup")},
                        {QStringLiteral("group"), QStringLiteral("lobby")},
                        {QStringLiteral("ackId"), 1}});
        QVERIFY(guest.waitAck(1) && guest.waitAck(1)->value(u"success").toBool());
        guest.sendJson({{QStringLiteral("type"), QStringLiteral("sendToGroup")},
                        {QStringLiteral("group"), QStringLiteral("lobby")},
                        {QStringLiteral("dataType"), QStringLiteral("text")},
                        {QStringLiteral("data"), QStringLiteral("hi")},
                        {QStringLiteral("ackId"), 2}});
        QVERIFY(guest.waitAck(2) && guest.waitAck(2)->value(u"success").toBool());
        const auto message = member.waitMessage();
        QVERIFY(message);
        QCOMPARE(message->value(u"fromUserId").toString(), u"guest:alice");

        // Events and invocations would reach the app server's handler as a user it never vetted.
        guest.sendJson({{QStringLiteral("type"), QStringLiteral("event")},
                        {QStringLiteral("event"), QStringLiteral("payout")},
                        {QStringLiteral("dataType"), QStringLiteral("text")},
                        {QStringLiteral("data"), QStringLiteral("100 EUR")},
                        {QStringLiteral("ackId"), 3}});
        const auto eventAck = guest.waitAck(3);
        QVERIFY(eventAck);
        QVERIFY(!eventAck->value(u"success").toBool());
        QCOMPARE(eventAck->value(u"error").toObject().value(u"name").toString(), u"Forbidden");

        // Nothing more: the token is no key to the REST API (which manages users, groups and
        // connections) and names one hub only.
        const QString token = QUrlQuery(QUrl(ok.json().value(u"url").toString()))
                                  .queryItemValue(QStringLiteral("access_token"));
        RestClient rest(*service);
        QCOMPARE(rest.call("POST", QStringLiteral("/api/hubs/chat/:send?api-version=2024-01-01"), "{}",
                           "application/json", token)
                     .status,
                 401);
        QCOMPARE(
            rest.call("PUT",
                      QStringLiteral("/api/hubs/chat/users/guest:alice/groups/admins?api-version=2024-01-01"),
                      {}, {}, token)
                .status,
            401);
        QCOMPARE(rawHandshakeStatus(service->port(), "/client/hubs/other?access_token=" + token.toUtf8()),
                 401);
    }

    void inviteIsTheGateOnLoopbackToo()
    {
        // With an invite in force the Host rule of the open loopback mode does not apply (a tunnel
        // or reverse proxy to a loopback service uses its own name); Origin still does.
        QCOMPARE(get(service->port(),
                     "/negotiate?hub=chat&userId=alice&device=" + DeviceA + "&invite=" + Invite,
                     "tunnel.example")
                     .status,
                 200);
        QCOMPARE(get(service->port(), "/negotiate?hub=chat&userId=alice&device=" + DeviceA, "tunnel.example")
                     .status,
                 403);
        QCOMPARE(get(service->port(),
                     "/negotiate?hub=chat&userId=alice&device=" + DeviceA + "&invite=" + Invite,
                     "tunnel.example", {"Origin: http://evil.example"})
                     .status,
                 403);
    }

    void nameHeldByTheFirstDevice()
    {
        QCOMPARE(negotiate("userId=alice&device=" + DeviceA + "&invite=" + Invite).status, 200);
        const Answer taken = negotiate("userId=alice&device=" + DeviceB + "&invite=" + Invite);
        QCOMPARE(taken.status, 409);
        QVERIFY2(taken.body.contains("already taken"), taken.body.constData());
        QVERIFY(!taken.body.contains("access_token"));
        // Look-alikes are the same name.
        QCOMPARE(negotiate("userId=ALICE&device=" + DeviceB + "&invite=" + Invite).status, 409);
        QCOMPARE(negotiate("userId=%20alice%20&device=" + DeviceB + "&invite=" + Invite).status, 409);
        // The device that holds it may come back (a new token after a restart of the page).
        const Answer again = negotiate("userId=alice&device=" + DeviceA + "&invite=" + Invite);
        QCOMPARE(again.status, 200);
        QCOMPARE(claimsOf(again)->subject.value_or(QString()), QStringLiteral("guest:alice"));
        // Another name is free for the other device.
        QCOMPARE(negotiate("userId=bob&device=" + DeviceB + "&invite=" + Invite).status, 200);
    }

    void guestNeverGetsALocalUsersId()
    {
        for (const QByteArray &name : {QByteArray("alice"), QByteArray("guest:alice"),
                                       QByteArray("guest%3Aalice"), QByteArray("%20root")}) {
            const Answer ok = negotiate("userId=" + name + "&device=" + DeviceA + "&invite=" + Invite);
            QCOMPARE(ok.status, 200);
            const QString subject = claimsOf(ok)->subject.value_or(QString());
            QVERIFY2(subject.startsWith(u"guest:"), qPrintable(subject));
            QVERIFY(subject != u"alice" && subject != u"root");
        }
    }

    void loopbackToolsCannotTakeTheGuestNamespace()
    {
        Hubbub::Service local(defaultOptions());
        QVERIFY(local.start());
        const QByteArray host = "127.0.0.1:" + QByteArray::number(local.port());
        QCOMPARE(get(local.port(), "/negotiate?hub=chat&userId=guest:alice", host).status, 400);
        QCOMPARE(get(local.port(), "/negotiate?hub=chat&userId=alice", host).status, 200);
    }

    void inviteGeneratedBeyondLoopback()
    {
        Hubbub::Service lan(defaultOptions());
        QVERIFY(lan.start());
        QVERIFY(lan.invite().isEmpty());
        // "Host on LAN": listening on every interface puts a generated invite (>= 128 bits) in force.
        QVERIFY(lan.rebind(QHostAddress(QHostAddress::AnyIPv4)));
        const QString invite = lan.invite();
        QVERIFY2(invite.size() >= 22, qPrintable(invite));
        const QByteArray host = "127.0.0.1:" + QByteArray::number(lan.port());
        QCOMPARE(get(lan.port(), "/negotiate?hub=chat&userId=alice&device=" + DeviceA, host).status, 403);
        QCOMPARE(get(lan.port(),
                     "/negotiate?hub=chat&userId=alice&device=" + DeviceA + "&invite=" + invite.toUtf8(),
                     host)
                     .status,
                 200);
        // Not a loopback service now: any Host (the LAN address others use) is fine, a foreign
        // Origin is not.
        QCOMPARE(get(lan.port(),
                     "/negotiate?hub=chat&userId=bob&device=" + DeviceB + "&invite=" + invite.toUtf8(),
                     "192.0.2.10:" + QByteArray::number(lan.port()))
                     .status,
                 200);
        QCOMPARE(get(lan.port(),
                     "/negotiate?hub=chat&userId=carol&device=" + DeviceB + "&invite=" + invite.toUtf8(),
                     host, {"Origin: http://evil.example"})
                     .status,
                 403);
        // Back on loopback: no invite, the loopback rules apply again.
        QVERIFY(lan.rebind(QHostAddress(QHostAddress::LocalHost)));
        QVERIFY(lan.invite().isEmpty());
    }

    void shortInviteRefused()
    {
        Hubbub::ServiceOptions options = defaultOptions();
        options.invite = QStringLiteral("short");
        const QString refusal = startRefusal(options);
        QVERIFY2(refusal.contains(u"16"), qPrintable(refusal));
    }
};

QTEST_GUILESS_MAIN(TestInvite)
#include "tst_invite.moc"
