// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// JsonLineBuilder writes JSON text without QJsonDocument; QJsonDocument is the reference: for nasty
// strings and values the builder's text must be what QJsonDocument writes, byte for byte, and must
// parse back (with QJsonDocument) to the intended value.
#include "jsonlinebuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using Hubbub::Cli::JsonLineBuilder;

namespace {

// What QJsonDocument writes for a string: the array `[s]` compacted, without its brackets.
QByteArray qtString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray qtValue(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QJsonValue parsedBack(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson('[' + json + ']', &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "parse error" << error.errorString() << "at" << error.offset;
    return document.array().at(0);
}

QString allControlCharacters()
{
    QString text;
    for (char16_t c = 0; c < 0x20; ++c)
        text += QChar(c);
    text += QChar(0x7f);
    return text;
}

} // namespace

class TestJsonLineBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void strings_data();
    void strings();
    void lossyAsQtWritesThem_data();
    void lossyAsQtWritesThem();
    void utf8Strings_data();
    void utf8Strings();
    void values_data();
    void values();
    void oneLine();
};

void TestJsonLineBuilder::strings_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain") << u"hello world"_s;
    QTest::newRow("control characters") << allControlCharacters();
    QTest::newRow("quotes and backslashes") << uR"(say "hi" \ back\slash \" \\ \n literal)"_s;
    QTest::newRow("latin and cjk") << u"héllo wörld 你好 ÿ Ā"_s;
    QTest::newRow("emoji (surrogate pairs)") << u"👍🏽 family 👨‍👩‍👧 𝄞"_s;
    QTest::newRow("line and paragraph separators") << u"a\u2028b\u2029c"_s;
    QTest::newRow("U+FFFD and U+FFFF") << (u"\uFFFD"_s + QChar(0xffff));
    QTest::newRow("slash and html") << u"</script><!-- & ' />"_s;
    QTest::newRow("nul inside") << (u"a"_s + QChar(0) + u"b"_s);
    QString big;
    big.reserve(1 << 20);
    const QString chunk = u"x\"\\\n\u00e9\u2028😀"_s + QChar(0x01);
    while (big.size() < (1 << 20))
        big += chunk;
    QTest::newRow("1 MB mixed") << big;
    QTest::newRow("1 MB plain") << QString(1 << 20, u'a');
}

void TestJsonLineBuilder::strings()
{
    QFETCH(QString, text);
    QByteArray mine;
    JsonLineBuilder::appendString(mine, text);
    QCOMPARE(mine, qtString(text));
    QCOMPARE(parsedBack(mine).toString(), text);
    // The same text as UTF-8 bytes (the text-payload path).
    QByteArray fromUtf8;
    JsonLineBuilder::appendUtf8String(fromUtf8, text.toUtf8());
    QCOMPARE(fromUtf8, mine);
}

void TestJsonLineBuilder::lossyAsQtWritesThem_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("lone high at end") << (u"ab"_s + QChar(0xd83d));
    QTest::newRow("lone high then letter") << (QString(QChar(0xd83d)) + u"x"_s);
    QTest::newRow("lone low") << (u"x"_s + QChar(0xdc00) + u"y"_s);
    QTest::newRow("reversed pair") << (QString(QChar(0xde00)) + QChar(0xd83d));
    QTest::newRow("two highs then low") << (QString(QChar(0xd83d)) + QChar(0xd83d) + QChar(0xde00));
    QTest::newRow("only a lone low") << QString(QChar(0xdfff));
    // Not a surrogate, but QJsonDocument's parser drops a U+FEFF even inside a string: the text is
    // still what QJsonDocument writes.
    QTest::newRow("BOM") << u"a\uFEFFb"_s;
}

void TestJsonLineBuilder::lossyAsQtWritesThem()
{
    QFETCH(QString, text);
    QByteArray mine;
    JsonLineBuilder::appendString(mine, text);
    // No raw (invalid) UTF-8 for the reader: the output is valid UTF-8, and it is QJsonDocument's.
    QVERIFY(mine.isValidUtf8());
    QCOMPARE(mine, qtString(text));
    QCOMPARE(parsedBack(mine), parsedBack(qtString(text)));
}

void TestJsonLineBuilder::utf8Strings_data()
{
    QTest::addColumn<QByteArray>("utf8");
    QTest::newRow("valid") << QByteArray("caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\" \\ \x01\x1f\n");
    QTest::newRow("truncated sequence") << QByteArray("ab\xc3");
    QTest::newRow("stray continuation") << QByteArray("a\x80z");
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf");
    QTest::newRow("encoded surrogate") << QByteArray("\xed\xa0\x80");
    QTest::newRow("0xff") << QByteArray("\xff\xfe");
}

void TestJsonLineBuilder::utf8Strings()
{
    QFETCH(QByteArray, utf8);
    // Whatever the bytes, the result is what the old path (QString::fromUtf8, then QJsonDocument)
    // wrote, and it is valid UTF-8 JSON.
    const QString decoded = QString::fromUtf8(utf8);
    QByteArray mine;
    JsonLineBuilder::appendUtf8String(mine, utf8);
    QVERIFY(mine.isValidUtf8());
    QCOMPARE(mine, qtString(decoded));
    QCOMPARE(parsedBack(mine).toString(), decoded);
}

void TestJsonLineBuilder::values_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("true") << QJsonValue(true);
    QTest::newRow("false") << QJsonValue(false);
    QTest::newRow("zero") << QJsonValue(0);
    QTest::newRow("negative") << QJsonValue(-42);
    QTest::newRow("int64 max") << QJsonValue(std::numeric_limits<qint64>::max());
    QTest::newRow("int64 min") << QJsonValue(std::numeric_limits<qint64>::min());
    QTest::newRow("double") << QJsonValue(0.1);
    QTest::newRow("integral double") << QJsonValue(1e6);
    QTest::newRow("huge double") << QJsonValue(1.7976931348623157e308);
    QTest::newRow("tiny double") << QJsonValue(4.9e-324);
    QTest::newRow("negative zero") << QJsonValue(-0.0);
    QTest::newRow("string") << QJsonValue(u"a\"b"_s);
    QTest::newRow("nested") << QJsonValue(
        QJsonObject{{u"z"_s, QJsonArray{1, 2.5, u"x\u2028"_s, QJsonValue::Null, QJsonObject{}, QJsonArray{}}},
                    {u"a key \"quoted\"\n"_s, QJsonObject{{u"deep"_s, QJsonArray{QJsonArray{true}}}}},
                    {u"émoji 😀"_s, -1}});
    QTest::newRow("parsed numbers") << QJsonValue(
        QJsonDocument::fromJson("[1, 2.50, 1e3, 123456789012345678, 0.3, -0, -1.5e-7]").array());
}

void TestJsonLineBuilder::values()
{
    QFETCH(QJsonValue, value);
    QByteArray mine;
    JsonLineBuilder::appendValue(mine, value);
    QCOMPARE(mine, qtValue(value));
    QCOMPARE(parsedBack(mine), value);
}

void TestJsonLineBuilder::oneLine()
{
    QByteArray out("earlier line\n");
    JsonLineBuilder line(out);
    line.key("event"_L1).raw("\"x\"").key("s"_L1).string(u"t\n"_s).key("n"_L1).null();
    line.key("b"_L1).boolean(true).key("i"_L1).integer(-7).key("u"_L1).utf8String("\xc3\xa9");
    line.key("v"_L1).value(QJsonArray{1, u"2"_s});
    line.finishLine();
    QCOMPARE(out, QByteArray("earlier line\n"
                             R"({"event":"x","s":"t\n","n":null,"b":true,"i":-7,"u":"é","v":[1,"2"]})"
                             "\n"));
}

QTEST_GUILESS_MAIN(TestJsonLineBuilder)
#include "tst_jsonlinebuilder.moc"
