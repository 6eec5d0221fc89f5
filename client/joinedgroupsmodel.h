// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The groups a Client joined (Client::groups()), as a list model that changes row by row
//! so views keep their selection when a group is joined or left.
#pragma once

#include "webpubsub_export.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>

namespace WebPubSub {

class Client;

class WEBPUBSUB_EXPORT JoinedGroupsModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(WebPubSub::Client *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles {
        NameRole = Qt::UserRole + 1, //!< the group's name
    };
    Q_ENUM(Roles)

    explicit JoinedGroupsModel(QObject *parent = nullptr);

    Client *client() const { return m_client; }
    void setClient(Client *client);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void clientChanged();
    void countChanged();

private:
    void sync();

    QPointer<Client> m_client;
    QMetaObject::Connection m_connection;
    QStringList m_groups;
};

} // namespace WebPubSub
