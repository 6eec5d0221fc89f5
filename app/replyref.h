// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What a reply names: the replied-to message's id, and the sender and first line of text
//! the replier saw (docs/message-envelope.md, "Replies").
//!
//! Everything in it is the replier's claim. A receiver shows the original from its own history
//! when it has it (ReplyResolver) and only falls back to this snippet, marked as not verified,
//! when it does not. The snippet is cleaned on the way in and out: one line, no control
//! characters, at most kMaxSnippet characters, plain text.
#pragma once

#include <QJsonObject>
#include <QString>

namespace Hubbub {

struct ReplyRef
{
    //! The longest snippet kept (characters, after cleaning).
    static constexpr int kMaxSnippet = 140;
    //! The longest sender claim kept.
    static constexpr int kMaxSender = 128;
    //! The longest id accepted (as for message ids).
    static constexpr int kMaxId = 128;

    QString id;     //!< the replied-to message's id, as the replier stores it
    QString sender; //!< the original's userId as the replier saw it (a claim)
    QString text;   //!< the original's first line, cleaned (a claim)

    bool isEmpty() const { return id.isEmpty(); }
    bool operator==(const ReplyRef &) const = default;

    //! `{"id":…,"sender":…,"text":…}`.
    QJsonObject toJson() const;
    //! The `replyTo` object of a received message: empty when it is not an object or has no usable
    //! id; sender and text are cleaned and cut whatever their size.
    static ReplyRef fromJson(const QJsonValue &value);
    //! The first non-empty line of \a text, control and format characters (bidi overrides,
    //! zero-width marks) removed, whitespace runs collapsed, at most kMaxSnippet characters (an
    //! ellipsis marks a cut).
    static QString cleanSnippet(QStringView text);
    //! \a sender on one line without control characters, at most kMaxSender characters.
    static QString cleanSender(QStringView sender);
};

} // namespace Hubbub
