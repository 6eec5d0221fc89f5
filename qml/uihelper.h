// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Small services the QML views need that are not app logic: the clipboard, and WebSocket
//! close codes in words for the diagnostics panel. A QML singleton (`UiHelper`), so the QML files
//! stay free of lookup tables and JavaScript.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace Hubbub::Ui {

class UiHelper : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit UiHelper(QObject *parent = nullptr);

    //! Puts \a text on the system clipboard (plain text only).
    Q_INVOKABLE void copyText(const QString &text) const;
    //! The avatar colour index (0..11) of \a userId: Avatar::colourIndex (FNV-1a of UTF-8, mod 12).
    Q_INVOKABLE static int avatarIndex(const QString &userId);
    //! One or two initials of \a userId (Avatar::initials).
    Q_INVOKABLE static QString initials(const QString &userId);
    //! What WebSocket close \a code means, in words a tester understands ("0" = no close yet).
    Q_INVOKABLE static QString closeCodeMeaning(int code);
    //! \a text as escaped StyledText with the mentions of \a userId in bold \a color
    //! (Mentions::highlighted): a message shown this way still reads literally.
    Q_INVOKABLE static QString highlightMentions(const QString &text, const QString &userId,
                                                 const QString &color);
    //! The userIds of \a members (a MemberModel) starting with \a prefix, case-insensitively,
    //! without \a exclude (the user), sorted: the composer's @-completion.
    Q_INVOKABLE static QStringList mentionCandidates(QObject *members, const QString &prefix,
                                                     const QString &exclude);
};

} // namespace Hubbub::Ui
