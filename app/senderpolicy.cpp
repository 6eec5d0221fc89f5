// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "senderpolicy.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace Hubbub {

QString SenderPolicy::label(const QString &userId)
{
    return userId.isEmpty() ? QCoreApplication::translate("Hubbub::SenderPolicy", "anonymous") : userId;
}

QString SenderPolicy::cleanDisplayName(const QString &claimed, const QString &userId)
{
    if (userId.isEmpty() || claimed.isEmpty())
        return {};
    QString out;
    out.reserve(qMin(claimed.size(), qsizetype(kMaxDisplayNameLength)));
    bool space = false;
    for (const QChar c : claimed) {
        // Any whitespace, line breaks included, is one plain space: a name stays on one line.
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        // Control and format characters (bidi overrides, zero-width joiners) could make a name look
        // like another one, or reorder the text around it.
        const auto category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format)
            continue;
        if (space)
            out.append(u' ');
        space = false;
        out.append(c);
    }
    if (out.size() > kMaxDisplayNameLength) {
        out.truncate(kMaxDisplayNameLength);
        if (out.back().isHighSurrogate())
            out.chop(1);
    }
    return out;
}

bool SenderPolicy::collides(const QString &name, const QString &userId, const QHash<QString, QString> &others)
{
    if (name.isEmpty())
        return false;
    for (auto it = others.cbegin(); it != others.cend(); ++it) {
        if (it.key() == userId)
            continue;
        if (name.compare(it.key(), Qt::CaseInsensitive) == 0 ||
            (!it.value().isEmpty() && name.compare(it.value(), Qt::CaseInsensitive) == 0))
            return true;
    }
    return false;
}

void SenderPolicy::noteIssued(const QString &messageId)
{
    if (messageId.isEmpty() || m_issued.contains(messageId))
        return;
    m_issued.insert(messageId);
    m_issuedOrder.append(messageId);
    while (m_issuedOrder.size() > kMaxIssuedIds)
        m_issued.remove(m_issuedOrder.takeFirst());
}

bool SenderPolicy::isOwnMessageEcho(const QString &fromUserId, const QString &ownUserId,
                                    const QString &messageId) const
{
    return !fromUserId.isEmpty() && fromUserId == ownUserId && m_issued.contains(messageId);
}

bool SenderPolicy::isOwnPresenceEcho(const QString &fromUserId, const QString &ownUserId,
                                     const QString &instance, const QString &ownInstance)
{
    return !fromUserId.isEmpty() && fromUserId == ownUserId && !instance.isEmpty() && instance == ownInstance;
}

QString SenderPolicy::scopedId(const QString &fromUserId, const QString &messageId)
{
    const QByteArray hash = QCryptographicHash::hash(fromUserId.toUtf8(), QCryptographicHash::Sha256);
    return messageId + u'~' + QString::fromLatin1(hash.toHex().left(12));
}

QString SenderPolicy::receivedId(const QString &fromUserId, const QString &ownUserId,
                                 const QString &messageId,
                                 const std::function<std::optional<QString>(const QString &)> &senderOf) const
{
    const bool fromUs = !fromUserId.isEmpty() && fromUserId == ownUserId;
    if (!fromUs && m_issued.contains(messageId))
        return scopedId(fromUserId, messageId);
    if (senderOf) {
        const std::optional<QString> existing = senderOf(messageId);
        if (existing && *existing != fromUserId)
            return scopedId(fromUserId, messageId);
    }
    return messageId;
}

} // namespace Hubbub
