// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The presenter's guest controls on Hubbub::Service (Present mode): removing a guest closes its
// connections and frees the name, the lock refuses guests' sends (also on fresh tokens) until
// lifted, ending the session closes every guest and voids the invite, and an announcement reaches
// every connection as a server message.
#include "gatetestsupport.h"
#include "servicetestsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace GateSupport;
using namespace TestSupport;

namespace {
QJsonObject joinFrame(const QString &group, qint64 ackId)
{
    return {{QStringLiteral("type"), QStringLiteral("joinGroup")},
            {QStringLiteral("group"), group},
            {QStringLiteral("ackId"), ackId}};
}

QJsonObject sendFrame(const QString &group, const QString &text, qint64 ackId)
{
    return {{QStringLiteral("type"), QStringLiteral("sendToGroup")},
            {QStringLiteral("group"), group},
            {QStringLiteral("dataType"), QStringLiteral("text")},
            {QStringLiteral("data"), text},
            {QStringLiteral("ackId"), ackId}};
}

//! The error name of ack \a ackId, empty for a successful ack; "timeout" when none came.
QString ackError(TestClient &client, qint64 ackId)
{
    const auto ack = client.waitAck(ackId);
    if (!ack)
        return QStringLiteral("timeout");
    return ack->value(u"success").toBool() ? QString()
                                           : ack->value(u"error").toObject().value(u"name").toString();
}
} // namespace

class TestGuestControls : public QObject
{
    Q_OBJECT
    std::unique_ptr<Hubbub::Service> service;

    Answer negotiate(const QByteArray &name, const QByteArray &device, const QByteArray &invite = Invite)
    {
        return get(service->port(),
                   "/negotiate?hub=chat&userId=" + name + "&device=" + device + "&invite=" + invite,
                   ownHost(*service));
    }
    //! A guest connected (reliable protocol) under \a name, in room `lobby`.
    bool connectGuest(TestClient &client, const QByteArray &name, const QByteArray &device)
    {
        const Answer answer = negotiate(name, device);
        if (answer.status != 200)
            return false;
        if (!client.connectTo(QUrl(answer.json().value(u"url").toString()), Reliable))
            return false;
        client.sendJson(joinFrame(QStringLiteral("lobby"), 1000));
        return ackError(client, 1000).isEmpty();
    }

    //! \a client connected as the presenter ("host", not a guest) with \a roles, in \a groups.
    bool connectHost(TestClient &client, const QStringList &roles = {}, const QStringList &groups = {})
    {
        return client.connectTo(
            clientUrl(*service, QStringLiteral("chat"),
                      clientToken(*service, QStringLiteral("chat"), QStringLiteral("host"), roles, groups)));
    }

private Q_SLOTS:
    void init()
    {
        service = startedInvitedService();
        QVERIFY(service);
    }
    void cleanup() { service.reset(); }

    void removedGuestIsClosedAndItsNameFree()
    {
        TestClient alice;
        QVERIFY(connectGuest(alice, "Alice", DeviceA));
        TestClient bob;
        QVERIFY(connectGuest(bob, "bob", DeviceB));
        QTRY_COMPARE_WITH_TIMEOUT(service->connectedGuests(),
                                  (QStringList{QStringLiteral("Alice"), QStringLiteral("bob")}), 10000);
        // Another device may not take a held name...
        QCOMPARE(negotiate("alice", DeviceB).status, 409);

        QSignalSpy guestsChanged(service.get(), &Hubbub::Service::guestsChanged);
        QCOMPARE(service->removeGuest(QStringLiteral("alice")), 1);
        QVERIFY(alice.waitClosed());
        QCOMPARE(alice.closeCode, 1008);
        QTRY_COMPARE_WITH_TIMEOUT(service->connectedGuests(), QStringList{QStringLiteral("bob")}, 10000);
        QVERIFY(guestsChanged.count() >= 1);
        QVERIFY(!bob.closed);
        // ...but once the presenter removed its guest, it is free.
        QCOMPARE(negotiate("alice", DeviceB).status, 200);
        QCOMPARE(service->removeGuest(QStringLiteral("nobody")), 0);
    }

    void lockRefusesGuestsUntilLifted()
    {
        TestClient guest;
        QVERIFY(connectGuest(guest, "carol", DeviceA));
        TestClient presenter;
        QVERIFY(connectHost(presenter, {QStringLiteral("webpubsub.sendToGroup")}, {QStringLiteral("lobby")}));
        guest.sendJson(sendFrame(QStringLiteral("lobby"), QStringLiteral("before"), 1));
        QCOMPARE(ackError(guest, 1), QString());

        QSignalSpy lockChanged(service.get(), &Hubbub::Service::guestsLockedChanged);
        service->setGuestsLocked(true);
        QVERIFY(service->guestsLocked());
        QCOMPARE(lockChanged.count(), 1);
        guest.sendJson(sendFrame(QStringLiteral("lobby"), QStringLiteral("locked"), 2));
        QCOMPARE(ackError(guest, 2), QStringLiteral("Forbidden"));
        // The presenters (no guest id) still speak.
        presenter.sendJson(sendFrame(QStringLiteral("lobby"), QStringLiteral("from the stage"), 3));
        QCOMPARE(ackError(presenter, 3), QString());

        // A fresh token negotiated while locked, and a reconnect of the same device: still locked.
        TestClient newcomer;
        QVERIFY(connectGuest(newcomer, "dave", DeviceB));
        newcomer.sendJson(sendFrame(QStringLiteral("lobby"), QStringLiteral("me too"), 4));
        QCOMPARE(ackError(newcomer, 4), QStringLiteral("Forbidden"));
        TestClient again;
        QVERIFY(connectGuest(again, "carol", DeviceA));
        again.sendJson(sendFrame(QStringLiteral("lobby"), QStringLiteral("again"), 5));
        QCOMPARE(ackError(again, 5), QStringLiteral("Forbidden"));

        service->setGuestsLocked(false);
        QCOMPARE(lockChanged.count(), 2);
        guest.sendJson(sendFrame(QStringLiteral("lobby"), QStringLiteral("after"), 6));
        QCOMPARE(ackError(guest, 6), QString());
        newcomer.sendJson(sendFrame(QStringLiteral("lobby"), QStringLiteral("after too"), 7));
        QCOMPARE(ackError(newcomer, 7), QString());
        // Nothing sent under the lock reached the room.
        QVERIFY(presenter.waitFrame(
            [](const QJsonObject &f) { return f.value(u"data").toString() == u"after too"; }));
        for (const QJsonObject &m : presenter.messages()) {
            const QString data = m.value(u"data").toString();
            QVERIFY2(data != u"locked" && data != u"me too" && data != u"again", qPrintable(data));
        }
    }

    void endClosesGuestsAndVoidsTheInvite()
    {
        service->setJoinPage(true);
        const QUrl oldJoinUrl = service->joinUrl();
        QVERIFY(oldJoinUrl.toString().contains(QString::fromLatin1(Invite)));
        QCOMPARE(get(service->port(), oldJoinUrl.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority),
                     ownHost(*service))
                     .status,
                 200);
        TestClient guest;
        QVERIFY(connectGuest(guest, "erin", DeviceA));
        TestClient member;
        QVERIFY(connectHost(member));
        service->setGuestsLocked(true);

        QSignalSpy inviteChanged(service.get(), &Hubbub::Service::inviteChanged);
        service->endGuestSession();
        QCOMPARE(inviteChanged.count(), 1);
        QVERIFY(guest.waitClosed());
        QTRY_VERIFY_WITH_TIMEOUT(service->connectedGuests().isEmpty(), 10000);
        QVERIFY(!member.closed); // only guests go
        QVERIFY(!service->guestsLocked());
        // The old invite is void, for /negotiate and for the page; a new one is in force.
        QCOMPARE(negotiate("erin", DeviceA).status, 403);
        QCOMPARE(get(service->port(), oldJoinUrl.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority),
                     ownHost(*service))
                     .status,
                 403);
        const QString fresh = service->invite();
        QVERIFY(fresh.size() >= 16);
        QVERIFY(fresh != QString::fromLatin1(Invite));
        QVERIFY(service->joinUrl() != oldJoinUrl);
        QVERIFY(service->joinUrl().toString().contains(fresh));
        // Names held under the old invite are free again.
        QCOMPARE(negotiate("erin", DeviceB, fresh.toLatin1()).status, 200);
    }

    void announcementReachesEveryConnection()
    {
        TestClient guest;
        QVERIFY(connectGuest(guest, "frank", DeviceA));
        TestClient member;
        QVERIFY(connectHost(member));
        service->announce(QStringLiteral("chat"), QStringLiteral("Break until 11:00"));
        for (TestClient *client : {&guest, &member}) {
            const auto message = client->waitFrame([](const QJsonObject &f) {
                return f.value(u"type").toString() == u"message" && f.value(u"from").toString() == u"server";
            });
            QVERIFY(message);
            QCOMPARE(message->value(u"data").toString(), u"Break until 11:00");
        }
    }
};

QTEST_MAIN(TestGuestControls)
#include "tst_guestcontrols.moc"
