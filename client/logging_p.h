// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file logging_p.h
//! \brief The client library's logging categories (enable with QT_LOGGING_RULES="hubbub.client*.debug=true").
#pragma once

#include <QLoggingCategory>

namespace WebPubSub {
Q_DECLARE_LOGGING_CATEGORY(lcClient)
Q_DECLARE_LOGGING_CATEGORY(lcProtocol)
Q_DECLARE_LOGGING_CATEGORY(lcSocket)
} // namespace WebPubSub
