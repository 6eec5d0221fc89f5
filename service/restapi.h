// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The data-plane REST API of protocol.md §6 (`/api/...`), `/negotiate` and health, on top
//! of the service's hub state.
#pragma once

#include "hubresources.h"
#include "requesthead.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QObject>

namespace Hubbub {

class ServicePrivate;

class RestApi : public QObject
{
    Q_OBJECT
public:
    explicit RestApi(ServicePrivate *service, QObject *parent = nullptr);

    QHttpServerResponse handle(const QHttpServerRequest &request);

    static const QStringList &supportedApiVersions();

    //! Why \a head carries no valid bearer token for its path (empty when it does):
    //! ConnectionRouter asks before it lets a request body be read, and says why it refused.
    QString headAuthorizationProblem(const RequestHead &head) const;

private:
    //! `/api/hubs/{hub}/...` once authorized: read, then handed to its resource.
    QHttpServerResponse handleHub(const QHttpServerRequest &request, const QString &hub,
                                  const QStringList &rest);
    QHttpServerResponse negotiate(const QHttpServerRequest &request);
    QHttpServerResponse joinPage(const QHttpServerRequest &request);
    std::optional<QHttpServerResponse> authorize(const QHttpServerRequest &request) const;
    //! Empty when \a authorization is a valid bearer token for \a path as addressed via \a host.
    QString bearerProblem(const QByteArray &authorization, const QByteArray &host, const QString &path) const;

    ServicePrivate *d;
    HubResources m_resources;
};

} // namespace Hubbub
