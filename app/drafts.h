// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What the user typed in a room's composer and has not sent (`controller.drafts` in QML):
//! per room, kept across room switches and restarts.
//!
//! The composer hands every change to setText(); the text is kept in memory at once (so switching
//! back shows it) and written to the history database's `drafts` table after a pause in typing
//! (debounce, default 500 ms), and at once when the room in view changes or on flush() (quit).
//! An empty (or whitespace-only) draft removes the room's row; sending clears it.
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <chrono>

namespace Hubbub {

class HistoryStore;
class RoomDirectory;

class Drafts : public QObject
{
    Q_OBJECT
public:
    //! Loads the drafts stored in \a history (which must outlive this); flushes whenever \a rooms
    //! changes its current room.
    Drafts(HistoryStore *history, RoomDirectory *rooms, QObject *parent = nullptr);
    ~Drafts() override;

    //! The draft of \a room, "" when none.
    Q_INVOKABLE QString text(const QString &room) const { return m_texts.value(room); }
    //! Whether \a room has a draft.
    Q_INVOKABLE bool hasDraft(const QString &room) const { return m_texts.contains(room); }
    //! The user changed \a room's composer text to \a text: stored after the debounce.
    Q_INVOKABLE void setText(const QString &room, const QString &text);
    //! Removes \a room's draft now (sent, or the room left).
    Q_INVOKABLE void clear(const QString &room);
    //! Writes every pending change now.
    Q_INVOKABLE void flush();
    //! Changes not written yet (tests).
    int pendingCount() const { return int(m_dirty.size()); }
    void setDebounce(std::chrono::milliseconds delay) { m_timer.setInterval(delay); }

Q_SIGNALS:
    //! \a room's draft changed (appeared, changed or went away).
    void draftChanged(const QString &room);

private:
    bool write(const QString &room);

    QString m_connectionName;
    QHash<QString, QString> m_texts;
    QSet<QString> m_dirty;
    QTimer m_timer;
};

} // namespace Hubbub
