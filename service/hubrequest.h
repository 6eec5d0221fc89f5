// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief One authorized REST request on a hub (`/api/hubs/{hub}/...`, protocol.md §6), read once:
//! method, path segments after the hub, query parameters, the `filter` and `excluded` that narrow
//! its targets; and the operations several resources share (send to, close) on the hub's registry.
#pragma once

#include "filterparser.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QList>
#include <QStringList>
#include <QUrlQuery>

#include <optional>
#include <variant>

namespace Hubbub {

class ClientConnection;
class HubRegistry;

class HubRequest
{
public:
    using Method = QHttpServerRequest::Method;

    //! The request, or the 400 answer of an invalid `filter`.
    static std::variant<HubRequest, QHttpServerResponse> read(const QHttpServerRequest &request,
                                                              const QString &hub, const QStringList &segments,
                                                              HubRegistry *hubs);

    const QHttpServerRequest &request() const { return *m_request; }
    Method method() const { return m_request->method(); }
    const QString &hub() const { return m_hub; }
    //! The path segments after the hub (`users`, `{user}`, `:send`, ...).
    const QStringList &segments() const { return m_segments; }
    qsizetype size() const { return m_segments.size(); }
    //! Segment \a i, empty beyond the path.
    QString segment(qsizetype i) const { return m_segments.value(i); }
    const QUrlQuery &query() const { return m_query; }
    //! Query parameter \a name, decoded.
    QString param(const QString &name) const;
    HubRegistry &hubs() const { return *m_hubs; }

    //! \a candidates less the `excluded` ones and those the `filter` does not match.
    QList<ClientConnection *> selected(const QList<ClientConnection *> &candidates) const;
    //! Sends the body to \a targets, as a group message of \a group or a server message: 202.
    QHttpServerResponse send(const QList<ClientConnection *> &targets,
                             const std::optional<QString> &group) const;
    //! Closes \a targets with the `reason` parameter: 204.
    QHttpServerResponse closeAll(const QList<ClientConnection *> &targets) const;
    //! 404 "Connection '…' does not exist."
    static QHttpServerResponse noSuchConnection(const QString &connectionId);

private:
    HubRequest() = default;

    const QHttpServerRequest *m_request = nullptr;
    QString m_hub;
    QStringList m_segments;
    QUrlQuery m_query;
    std::optional<FilterExpression> m_filter;
    HubRegistry *m_hubs = nullptr;
};

} // namespace Hubbub
