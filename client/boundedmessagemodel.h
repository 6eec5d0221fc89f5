// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file boundedmessagemodel.h
//! \brief BoundedMessageModel: the base of the message models (GroupMessageModel,
//! ServerMessageModel): messages a Client received, newest last, capped at `maxMessages` so a busy
//! client cannot grow memory forever.
#pragma once

#include "clientlistmodel.h"

#include <cstddef>

namespace WebPubSub {

class WEBPUBSUB_EXPORT BoundedMessageModel : public ClientListModel
{
    Q_OBJECT
    //! The most messages kept; the oldest go first. 0 = unlimited.
    Q_PROPERTY(int maxMessages READ maxMessages WRITE setMaxMessages NOTIFY maxMessagesChanged)
public:
    int maxMessages() const { return m_max; }
    void setMaxMessages(int max);
    //! Drops every message kept (shown or not).
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void maxMessagesChanged();

protected:
    explicit BoundedMessageModel(QObject *parent = nullptr);
    //! Whether \a kept messages are more than maxMessages.
    bool overCap(std::size_t kept) const { return m_max > 0 && kept > std::size_t(m_max); }
    //! Drops the oldest messages beyond maxMessages; true (and countChanged) when that removed rows.
    virtual bool trim() = 0;
    //! Whether no message is kept, shown or not.
    virtual bool keepsNone() const = 0;
    //! Drops every message kept; clear() wraps it in a model reset.
    virtual void dropAll() = 0;

private:
    int m_max = 10000;
};

} // namespace WebPubSub
