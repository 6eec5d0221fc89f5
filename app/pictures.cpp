// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "pictures.h"

#include "historystore.h"
#include "localuser.h"
#include "logging.h"
#include "outbox.h"
#include "roomdirectory.h"

#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMimeData>

namespace Hubbub {

Pictures::Pictures(const HistoryStore *history, RoomDirectory *rooms, Outbox *outbox, const LocalUser *self,
                   QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_store(history)
    , m_rooms(rooms)
    , m_outbox(outbox)
    , m_self(self)
{
    m_outbox->setEnvelopeBuilder([this](const ChatMessage &m) { return envelopeFor(m); });
}

QString Pictures::cleanName(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c.isPrint() || c == QLatin1Char(' '))
            out.append(c);
    }
    out = out.trimmed();
    if (out.size() > kMaxNameLength)
        out = out.left(kMaxNameLength - 1) + QChar(0x2026);
    return out;
}

QString Pictures::fallbackText(const QString &name)
{
    return name.isEmpty() ? QStringLiteral("[picture]") : QStringLiteral("[picture: %1]").arg(name);
}

bool Pictures::sendFile(const QUrl &fileUrl)
{
    // Only local files: a remote URL is never fetched.
    const QString path = fileUrl.isLocalFile()        ? fileUrl.toLocalFile()
                         : fileUrl.scheme().isEmpty() ? fileUrl.toString()
                                                      : QString();
    if (path.isEmpty()) {
        Q_EMIT errorShown(tr("Only local files can be sent as pictures."));
        return false;
    }
    QFile file(path);
    if (QFileInfo(path).size() > PictureCodec::kMaxInputBytes) {
        Q_EMIT errorShown(tr("The picture is too large (more than %1 MB).")
                              .arg(PictureCodec::kMaxInputBytes / (1024 * 1024)));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT errorShown(tr("Could not open %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    return sendData(m_rooms->current(), file.read(PictureCodec::kMaxInputBytes + 1),
                    QFileInfo(path).fileName());
}

bool Pictures::clipboardHasImage() const
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return false;
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    return data && data->hasImage();
}

bool Pictures::sendClipboard()
{
    if (!clipboardHasImage())
        return false;
    return sendImage(m_rooms->current(), QGuiApplication::clipboard()->image(), tr("pasted picture"));
}

bool Pictures::sendData(const QString &room, const QByteArray &bytes, const QString &name)
{
    return send(room, PictureCodec::encode(bytes), name);
}

bool Pictures::sendImage(const QString &room, const QImage &image, const QString &name)
{
    return send(room, PictureCodec::encodeImage(image), name);
}

bool Pictures::send(const QString &room, const PictureCodec::Encoded &encoded, const QString &rawName)
{
    if (!m_rooms->contains(room))
        return false;
    if (!encoded.ok()) {
        Q_EMIT errorShown(encoded.error);
        return false;
    }
    const QString name = cleanName(rawName);
    MessageEnvelope env = MessageEnvelope::chat(fallbackText(name), m_self->userName);
    env.picture = true;
    ChatMessage m = env.toChatMessage(room, m_self->userId, true);
    m.status = DeliveryStatus::Sending;
    // The bytes first: the message row refers to them.
    m_store.insert({room, m.id, m_self->userId, encoded.mime, encoded.size, name, encoded.bytes});
    const auto envelope = envelopeFor(m);
    return envelope && m_outbox->sendPrepared(m, *envelope);
}

std::optional<QJsonObject> Pictures::envelopeFor(const ChatMessage &m) const
{
    const auto p = m_store.find(m.room, m.id);
    if (!p)
        return std::nullopt;
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("image")},
                       {QStringLiteral("v"), kVersion},
                       {QStringLiteral("id"), m.id},
                       {QStringLiteral("sender"), m.senderName},
                       {QStringLiteral("ts"), m.timestamp.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("mime"), p->mime},
                       {QStringLiteral("width"), p->size.width()},
                       {QStringLiteral("height"), p->size.height()},
                       {QStringLiteral("name"), p->name},
                       {QStringLiteral("text"), fallbackText(p->name)},
                       {QStringLiteral("data"), QString::fromLatin1(p->bytes.toBase64())}};
}

std::optional<MessageEnvelope> Pictures::accept(const QString &room, const QString &fromUserId,
                                                const QJsonObject &json)
{
    if (!m_rooms->contains(room))
        return std::nullopt;
    const QString id = json.value(QLatin1String("id")).toString();
    const int version = json.value(QLatin1String("v")).toInt(kVersion);
    if (version > kVersion) {
        qCDebug(lcApp) << "picture of a newer version ignored:" << version;
        return std::nullopt;
    }
    const QString data = json.value(QLatin1String("data")).toString();
    if (id.isEmpty() || id.size() > 128 || data.isEmpty() || data.size() > kMaxReceivedBase64) {
        qCInfo(lcApp) << "picture dropped: no id, no data or too large, from" << fromUserId;
        return std::nullopt;
    }
    // Identity: an id already used by another sender (a message or a picture) is not theirs.
    const auto storedSender = m_history->senderOf(room, id);
    const auto stored = m_store.find(room, id);
    if ((storedSender && *storedSender != fromUserId) || (stored && stored->senderId != fromUserId)) {
        qCInfo(lcApp) << "picture dropped: id" << id << "belongs to another sender; from" << fromUserId;
        return std::nullopt;
    }
    const auto bytes =
        QByteArray::fromBase64Encoding(data.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    QString mime, error;
    // The bytes alone decide: never a URL, never the sender's mime, width or height.
    const QImage image = bytes ? PictureCodec::decodeReceived(*bytes, &mime, &error) : QImage();
    if (image.isNull()) {
        qCInfo(lcApp) << "picture dropped from" << fromUserId << ":"
                      << (bytes ? error : QStringLiteral("bad base64"));
        return std::nullopt;
    }
    const QString name = cleanName(json.value(QLatin1String("name")).toString());
    if (!stored)
        m_store.insert({room, id, fromUserId, mime, image.size(), name, *bytes});
    MessageEnvelope env;
    env.kind = MessageEnvelope::Kind::Message;
    env.id = id;
    env.text = fallbackText(name);
    env.sender = json.value(QLatin1String("sender")).toString();
    env.timestamp = QDateTime::fromString(json.value(QLatin1String("ts")).toString(), Qt::ISODateWithMs);
    env.picture = true;
    return env;
}

QImage Pictures::image(const QString &room, const QString &id) const
{
    const auto p = m_store.find(room, id);
    return p ? PictureCodec::decodeReceived(p->bytes) : QImage();
}

} // namespace Hubbub
