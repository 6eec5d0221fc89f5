// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "logging_p.h"

namespace WebPubSub {
// Warnings only by default: a library must not fill its host application's log. Turn them up
// with QT_LOGGING_RULES="hubbub.client*.debug=true" (or .info).
Q_LOGGING_CATEGORY(lcClient, "hubbub.client", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProtocol, "hubbub.client.protocol", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSocket, "hubbub.client.socket", QtWarningMsg)
} // namespace WebPubSub
