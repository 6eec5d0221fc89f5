// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Marks gaps and fills them from peers (docs/message-envelope.md, "Gaps and backfill").
//!
//! When the client reports that a room's messages between lostAt and restoredAt may be lost (a new
//! connection replaced one that could not be recovered), each affected room gets a gap marker row
//! at that point (stored in the history with how many messages were filled, so a restart still
//! shows it), and, once connected, a `backfill-request` for exactly that window goes to the
//! room's group. Members who are online and see the asker present in the room answer with a
//! bounded `backfill` of what they received themselves, after a random delay (an answer seen from
//! someone else suppresses theirs), at most once per asker and room per interval. The asker keeps a
//! relayed message only when it does not have its id yet, never one claiming to be its own, and
//! shows it as relayed by the answering member: the service stamps who relayed it, not who wrote it.
//! A picture message is relayed with its bytes, each in an answer of its own (RelayedPictures).
//! Everything goes through the group, so it works against Azure Web PubSub with no server code.
#pragma once

#include "chatmessage.h"
#include "relayedpictures.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <chrono>
#include <functional>

namespace Hubbub {

class HistoryStore;
class MessageModel;
struct MessageEnvelope;

class Backfill : public QObject
{
    Q_OBJECT
public:
    //! What Backfill needs from the app, as functions (AppController wires them).
    struct Hooks
    {
        //! Sends \a envelope to \a room's group, acked; false when not connected.
        std::function<bool(const QString &room, const QJsonObject &envelope)> send;
        //! Whether \a userId is a member seen present in \a room (presence heard, not expired).
        std::function<bool(const QString &room, const QString &userId)> isPresent;
        //! The message model of \a room; nullptr when it is not one of our rooms.
        std::function<MessageModel *(const QString &room)> model;
        std::function<QString()> ownUserId;
    };

    //! Answers to a request are accepted this long after it was sent.
    static constexpr std::chrono::milliseconds kAcceptAnswersFor{120000};
    //! An answer never covers more than this much time (a request for more is cut to its end).
    static constexpr std::chrono::hours kMaxWindow{24};
    //! The request asks for this much more on each side of the gap. Answerers compare the window
    //! with the times *they* received messages, which differ from ours by how busy each app was
    //! and by clock skew between machines: a message the service sent us just before the link
    //! died can reach a busier peer later than our last frame, one sent just before our rejoin
    //! took effect can reach it after our rejoin was acknowledged. What the margin brings that we
    //! have already is dropped by id; the marker keeps the exact window.
    static constexpr std::chrono::milliseconds kRequestMargin{2000};

    Backfill(HistoryStore *history, Hooks hooks, QObject *parent = nullptr);
    ~Backfill() override;

    //! Answers wait a random 0..\a delay (default 2 s) so that one member answers, not all.
    void setAnswerDelayMax(std::chrono::milliseconds delay) { m_answerDelayMax = delay; }
    //! At most one answer per asker and room per \a interval (default 10 s).
    void setPerRequesterInterval(std::chrono::milliseconds interval) { m_perRequester = interval; }
    //! At most one answer per room per \a interval (default 1 s), whoever asks.
    void setPerRoomInterval(std::chrono::milliseconds interval) { m_perRoom = interval; }

    //! The client lost \a rooms' messages in [\a lostAt, \a restoredAt]: a marker in each, and a
    //! request queued until sendPending().
    void gapDetected(const QStringList &rooms, const QDateTime &lostAt, const QDateTime &restoredAt);
    //! Connected: sends the queued requests (after the app's presence, so answerers know us).
    void sendPending();
    //! A `backfill-request` or `backfill` envelope arrived in \a room from \a fromUserId.
    void handle(const QString &room, const QString &fromUserId, const MessageEnvelope &envelope);
    //! \a room was left: its gaps and pending answers are dropped.
    void forgetRoom(const QString &room);

    //! The marker row ids of \a room's gaps this session, oldest first (for tests).
    QStringList gapMarkers(const QString &room) const;
    //! The ids of the requests sent so far (for tests).
    QStringList sentRequestIds() const { return m_sentRequests; }

Q_SIGNALS:
    //! \a count relayed messages were added to \a room.
    void filled(const QString &room, int count);
    //! The relayed messages \a messageIds were added to \a room (as Inbox::messageAdded says for
    //! live ones): what was held for them (reactions that arrived first) applies now.
    void messagesFilled(const QString &room, const QStringList &messageIds);

private:
    struct Gap
    {
        QString room;
        QString markerId;
        QString requestId;
        QDateTime from;
        QDateTime to;
        QDateTime acceptUntil; // invalid until the request is sent
        int accepted = 0;
    };
    void handleRequest(const QString &room, const QString &fromUserId, const MessageEnvelope &request);
    void handleAnswer(const QString &room, const QString &fromUserId, const MessageEnvelope &answer);
    void answer(const QString &room, const QString &requester, const MessageEnvelope &request);
    QList<ChatMessage> messagesBetween(const QString &room, const QDateTime &from, const QDateTime &to,
                                       int limit) const;
    bool knows(const QString &room, const QString &messageId) const;
    // Remembers \a id in \a set; false when it was there (bounded: the oldest are forgotten).
    static bool remember(QSet<QString> &set, QStringList &order, const QString &id);

    HistoryStore *m_history;
    Hooks m_hooks;
    RelayedPictures m_pictures;
    std::chrono::milliseconds m_answerDelayMax{2000};
    std::chrono::milliseconds m_perRequester{10000};
    std::chrono::milliseconds m_perRoom{1000};
    QHash<QString, Gap> m_gaps;            // requestId → gap (ours)
    QHash<QString, QStringList> m_markers; // room → marker ids
    QStringList m_unsent;                  // requestIds waiting for a connection
    QStringList m_sentRequests;
    QSet<QString> m_seen; // request and answer ids already handled (resends are harmless)
    QStringList m_seenOrder;
    QSet<QString> m_answered; // requestIds someone has answered: ours is not needed
    QStringList m_answeredOrder;
    QSet<QString> m_scheduled;                // room \x1f requester with an answer waiting for its delay
    QHash<QString, QDateTime> m_lastAnswerTo; // room \x1f requester → when we answered
    QHash<QString, QDateTime> m_lastAnswerIn; // room → when we answered
};

} // namespace Hubbub
