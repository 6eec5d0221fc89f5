// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "payload.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace WebPubSub;

class TestPayload : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dataTypeNames()
    {
        for (DataType t : {DataType::Json, DataType::Text, DataType::Binary, DataType::Protobuf})
            QCOMPARE(dataTypeFromName(dataTypeName(t)), std::optional<DataType>(t));
        QVERIFY(!dataTypeFromName(u"JSON"));
        QVERIFY(!dataTypeFromName(u""));
    }
    void textKeepsUnicode()
    {
        const Payload p = Payload::fromText(QStringLiteral("grüße 👋"));
        QCOMPARE(p.text(), QStringLiteral("grüße 👋"));
        QCOMPARE(p.toWire().toString(), QStringLiteral("grüße 👋"));
        QCOMPARE(p.bytes(), QStringLiteral("grüße 👋").toUtf8());
        QCOMPARE(p.byteSize(), p.bytes().size());
    }
    void textFromUtf8IsTextFromQString()
    {
        // What the frame codec stores for a text frame's data must be what fromText() always made of
        // it, valid or not: encoded surrogates (a JSON escape like \ud800 can produce them),
        // invalid bytes, truncated sequences, overlong forms, Hangul near the surrogates (0xED too).
        const QList<QByteArray> inputs = {
            QByteArray(),
            QByteArray("plain"),
            QStringLiteral("grüße 👋 漢字").toUtf8(),
            QByteArray("\xed\xa0\x80"),
            QByteArray("a\xed\xb0\x80"
                       "b"),
            QByteArray("\xed\x9f\xbf"),
            QByteArray("\xff\xfe"),
            QByteArray("\xe2\x82"),
            QByteArray("\xc0\xaf"),
            QByteArray("nul\0inside", 11),
        };
        for (const QByteArray &utf8 : inputs) {
            const Payload fast = Payload::fromTextUtf8(utf8);
            const Payload slow = Payload::fromText(QString::fromUtf8(utf8));
            QCOMPARE(fast.dataType(), DataType::Text);
            QCOMPARE(fast.bytes(), slow.bytes());
            QCOMPARE(fast.text(), slow.text());
            QVERIFY(fast == slow);
        }
    }
    void jsonScalarsAndObjects()
    {
        QCOMPARE(Payload::fromJson(QJsonValue(QStringLiteral("s"))).text(), QStringLiteral("\"s\""));
        QCOMPARE(Payload::fromJson(QJsonValue(12)).text(), QStringLiteral("12"));
        QCOMPARE(Payload::fromJson(QJsonValue(true)).text(), QStringLiteral("true"));
        QCOMPARE(Payload::fromJson(QJsonValue()).text(), QStringLiteral("null"));
        QCOMPARE(Payload::fromJson(QJsonArray{1, QStringLiteral("a")}).text(), QStringLiteral("[1,\"a\"]"));
        QCOMPARE(Payload::fromJson(QJsonObject{{QStringLiteral("k"), 1}}).bytes(), QByteArray("{\"k\":1}"));
    }
    void binaryIsBase64OnTheWire()
    {
        const QByteArray raw("\x00\xff\x10hello", 8);
        const Payload p = Payload::fromBinary(raw);
        QCOMPARE(p.toWire().toString(), QString::fromLatin1(raw.toBase64()));
        const auto back = Payload::fromWire(DataType::Binary, p.toWire());
        QVERIFY(back);
        QCOMPARE(back->bytes(), raw);
        QCOMPARE(p.byteSize(), raw.toBase64().size());
        QVERIFY(!Payload::fromWire(DataType::Binary, QJsonValue(QStringLiteral("not base64!"))));
        QVERIFY(!Payload::fromWire(DataType::Binary, QJsonValue(3)));
        QCOMPARE(Payload::fromWire(DataType::Protobuf, QJsonValue(QStringLiteral("AA==")))->dataType(),
                 DataType::Protobuf);
    }
    void fromWireChecksTypes()
    {
        QVERIFY(!Payload::fromWire(DataType::Text, QJsonValue(1)));
        QVERIFY(Payload::fromWire(DataType::Json, QJsonValue(1)));
        QVERIFY(Payload::fromWire(DataType::Json, QJsonValue())); // null is a JSON value
        QVERIFY(!Payload::fromWire(DataType::Json, QJsonValue(QJsonValue::Undefined)));
    }
    void equality()
    {
        QVERIFY(Payload::fromText(QStringLiteral("a")) == Payload::fromText(QStringLiteral("a")));
        QVERIFY(
            !(Payload::fromText(QStringLiteral("a")) == Payload::fromJson(QJsonValue(QStringLiteral("a")))));
        QVERIFY(!(Payload::fromBinary("a") == Payload::fromBinary("b")));
    }
};

QTEST_GUILESS_MAIN(TestPayload)
#include "tst_payload.moc"
