// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// The history's checkpoints run on a worker thread: the GUI connection never checkpoints by itself
// (its wal hook asks the worker once the log holds 1000 pages), the worker writes the log back
// without waiting for writer or readers, a reader holding an old snapshot only delays it, and the
// checkpoint on quit still empties the log and gives SQLite its own checkpoints back.
#include "historystore.h"
#include "walcheckpointer.h"

#include <QFileInfo>
#include <QMutex>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Hubbub;
using namespace std::chrono_literals;

namespace {

QList<ChatMessage> batch(int from, int count)
{
    QList<ChatMessage> out;
    for (int i = from; i < from + count; ++i) {
        ChatMessage m;
        m.room = QStringLiteral("lobby");
        m.id = QString::number(i);
        m.senderId = QStringLiteral("bob");
        m.senderName = QStringLiteral("Bob");
        m.text = QStringLiteral("message number %1, long enough to fill some pages of the log").arg(i);
        m.timestamp = QDateTime::fromMSecsSinceEpoch(1700000000000 + i, Qt::UTC);
        out.append(m);
    }
    return out;
}

int pragma(const QString &connectionName, const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(connectionName, false));
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

struct Checkpoint
{
    int logFrames = -1;
    int written = -1;
    bool busy = false;
};

//! Records the worker's checkpoints as they happen (on its thread) for the test thread to read.
class Recorder
{
public:
    void watch(WalCheckpointer *checkpointer, QObject *context)
    {
        QThread *const testThread = QThread::currentThread();
        QObject::connect(
            checkpointer, &WalCheckpointer::checkpointed, context,
            [this, testThread](int logFrames, int written, bool busy) {
                QMutexLocker lock(&m_mutex);
                m_offThread = m_offThread && QThread::currentThread() != testThread;
                m_last = {logFrames, written, busy};
            },
            Qt::DirectConnection);
    }
    Checkpoint last() const
    {
        QMutexLocker lock(&m_mutex);
        return m_last;
    }
    //! The last checkpoint wrote the whole (non-empty) log back.
    bool complete() const
    {
        const Checkpoint c = last();
        return c.logFrames > 0 && c.written == c.logFrames;
    }
    //! Forgets the last checkpoint (the worker's own ticks may have run one before).
    void reset()
    {
        QMutexLocker lock(&m_mutex);
        m_last = {};
    }
    bool offThread() const
    {
        QMutexLocker lock(&m_mutex);
        return m_offThread;
    }

private:
    mutable QMutex m_mutex;
    Checkpoint m_last;
    bool m_offThread = true;
};

} // namespace

class TestWalCheckpointer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkpointsRunOnTheWorkerThread();
    void aReaderDelaysButNeverBlocks();
    void quitCheckpointEmptiesTheLog();
    void withoutAWorkerSqliteCheckpointsAsBefore();
};

void TestWalCheckpointer::checkpointsRunOnTheWorkerThread()
{
    QTemporaryDir dir;
    Recorder recorder; // before the store: it outlives the worker, which the store's end stops
    HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(store.isOpen());
    QVERIFY(store.checkpointer());
    QVERIFY(store.checkpointer()->isRunning());
    // SQLite's automatic checkpoint (its own wal hook) is off on the GUI connection.
    QCOMPARE(pragma(store.connectionName(), QStringLiteral("PRAGMA wal_autocheckpoint")), 0);

    recorder.watch(store.checkpointer(), this);
    // Below the threshold nothing is asked for.
    QCOMPARE(store.insertMany(batch(0, 100)), 100);
    QTest::qWait(100);
    QCOMPARE(recorder.last().logFrames, -1);
    // Past it, the commit that crosses it asks the worker, which writes the whole log back.
    int next = 100;
    while (recorder.last().logFrames < 0 && next < 100000) {
        QCOMPARE(store.insertMany(batch(next, 500)), 500);
        next += 500;
        QCoreApplication::processEvents();
    }
    QTRY_VERIFY_WITH_TIMEOUT(recorder.complete(), 10000);
    QVERIFY2(recorder.last().logFrames >= WalCheckpointer::DefaultThresholdFrames,
             qPrintable(QString::number(recorder.last().logFrames)));
    QVERIFY(recorder.offThread());
    QCOMPARE(store.count(QStringLiteral("lobby")), next);
}

void TestWalCheckpointer::aReaderDelaysButNeverBlocks()
{
    QTemporaryDir dir;
    Recorder recorder; // before the store: it outlives the worker, which the store's end stops
    HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(store.checkpointer());
    recorder.watch(store.checkpointer(), this);
    QCOMPARE(store.insertMany(batch(0, 200)), 200);

    // A reader on a third connection holds a snapshot from here on.
    const QString readerName = QStringLiteral("reader");
    {
        QSqlDatabase reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), readerName);
        reader.setDatabaseName(store.path());
        QVERIFY(reader.open());
        QSqlQuery q(reader);
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && q.next());
        QCOMPARE(q.value(0).toInt(), 200);
    }
    // The writer goes on (no wait), and the worker writes back only what the reader allows.
    QCOMPARE(store.insertMany(batch(200, 2000)), 2000);
    recorder.reset();
    store.checkpointer()->checkpointSoon();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.last().logFrames > 0, 10000);
    QVERIFY2(recorder.last().written < recorder.last().logFrames,
             "the frames after the reader's snapshot cannot be written back yet");

    {
        QSqlQuery q(QSqlDatabase::database(readerName, false));
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
    }
    QSqlDatabase::database(readerName, false).close();
    QSqlDatabase::removeDatabase(readerName);
    recorder.reset();
    store.checkpointer()->checkpointSoon();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.complete(), 10000);
    QCOMPARE(store.count(QStringLiteral("lobby")), 2200);
}

void TestWalCheckpointer::quitCheckpointEmptiesTheLog()
{
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(store.checkpointer());
    QCOMPARE(store.insertMany(batch(0, 1000)), 1000);
    QVERIFY(QFileInfo(store.path() + QStringLiteral("-wal")).size() > 0);
    // The quit path: the worker stops, the log is truncated, SQLite's own checkpoints return for
    // anything written after.
    QVERIFY(store.checkpoint());
    QVERIFY(!store.checkpointer());
    QCOMPARE(QFileInfo(store.path() + QStringLiteral("-wal")).size(), 0);
    QCOMPARE(pragma(store.connectionName(), QStringLiteral("PRAGMA wal_autocheckpoint")),
             WalCheckpointer::DefaultThresholdFrames);
    QCOMPARE(store.insertMany(batch(1000, 10)), 10);
    QCOMPARE(store.count(QStringLiteral("lobby")), 1010);
}

void TestWalCheckpointer::withoutAWorkerSqliteCheckpointsAsBefore()
{
    // Not an open SQLite connection: it says so, leaves everything as it was, and stopping it
    // (twice) is harmless.
    WalCheckpointer broken(QStringLiteral("no-such-connection"));
    QVERIFY(!broken.isRunning());
    QSignalSpy spy(&broken, &WalCheckpointer::checkpointed);
    broken.checkpointSoon();
    broken.stop();
    broken.stop();
    QTest::qWait(50);
    QCOMPARE(spy.size(), 0);

    // No WAL (an in-memory database): no worker, SQLite's default threshold stays.
    HistoryStore memory(QStringLiteral(":memory:"));
    QVERIFY(memory.isOpen());
    QVERIFY(!memory.checkpointer());
    QCOMPARE(pragma(memory.connectionName(), QStringLiteral("PRAGMA wal_autocheckpoint")), 1000);
    QCOMPARE(memory.insertMany(batch(0, 10)), 10);
}

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
