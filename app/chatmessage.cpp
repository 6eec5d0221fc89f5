// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "chatmessage.h"

#include "enumnames.h"

namespace Hubbub {

namespace {
const EnumName<DeliveryStatus> kStatusNames[] = {{DeliveryStatus::Sending, "sending"},
                                                 {DeliveryStatus::Sent, "sent"},
                                                 {DeliveryStatus::Failed, "failed"},
                                                 {DeliveryStatus::Received, "received"}};
} // namespace

QString deliveryStatusName(DeliveryStatus status)
{
    return enumName(kStatusNames, status, "received");
}

DeliveryStatus deliveryStatusFromName(QStringView name)
{
    return enumFromName(kStatusNames, name, DeliveryStatus::Received);
}

} // namespace Hubbub
