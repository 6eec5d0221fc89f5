// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Pictures in rooms (issue 10): sends a picture the user pasted, dropped or picked as an
//! `image` envelope through the Outbox, and accepts received ones for the Inbox — validated from
//! the bytes alone (PictureCodec), stored in the PictureStore, shown through the app's image
//! provider (`image://hubbub/<room>/<id>`). Nothing is ever fetched from a URL in a payload.
//!
//! Identity as for messages: a picture is its fromUserId's; one that reuses the id of another
//! sender's message or picture is dropped and logged.
#pragma once

#include "messageenvelope.h"
#include "picturecodec.h"
#include "picturestore.h"

#include <QImage>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <optional>

namespace Hubbub {

class HistoryStore;
class Outbox;
class RoomDirectory;
struct LocalUser;

class Pictures : public QObject
{
    Q_OBJECT
public:
    //! `v` of the `image` kind.
    static constexpr int kVersion = 1;
    //! File names are cut to this many characters (plain text).
    static constexpr int kMaxNameLength = 100;
    //! A received envelope's `data` (base64) at most: the 1 MiB frame cannot carry more anyway.
    static constexpr int kMaxReceivedBase64 = 1024 * 1024;

    //! All pointers must outlive this. Registers the Outbox's envelope builder for pictures.
    Pictures(const HistoryStore *history, RoomDirectory *rooms, Outbox *outbox, const LocalUser *self,
             QObject *parent = nullptr);

    //! Sends the local file \a fileUrl (a file: URL or a path) to the current room.
    Q_INVOKABLE bool sendFile(const QUrl &fileUrl);
    //! Sends the clipboard's image to the current room; false when it holds none.
    Q_INVOKABLE bool sendClipboard();
    Q_INVOKABLE bool clipboardHasImage() const;
    //! Sends \a bytes (an image file's contents) named \a name to \a room.
    bool sendData(const QString &room, const QByteArray &bytes, const QString &name);
    bool sendImage(const QString &room, const QImage &image, const QString &name);

    //! An `image` envelope from \a fromUserId in \a room: validated and stored, it comes back as
    //! the Message the Inbox handles like any other (text = fallback, picture = true); nullopt
    //! when it is invalid, forged or for an unknown room (logged).
    std::optional<MessageEnvelope> accept(const QString &room, const QString &fromUserId,
                                          const QJsonObject &envelope);
    //! The stored picture (decoded again from its bytes); null when there is none.
    QImage image(const QString &room, const QString &id) const;
    //! The `image` envelope of a stored own picture message (for resending).
    std::optional<QJsonObject> envelopeFor(const ChatMessage &message) const;

    static QString fallbackText(const QString &name);
    static QString cleanName(const QString &name);

Q_SIGNALS:
    //! A picture could not be sent (not an image, too large...): a sentence for the user.
    void errorShown(const QString &message);

private:
    bool send(const QString &room, const PictureCodec::Encoded &encoded, const QString &name);

    const HistoryStore *m_history;
    PictureStore m_store;
    RoomDirectory *m_rooms;
    Outbox *m_outbox;
    const LocalUser *m_self;
};

} // namespace Hubbub
