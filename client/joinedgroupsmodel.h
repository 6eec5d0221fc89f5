// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The groups a Client joined (Client::groups()), as a list model that changes row by row
//! so views keep their selection when a group is joined or left. The client
//! (ClientListModel::client) feeds it through Client::groupsChanged.
#pragma once

#include "clientlistmodel.h"

#include <QStringList>

namespace WebPubSub {

class WEBPUBSUB_EXPORT JoinedGroupsModel : public ClientListModel
{
    Q_OBJECT
public:
    enum Roles {
        NameRole = Qt::UserRole + 1, //!< the group's name
    };
    Q_ENUM(Roles)

    explicit JoinedGroupsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    QMetaObject::Connection follow(Client *client) override;
    void clientReplaced() override { sync(); }

private:
    void sync();

    QStringList m_groups;
};

} // namespace WebPubSub
