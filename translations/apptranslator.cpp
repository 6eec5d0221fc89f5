// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "apptranslator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>

// Debug output only on request (QT_LOGGING_RULES), like the other hubbub.app categories.
Q_LOGGING_CATEGORY(lcTranslations, "hubbub.app.translations", QtInfoMsg)

namespace Hubbub {

AppTranslator::AppTranslator(const QLocale &locale)
{
    // QTranslator::load(QLocale, …) tries each of the locale's UI languages in order (de_AT, de,
    // …), so a regional variant falls back to the language's file.
    if (!m_translator.load(locale, QStringLiteral("hubbub"), QStringLiteral("_"), directory())) {
        qCDebug(lcTranslations) << "no translation for" << locale.uiLanguages();
        return;
    }
    m_installed = QCoreApplication::installTranslator(&m_translator);
    qCDebug(lcTranslations) << "installed" << m_translator.language() << "for" << locale.uiLanguages();
    // Qt's catalogue for the same language ("qt_de.qm" pulls in qtbase, qtdeclarative, …); not for
    // a language the app itself does not speak, so that a window never mixes two languages.
    const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (m_qtTranslator.load(QLocale(m_translator.language()), QStringLiteral("qt"), QStringLiteral("_"),
                            qtDirectory))
        m_qtInstalled = QCoreApplication::installTranslator(&m_qtTranslator);
    else
        qCDebug(lcTranslations) << "no Qt translation for" << m_translator.language() << "in" << qtDirectory;
}

AppTranslator::~AppTranslator()
{
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qtTranslator);
    if (m_installed)
        QCoreApplication::removeTranslator(&m_translator);
}

QString AppTranslator::language() const
{
    return m_installed ? m_translator.language() : QString();
}

QString AppTranslator::directory()
{
    return QStringLiteral(":/i18n");
}

} // namespace Hubbub
