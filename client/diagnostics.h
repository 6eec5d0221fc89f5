// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file diagnostics.h
//! \brief A snapshot of a Client's connection internals, for the diagnostics panel and QA.
#pragma once

#include "webpubsub_export.h"

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace WebPubSub {

struct WEBPUBSUB_EXPORT Diagnostics
{
    Q_GADGET
    Q_PROPERTY(QString hub MEMBER hub)
    Q_PROPERTY(QString endpointHost MEMBER endpointHost)
    Q_PROPERTY(QString subprotocol MEMBER subprotocol)
    Q_PROPERTY(qint64 lastReceivedSequenceId MEMBER lastReceivedSequenceId)
    Q_PROPERTY(qint64 lastAckedSequenceId MEMBER lastAckedSequenceId)
    Q_PROPERTY(int duplicatesDropped MEMBER duplicatesDropped)
    Q_PROPERTY(int pendingOperations MEMBER pendingOperations)
    Q_PROPERTY(int outboxSize MEMBER outboxSize)
    Q_PROPERTY(int recoveries MEMBER recoveries)
    Q_PROPERTY(int reconnects MEMBER reconnects)
    Q_PROPERTY(int reconnectAttempt MEMBER reconnectAttempt)
    Q_PROPERTY(int lastCloseCode MEMBER lastCloseCode)
    Q_PROPERTY(QString lastCloseReason MEMBER lastCloseReason)
    Q_PROPERTY(QString lastDisconnectedMessage MEMBER lastDisconnectedMessage)
    Q_PROPERTY(int roundTripMs MEMBER roundTripMs)
    Q_PROPERTY(QDateTime lastFrameReceivedAt MEMBER lastFrameReceivedAt)
    Q_PROPERTY(QDateTime stateSince MEMBER stateSince)
    Q_PROPERTY(QDateTime tokenExpiresAt MEMBER tokenExpiresAt)
    Q_PROPERTY(QDateTime nextReconnectAt MEMBER nextReconnectAt)
public:
    QString hub;
    QString endpointHost; //!< host[:port] only: never a URL with a token
    QString subprotocol;
    qint64 lastReceivedSequenceId = 0;
    qint64 lastAckedSequenceId = 0; //!< the last sequenceAck sent
    int duplicatesDropped = 0;
    int pendingOperations = 0; //!< sent, waiting for an ack or invokeResponse
    int outboxSize = 0;        //!< waiting for a connection
    int recoveries = 0;
    int reconnects = 0;
    int reconnectAttempt = 0;
    int lastCloseCode = 0; //!< 0 = none yet; 1006 = dropped without a close frame
    QString lastCloseReason;
    QString lastDisconnectedMessage; //!< the last `system/disconnected` message
    int roundTripMs = -1;            //!< ping→pong; -1 = not measured yet
    QDateTime lastFrameReceivedAt;
    QDateTime stateSince;
    QDateTime tokenExpiresAt;  //!< `exp` of the access token in use (invalid if unknown)
    QDateTime nextReconnectAt; //!< when Reconnecting: the next attempt
};

} // namespace WebPubSub

Q_DECLARE_METATYPE(WebPubSub::Diagnostics)
