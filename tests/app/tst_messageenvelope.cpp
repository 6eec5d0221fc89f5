// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "datamessage.h"
#include "messageenvelope.h"
#include "payload.h"

#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace Hubbub;

class TestMessageEnvelope : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodesTheDocumentedShape()
    {
        const QDateTime ts =
            QDateTime::fromString(QStringLiteral("2026-03-02T10:20:30.456Z"), Qt::ISODateWithMs);
        MessageEnvelope e =
            MessageEnvelope::chat(QStringLiteral("hello <b>world</b>"), QStringLiteral("Alice"), ts);
        const QJsonObject o = e.toJson();
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("message"));
        QCOMPARE(o.value(QStringLiteral("text")).toString(), QStringLiteral("hello <b>world</b>"));
        QCOMPARE(o.value(QStringLiteral("sender")).toString(), QStringLiteral("Alice"));
        QCOMPARE(o.value(QStringLiteral("ts")).toString(), QStringLiteral("2026-03-02T10:20:30.456Z"));
        QVERIFY(!QUuid::fromString(o.value(QStringLiteral("id")).toString()).isNull());
        QCOMPARE(o.value(QStringLiteral("id")).toString().size(), 36); // no braces
        QVERIFY(!o.contains(QStringLiteral("state")));
        const WebPubSub::Payload p = e.toPayload();
        QCOMPARE(p.dataType(), WebPubSub::DataType::Json);
    }

    void roundTrips()
    {
        MessageEnvelope e = MessageEnvelope::chat(QStringLiteral("ünïcødé ✓"), QStringLiteral("Bob"));
        const auto back = MessageEnvelope::fromJson(e.toJson());
        QVERIFY(back);
        QCOMPARE(back->kind, MessageEnvelope::Kind::Message);
        QCOMPARE(back->id, e.id);
        QCOMPARE(back->text, e.text);
        QCOMPARE(back->sender, e.sender);
        QCOMPARE(back->timestamp.toMSecsSinceEpoch(), e.timestamp.toMSecsSinceEpoch());
        QCOMPARE(back->timestamp.timeSpec(), Qt::UTC);
    }

    void presenceKinds_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("state");
        QTest::newRow("presence online")
            << QStringLiteral(R"({"kind":"presence","instance":"i1","sender":"A","state":"online"})")
            << int(MessageEnvelope::Kind::Presence) << QStringLiteral("online");
        QTest::newRow("presence away")
            << QStringLiteral(R"({"kind":"presence","instance":"i1","state":"away"})")
            << int(MessageEnvelope::Kind::Presence) << QStringLiteral("away");
        QTest::newRow("presence bogus state is online")
            << QStringLiteral(R"({"kind":"presence","instance":"i1","state":"dancing"})")
            << int(MessageEnvelope::Kind::Presence) << QStringLiteral("online");
        QTest::newRow("who") << QStringLiteral(R"({"kind":"who","instance":"i2"})")
                             << int(MessageEnvelope::Kind::Who) << QString();
        QTest::newRow("goodbye") << QStringLiteral(R"({"kind":"goodbye","instance":"i2"})")
                                 << int(MessageEnvelope::Kind::Goodbye) << QString();
        QTest::newRow("typing") << QStringLiteral(R"({"kind":"typing","instance":"i2"})")
                                << int(MessageEnvelope::Kind::Typing) << QString();
        // ("reaction" was the example of a future kind until issue 10 made it a kind.)
        QTest::newRow("future kind") << QStringLiteral(R"({"kind":"sticker","instance":"i2"})")
                                     << int(MessageEnvelope::Kind::Unknown) << QString();
    }
    void mutationKindsRoundTripAndRejectMalformed()
    {
        const MessageEnvelope edit =
            MessageEnvelope::edit(QStringLiteral("m1"), QStringLiteral("new"), QStringLiteral("A"));
        const MessageEnvelope del = MessageEnvelope::deletion(QStringLiteral("m1"), QStringLiteral("A"));
        const MessageEnvelope react = MessageEnvelope::reaction(
            QStringLiteral("m1"), QStringLiteral("\U0001F44D"), false, QStringLiteral("B"));
        QCOMPARE(edit.toJson().value(QStringLiteral("text")).toString(), QStringLiteral("\u270E new"));
        QCOMPARE(del.toJson().value(QStringLiteral("text")).toString(),
                 QStringLiteral("(deleted a message)"));
        QCOMPARE(react.toJson().value(QStringLiteral("text")).toString(),
                 QStringLiteral("removed reaction \U0001F44D"));
        for (const MessageEnvelope &e : {edit, del, react}) {
            const QJsonObject json = e.toJson();
            QCOMPARE(json.value(QStringLiteral("v")).toInt(), 1);
            const auto again = MessageEnvelope::fromJson(json);
            QVERIFY(again);
            QCOMPARE(again->kind, e.kind);
            QCOMPARE(again->id, e.id);
            QCOMPARE(again->target, QStringLiteral("m1"));
            QCOMPARE(again->body, e.body);
            QCOMPARE(again->emoji, e.emoji);
            QCOMPARE(again->on, e.on);
            // A newer version, or no id/target: ignored.
            for (const char *field : {"v", "id", "target"}) {
                QJsonObject bad = json;
                if (qstrcmp(field, "v") == 0)
                    bad.insert(QStringLiteral("v"), 2);
                else
                    bad.remove(QString::fromLatin1(field));
                QVERIFY2(!MessageEnvelope::fromJson(bad), field);
            }
        }
        QJsonObject blank = edit.toJson();
        blank.insert(QStringLiteral("body"), QStringLiteral("  "));
        QVERIFY(!MessageEnvelope::fromJson(blank));
        QJsonObject notBool = react.toJson();
        notBool.insert(QStringLiteral("on"), QStringLiteral("true"));
        QVERIFY(!MessageEnvelope::fromJson(notBool));
        for (const QString &emoji :
             {QString(), QStringLiteral("a b"), QStringLiteral("x\u202Ey"), QString(33, u'x')}) {
            QJsonObject bad = react.toJson();
            bad.insert(QStringLiteral("emoji"), emoji);
            QVERIFY(!MessageEnvelope::fromJson(bad));
        }
        // Emoji built with joiners and selectors are fine (family, heart).
        QVERIFY(MessageEnvelope::isValidEmoji(QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467")));
        QVERIFY(MessageEnvelope::isValidEmoji(QStringLiteral("\u2764\uFE0F")));
    }
    void presenceKinds()
    {
        QFETCH(QString, json);
        QFETCH(int, kind);
        QFETCH(QString, state);
        const auto e = MessageEnvelope::fromJson(QJsonDocument::fromJson(json.toUtf8()).object());
        QVERIFY(e);
        QCOMPARE(int(e->kind), kind);
        QCOMPARE(e->state, state);
        if (e->kind != MessageEnvelope::Kind::Unknown) {
            const auto again = MessageEnvelope::fromJson(e->toJson());
            QVERIFY(again);
            QCOMPARE(again->kind, e->kind);
            QCOMPARE(again->instance, e->instance);
        }
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("no kind") << QStringLiteral(R"({"id":"x","text":"t"})");
        QTest::newRow("kind not string") << QStringLiteral(R"({"kind":1,"id":"x","text":"t"})");
        QTest::newRow("message without id") << QStringLiteral(R"({"kind":"message","text":"t"})");
        QTest::newRow("message empty id") << QStringLiteral(R"({"kind":"message","id":"","text":"t"})");
        QTest::newRow("message text not string") << QStringLiteral(R"({"kind":"message","id":"x","text":5})");
    }
    void rejectsMalformed()
    {
        QFETCH(QString, json);
        QVERIFY(!MessageEnvelope::fromJson(QJsonDocument::fromJson(json.toUtf8()).object()));
    }

    void plainTextFromOtherClients()
    {
        // What the official JS SDK sends for sendToGroup(g, "hello", "text").
        WebPubSub::GroupMessage m;
        m.group = QStringLiteral("lobby");
        m.fromUserId = QStringLiteral("js-user");
        m.payload = WebPubSub::Payload::fromText(QStringLiteral("hello"));
        m.sequenceId = 42;
        m.receivedAt = QDateTime::currentDateTimeUtc();
        const auto e = MessageEnvelope::fromGroupMessage(m);
        QVERIFY(e);
        QCOMPARE(e->kind, MessageEnvelope::Kind::Message);
        QCOMPARE(e->text, QStringLiteral("hello"));
        QCOMPARE(e->sender, QStringLiteral("js-user"));
        QVERIFY(e->id.startsWith(QStringLiteral("seq-42-")));
        QCOMPARE(e->timestamp, m.receivedAt);
        // A redelivery (same sequence id, same content) gets the same id, so it is dropped.
        QCOMPARE(MessageEnvelope::fromGroupMessage(m)->id, e->id);
        // Another message gets another id.
        WebPubSub::GroupMessage other = m;
        other.sequenceId = 43;
        QVERIFY(MessageEnvelope::fromGroupMessage(other)->id != e->id);
        // Without a sequence id the id is still stable for the same delivery.
        WebPubSub::GroupMessage unsequenced = m;
        unsequenced.sequenceId.reset();
        const auto u = MessageEnvelope::fromGroupMessage(unsequenced);
        QVERIFY(u && u->id.startsWith(QStringLiteral("txt-")));
        QCOMPARE(MessageEnvelope::fromGroupMessage(unsequenced)->id, u->id);

        const ChatMessage chat = e->toChatMessage(m.group, QStringLiteral("js-user"), false);
        QCOMPARE(chat.senderName, QStringLiteral("js-user"));
        QCOMPARE(chat.status, DeliveryStatus::Received);
    }

    void jsonStringAndOurEnvelopeViaGroupMessage()
    {
        WebPubSub::GroupMessage m;
        m.group = QStringLiteral("lobby");
        m.fromUserId = QStringLiteral("x");
        m.payload = WebPubSub::Payload::fromJson(QJsonValue(QStringLiteral("a json string")));
        auto e = MessageEnvelope::fromGroupMessage(m);
        QVERIFY(e);
        QCOMPARE(e->text, QStringLiteral("a json string"));

        const MessageEnvelope ours = MessageEnvelope::chat(QStringLiteral("hi"), QStringLiteral("Carol"));
        m.payload = ours.toPayload();
        e = MessageEnvelope::fromGroupMessage(m);
        QVERIFY(e);
        QCOMPARE(e->id, ours.id);
        QCOMPARE(e->sender, QStringLiteral("Carol"));

        // Foreign JSON objects and binary are not chat messages.
        m.payload = WebPubSub::Payload::fromJson(QJsonObject{{QStringLiteral("x"), 1}});
        QVERIFY(!MessageEnvelope::fromGroupMessage(m));
        m.payload = WebPubSub::Payload::fromBinary(QByteArray("\x01\x02", 2));
        QVERIFY(!MessageEnvelope::fromGroupMessage(m));
        m.payload = WebPubSub::Payload::fromJson(QJsonValue(3));
        QVERIFY(!MessageEnvelope::fromGroupMessage(m));
    }
};

QTEST_GUILESS_MAIN(TestMessageEnvelope)
#include "tst_messageenvelope.moc"
