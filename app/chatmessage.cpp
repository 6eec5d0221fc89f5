// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "chatmessage.h"

namespace Hubbub {

QString deliveryStatusName(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Sending:
        return QStringLiteral("sending");
    case DeliveryStatus::Sent:
        return QStringLiteral("sent");
    case DeliveryStatus::Failed:
        return QStringLiteral("failed");
    case DeliveryStatus::Received:
        break;
    }
    return QStringLiteral("received");
}

DeliveryStatus deliveryStatusFromName(QStringView name)
{
    if (name == u"sending")
        return DeliveryStatus::Sending;
    if (name == u"sent")
        return DeliveryStatus::Sent;
    if (name == u"failed")
        return DeliveryStatus::Failed;
    return DeliveryStatus::Received;
}

} // namespace Hubbub
