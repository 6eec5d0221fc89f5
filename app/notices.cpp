// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "notices.h"

#include "datamessage.h"
#include "logging.h"
#include "notificationpolicy.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QJsonObject>
#include <QUuid>

namespace Hubbub {

Notices::Notices(const HistoryStore *history, NotificationPolicy *notifications, QObject *parent)
    : QObject(parent)
    , m_store(history)
    , m_notifications(notifications)
    , m_model(new NoticeModel(this))
{
    m_model->reset(m_store.latest(NoticeModel::kMaxRows));
    m_unread = m_store.unreadCount();
}

void Notices::setOpen(bool open)
{
    if (m_open == open)
        return;
    m_open = open;
    if (open)
        markRead();
    Q_EMIT openChanged();
}

void Notices::markRead()
{
    if (m_unread == 0)
        return;
    m_store.markAllRead();
    m_unread = 0;
    Q_EMIT unreadCountChanged();
}

bool Notices::inView() const
{
    if (!m_open)
        return false;
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        const auto state = QGuiApplication::applicationState();
        return state != Qt::ApplicationHidden && state != Qt::ApplicationSuspended;
    }
    return true;
}

QString Notices::displayText(const WebPubSub::Payload &payload)
{
    using WebPubSub::DataType;
    QString text;
    switch (payload.dataType()) {
    case DataType::Text:
        text = payload.text();
        break;
    case DataType::Json: {
        const QJsonValue json = payload.json();
        const QJsonValue inner = json.toObject().value(QLatin1String("text"));
        text = json.isObject() && inner.isString() ? inner.toString() : payload.text();
        break;
    }
    case DataType::Binary:
    case DataType::Protobuf:
        return tr("[binary, %1 bytes]").arg(payload.bytes().size());
    }
    // NULs would cut the text in some views; everything else is shown as plain text.
    text.remove(QChar(0));
    if (text.size() > kMaxTextLength)
        text = text.left(kMaxTextLength - 1) + QChar(0x2026);
    return text;
}

void Notices::receive(const WebPubSub::ServerMessage &message, const QString &connectionId)
{
    Notice notice;
    // Under the reliable protocol a redelivered message keeps its sequence id on its connection;
    // a new connection starts counting again, hence the connection id in the key.
    notice.id = message.sequenceId && !connectionId.isEmpty()
                    ? connectionId + QLatin1Char('/') + QString::number(*message.sequenceId)
                    : QUuid::createUuid().toString(QUuid::WithoutBraces);
    notice.text = displayText(message.payload);
    notice.dataType = WebPubSub::dataTypeName(message.payload.dataType());
    notice.sequenceId = message.sequenceId;
    notice.receivedAt =
        message.receivedAt.isValid() ? message.receivedAt.toUTC() : QDateTime::currentDateTimeUtc();
    const bool seen = inView();
    notice.read = seen;
    // The model follows the store: only what was new there (not a redelivery) is shown.
    bool fresh = true;
    if (m_store.isOpen()) {
        fresh = m_store.insert(notice);
    } else {
        for (int row = 0; fresh && row < m_model->count(); ++row)
            fresh = m_model->at(row).id != notice.id;
    }
    if (!fresh) {
        qCDebug(lcApp) << "server notice" << notice.id << "already stored, dropped";
        return;
    }
    m_model->append(notice);
    if (!seen) {
        ++m_unread;
        Q_EMIT unreadCountChanged();
    }
    m_notifications->considerNotice(notice.text, seen);
    Q_EMIT noticeAdded(notice.id);
}

} // namespace Hubbub
