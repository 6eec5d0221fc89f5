// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "logging.h"

Q_LOGGING_CATEGORY(lcApp, "hubbub.app", QtInfoMsg)
