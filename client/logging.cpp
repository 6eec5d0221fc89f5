// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "logging_p.h"

namespace WebPubSub {
Q_LOGGING_CATEGORY(lcClient, "hubbub.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProtocol, "hubbub.client.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSocket, "hubbub.client.socket", QtInfoMsg)
} // namespace WebPubSub
