// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The guests of bench-stage: N raw WebSocket clients on the reliable JSON subprotocol,
//! all in one process on one thread, that negotiate with the invite, join the room, read it
//! (acknowledging sequence ids) and send the app's message envelope at a human rate, then in a
//! burst.
//!
//! It runs in a child process of the bench (`bench-stage --guest-driver …`) so that the guests'
//! own CPU (parsing every fan-out frame of 300 clients) is not charged to the presenter's thread.
//! It talks to the parent on stdio: it prints `ready` when every guest has joined, waits for `go`,
//! prints `burst` when the burst begins and `result {json}` when every send is acknowledged, and
//! closes its guests when stdin closes.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <memory>

class QSocketNotifier;
class QWebSocket;

class GuestDriver : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        quint16 port = 0;
        QString invite;
        QString hub = QStringLiteral("hubbub");
        QString room = QStringLiteral("lobby");
        int guests = 300;
        int seconds = 30;
        int burst = 300;
        int intervalMs = 10000; //!< one message per guest per interval (jittered ±20 %)
    };

    explicit GuestDriver(Options options, QObject *parent = nullptr);
    ~GuestDriver() override;

    void start();

Q_SIGNALS:
    void done(int exitCode);

private:
    struct Guest
    {
        int index = 0;
        QString name;
        QWebSocket *socket = nullptr;
        quint64 nextAckId = 1;
        quint64 lastSequenceId = 0;
        quint64 ackedSequenceId = 0;
        QHash<quint64, QString> pending; //!< ackId → message id (joinGroup: empty id)
        bool joined = false;
        QTimer timer;
    };

    void negotiate(Guest *guest);
    void onText(Guest *guest, const QString &text);
    void send(Guest *guest);
    void onStdin();
    void beginLoad();
    void beginBurst();
    void maybeFinish();
    void fail(const QString &why);

    Options m_options;
    QNetworkAccessManager m_network;
    std::vector<std::unique_ptr<Guest>> m_guests;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_stdinBuffer;
    QTimer m_sequenceAcks;
    QElapsedTimer m_clock;
    QRandomGenerator m_random{20261127};
    int m_joined = 0;
    bool m_loading = false;
    bool m_burstDone = false;
    bool m_reported = false;
    int m_sent = 0;
    int m_acked = 0;
    int m_refused = 0;
    qint64 m_received = 0;
    qint64 m_burstStartMs = 0;
    qint64 m_burstSendMs = 0;
    QStringList m_ackedIds;
};
