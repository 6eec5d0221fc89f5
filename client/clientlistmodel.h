// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file clientlistmodel.h
//! \brief ClientListModel: the base of the library's list models that follow one Client
//! (GroupMessageModel, ServerMessageModel, JoinedGroupsModel).
//!
//! It holds the `client` and `count` properties, so that each model only says which of the
//! client's signals feeds it and what its rows are.
#pragma once

#include "webpubsub_export.h"

#include <QAbstractListModel>
#include <QPointer>

namespace WebPubSub {

class Client;

class WEBPUBSUB_EXPORT ClientListModel : public QAbstractListModel
{
    Q_OBJECT
    //! The client that feeds this model (null = none: a message model is then fed by append() only).
    Q_PROPERTY(WebPubSub::Client *client READ client WRITE setClient NOTIFY clientChanged)
    //! The number of rows (rowCount()).
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    Client *client() const;
    void setClient(Client *client);

Q_SIGNALS:
    void clientChanged();
    void countChanged();

protected:
    explicit ClientListModel(QObject *parent = nullptr);
    //! Connects the signal of \a client (not null) that feeds this model; setClient() cuts the
    //! connection when the client changes.
    virtual QMetaObject::Connection follow(Client *client) = 0;
    //! Called by setClient() after follow() and before clientChanged (a model showing the client's
    //! state re-reads it here).
    virtual void clientReplaced() {}
    //! Whether \a index is one of this flat model's rows: the guard at the top of data().
    bool isRow(const QModelIndex &index) const;

private:
    QPointer<Client> m_client;
    QMetaObject::Connection m_connection;
};

} // namespace WebPubSub
