// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "backfill.h"

#include "historystore.h"
#include "logging.h"
#include "messageenvelope.h"
#include "messagemodel.h"
#include "senderpolicy.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace Hubbub {

namespace {
constexpr int kMaxRemembered = 1024;

QString key(const QString &room, const QString &userId)
{
    return room + u'\x1f' + userId;
}

bool within(const QDateTime &last, std::chrono::milliseconds interval, const QDateTime &now)
{
    return last.isValid() && last.msecsTo(now) < interval.count();
}
} // namespace

Backfill::Backfill(HistoryStore *history, Hooks hooks, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_hooks(std::move(hooks))
    , m_pictures(history)
{}

Backfill::~Backfill() = default;

bool Backfill::remember(QSet<QString> &set, QStringList &order, const QString &id)
{
    if (set.contains(id))
        return false;
    set.insert(id);
    order.append(id);
    while (order.size() > kMaxRemembered)
        set.remove(order.takeFirst());
    return true;
}

void Backfill::gapDetected(const QStringList &rooms, const QDateTime &lostAt, const QDateTime &restoredAt)
{
    if (!lostAt.isValid() || !restoredAt.isValid() || restoredAt < lostAt)
        return;
    for (const QString &room : rooms) {
        MessageModel *model = m_hooks.model ? m_hooks.model(room) : nullptr;
        if (!model)
            continue;
        // The window is the client's, unchanged: from the last moment the old connection was known
        // alive to the moment the new one was up.
        Gap gap;
        gap.room = room;
        gap.from = lostAt.toUTC();
        gap.to = restoredAt.toUTC();
        gap.markerId = model->addGapMarker(gap.from, gap.to);
        // Stored too: after a restart the room still shows where messages may be missing.
        if (m_history && m_history->isOpen()) {
            if (const int row = model->rowOf(gap.markerId); row >= 0)
                m_history->insert(model->at(row));
        }
        gap.requestId = MessageEnvelope::newId();
        m_markers[room].append(gap.markerId);
        m_gaps.insert(gap.requestId, gap);
        m_unsent.append(gap.requestId);
        qCInfo(lcApp) << "gap in" << room << "from" << gap.from << "to" << gap.to;
    }
}

void Backfill::sendPending()
{
    const QStringList unsent = std::exchange(m_unsent, {});
    for (const QString &requestId : unsent) {
        auto it = m_gaps.find(requestId);
        if (it == m_gaps.end())
            continue;
        MessageEnvelope request;
        request.kind = MessageEnvelope::Kind::BackfillRequest;
        request.version = MessageEnvelope::kBackfillVersion;
        request.id = requestId;
        request.from = it->from.addMSecs(-kRequestMargin.count());
        request.to = it->to.addMSecs(kRequestMargin.count());
        request.max = MessageEnvelope::kMaxBackfillMessages;
        if (!m_hooks.send || !m_hooks.send(it->room, request.toJson())) {
            m_unsent.append(requestId); // not connected after all: next time
            continue;
        }
        it->acceptUntil = QDateTime::currentDateTimeUtc().addMSecs(kAcceptAnswersFor.count());
        m_sentRequests.append(requestId);
    }
}

void Backfill::handle(const QString &room, const QString &fromUserId, const MessageEnvelope &envelope)
{
    if (envelope.kind == MessageEnvelope::Kind::BackfillRequest)
        handleRequest(room, fromUserId, envelope);
    else if (envelope.kind == MessageEnvelope::Kind::Backfill)
        handleAnswer(room, fromUserId, envelope);
}

void Backfill::forgetRoom(const QString &room)
{
    for (auto it = m_gaps.begin(); it != m_gaps.end();) {
        if (it->room == room) {
            m_unsent.removeAll(it.key());
            it = m_gaps.erase(it);
        } else {
            ++it;
        }
    }
    m_markers.remove(room);
    m_lastAnswerIn.remove(room);
}

QStringList Backfill::gapMarkers(const QString &room) const
{
    return m_markers.value(room);
}

// ---- answering -------------------------------------------------------------------------------

void Backfill::handleRequest(const QString &room, const QString &fromUserId, const MessageEnvelope &request)
{
    if (fromUserId.isEmpty())
        return; // an anonymous asker cannot be checked against the room's members
    if (!remember(m_seen, m_seenOrder, QStringLiteral("q:") + request.id))
        return; // a resend of a request we have seen
    // Sending to a group does not require joining it: only a member we see present in the room
    // gets an answer (which goes to the group, where only joined connections receive it anyway).
    if (!m_hooks.isPresent || !m_hooks.isPresent(room, fromUserId)) {
        qCInfo(lcApp) << "backfill request in" << room << "from" << fromUserId
                      << "refused: not a present member";
        return;
    }
    const QString k = key(room, fromUserId);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_scheduled.contains(k) || within(m_lastAnswerTo.value(k), m_perRequester, now) ||
        within(m_lastAnswerIn.value(room), m_perRoom, now)) {
        qCDebug(lcApp) << "backfill request in" << room << "from" << fromUserId << "rate-limited";
        return;
    }
    // Counted from the request, so a burst of requests gets one answer.
    m_lastAnswerTo.insert(k, now);
    m_lastAnswerIn.insert(room, now);
    m_scheduled.insert(k);
    const int delay = m_answerDelayMax.count() > 0
                          ? QRandomGenerator::global()->bounded(int(m_answerDelayMax.count()) + 1)
                          : 0;
    QTimer::singleShot(delay, this, [this, room, fromUserId, request, k]() {
        m_scheduled.remove(k);
        if (m_answered.contains(request.id))
            return; // someone else answered first: everyone (the asker too) has that answer
        answer(room, fromUserId, request);
    });
}

QList<ChatMessage> Backfill::messagesBetween(const QString &room, const QDateTime &from, const QDateTime &to,
                                             int limit) const
{
    if (m_history && m_history->isOpen())
        return m_history->receivedBetween(room, from, to, limit);
    QList<ChatMessage> out;
    const MessageModel *model = m_hooks.model ? m_hooks.model(room) : nullptr;
    for (int row = 0; model && row < model->count() && out.size() < limit; ++row) {
        const ChatMessage &m = model->at(row);
        if (!m.gapMarker && m.relayedBy.isEmpty() && m.timestamp >= from && m.timestamp <= to &&
            (m.status == DeliveryStatus::Received || m.status == DeliveryStatus::Sent))
            out.append(m);
    }
    return out;
}

void Backfill::answer(const QString &room, const QString &requester, const MessageEnvelope &request)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime to = std::min(request.to, now);
    const QDateTime from = std::max(
        request.from, to.addSecs(-std::chrono::duration_cast<std::chrono::seconds>(kMaxWindow).count()));
    const int limit = std::clamp(request.max, 0, MessageEnvelope::kMaxBackfillMessages);
    if (from > to || limit == 0)
        return;
    MessageEnvelope reply;
    reply.kind = MessageEnvelope::Kind::Backfill;
    reply.version = MessageEnvelope::kBackfillVersion;
    reply.id = MessageEnvelope::newId();
    reply.requestId = request.id;
    // Under the byte budget with room for the envelope around the messages.
    qsizetype budget = MessageEnvelope::kMaxBackfillBytes - 1024;
    const QList<ChatMessage> messages = messagesBetween(room, from, to, limit);
    QList<MessageEnvelope> pictures; // one answer each, with the bytes (RelayedPictures)
    for (const ChatMessage &m : messages) {
        if (m.picture && pictures.size() < RelayedPictures::kMaxPerAnswer) {
            if (auto answer = m_pictures.answerFor(request.id, m)) {
                pictures.append(*answer);
                continue;
            }
        }
        MessageEnvelope::Relayed r{m.id, m.senderId, m.text, m.timestamp};
        const QJsonObject item{{QStringLiteral("id"), r.id},
                               {QStringLiteral("sender"), r.sender},
                               {QStringLiteral("text"), r.text},
                               {QStringLiteral("ts"), r.timestamp.toUTC().toString(Qt::ISODateWithMs)}};
        const qsizetype size = QJsonDocument(item).toJson(QJsonDocument::Compact).size() + 1;
        if (size > budget)
            break;
        budget -= size;
        reply.relayed.append(r);
    }
    if (reply.relayed.isEmpty() && pictures.isEmpty())
        return; // nothing to fill: silence lets someone who has something answer
    qCInfo(lcApp) << "answering backfill request of" << requester << "in" << room << "with"
                  << reply.relayed.size() << "messages and" << pictures.size() << "pictures";
    if (!m_hooks.send)
        return;
    if (!reply.relayed.isEmpty())
        m_hooks.send(room, reply.toJson());
    for (const MessageEnvelope &picture : std::as_const(pictures))
        m_hooks.send(room, picture.toJson());
}

// ---- filling ---------------------------------------------------------------------------------

bool Backfill::knows(const QString &room, const QString &messageId) const
{
    const MessageModel *model = m_hooks.model ? m_hooks.model(room) : nullptr;
    if (model && model->contains(messageId))
        return true;
    return m_history && m_history->isOpen() && m_history->contains(room, messageId);
}

void Backfill::handleAnswer(const QString &room, const QString &fromUserId, const MessageEnvelope &answer)
{
    // Everyone in the room sees answers: one is enough, pending ones for that request are dropped.
    remember(m_answered, m_answeredOrder, answer.requestId);
    if (!remember(m_seen, m_seenOrder, QStringLiteral("a:") + answer.id))
        return; // a resend of an answer already handled
    auto it = m_gaps.find(answer.requestId);
    if (it == m_gaps.end() || it->room != room || !it->acceptUntil.isValid())
        return; // not an answer to one of our requests in this room
    if (QDateTime::currentDateTimeUtc() > it->acceptUntil) {
        m_gaps.erase(it);
        return;
    }
    if (fromUserId.isEmpty())
        return; // a relayer must be named: "relayed by anonymous" vouches for nothing
    MessageModel *model = m_hooks.model ? m_hooks.model(room) : nullptr;
    if (!model)
        return;
    const QString own = m_hooks.ownUserId ? m_hooks.ownUserId() : QString();
    QList<ChatMessage> candidates;
    QSet<QString> ids;
    for (const MessageEnvelope::Relayed &r : answer.relayed) {
        if (it->accepted + candidates.size() >= MessageEnvelope::kMaxBackfillMessages)
            break; // a gap is filled with at most that many messages, whoever answers
        // The claimed sender is plain text, cleaned like a display name; a copy claiming to be
        // ours is never taken (our own messages are in our history already, or were never ours).
        const QString sender = SenderPolicy::cleanDisplayName(r.sender, fromUserId);
        if (sender.isEmpty() || (!own.isEmpty() && sender.compare(own, Qt::CaseInsensitive) == 0))
            continue;
        // Never replaces or duplicates what we have: the id decides, whatever the content.
        if (ids.contains(r.id) || knows(room, r.id))
            continue;
        ids.insert(r.id);
        ChatMessage m;
        m.id = r.id;
        m.room = room;
        m.senderId = sender;
        m.text = r.text;
        // Placed by its claimed time, but never outside the window it fills.
        m.timestamp = std::clamp(r.timestamp, it->from, it->to);
        m.own = false;
        m.status = DeliveryStatus::Received;
        m.relayedBy = fromUserId;
        // A picture with its bytes becomes one (checked like a live picture); else its text stays.
        if (!r.image.isEmpty())
            m_pictures.accept(m, r.image);
        candidates.append(m);
    }
    if (candidates.isEmpty())
        return;
    const QList<ChatMessage> fresh =
        (m_history && m_history->isOpen()) ? m_history->insertNew(candidates) : candidates;
    const int added = model->insertRelayed(it->markerId, fresh);
    it->accepted += added;
    if (added > 0 && m_history && m_history->isOpen()) {
        if (const int row = model->rowOf(it->markerId); row >= 0)
            m_history->setGapFilled(room, it->markerId, model->at(row).gapFilled);
    }
    qCInfo(lcApp) << added << "messages relayed by" << fromUserId << "filled into" << room;
    if (added > 0) {
        QStringList ids;
        for (const ChatMessage &m : fresh) {
            if (model->contains(m.id))
                ids.append(m.id);
        }
        Q_EMIT filled(room, added);
        Q_EMIT messagesFilled(room, ids);
    }
}

} // namespace Hubbub
