// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// hubbub-cli's flag contract: every bad invocation exits 2 with exactly one line on standard error
// and nothing on standard output.
#include "cliprocess.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestCliFlags : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badInvocation_data();
    void badInvocation();
};

void TestCliFlags::badInvocation_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    const QString url = u"ws://127.0.0.1:1/client/hubs/chat?access_token=x"_s;
    const QString cs = u"Endpoint=http://127.0.0.1;Port=1;AccessKey=k3y;Version=1.0;"_s;
    QTest::newRow("no source") << QStringList{} << u"--url"_s;
    QTest::newRow("two sources") << QStringList{u"--url"_s, url, u"--negotiate"_s, u"http://127.0.0.1:1/n"_s}
                                 << u"--url"_s;
    QTest::newRow("url with http scheme")
        << QStringList{u"--url"_s, u"http://127.0.0.1/client/hubs/chat"_s} << u"--url"_s;
    QTest::newRow("url not a url") << QStringList{u"--url"_s, u"not a url"_s} << u"--url"_s;
    QTest::newRow("negotiate with ws scheme")
        << QStringList{u"--negotiate"_s, u"ws://127.0.0.1/n"_s} << u"--negotiate"_s;
    QTest::newRow("malformed connection string")
        << QStringList{u"--connection-string"_s, u"Endpoint=;garbage"_s, u"--hub"_s, u"chat"_s}
        << u"connection-string"_s;
    QTest::newRow("connection string without hub") << QStringList{u"--connection-string"_s, cs} << u"--hub"_s;
    QTest::newRow("hub without connection string")
        << QStringList{u"--url"_s, url, u"--hub"_s, u"chat"_s} << u"--hub"_s;
    QTest::newRow("unknown protocol")
        << QStringList{u"--url"_s, url, u"--protocol"_s, u"protobuf"_s} << u"--protocol"_s;
    QTest::newRow("negative retries")
        << QStringList{u"--url"_s, url, u"--max-retries"_s, u"-1"_s} << u"--max-retries"_s;
    QTest::newRow("non-numeric delay")
        << QStringList{u"--url"_s, url, u"--retry-delay-ms"_s, u"soon"_s} << u"--retry-delay-ms"_s;
    QTest::newRow("unknown log level")
        << QStringList{u"--url"_s, url, u"--log-level"_s, u"loud"_s} << u"--log-level"_s;
    QTest::newRow("unknown flag") << QStringList{u"--url"_s, url, u"--frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("missing flag value") << QStringList{u"--url"_s} << u"url"_s;
    QTest::newRow("stray argument") << QStringList{u"--url"_s, url, u"extra"_s} << u"extra"_s;
}

void TestCliFlags::badInvocation()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    QProcess cli;
    cli.start(CliProcess::program(), arguments);
    QVERIFY2(cli.waitForStarted(30000), qPrintable(cli.errorString()));
    cli.closeWriteChannel();
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 2);
    QCOMPARE(cli.readAllStandardOutput(), QByteArray());
    const QString errorText = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(errorText.endsWith(u'\n'), qPrintable(errorText));
    QCOMPARE(errorText.count(u'\n'), 1);
    QVERIFY2(errorText.contains(mentions), qPrintable(errorText));
}

QTEST_GUILESS_MAIN(TestCliFlags)
#include "tst_cliflags.moc"
