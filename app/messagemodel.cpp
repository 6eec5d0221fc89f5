// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "messagemodel.h"

#include "picturestore.h"

#include "avatar.h"
#include "senderpolicy.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace Hubbub {

namespace {
// A new run starts after this much silence even from the same sender (as Slack and Element do).
constexpr qint64 kRunGapMs = 5 * 60 * 1000;
} // namespace

MessageModel::MessageModel(const QString &room, QObject *parent)
    : AppListModel({{MessageIdRole, "messageId"},
                    {SenderIdRole, "senderId"},
                    {SenderNameRole, "senderName"},
                    {TextRole, "text"},
                    {TimestampRole, "timestamp"},
                    {OwnRole, "own"},
                    {DeliveryStatusRole, "deliveryStatus"},
                    {ShowSenderRole, "showSender"},
                    {DaySeparatorRole, "daySeparator"},
                    {FirstUnreadRole, "firstUnread"},
                    {LinksRole, "links"},
                    {SenderLabelRole, "senderLabel"},
                    {SecondaryNameRole, "secondaryName"},
                    {AvatarIndexRole, "avatarIndex"},
                    {InitialsRole, "initials"},
                    {LastOfRunRole, "lastOfRun"},
                    {RowKindRole, "rowKind"},
                    {RelayedByRole, "relayedBy"},
                    {EditedRole, "edited"},
                    {DeletedRole, "deleted"},
                    {ReactionsRole, "reactions"},
                    {ReplyToIdRole, "replyToId"},
                    {ReplyToSenderRole, "replyToSender"},
                    {ReplyToTextRole, "replyToText"},
                    {MentionsMeRole, "mentionsMe"},
                    {PictureSourceRole, "pictureSource"}},
                   parent)
    , m_room(room)
{}

QString MessageModel::dayLabel(const QDate &day, const QDate &today)
{
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    const QLocale locale;
    if (day < today && day > today.addDays(-7))
        return locale.dayName(day.dayOfWeek());
    if (day.year() == today.year())
        return locale.toString(day, QStringLiteral("dddd d MMMM"));
    return locale.toString(day, QStringLiteral("dddd d MMMM yyyy"));
}

bool MessageModel::startsRun(const ChatMessage &prev, const ChatMessage &m)
{
    // A gap marker ends a run, and a relayed message starts its own (its sender is only a claim).
    if (prev.gapMarker || m.gapMarker || prev.relayedBy != m.relayedBy)
        return true;
    if (prev.senderId != m.senderId || prev.senderName != m.senderName)
        return true;
    if (prev.timestamp.toLocalTime().date() != m.timestamp.toLocalTime().date())
        return true;
    return qAbs(prev.timestamp.msecsTo(m.timestamp)) > kRunGapMs;
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const int row = index.row();
    const ChatMessage &m = m_rows.at(row);
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return m.gapMarker ? gapText(m.timestamp, m.gapEnd, m.gapFilled) : m.text;
    case RowKindRole:
        return m.gapMarker ? QStringLiteral("gap") : QStringLiteral("message");
    case RelayedByRole:
        return m.relayedBy;
    case PictureSourceRole:
        return m.picture ? PictureStore::source(m.room.isEmpty() ? m_room : m.room, m.id) : QString();
    case MessageIdRole:
        return m.id;
    case SenderIdRole:
        return m.senderId;
    case SenderNameRole:
        return m.senderName;
    case SenderLabelRole:
        return SenderPolicy::label(m.senderId);
    case SecondaryNameRole:
        return (m.senderId.isEmpty() || m.senderName == m.senderId) ? QString() : m.senderName;
    case TimestampRole:
        return m.timestamp.toLocalTime();
    case OwnRole:
        return m.own;
    case DeliveryStatusRole:
        return deliveryStatusName(m.status);
    case ShowSenderRole:
        return !m.gapMarker && (row == 0 || startsRun(m_rows.at(row - 1), m));
    case LastOfRunRole:
        return !m.gapMarker && (row == m_rows.size() - 1 || startsRun(m, m_rows.at(row + 1)));
    case AvatarIndexRole:
        return Avatar::colourIndex(SenderPolicy::label(m.senderId));
    case InitialsRole:
        return Avatar::initials(SenderPolicy::label(m.senderId));
    case DaySeparatorRole: {
        const QDate day = m.timestamp.toLocalTime().date();
        if (row > 0 && m_rows.at(row - 1).timestamp.toLocalTime().date() == day)
            return QString();
        return dayLabel(day, QDate::currentDate());
    }
    case FirstUnreadRole:
        return m_hasFirstUnread && row == rowForKey(m_firstUnreadKey);
    case LinksRole:
        return m.gapMarker ? QStringList() : linksIn(m.text);
    case EditedRole:
        return m.edited;
    case DeletedRole:
        return m.deleted;
    case ReactionsRole: {
        QVariantList list;
        for (const MessageReaction &r : m.reactions)
            list.append(QVariantMap{{QStringLiteral("emoji"), r.emoji},
                                    {QStringLiteral("count"), int(r.users.size())},
                                    {QStringLiteral("users"), r.users},
                                    {QStringLiteral("mine"), r.mine}});
        return list;
    }
    case ReplyToIdRole:
        return m.replyTo.id;
    case ReplyToSenderRole:
        return m.replyTo.sender;
    case ReplyToTextRole:
        return m.replyTo.text;
    case MentionsMeRole:
        return m.mentionsMe;
    default:
        return {};
    }
}

void MessageModel::setCanLoadOlder(bool can)
{
    if (m_canLoadOlder == can)
        return;
    m_canLoadOlder = can;
    Q_EMIT canLoadOlderChanged();
}

QStringList MessageModel::linksIn(const QString &text)
{
    // The body stays plain text; links are found here, in C++, and offered next to it, so QML never
    // has to turn a message into markup. Computed on demand: only visible rows ask.
    static const QRegularExpression kLink(QStringLiteral("(https?://[^\\s<>\"']+)"),
                                          QRegularExpression::CaseInsensitiveOption);
    QStringList links;
    if (!text.contains(QLatin1StringView("://")))
        return links;
    auto it = kLink.globalMatch(text);
    while (it.hasNext()) {
        QString link = it.next().captured(1);
        // Sentence punctuation after a link is not part of it.
        while (!link.isEmpty() && QStringLiteral(".,;:!?)]}").contains(link.back()))
            link.chop(1);
        const QUrl url(link, QUrl::StrictMode);
        if (url.isValid() && !url.host().isEmpty() && !links.contains(link))
            links.append(link);
    }
    return links;
}

QList<ChatMessage> MessageModel::unseen(const QList<ChatMessage> &messages) const
{
    // Duplicates are dropped by id, against the rows and within the batch itself.
    QList<ChatMessage> fresh;
    fresh.reserve(messages.size());
    QSet<QString> seen;
    for (const ChatMessage &m : messages) {
        if (m_rowKeyById.contains(m.id) || seen.contains(m.id))
            continue;
        seen.insert(m.id);
        fresh.append(m);
    }
    return fresh;
}

int MessageModel::appendMessages(const QList<ChatMessage> &messages)
{
    QList<ChatMessage> fresh = unseen(messages);
    if (fresh.isEmpty())
        return 0;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    qint64 key = m_firstKey + first;
    for (ChatMessage &m : fresh) {
        m_rowKeyById.insert(m.id, key++);
        m_rows.append(std::move(m));
    }
    endInsertRows();
    // Only the first new row's neighbour-derived roles depend on the old last row; of the old rows
    // only the last one changes: it may no longer end its run.
    if (first > 0)
        emitRowChanged(first - 1, {LastOfRunRole});
    Q_EMIT countChanged();
    return int(fresh.size());
}

int MessageModel::prependMessages(const QList<ChatMessage> &messages)
{
    QList<ChatMessage> fresh = unseen(messages);
    if (fresh.isEmpty())
        return 0;
    const int n = int(fresh.size());
    const bool hadRows = !m_rows.isEmpty();
    beginInsertRows({}, 0, n - 1);
    m_firstKey -= n;
    qint64 key = m_firstKey;
    for (const ChatMessage &m : fresh)
        m_rowKeyById.insert(m.id, key++);
    m_rows = fresh + m_rows;
    endInsertRows();
    // The old first row may lose its sender header or day separator.
    if (hadRows)
        emitRowChanged(n, {ShowSenderRole, DaySeparatorRole});
    Q_EMIT countChanged();
    return n;
}

int MessageModel::rowOf(const QString &messageId) const
{
    const auto it = m_rowKeyById.constFind(messageId);
    return it == m_rowKeyById.cend() ? -1 : rowForKey(*it);
}

const ChatMessage &MessageModel::at(int row) const
{
    return m_rows.at(row);
}

bool MessageModel::setDeliveryStatus(const QString &messageId, DeliveryStatus status)
{
    const int row = rowOf(messageId);
    if (row < 0)
        return false;
    if (m_rows[row].status != status) {
        m_rows[row].status = status;
        emitRowChanged(row, {DeliveryStatusRole});
    }
    return true;
}

bool MessageModel::applyEdit(const QString &messageId, const QString &text)
{
    const int row = rowOf(messageId);
    if (row < 0 || m_rows.at(row).deleted || m_rows.at(row).gapMarker)
        return false;
    m_rows[row].text = text;
    m_rows[row].edited = true;
    emitRowChanged(row, {TextRole, Qt::DisplayRole, LinksRole, EditedRole});
    return true;
}

bool MessageModel::applyDelete(const QString &messageId)
{
    const int row = rowOf(messageId);
    if (row < 0 || m_rows.at(row).gapMarker)
        return false;
    ChatMessage &m = m_rows[row];
    m.text.clear();
    m.edited = false;
    m.deleted = true;
    m.reactions.clear();
    emitRowChanged(row, {TextRole, Qt::DisplayRole, LinksRole, EditedRole, DeletedRole, ReactionsRole});
    return true;
}

bool MessageModel::setReactions(const QString &messageId, const QList<MessageReaction> &reactions)
{
    const int row = rowOf(messageId);
    if (row < 0)
        return false;
    m_rows[row].reactions = reactions;
    emitRowChanged(row, {ReactionsRole});
    return true;
}

bool MessageModel::removeMessage(const QString &messageId)
{
    const int row = rowOf(messageId);
    if (row < 0)
        return false;
    const int divider = firstUnreadRow();
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_rowKeyById.remove(messageId);
    for (auto it = m_rowKeyById.begin(); it != m_rowKeyById.end(); ++it) {
        if (rowForKey(*it) > row)
            --*it;
    }
    if (divider == row)
        m_hasFirstUnread = row < m_rows.size();
    else if (divider > row)
        --m_firstUnreadKey;
    endRemoveRows();
    if (row < m_rows.size())
        emitRowChanged(row, {ShowSenderRole, DaySeparatorRole, FirstUnreadRole});
    if (row > 0)
        emitRowChanged(row - 1, {LastOfRunRole});
    Q_EMIT countChanged();
    return true;
}

void MessageModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rowKeyById.clear();
    m_firstKey = 0;
    m_hasFirstUnread = false;
    endResetModel();
    Q_EMIT countChanged();
}

QString MessageModel::gapText(const QDateTime &lostAt, const QDateTime &restoredAt, int filled)
{
    const QLocale locale;
    const QString window = QStringLiteral("%1–%2").arg(
        locale.toString(lostAt.toLocalTime().time(), QStringLiteral("HH:mm")),
        locale.toString(restoredAt.toLocalTime().time(), QStringLiteral("HH:mm")));
    if (filled <= 0)
        return tr("Disconnected %1 — some messages may be missing").arg(window);
    if (filled == 1)
        return tr("Disconnected %1 — 1 message filled from peers").arg(window);
    return tr("Disconnected %1 — %2 messages filled from peers").arg(window).arg(filled);
}

QString MessageModel::addGapMarker(const QDateTime &lostAt, const QDateTime &restoredAt)
{
    ChatMessage marker;
    marker.id = QStringLiteral("gap-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    marker.room = m_room;
    marker.gapMarker = true;
    marker.timestamp = lostAt.toUTC();
    marker.gapEnd = restoredAt.toUTC();
    appendMessage(marker);
    return marker.id;
}

int MessageModel::insertRelayed(const QString &gapId, const QList<ChatMessage> &messages)
{
    const int gapRow = rowOf(gapId);
    if (gapRow < 0 || !m_rows.at(gapRow).gapMarker)
        return 0;
    QList<ChatMessage> fresh = unseen(messages);
    std::stable_sort(fresh.begin(), fresh.end(),
                     [](const ChatMessage &a, const ChatMessage &b) { return a.timestamp < b.timestamp; });
    // Each goes after the marker and the relayed rows already filled in before its timestamp.
    for (const ChatMessage &m : std::as_const(fresh)) {
        int row = gapRow + 1;
        while (row < m_rows.size() && !m_rows.at(row).relayedBy.isEmpty() && !m_rows.at(row).gapMarker &&
               m_rows.at(row).timestamp <= m.timestamp)
            ++row;
        insertAt(row, {m});
    }
    if (!fresh.isEmpty()) {
        m_rows[gapRow].gapFilled += int(fresh.size());
        emitRowChanged(gapRow, {TextRole, Qt::DisplayRole});
    }
    return int(fresh.size());
}

void MessageModel::insertAt(int row, const QList<ChatMessage> &messages)
{
    if (row >= m_rows.size()) {
        appendMessages(messages);
        return;
    }
    const int n = int(messages.size());
    const qint64 firstKey = m_firstKey + row;
    beginInsertRows({}, row, row + n - 1);
    // Keys at or after the insertion point move down by n (O(rows): backfill is rare and bounded).
    for (auto it = m_rowKeyById.begin(); it != m_rowKeyById.end(); ++it) {
        if (*it >= firstKey)
            *it += n;
    }
    if (m_hasFirstUnread && m_firstUnreadKey >= firstKey)
        m_firstUnreadKey += n;
    for (int i = 0; i < n; ++i) {
        m_rows.insert(row + i, messages.at(i));
        m_rowKeyById.insert(messages.at(i).id, firstKey + i);
    }
    endInsertRows();
    // The row after the inserted ones may gain or lose its sender header or day separator.
    emitRowChanged(row + n, {ShowSenderRole, DaySeparatorRole});
    Q_EMIT countChanged();
}

void MessageModel::setUnreadDivider(int unreadCount)
{
    const int old = firstUnreadRow();
    const int row = (unreadCount > 0 && unreadCount <= m_rows.size()) ? int(m_rows.size()) - unreadCount
                    : unreadCount > m_rows.size()                     ? 0
                                                                      : -1;
    m_hasFirstUnread = row >= 0;
    m_firstUnreadKey = row >= 0 ? m_firstKey + row : -1;
    if (old == row)
        return;
    if (old >= 0)
        emitRowChanged(old, {FirstUnreadRole});
    if (row >= 0)
        emitRowChanged(row, {FirstUnreadRole});
}

int MessageModel::firstUnreadRow() const
{
    return m_hasFirstUnread ? rowForKey(m_firstUnreadKey) : -1;
}

void MessageModel::emitRowChanged(int row, const QList<int> &roles)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, roles);
}

} // namespace Hubbub
