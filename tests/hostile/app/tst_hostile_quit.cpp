// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 9: SIGTERM, SIGINT and SIGHUP make the real `hubbub` executable leave as its Quit
// action does, within 5 s: exit code 0, goodbye presence seen by a hubbub-cli peer in the room,
// and the outbox (a message that could not be sent while offline) still on disk afterwards.
#include "appprocess.h"
#include "cliprocess.h"
#include "isolatedhome.h"
#include "serviceprocess.h"

#include "chatmessage.h"
#include "historystore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace {

// A key for a service that is not there (offlineOutboxSurvivesSignal).
const QString kKey = u"quit-access-key-0123456789abcdefghijklmnopqrstuvwxyz"_s;
constexpr int kQuitBudgetMs = 5000;

//! Envelopes of \a kind that alice sent to \a room, as the CLI saw them.
QList<QJsonObject> fromAlice(const CliProcess &cli, const QString &room, const QString &kind)
{
    return cli.envelopesFrom(u"alice"_s, room, kind);
}

QString signalName(int signalNumber)
{
    switch (signalNumber) {
    case SIGTERM:
        return u"term"_s;
    case SIGINT:
        return u"int"_s;
    case SIGHUP:
        return u"hup"_s;
    }
    return QString::number(signalNumber);
}

} // namespace

class TestHostileQuit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void signalQuitsCleanly_data();
    void signalQuitsCleanly();
    void offlineOutboxSurvivesSignal();

private:
    bool startApp(const QString &connectionString, const QString &profile);
    //! Sends \a signalNumber and checks the app exits with 0 within the budget.
    void signalAndExpectCleanExit(int signalNumber);

    ServiceProcess m_service;
    QString m_connectionString;
    AppProcess m_app;
};

void TestHostileQuit::initTestCase()
{
    QString error;
    QVERIFY2(m_service.start(QStringLiteral(HUBBUB_SERVICE_PATH), &error), qPrintable(error));
    m_connectionString = m_service.connectionString();
    QVERIFY(m_connectionString.contains(u"AccessKey="_s));
}

void TestHostileQuit::cleanup()
{
    m_app.kill();
}

void TestHostileQuit::cleanupTestCase()
{}

bool TestHostileQuit::startApp(const QString &connectionString, const QString &profile)
{
    return m_app.start(QStringLiteral(HUBBUB_APP_PATH), connectionString, u"alice"_s, profile);
}

void TestHostileQuit::signalAndExpectCleanExit(int signalNumber)
{
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(::kill(pid_t(m_app.process().processId()), signalNumber), 0);
    const bool finished = m_app.process().waitForFinished(kQuitBudgetMs + 2000);
    const qint64 elapsed = timer.elapsed();
    const QByteArray errors = m_app.process().readAllStandardError();
    QVERIFY2(finished, errors.constData());
    QCOMPARE(m_app.process().exitStatus(), QProcess::NormalExit); // not killed by the signal
    QCOMPARE(m_app.process().exitCode(), 0);
    QVERIFY2(elapsed < kQuitBudgetMs, qPrintable(u"took %1 ms"_s.arg(elapsed)));
    // The orderly path ran, not the watchdog.
    QVERIFY2(!errors.contains("quit took too long"), errors.constData());
}

void TestHostileQuit::signalQuitsCleanly_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void TestHostileQuit::signalQuitsCleanly()
{
    QFETCH(int, signalNumber);
    const QString room = u"quit-"_s + signalName(signalNumber);
    const QString profile = u"quit-online-"_s + signalName(signalNumber);
    {
        Hubbub::HistoryStore store(Hubbub::HistoryStore::defaultPath(profile));
        QVERIFY2(store.isOpen(), qPrintable(store.lastError()));
        QVERIFY(store.saveRoom({room, 0, false}));
    }

    CliProcess bob;
    // Started, and connected within 20 s.
    QVERIFY2(bob.startChatPeer(m_connectionString, u"bob"_s), qPrintable(bob.errors()));
    bob.send({{u"op"_s, u"join"_s}, {u"group"_s, room}, {u"id"_s, u"join"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(!bob.eventsNamed(u"result"_s).isEmpty(), 20000);

    QVERIFY(startApp(m_connectionString, profile));
    QTRY_VERIFY2_WITH_TIMEOUT(!fromAlice(bob, room, u"presence"_s).isEmpty(),
                              qPrintable(QString::fromUtf8(m_app.process().readAllStandardError())), 30000);
    QVERIFY(fromAlice(bob, room, u"goodbye"_s).isEmpty());

    signalAndExpectCleanExit(signalNumber);
    if (QTest::currentTestFailed())
        return;
    // The goodbye went out before the connection closed: bob sees alice leave at once, not after
    // her heartbeats expire.
    QTRY_COMPARE_WITH_TIMEOUT(fromAlice(bob, room, u"goodbye"_s).size(), 1, 5000);

    // The history is complete in the database file (no WAL left to replay) and still there.
    const QString path = Hubbub::HistoryStore::defaultPath(profile);
    QVERIFY(!QFileInfo::exists(path + u"-wal"_s) || QFileInfo(path + u"-wal"_s).size() == 0);
    Hubbub::HistoryStore store(path);
    bool found = false;
    for (const auto &r : store.rooms())
        found = found || r.name == room;
    QVERIFY(found);
    bob.finish();
}

void TestHostileQuit::offlineOutboxSurvivesSignal()
{
    // A service that is not there: the app stays offline and its outbox cannot drain.
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = reserve.serverPort();
    reserve.close();
    const QString dead = u"Endpoint=http://127.0.0.1:%1;AccessKey=%2;Version=1.0;"_s.arg(deadPort).arg(kKey);

    const QString profile = u"quit-offline"_s;
    const QString room = u"offline"_s;
    Hubbub::ChatMessage pending;
    pending.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    pending.room = room;
    pending.senderId = pending.senderName = u"alice"_s;
    pending.text = u"queued while offline"_s;
    pending.timestamp = QDateTime::currentDateTimeUtc();
    pending.own = true;
    pending.status = Hubbub::DeliveryStatus::Sending;
    {
        Hubbub::HistoryStore store(Hubbub::HistoryStore::defaultPath(profile));
        QVERIFY(store.saveRoom({room, 0, false}));
        QVERIFY(store.insert(pending));
    }

    QVERIFY(startApp(dead, profile));
    QTest::qWait(2500); // up, trying to connect, outbox waiting
    QCOMPARE(m_app.process().state(), QProcess::Running);
    signalAndExpectCleanExit(SIGTERM);
    if (QTest::currentTestFailed())
        return;

    Hubbub::HistoryStore store(Hubbub::HistoryStore::defaultPath(profile));
    const auto stillPending = store.pendingOwn();
    QCOMPARE(stillPending.size(), 1);
    QCOMPARE(stillPending.constFirst().id, pending.id);
    QCOMPARE(stillPending.constFirst().status, Hubbub::DeliveryStatus::Sending);
}

int main(int argc, char *argv[])
{
    // Its home is inherited by the app, so the app's profile lives there too; the same application
    // name as the app (app/main.cpp sets no organization), so HistoryStore::defaultPath() finds it.
    return execInIsolatedHome<TestHostileQuit, QCoreApplication>(argc, argv, QString(), u"hubbub"_s);
}

#include "tst_hostile_quit.moc"
