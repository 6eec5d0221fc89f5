// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "drafts.h"

#include "historystore.h"
#include "logging.h"
#include "roomdirectory.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Hubbub {

using namespace std::chrono_literals;

Drafts::Drafts(HistoryStore *history, RoomDirectory *rooms, QObject *parent)
    : QObject(parent)
    , m_connectionName(history->connectionName())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(500ms);
    connect(&m_timer, &QTimer::timeout, this, &Drafts::flush);
    connect(rooms, &RoomDirectory::currentChanged, this, &Drafts::flush);

    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS drafts (room TEXT PRIMARY KEY,"
                               " text TEXT NOT NULL, updated INTEGER NOT NULL)"))) {
        qCWarning(lcApp) << "drafts unavailable:" << q.lastError().text();
        return;
    }
    if (q.exec(QStringLiteral("SELECT room, text FROM drafts"))) {
        while (q.next())
            m_texts.insert(q.value(0).toString(), q.value(1).toString());
    }
}

Drafts::~Drafts()
{
    // AppController flushes on shutdown, while the history is surely open; this is the backstop.
    if (QSqlDatabase::database(m_connectionName, false).isOpen())
        flush();
}

void Drafts::setText(const QString &room, const QString &text)
{
    if (room.isEmpty())
        return;
    const bool empty = text.trimmed().isEmpty();
    if (empty ? !m_texts.contains(room) : m_texts.value(room) == text)
        return;
    if (empty)
        m_texts.remove(room);
    else
        m_texts.insert(room, text);
    m_dirty.insert(room);
    m_timer.start();
    Q_EMIT draftChanged(room);
}

void Drafts::clear(const QString &room)
{
    setText(room, QString());
    if (m_dirty.contains(room) && write(room))
        m_dirty.remove(room);
}

void Drafts::flush()
{
    m_timer.stop();
    const QSet<QString> dirty = m_dirty; // write() never calls back, but stay safe
    for (const QString &room : dirty) {
        if (write(room))
            m_dirty.remove(room);
    }
}

bool Drafts::write(const QString &room)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    const auto it = m_texts.constFind(room);
    if (it == m_texts.cend()) {
        q.prepare(QStringLiteral("DELETE FROM drafts WHERE room = ?"));
        q.addBindValue(room);
    } else {
        q.prepare(QStringLiteral(
            "INSERT INTO drafts (room, text, updated) VALUES (?, ?, ?)"
            " ON CONFLICT(room) DO UPDATE SET text = excluded.text, updated = excluded.updated"));
        q.addBindValue(room);
        q.addBindValue(*it);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    }
    if (!q.exec()) {
        qCWarning(lcApp) << "draft not saved:" << q.lastError().text();
        return false;
    }
    return true;
}

} // namespace Hubbub
