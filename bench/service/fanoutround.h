// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief One fan-out measurement: a fresh hubbub-service, R receivers in a group, one sender.
//!
//! Each round starts its own service process so that the peak memory (VmHWM) it reports belongs to
//! that receiver count alone. Receivers are raw QWebSockets on `json.webpubsub.azure.v1` (no client
//! library in the way), so the figures are the service's plus loopback, not the client's.
#pragma once

#include "serviceprocess.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QWebSocket;

struct RoundConfig
{
    QString servicePath;
    int receivers = 1;
    int messages = 1000;
    int ratePerSecond = 200;       //!< messages the sender publishes per second
    int payloadBytes = 64;         //!< padding carried by every message besides its timestamp
    int handshakeConcurrency = 64; //!< receivers connecting at once
};

struct RoundResult
{
    RoundConfig config;
    qint64 expected = 0; //!< receivers × messages
    qint64 deliveries = 0;
    double connectSeconds = 0;  //!< connecting and joining every receiver
    double sendSeconds = 0;     //!< first to last send
    double deliverySeconds = 0; //!< first send to last delivery
    double deliveredPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    qint64 rssAfterJoinKiB = -1;   //!< service VmRSS with every receiver joined, before sending
    qint64 peakKiB = -1;           //!< service VmHWM at the end of the round
    double serviceCpuSeconds = -1; //!< user + system CPU the service used in the round
    double benchCpuSeconds = -1;   //!< same for this process (receivers and sender)
    QString error;                 //!< set when the round could not be completed
};

class FanoutRound : public QObject
{
    Q_OBJECT
public:
    explicit FanoutRound(RoundConfig config, QObject *parent = nullptr);
    ~FanoutRound() override;

    //! Runs the round to completion (spinning the event loop) and stops the service.
    RoundResult run();

private:
    struct Receiver;

    bool startService(QString *error);
    void stopService();
    void connectReceivers();
    void openReceiver(int index);
    void onReceiverText(Receiver *receiver, const QString &text);
    bool openSender(QString *error);
    void sendDue();
    qint64 serviceStatusKiB(const char *field) const;
    //! User + system CPU seconds of process \a pid so far (from /proc/<pid>/stat).
    static double cpuSeconds(qint64 pid);
    //! Spins the event loop until \a done or \a timeout without progress in \a progress.
    bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout,
                   const std::function<qint64()> &progress = {});

    RoundConfig m_config;
    RoundResult m_result;
    ServiceProcess m_service;
    std::vector<std::unique_ptr<Receiver>> m_receivers;
    int m_nextToOpen = 0;
    int m_opening = 0;
    int m_joined = 0;
    int m_failedReceivers = 0;
    int m_closedReceivers = 0; // closed after joining (by the service, or by QWebSocket itself)
    QString m_lastCloseReason;
    bool m_stopping = false;
    std::unique_ptr<QWebSocket> m_sender;
    bool m_senderReady = false;
    QByteArray m_padding;
    int m_sent = 0;
    qint64 m_firstSendNs = 0;
    qint64 m_lastSendNs = 0;
    qint64 m_lastDeliveryNs = 0;
    std::vector<qint64> m_latenciesNs;
};
