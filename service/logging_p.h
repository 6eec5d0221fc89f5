// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The logging categories of hubbub-service (`hubbub.service` and its sub-categories).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcService)
Q_DECLARE_LOGGING_CATEGORY(lcServiceClient)
Q_DECLARE_LOGGING_CATEGORY(lcServiceRest)
Q_DECLARE_LOGGING_CATEGORY(lcServiceUpstream)
