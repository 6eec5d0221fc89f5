// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "walcheckpointer.h"

#include "logging.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <sqlite3.h>

namespace Hubbub {

namespace {
//! The sqlite3 handle behind a QSQLITE connection (Qt's documented QSqlDriver::handle()).
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}
} // namespace

WalCheckpointer::WalCheckpointer(const QString &writerConnectionName, int thresholdFrames, QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("hubbub-checkpointer-") + QUuid::createUuid().toString(QUuid::Id128))
    , m_threshold(std::max(1, thresholdFrames))
{
    const QSqlDatabase writer = QSqlDatabase::database(writerConnectionName, false);
    sqlite3 *const handle = writer.isOpen() ? sqliteHandle(writer) : nullptr;
    if (!handle) {
        qCWarning(lcApp) << "history checkpointer: not an open SQLite connection:" << writerConnectionName;
        return;
    }
    const QString path = writer.databaseName();
    m_thread.setObjectName(QStringLiteral("hubbub-checkpointer"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    // Deleted on its own thread when the thread ends (stop()).
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
    // A QSqlDatabase connection belongs to the thread that made it: open it there, and wait, so
    // that the hook is only taken over when someone will do the checkpoints.
    bool opened = false;
    QMetaObject::invokeMethod(
        m_context,
        [this, path, &opened] {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
            db.setDatabaseName(path);
            if (!db.open()) {
                qCWarning(lcApp) << "history checkpointer: cannot open" << path << db.lastError().text();
                return;
            }
            opened = true;
        },
        Qt::BlockingQueuedConnection);
    if (!opened) {
        stop();
        return;
    }
    // Replaces SQLite's automatic checkpoint (itself a wal hook) on the writer.
    m_writer = handle;
    sqlite3_wal_hook(m_writer, &WalCheckpointer::onCommit, this);
    m_running = true;
}

WalCheckpointer::~WalCheckpointer()
{
    stop();
}

int WalCheckpointer::onCommit(void *self, sqlite3 *, const char *, int logFrames)
{
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    if (logFrames >= checkpointer->m_threshold)
        checkpointer->checkpointSoon();
    return SQLITE_OK;
}

void WalCheckpointer::checkpointSoon()
{
    if (!m_running || m_pending.exchange(true))
        return;
    QMetaObject::invokeMethod(
        m_context, [this] { runCheckpoint(); }, Qt::QueuedConnection);
}

void WalCheckpointer::stop()
{
    if (m_writer) {
        sqlite3_wal_autocheckpoint(m_writer, DefaultThresholdFrames); // SQLite's own hook again
        m_writer = nullptr;
    }
    m_running = false;
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            {
                QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
                if (db.isOpen())
                    db.close();
            }
            QSqlDatabase::removeDatabase(m_connectionName);
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void WalCheckpointer::runCheckpoint()
{
    m_pending = false;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return; // stopped meanwhile
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) || !q.next()) {
        // Not fatal: the next commit asks again; the log only grows meanwhile.
        qCWarning(lcApp) << "history checkpointer:" << q.lastError().text();
        return;
    }
    const bool busy = q.value(0).toInt() != 0;
    const int logFrames = q.value(1).toInt();
    const int written = q.value(2).toInt();
    qCDebug(lcApp) << "history checkpoint:" << written << "of" << logFrames << "frames"
                   << (busy ? "(busy)" : "");
    Q_EMIT checkpointed(logFrames, written, busy);
}

} // namespace Hubbub
