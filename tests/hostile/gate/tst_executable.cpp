// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The real hubbub-service: the ready line's "invite" (service.md), --invite / HUBBUB_INVITE, the
// help text, and the memory of the process under a 48 MB chunked body sent without a token
// (it used to grow by about 100 MB before any check).
#include "gatetestsupport.h"
#include "isolatedhome.h"
#include "servicetestsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <QUrlQuery>

using namespace GateSupport;
using namespace TestSupport;

class TestGateExecutable : public QObject
{
    Q_OBJECT
    IsolatedHome home; //!< HOME and XDG_* of this process, so of every service it starts

    void prepare(QProcess &process, const QStringList &arguments, const QString &invite = {})
    {
        process.setProgram(QStringLiteral(HUBBUB_SERVICE_PATH));
        process.setArguments(arguments);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("HUBBUB_ACCESS_KEY"));
        env.remove(QStringLiteral("HUBBUB_INVITE"));
        if (!invite.isEmpty())
            env.insert(QStringLiteral("HUBBUB_INVITE"), invite);
        process.setProcessEnvironment(env);
    }

    QJsonObject start(QProcess &process, const QStringList &arguments, const QString &invite = {})
    {
        prepare(process, arguments, invite);
        process.start();
        if (!process.waitForStarted(10000))
            return {};
        waitFor([&] { return process.canReadLine() || process.state() == QProcess::NotRunning; }, 15000);
        return QJsonDocument::fromJson(process.readLine()).object();
    }

    //! Runs the service with \a arguments to its end; false when it did not end within 10 s.
    bool run(QProcess &process, const QStringList &arguments)
    {
        prepare(process, arguments);
        process.start();
        return process.waitForFinished(10000);
    }

    static void stop(QProcess &process)
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(10000);
        }
    }

    static qint64 statusKb(qint64 pid, const QByteArray &field)
    {
        QFile status(QStringLiteral("/proc/%1/status").arg(pid));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith(field + ':'))
                return line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong();
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(home.isValid()); }

    void readyLineHasTheInviteWhenInForce()
    {
        QProcess plain;
        const QJsonObject loopback = start(plain, {QStringLiteral("--port"), QStringLiteral("0")});
        QCOMPARE(loopback.value(u"event").toString(), u"ready");
        QVERIFY(!loopback.contains(u"invite"));
        stop(plain);

        QProcess given;
        const QJsonObject withInvite =
            start(given, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--invite"),
                          QStringLiteral("a-long-enough-invite")});
        QCOMPARE(withInvite.value(u"invite").toString(), u"a-long-enough-invite");
        // And it is the one /negotiate asks for.
        const QUrl endpoint(withInvite.value(u"endpoint").toString());
        const QByteArray host = endpoint.authority().toUtf8();
        QCOMPARE(get(quint16(endpoint.port()), "/negotiate?hub=chat&userId=a&device=0123456789abcdef0", host)
                     .status,
                 403);
        QCOMPARE(get(quint16(endpoint.port()),
                     "/negotiate?hub=chat&userId=a&device=0123456789abcdef0&invite=a-long-enough-invite",
                     host)
                     .status,
                 200);
        stop(given);

        QProcess fromEnvironment;
        QCOMPARE(start(fromEnvironment, {QStringLiteral("--port"), QStringLiteral("0")},
                       QStringLiteral("invite-from-the-environment"))
                     .value(u"invite")
                     .toString(),
                 u"invite-from-the-environment");
        stop(fromEnvironment);

        // Beyond loopback an invite is generated: at least 128 bits.
        QProcess lan;
        const QJsonObject lanReady = start(lan, {QStringLiteral("--listen"), QStringLiteral("0.0.0.0"),
                                                 QStringLiteral("--port"), QStringLiteral("0")});
        const QString generated = lanReady.value(u"invite").toString();
        QVERIFY2(generated.size() >= 22, qPrintable(generated));
        stop(lan);
    }

    // --join-page (service.md): an invite is in force on loopback too, the ready line names the
    // page, and the page is served only with that invite.
    void joinPageNeedsTheInvite()
    {
        QProcess page;
        const QJsonObject ready =
            start(page, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--join-page")});
        const QString invite = ready.value(u"invite").toString();
        QVERIFY2(invite.size() >= 22, qPrintable(invite));
        const QUrl endpoint(ready.value(u"endpoint").toString());
        const QUrl joinUrl(ready.value(u"joinUrl").toString());
        QCOMPARE(joinUrl.host(), endpoint.host());
        QCOMPARE(joinUrl.port(), endpoint.port());
        QCOMPARE(joinUrl.path(), u"/join");
        QCOMPARE(QUrlQuery(joinUrl).queryItemValue(QStringLiteral("invite"), QUrl::FullyDecoded), invite);
        const quint16 port = quint16(endpoint.port());
        const QByteArray host = endpoint.authority().toUtf8();
        const Answer served =
            get(port, joinUrl.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority).toUtf8(), host);
        QCOMPARE(served.status, 200);
        QVERIFY(served.body.contains("Your name"));
        QVERIFY(served.head.toLower().contains("content-security-policy: default-src 'none'"));
        QCOMPARE(get(port, "/join", host).status, 403);
        QCOMPARE(get(port, "/join?invite=" + invite.toUtf8() + "x", host).status, 403);
        QCOMPARE(get(port, "/join?invite=" + invite.toUtf8() + "&hub=" + QByteArray(200, 'h'), host).status,
                 400);
        // On loopback too, /negotiate now wants the invite: a guest page without one is no gate.
        QCOMPARE(get(port, "/negotiate?hub=hubbub&userId=a&device=0123456789abcdef0", host).status, 403);
        QCOMPARE(get(port,
                     "/negotiate?hub=hubbub&userId=a&device=0123456789abcdef0&invite=" + invite.toUtf8(),
                     host)
                     .status,
                 200);
        stop(page);

        QProcess plain;
        const QJsonObject plainReady = start(plain, {QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(!plainReady.contains(u"joinUrl"));
        const QUrl plainEndpoint(plainReady.value(u"endpoint").toString());
        QCOMPARE(get(quint16(plainEndpoint.port()), "/join?invite=anything-at-all-here",
                     plainEndpoint.authority().toUtf8())
                     .status,
                 404);
        stop(plain);

        QProcess contradiction;
        QVERIFY(run(contradiction, {QStringLiteral("--join-page"), QStringLiteral("--no-negotiate")}));
        QCOMPARE(contradiction.exitCode(), 2);
        QVERIFY(contradiction.readAllStandardError().contains("--join-page"));
    }

    void badInviteIsAUsageError()
    {
        QProcess process;
        QVERIFY(run(process, {QStringLiteral("--invite"), QStringLiteral("short")}));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("at least 16"));
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }

    void helpSaysWhatAGuestNeeds()
    {
        QProcess process;
        QVERIFY(run(process, {QStringLiteral("--help")}));
        const QByteArray help = process.readAllStandardOutput();
        QVERIFY(help.contains("--invite"));
        QVERIFY(help.contains("HUBBUB_INVITE"));
        QVERIFY(help.contains("guest:"));
    }

    void unauthenticatedChunkedBodyCostsNoMemory()
    {
        QProcess service;
        const QJsonObject ready = start(service, {QStringLiteral("--port"), QStringLiteral("0")});
        const QUrl endpoint(ready.value(u"endpoint").toString());
        QVERIFY(endpoint.port() > 0);
        const qint64 pid = service.processId();
        QTest::qWait(300);
        const qint64 before = statusKb(pid, "VmRSS");
        QVERIFY(before > 0);

        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(endpoint.port()));
        QVERIFY(socket.waitForConnected(10000));
        socket.write("POST /api/hubs/chat/:send?api-version=2024-01-01 HTTP/1.1\r\nHost: " +
                     endpoint.authority().toUtf8() +
                     "\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
        constexpr qint64 Total = 48 * 1024 * 1024;
        const QByteArray piece = "10000\r\n" + QByteArray(0x10000, 'x') + "\r\n";
        qint64 queued = 0;
        QByteArray received;
        QElapsedTimer clock;
        clock.start();
        // Send as fast as the service takes it, until it answers or the connection ends.
        while (queued < Total && clock.elapsed() < 60000 &&
               socket.state() == QAbstractSocket::ConnectedState && !received.contains("\r\n\r\n")) {
            if (socket.bytesToWrite() < 256 * 1024) {
                socket.write(piece);
                queued += 0x10000;
            }
            socket.waitForBytesWritten(5);
            received += socket.readAll();
        }
        (void)QTest::qWaitFor([&] { return (received += socket.readAll()).contains("\r\n\r\n"); }, 10000);
        QVERIFY2(received.startsWith("HTTP/1.1 401"), received.left(200).constData());
        QVERIFY2(queued < Total / 4, qPrintable(QString::number(queued)));
        const qint64 after = statusKb(pid, "VmRSS");
        const qint64 peak = statusKb(pid, "VmHWM");
        qInfo() << "service RSS before" << before << "kB, after" << after << "kB, peak" << peak
                << "kB; client queued" << queued / 1024 << "kB before the answer";
        QVERIFY2(peak - before < 16 * 1024, qPrintable(QString::number(peak - before)));
        stop(service);
    }
};

QTEST_GUILESS_MAIN(TestGateExecutable)
#include "tst_executable.moc"
