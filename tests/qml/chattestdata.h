// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Real search and drafts objects for the Qt Quick tests of the chat features (search popup,
//! composer drafts), each over its own history database in a temporary folder (`chatTestData`).
#pragma once

#include <QObject>
#include <QVariantList>

class ChatTestData : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    //! A MessageSearch over a history holding \a messages, maps {room (default "general"), id,
    //! sender, text, minutesAgo}; every room named is joined. Its results are checked by a
    //! QAbstractItemModelTester.
    Q_INVOKABLE QObject *messageSearch(const QVariantList &messages);
    //! A Drafts over an empty history (writes at once: no debounce).
    Q_INVOKABLE QObject *drafts();
};
