// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The one place that reads and creates the local service's access-key file, shared by
//! hubbub-service and the desktop app so that both always use the same key (and the same path).
//!
//! The key signs every token of the local service, so the file is readable by its owner only and
//! never exists with wider permissions, not even for a moment: it is written to a temporary file
//! created 0600 with O_EXCL, then linked into place (link() fails if another process got there
//! first, in which case that process's key wins and is read back).
#pragma once

#include <QString>

namespace Hubbub {

class AccessKeyFile
{
public:
    //! `<GenericConfigLocation>/hubbub/service-access-key`.
    static QString defaultPath();
    //! The key in \a path, if it holds a usable one (at least 32 characters, no ';').
    static QString read(const QString &path = defaultPath());
    //! The key in \a path; if there is none (or it is unusable) a new random one is generated and
    //! stored atomically with mode 0600. On a storage failure the generated key is still
    //! returned (valid for this run) and \a error says why.
    static QString readOrCreate(const QString &path = defaultPath(), QString *error = nullptr);
    //! A new random key: 44 URL-safe base64 characters (264 bits), no ';' or '='.
    static QString generate();
    //! Whether \a key can be used (at least 32 characters, no ';').
    static bool isUsable(const QString &key);
};

} // namespace Hubbub
