// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Issue 10, feature 7: drafts. What was typed and not sent stays per room, across room switches and
// restarts (the history database's drafts table); writes are debounced and flushed on a room
// switch and on quit; sending clears the room's draft; an empty draft leaves no row.
#include "appcontroller.h"
#include "apptestcase.h"
#include "drafts.h"
#include "historystore.h"
#include "inprocessapp.h"
#include "quitsequence.h"

#include <QQuickWindow>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <optional>

using namespace Hubbub;
using namespace std::chrono_literals;

namespace {
constexpr int kTimeout = 20000;

// The draft row of \a room as another connection to the file sees it (what a restart would read).
std::optional<QString> storedDraft(const QString &path, const QString &room)
{
    HistoryStore reader(path);
    QSqlQuery q(QSqlDatabase::database(reader.connectionName(), false));
    q.prepare(QStringLiteral("SELECT text FROM drafts WHERE room = ?"));
    q.addBindValue(room);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return std::nullopt;
}
} // namespace

class TestDrafts : public HubbubTest::AppTestCase
{
    Q_OBJECT

    // Alice on \a profile; on a new profile she joins rooms "a" and "b" (then "b" is current).
    std::unique_ptr<AppController> app(const QString &profile, bool join = true)
    {
        auto a = std::make_unique<AppController>(m_hub.options(QStringLiteral("alice"), profile));
        if (join) {
            a->joinRoom(QStringLiteral("a"));
            a->joinRoom(QStringLiteral("b"));
        }
        return a;
    }

private Q_SLOTS:
    void perRoomAcrossSwitchesAndRestart()
    {
        const QString profile = m_hub.freshProfile(QStringLiteral("alice"));
        {
            auto alice = app(profile);
            Drafts *drafts = alice->drafts();
            QSignalSpy changed(drafts, &Drafts::draftChanged);
            alice->selectRoom(QStringLiteral("a"));
            drafts->setText(QStringLiteral("a"), QStringLiteral("half a thought"));
            QCOMPARE(changed.count(), 1);
            QCOMPARE(drafts->pendingCount(), 1);
            // Switching rooms writes what is pending at once; each room keeps its own.
            alice->selectRoom(QStringLiteral("b"));
            QCOMPARE(drafts->pendingCount(), 0);
            QCOMPARE(storedDraft(alice->history()->path(), QStringLiteral("a")),
                     QStringLiteral("half a thought"));
            QCOMPARE(drafts->text(QStringLiteral("b")), QString());
            drafts->setText(QStringLiteral("b"), QStringLiteral("line one\nline two <b>"));
            alice->selectRoom(QStringLiteral("a"));
            QCOMPARE(drafts->text(QStringLiteral("a")), QStringLiteral("half a thought"));
            drafts->setText(QStringLiteral("a"), QStringLiteral("half a thought, finished"));
            // Quit with the last change still in its debounce: the destructor's shutdown flushes it.
            QCOMPARE(drafts->pendingCount(), 1);
        }
        auto alice = app(profile, false);
        QCOMPARE(alice->currentRoom(), QStringLiteral("a"));
        QCOMPARE(alice->drafts()->text(QStringLiteral("a")), QStringLiteral("half a thought, finished"));
        QCOMPARE(alice->drafts()->text(QStringLiteral("b")), QStringLiteral("line one\nline two <b>"));
        QVERIFY(alice->drafts()->hasDraft(QStringLiteral("b")));
        QVERIFY(!alice->drafts()->hasDraft(QStringLiteral("lobby")));
    }

    void writesAreDebounced()
    {
        auto alice = app(m_hub.freshProfile(QStringLiteral("alice")));
        Drafts *drafts = alice->drafts();
        drafts->setDebounce(300ms);
        const QString path = alice->history()->path();
        drafts->setText(QStringLiteral("a"), QStringLiteral("h"));
        drafts->setText(QStringLiteral("a"), QStringLiteral("he"));
        drafts->setText(QStringLiteral("a"), QStringLiteral("hey"));
        // Nothing written while typing; one write after the pause, with the last text.
        QCOMPARE(storedDraft(path, QStringLiteral("a")), std::nullopt);
        QCOMPARE(drafts->pendingCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(drafts->pendingCount(), 0, kTimeout);
        QCOMPARE(storedDraft(path, QStringLiteral("a")), QStringLiteral("hey"));
        // The same text again is no change.
        QSignalSpy changed(drafts, &Drafts::draftChanged);
        drafts->setText(QStringLiteral("a"), QStringLiteral("hey"));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(drafts->pendingCount(), 0);
    }

    void emptyDraftRemovesTheRow()
    {
        auto alice = app(m_hub.freshProfile(QStringLiteral("alice")));
        Drafts *drafts = alice->drafts();
        const QString path = alice->history()->path();
        drafts->setText(QStringLiteral("a"), QStringLiteral("x"));
        drafts->flush();
        QCOMPARE(storedDraft(path, QStringLiteral("a")), QStringLiteral("x"));
        drafts->setText(QStringLiteral("a"), QStringLiteral(" \n "));
        QVERIFY(!drafts->hasDraft(QStringLiteral("a")));
        drafts->flush();
        QCOMPARE(storedDraft(path, QStringLiteral("a")), std::nullopt);
        // No room, no draft.
        drafts->setText(QString(), QStringLiteral("nowhere"));
        QCOMPARE(drafts->pendingCount(), 0);
    }

    void sendingClearsTheDraft()
    {
        const QString profile = m_hub.freshProfile(QStringLiteral("alice"));
        auto bob = m_hub.startedApp(QStringLiteral("bob"));
        {
            auto alice = app(profile);
            alice->start();
            QVERIFY(HubbubTest::joinAll({alice.get(), bob.get()}, QStringLiteral("a"), kTimeout));
            Drafts *drafts = alice->drafts();
            drafts->setText(QStringLiteral("a"), QStringLiteral("ready to go"));
            drafts->setText(QStringLiteral("b"), QStringLiteral("not this one"));
            drafts->flush();
            QVERIFY(alice->sendMessageTo(QStringLiteral("a"), QStringLiteral("ready to go")));
            // Cleared at once, in memory and on disk (no debounce for a sent draft).
            QVERIFY(!drafts->hasDraft(QStringLiteral("a")));
            QCOMPARE(storedDraft(alice->history()->path(), QStringLiteral("a")), std::nullopt);
            QCOMPARE(drafts->text(QStringLiteral("b")), QStringLiteral("not this one"));
            // Whitespace is not sent and keeps the draft.
            drafts->setText(QStringLiteral("b"), QStringLiteral("not this one"));
            QVERIFY(!alice->sendMessageTo(QStringLiteral("b"), QStringLiteral("   ")));
            QVERIFY(drafts->hasDraft(QStringLiteral("b")));
            QTRY_COMPARE_WITH_TIMEOUT(bob->directory()->openMessages(QStringLiteral("a"))->count(), 1,
                                      kTimeout);
        }
        auto alice = app(profile, false);
        QVERIFY(!alice->drafts()->hasDraft(QStringLiteral("a")));
        QCOMPARE(alice->drafts()->text(QStringLiteral("b")), QStringLiteral("not this one"));
    }

    void composerInTheMainWindow()
    {
        // As a user: type in one room, switch, come back, quit, start again.
        const QString profile = m_hub.freshProfile(QStringLiteral("ui"));
        auto typeInto = [](QQuickWindow *window, const QString &text) {
            for (const QChar ch : text)
                QTest::keyClick(window, ch.toLatin1());
        };
        auto composerOf = [](QQmlApplicationEngine *engine) {
            auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
            return window->findChild<QObject *>(QStringLiteral("composer"));
        };
        {
            auto alice = app(profile);
            alice->selectRoom(QStringLiteral("a"));
            auto engine = InProcessApp::loadMainWindow(alice.get());
            QCOMPARE(engine->rootObjects().size(), 1);
            auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
            QVERIFY(QTest::qWaitForWindowExposed(window, 10000));
            window->requestActivate();
            QVERIFY(QTest::qWaitForWindowActive(window, 10000));
            QObject *composer = composerOf(engine.get());
            QVERIFY(composer);
            QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier); // focus the message field
            typeInto(window, QStringLiteral("for room a"));
            QCOMPARE(composer->property("text").toString(), QStringLiteral("for room a"));
            alice->selectRoom(QStringLiteral("b"));
            QCOMPARE(composer->property("text").toString(), QString());
            QCOMPARE(storedDraft(alice->history()->path(), QStringLiteral("a")),
                     QStringLiteral("for room a"));
            typeInto(window, QStringLiteral("for b"));
            alice->selectRoom(QStringLiteral("a"));
            QCOMPARE(composer->property("text").toString(), QStringLiteral("for room a"));
            // Sending through the composer clears the draft of its room only.
            QTest::keyClick(window, Qt::Key_Return);
            QTRY_COMPARE(composer->property("text").toString(), QString());
            QVERIFY(!alice->drafts()->hasDraft(QStringLiteral("a")));
            typeInto(window, QStringLiteral("next"));
            engine.reset();
        }
        auto alice = app(profile, false);
        auto engine = InProcessApp::loadMainWindow(alice.get());
        QCOMPARE(engine->rootObjects().size(), 1);
        QObject *composer = composerOf(engine.get());
        QCOMPARE(alice->currentRoom(), QStringLiteral("a"));
        QCOMPARE(composer->property("text").toString(), QStringLiteral("next"));
        alice->selectRoom(QStringLiteral("b"));
        QCOMPARE(composer->property("text").toString(), QStringLiteral("for b"));
    }

    void quitFlushesAPendingDebounce()
    {
        auto alice = app(m_hub.freshProfile(QStringLiteral("alice")));
        alice->start();
        QTRY_VERIFY_WITH_TIMEOUT(alice->connection()->isConnected(), kTimeout);
        Drafts *drafts = alice->drafts();
        drafts->setDebounce(1h);
        drafts->setText(QStringLiteral("b"), QStringLiteral("typed just before quitting"));
        const QString path = alice->history()->path();
        QCOMPARE(storedDraft(path, QStringLiteral("b")), std::nullopt);
        // The Quit action's path (QuitSequence, as for SIGTERM and closing the window).
        QuitSequence quit(alice.get());
        quit.setExitApplication(false);
        QSignalSpy finished(&quit, &QuitSequence::finished);
        quit.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QCOMPARE(drafts->pendingCount(), 0);
        QCOMPARE(storedDraft(path, QStringLiteral("b")), QStringLiteral("typed just before quitting"));
    }
};

QTEST_MAIN(TestDrafts)
#include "tst_drafts.moc"
