// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Installs the app's translation for a locale (by default the system's: LANGUAGE, LC_ALL,
//! LC_MESSAGES, LANG) into the application, for tr() in C++ and qsTr() in QML, for as long as it
//! lives. The app's translations are embedded (translations/CMakeLists.txt); Qt's own (the command
//! line help, standard dialogs: Debian's qt6-translations-l10n) are installed too when present.
#pragma once

#include <QLocale>
#include <QString>
#include <QTranslator>

namespace Hubbub {

class AppTranslator
{
public:
    //! Needs the QCoreApplication. English (the source language) or a language without a
    //! translation installs nothing.
    explicit AppTranslator(const QLocale &locale = QLocale::system());
    ~AppTranslator();
    AppTranslator(const AppTranslator &) = delete;
    AppTranslator &operator=(const AppTranslator &) = delete;

    //! Whether a translation was found and installed.
    bool isInstalled() const { return m_installed; }
    //! Whether Qt's own translation for the language was found and installed.
    bool isQtInstalled() const { return m_qtInstalled; }
    //! The installed translation's language, e.g. "de"; empty if none.
    QString language() const;

    //! Where the .qm files are: ":/i18n".
    static QString directory();

private:
    QTranslator m_translator;
    QTranslator m_qtTranslator;
    bool m_installed = false;
    bool m_qtInstalled = false;
};

} // namespace Hubbub
