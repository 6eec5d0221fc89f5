// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file operationresult.h
//! \brief What a join, leave, send, event or invoke resolves to: the ack, or an error.
#pragma once

#include "error.h"
#include "payload.h"

#include <optional>

namespace WebPubSub {

struct OperationResult
{
    std::optional<quint64> ackId;   //!< the ackId used (all attempts share it); empty for fire-and-forget
    bool isDuplicated = false;      //!< the service answered `Duplicate`: it had already processed this ackId
    Error error;                    //!< error.isError() when the operation failed
    QString invocationId;           //!< invoke only
    std::optional<Payload> payload; //!< invoke only: the response's data, if any

    bool ok() const { return !error.isError(); }
};

} // namespace WebPubSub

Q_DECLARE_METATYPE(WebPubSub::OperationResult)
