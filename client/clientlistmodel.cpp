// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "clientlistmodel.h"

#include "client.h"

namespace WebPubSub {

ClientListModel::ClientListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

Client *ClientListModel::client() const
{
    return m_client;
}

void ClientListModel::setClient(Client *client)
{
    if (m_client == client)
        return;
    QObject::disconnect(m_connection);
    m_client = client;
    m_connection = client ? follow(client) : QMetaObject::Connection();
    clientReplaced();
    Q_EMIT clientChanged();
}

bool ClientListModel::isRow(const QModelIndex &index) const
{
    return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
}

} // namespace WebPubSub
