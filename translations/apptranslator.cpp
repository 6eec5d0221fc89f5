// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "apptranslator.h"

#include <QCoreApplication>
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
}

AppTranslator::~AppTranslator()
{
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
