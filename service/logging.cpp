// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "logging_p.h"

Q_LOGGING_CATEGORY(lcService, "hubbub.service", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServiceClient, "hubbub.service.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServiceRest, "hubbub.service.rest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServiceUpstream, "hubbub.service.upstream", QtInfoMsg)
