// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "relayedpictures.h"

#include "historystore.h"
#include "logging.h"
#include "pictures.h"

#include <QJsonDocument>

namespace Hubbub {

RelayedPictures::RelayedPictures(const HistoryStore *history)
{
    if (history && history->isOpen())
        m_store.emplace(history);
}

std::optional<MessageEnvelope> RelayedPictures::answerFor(const QString &requestId,
                                                          const ChatMessage &m) const
{
    if (!m.picture || !m_store)
        return std::nullopt;
    const auto p = m_store->find(m.room, m.id);
    // Received pictures may be larger than the ones Hubbub sends (up to what one frame carried):
    // with a backfill envelope around them those might not fit, so they go as text.
    if (!p || (p->bytes.size() + 2) / 3 * 4 > PictureCodec::kMaxDataBase64)
        return std::nullopt;
    MessageEnvelope answer;
    answer.kind = MessageEnvelope::Kind::Backfill;
    answer.version = MessageEnvelope::kBackfillVersion;
    answer.id = MessageEnvelope::newId();
    answer.requestId = requestId;
    MessageEnvelope::Relayed r{m.id, m.senderId, Pictures::fallbackText(p->name), m.timestamp};
    r.image = QJsonObject{{QStringLiteral("mime"), p->mime},
                          {QStringLiteral("width"), p->size.width()},
                          {QStringLiteral("height"), p->size.height()},
                          {QStringLiteral("name"), p->name},
                          {QStringLiteral("data"), QString::fromLatin1(p->bytes.toBase64())}};
    answer.relayed = {r};
    if (QJsonDocument(answer.toJson()).toJson(QJsonDocument::Compact).size() > kMaxAnswerBytes)
        return std::nullopt;
    return answer;
}

bool RelayedPictures::accept(ChatMessage &m, const QJsonObject &image)
{
    if (!m_store)
        return false;
    const QString data = image.value(QLatin1String("data")).toString();
    if (data.isEmpty() || data.size() > Pictures::kMaxReceivedBase64)
        return false;
    const auto bytes =
        QByteArray::fromBase64Encoding(data.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    QString mime, error;
    // The bytes alone decide, as for a live picture: never the relayer's mime, width or height.
    const QImage decoded = bytes ? PictureCodec::decodeReceived(*bytes, &mime, &error) : QImage();
    if (decoded.isNull()) {
        qCInfo(lcApp) << "relayed picture" << m.id << "in" << m.room
                      << "kept as text:" << (bytes ? error : QStringLiteral("bad base64"));
        return false;
    }
    const QString name = Pictures::cleanName(image.value(QLatin1String("name")).toString());
    // Stored as the claimed sender's, like the relayed message row; bytes already stored under
    // this id stay (INSERT OR IGNORE) and count only when they are that sender's too.
    if (!m_store->insert({m.room, m.id, m.senderId, mime, decoded.size(), name, *bytes})) {
        const auto stored = m_store->find(m.room, m.id);
        if (!stored || stored->senderId != m.senderId)
            return false;
    }
    m.picture = true;
    m.text = Pictures::fallbackText(name);
    return true;
}

} // namespace Hubbub
