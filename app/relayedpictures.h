// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Pictures in backfill answers (docs/message-envelope.md, "Gaps and backfill"): the answerer
//! puts each picture message it relays, with its bytes, in a `backfill` answer of its own, so every
//! frame stays under the service's 1 MB frame limit as the `image` kind does; the asker checks the
//! bytes alone (PictureCodec, like a live picture) and stores them (PictureStore) as the picture of
//! the relayed message.
//!
//! A picture that cannot go this way (its bytes are not stored, or larger than a picture Hubbub
//! sends may be, or more pictures than kMaxPerAnswer in one answer) is relayed as its text
//! fallback "[picture: name]", as is one whose bytes the asker refuses.
#pragma once

#include "chatmessage.h"
#include "messageenvelope.h"
#include "picturecodec.h"
#include "picturestore.h"

#include <QJsonObject>

#include <optional>

namespace Hubbub {

class HistoryStore;

class RelayedPictures
{
public:
    //! Pictures relayed with their bytes per backfill request: each is a frame of up to ~830 KB.
    static constexpr int kMaxPerAnswer = 20;
    //! One picture answer, serialized, at most: the largest picture Hubbub sends (its base64) and
    //! room for the envelope, as the `image` kind; with the sendToGroup frame around it well under
    //! 1 MiB (tests/chat/tst_relayedpictures.cpp checks the worst case).
    static constexpr qsizetype kMaxAnswerBytes = PictureCodec::kMaxDataBase64 + 32 * 1024;

    //! \a history may be null or closed: then every picture goes as text.
    explicit RelayedPictures(const HistoryStore *history);

    //! A `backfill` answer to \a requestId carrying the stored picture message \a m alone, with its
    //! bytes; nullopt when it must go as text instead.
    std::optional<MessageEnvelope> answerFor(const QString &requestId, const ChatMessage &m) const;
    //! Checks the relayed \a image of \a m (sender and id already checked by Backfill) and stores
    //! it as \a m's picture: true when \a m is a picture now (its text the fallback).
    bool accept(ChatMessage &m, const QJsonObject &image);

private:
    std::optional<PictureStore> m_store;
};

} // namespace Hubbub
