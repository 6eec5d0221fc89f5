// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file webpubsub_export.h
//! \brief WEBPUBSUB_EXPORT: marks what the WebPubSubQt6 library exports.
//!
//! The library is compiled with hidden visibility, so its ABI is exactly the classes and functions
//! that carry this macro (and Q_OBJECT classes need it for their staticMetaObject to be reachable
//! from outside the shared object). WEBPUBSUB_BUILDING is defined while the library itself is
//! compiled; WEBPUBSUB_STATIC by the targets of a static build.
#pragma once

#include <QtCore/qcompilerdetection.h>

#if defined(WEBPUBSUB_STATIC)
#define WEBPUBSUB_EXPORT
#elif defined(WEBPUBSUB_BUILDING)
#define WEBPUBSUB_EXPORT Q_DECL_EXPORT
#else
#define WEBPUBSUB_EXPORT Q_DECL_IMPORT
#endif
