// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The `pictures` table of a profile's history database: the encoded bytes of every picture
//! message (sent or received), keyed like the message (room, id), with the sender's userId.
//!
//! The message row itself (text fallback, picture flag) is the HistoryStore's; this side table
//! keeps the blobs out of the timeline queries. INSERT OR IGNORE: the first picture stored under
//! an id stays (a later one with the same id cannot replace it).
#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

#include <optional>

namespace Hubbub {

class HistoryStore;

class PictureStore
{
public:
    struct Picture
    {
        QString room;
        QString id;
        QString senderId;
        QString mime;
        QSize size;
        QString name;
        QByteArray bytes;
    };

    //! The URL QML shows a picture by: `image://hubbub/<room>/<id>`, both percent-encoded. Built
    //! from the local room and message id only, never from anything in a payload.
    static QString source(const QString &room, const QString &id);
    //! The provider's side: splits `<room>/<id>` (what follows `image://hubbub/`); false if malformed.
    static bool parseSource(const QString &providerId, QString *room, QString *id);

    //! Creates the table if needed; \a history must outlive this.
    explicit PictureStore(const HistoryStore *history);

    bool isOpen() const;
    //! False when (room, id) is already stored or on error.
    bool insert(const Picture &picture);
    std::optional<Picture> find(const QString &room, const QString &id) const;
    bool remove(const QString &room, const QString &id);

private:
    QString m_connectionName;
};

} // namespace Hubbub
