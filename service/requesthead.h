// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The routing-relevant part of an HTTP request head, as ConnectionRouter peeked it.
//!
//! Only what routing and the handshake check need (method, target, headers); the full request is
//! still parsed by QWebSocketServer or QHttpServer once the socket is handed over.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>

namespace Hubbub {

struct RequestHead
{
    QByteArray method;
    QUrl target;                                  //!< path and query only
    QList<QPair<QByteArray, QByteArray>> headers; //!< names lower-cased

    QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return h.second;
        }
        return {};
    }
    QString path() const { return target.path(QUrl::FullyDecoded); }
    QUrlQuery query() const { return QUrlQuery(target); }
    bool isWebSocketUpgrade() const { return header("upgrade").toLower().contains("websocket"); }
};

} // namespace Hubbub
