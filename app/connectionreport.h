// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What the banner and the diagnostics panel say about the last loss: the close code and
//! its meaning in words, and the last gap (the window in which messages may be missing).
//!
//! The client reports raw figures (a close code, a reason string, gapDetected); users need words
//! ("the host quit", "connection refused"). This class follows one client at a time and keeps the
//! last of each, so the banner tells the truth at every moment, not only at the moment of the loss.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace WebPubSub {
class Client;
class Error;
} // namespace WebPubSub

namespace Hubbub {

class ConnectionReport : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionReport(QObject *parent = nullptr);

    //! Follows \a client (null: none); the last close and gap are kept across clients.
    void watch(WebPubSub::Client *client);

    //! The last WebSocket close code seen (1006: no close frame), 0 when none yet.
    int lastCloseCode() const { return m_closeCode; }
    //! The last close in words, e.g. "going away: the host quit (1001)"; empty when none yet.
    QString lastCloseReasonText() const { return m_closeText; }
    //! The last gap, e.g. "messages between 12:01:03 and 12:01:05 may be missing (lobby)"; empty if none.
    QString lastGapText() const { return m_gapText; }
    QDateTime lastGapFrom() const { return m_gapFrom; }
    QDateTime lastGapTo() const { return m_gapTo; }

    //! \a code in words (1000, 1001, 1006, 1008, 1009, 1011, others by number), with the
    //! service's \a reason when it adds something.
    static QString describeClose(int code, const QString &reason = {});
    //! The gap line for \a groups between \a from and \a to (local time, seconds).
    static QString describeGap(const QStringList &groups, const QDateTime &from, const QDateTime &to);

    //! Records a close (also used for socket errors such as a refused connection: \a code 0).
    void noteClose(int code, const QString &text);
    void noteGap(const QStringList &groups, const QDateTime &from, const QDateTime &to);

Q_SIGNALS:
    void changed();

private:
    void onStateChanged();
    void onError(const WebPubSub::Error &error);

    QPointer<WebPubSub::Client> m_client;
    bool m_wasLive = false;
    int m_closeCode = 0;
    QString m_closeText;
    QString m_gapText;
    QDateTime m_gapFrom;
    QDateTime m_gapTo;
};

} // namespace Hubbub
