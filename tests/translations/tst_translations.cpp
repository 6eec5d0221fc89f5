// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The German translation, with the system language set to German (LANGUAGE/LC_ALL in the test's
// environment): AppTranslator picks it from the system locale, the .ts file is complete, and the
// real main window (over an AppController on its embedded service) shows no English string that
// has a German translation: not in the window, the diagnostics panel, the shortcuts sheet, the
// connect dialog or the menu.
#include "inprocessapp.h"
#include "isolatedhome.h"
#include "quickitems.h"

#include "appcontroller.h"
#include "apptranslator.h"
#include "connectioncontroller.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; // one, or the plural forms
    QString type;             // "unfinished", "vanished", "obsolete" or empty
};

QList<TsMessage> readTsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    QString text;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::Characters) {
            text += xml.text();
        } else if (token == QXmlStreamReader::StartElement) {
            text.clear();
            if (xml.name() == QLatin1String("message"))
                messages.append(TsMessage{context, {}, {}, {}});
            else if (xml.name() == QLatin1String("translation") && !messages.isEmpty())
                messages.last().type = xml.attributes().value(QLatin1String("type")).toString();
        } else if (token == QXmlStreamReader::EndElement) {
            const auto name = xml.name();
            if (name == QLatin1String("name"))
                context = text;
            else if (name == QLatin1String("source") && !messages.isEmpty())
                messages.last().source = text;
            else if (name == QLatin1String("numerusform") && !messages.isEmpty())
                messages.last().translations.append(text);
            else if (name == QLatin1String("translation") && !messages.isEmpty() &&
                     messages.last().translations.isEmpty())
                messages.last().translations.append(text);
            text.clear();
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

//! The %1…%99 and %n placeholders of a text, sorted (a translation may reorder them).
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(?:\\d+|n)"));
    QStringList found;
    for (const auto &match : pattern.globalMatch(text))
        found.append(match.captured());
    found.sort();
    return found;
}

using HubbubTest::findItem;

//! Repeater- and delegate-made items have no QObject parent: walk the visible items.
void collectTexts(QQuickItem *item, QList<QPair<QString, QString>> *texts)
{
    if (!item || !item->isVisible())
        return;
    for (const char *name : {"text", "placeholderText", "title"}) {
        const QVariant value = item->property(name);
        if (value.typeId() == QMetaType::QString && !value.toString().isEmpty())
            texts->append({QString::fromLatin1(item->metaObject()->className()) + u'.' + QLatin1String(name),
                           value.toString()});
    }
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        collectTexts(child, texts);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tsFileComplete();
    void mainWindow();
    void diagnosticsPanel();
    void shortcutsSheet();
    void connectDialog();
    void mainMenu();

private:
    QQuickWindow *window() const;
    //! Fails on any visible English text that has a German translation; returns how many visible
    //! texts were German translations (so a scene that shows nothing translatable is noticed).
    int checkVisibleTexts();

    std::unique_ptr<Hubbub::AppTranslator> m_translator;
    QHash<QString, QString> m_german; // English source -> German, where they differ
    QSet<QString> m_germanTexts;
    std::unique_ptr<Hubbub::AppController> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

void TestTranslations::initTestCase()
{
    // The test's environment sets the system language; the app follows it.
    QCOMPARE(QLocale::system().language(), QLocale::German);
    m_translator = std::make_unique<Hubbub::AppTranslator>();
    QVERIFY(m_translator->isInstalled());
    QCOMPARE(m_translator->language(), QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate("MessageView", "Messages"), QStringLiteral("Nachrichten"));
    // Qt's own strings too (qt6-translations-l10n): --help's standard options, dialogs' buttons.
    QVERIFY(m_translator->isQtInstalled());
    QCOMPARE(QCoreApplication::translate("QCommandLineParser", "Displays version information."),
             QStringLiteral("Zeigt Versionsinformation an."));

    QString error;
    const QList<TsMessage> messages = readTsFile(QStringLiteral(HUBBUB_TS_FILE), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    for (const TsMessage &message : messages) {
        if (message.translations.size() == 1 && message.translations.first() != message.source) {
            m_german.insert(message.source, message.translations.first());
            m_germanTexts.insert(message.translations.first());
        }
    }

    m_app = std::make_unique<Hubbub::AppController>(
        InProcessApp::localOptions(QStringLiteral("alice"), QStringLiteral("translations")));
    InProcessApp::showAndConnect(m_engine, m_app.get(), QSize(1280, 800));
    if (QTest::currentTestFailed())
        return;
    m_app->joinRoom(QStringLiteral("general"));
    m_app->selectRoom(QStringLiteral("general"));
}

void TestTranslations::cleanupTestCase()
{
    m_engine.reset();
    m_app.reset();
    m_translator.reset();
}

void TestTranslations::tsFileComplete()
{
    QString error;
    const QList<TsMessage> messages = readTsFile(QStringLiteral(HUBBUB_TS_FILE), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const TsMessage &message : messages) {
        const QString where = message.context + QStringLiteral(": \"") + message.source + u'"';
        if (!message.type.isEmpty())
            problems.append(where + QStringLiteral(" is ") + message.type);
        const QStringList expected = placeholders(message.source);
        for (const QString &translation : message.translations) {
            if (translation.trimmed().isEmpty())
                problems.append(where + QStringLiteral(" has no translation"));
            // A plural form may leave out %n ("ein", not "1"), nothing else.
            QStringList found = placeholders(translation);
            QStringList wanted = expected;
            if (message.translations.size() > 1 && !found.contains(QStringLiteral("%n")))
                wanted.removeAll(QStringLiteral("%n"));
            if (found != wanted)
                problems.append(where + QStringLiteral(" -> \"") + translation +
                                QStringLiteral("\": placeholders ") + found.join(u' ') +
                                QStringLiteral(" instead of ") + wanted.join(u' '));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

int TestTranslations::checkVisibleTexts()
{
    QList<QPair<QString, QString>> texts;
    texts.append({QStringLiteral("window.title"), window()->title()});
    collectTexts(window()->contentItem(), &texts);
    QStringList english;
    int german = 0;
    for (const auto &[where, text] : std::as_const(texts)) {
        if (m_german.contains(text))
            english.append(where + QStringLiteral(": \"") + text + QStringLiteral("\" (should be \"") +
                           m_german.value(text) + QStringLiteral("\")"));
        else if (m_germanTexts.contains(text))
            ++german;
    }
    if (!english.isEmpty())
        qWarning().noquote() << "untranslated:\n" << english.join(u'\n');
    return english.isEmpty() ? german : -1;
}

void TestTranslations::mainWindow()
{
    QQuickItem *contentItem = window()->contentItem();
    QVERIFY(contentItem);
    // Wait for the banner and the room list to say what the connection and the room are.
    QTRY_VERIFY_WITH_TIMEOUT(checkVisibleTexts() >= 5, 10000);
    const int german = checkVisibleTexts();
    QVERIFY2(german >= 5, "untranslated strings in the main window (see the warning)");
    qInfo() << german << "German texts in the main window";
}

void TestTranslations::diagnosticsPanel()
{
    const int before = checkVisibleTexts();
    QVERIFY2(before >= 0, "untranslated strings in the main window (see the warning)");
    m_app->setDiagnosticsVisible(true);
    auto *panel = window()->findChild<QObject *>(QStringLiteral("diagnosticsPanel"));
    QVERIFY(panel);
    QTRY_VERIFY(panel->property("visible").toBool());
    // The panel's own labels ("Postausgang", "Zustandswechsel", …) add to the German texts.
    QTRY_VERIFY(checkVisibleTexts() > before);
    QVERIFY2(checkVisibleTexts() > before, "untranslated strings in the diagnostics panel (see the warning)");
    m_app->setDiagnosticsVisible(false);
    QTRY_VERIFY(!panel->property("visible").toBool());
}

void TestTranslations::shortcutsSheet()
{
    QObject *sheet = window()->findChild<QObject *>(QStringLiteral("shortcutsSheet"));
    QVERIFY(sheet);
    const int before = checkVisibleTexts();
    QVERIFY2(before >= 0, "untranslated strings in the main window (see the warning)");
    QTest::keyClick(window(), Qt::Key_F1);
    QTRY_VERIFY(sheet->property("opened").toBool());
    QTRY_VERIFY(checkVisibleTexts() > before);
    QVERIFY2(checkVisibleTexts() > before, "untranslated strings in the shortcuts sheet (see the warning)");
}

void TestTranslations::connectDialog()
{
    // Close the shortcuts sheet, then Ctrl+O opens the connect dialog.
    QObject *sheet = window()->findChild<QObject *>(QStringLiteral("shortcutsSheet"));
    QVERIFY(sheet);
    QTest::keyClick(window(), Qt::Key_Escape);
    QTRY_VERIFY(!sheet->property("visible").toBool());
    const int before = checkVisibleTexts();
    QVERIFY2(before >= 0, "untranslated strings in the main window (see the warning)");
    QTest::keyClick(window(), Qt::Key_O, Qt::ControlModifier);
    QTRY_VERIFY(checkVisibleTexts() > before);
    QVERIFY2(checkVisibleTexts() > before, "untranslated strings in the connect dialog (see the warning)");
    QTest::keyClick(window(), Qt::Key_Escape);
    QTRY_COMPARE(checkVisibleTexts(), before);
}

void TestTranslations::mainMenu()
{
    QQuickItem *button = findItem(window()->contentItem(), QStringLiteral("menuButton"));
    QVERIFY(button);
    const int before = checkVisibleTexts();
    QVERIFY2(before >= 0, "untranslated strings in the main window (see the warning)");
    QTest::mouseClick(window(), Qt::LeftButton, {},
                      button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint());
    QTRY_VERIFY(checkVisibleTexts() > before);
    QVERIFY2(checkVisibleTexts() > before, "untranslated strings in the menu (see the warning)");
    QTest::keyClick(window(), Qt::Key_Escape);
}

QQuickWindow *TestTranslations::window() const
{
    return m_engine->rootObjects().isEmpty() ? nullptr
                                             : qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
}

int main(int argc, char *argv[])
{
    return execInIsolatedHome<TestTranslations, QGuiApplication>(argc, argv, QStringLiteral("Hubbub"),
                                                                 QStringLiteral("hubbub-translations"));
}

#include "tst_translations.moc"
