// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Points HOME and the XDG folders at a fresh temporary directory before the application
//! object exists, so profiles, history, settings and the local service's key stay per test run.
#pragma once

#include <QTemporaryDir>

class IsolatedHome
{
public:
    IsolatedHome();

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};
