// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief One server notice as the app keeps it: what an app server sent (sendToAll, sendToUser,
//! sendToConnection), reduced to plain display text; never attributed to a room member.
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Hubbub {

struct Notice
{
    //! The dedupe key: `<connectionId>/<sequenceId>` under the reliable protocol (a redelivered
    //! server message keeps its sequence id within its connection), else a fresh UUID.
    QString id;
    QString text;     //!< plain text, bounded (Notices::displayText())
    QString dataType; //!< `text`, `json`, `binary` or `protobuf`
    std::optional<quint64> sequenceId;
    QDateTime receivedAt; //!< UTC
    bool read = false;
};

} // namespace Hubbub
