// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The Quit action's path (QuitSequence) in process: a message just sent is acknowledged before the
// connection closes, the others hear the goodbye at once, the client and the embedded state stop,
// and finished() comes well within the 5 s a quit may take.
#include "appcontroller.h"
#include "apptestcase.h"
#include "client.h"
#include "historystore.h"
#include "quitsequence.h"
#include "service.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace std::chrono_literals;

namespace {
const auto kRoom = QStringLiteral("lobby");
constexpr int kTimeout = 20000;
} // namespace

class TestQuitSequence : public HubbubTest::AppTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void quitSendsGoodbyeAndFlushesTheOutbox()
    {
        AppController alice(m_hub.freshOptions(QStringLiteral("alice")));
        AppController bob(m_hub.freshOptions(QStringLiteral("bob")));
        alice.start();
        bob.start();
        QTRY_VERIFY_WITH_TIMEOUT(alice.connection()->isConnected() && bob.connection()->isConnected(),
                                 kTimeout);
        alice.joinRoom(kRoom);
        bob.joinRoom(kRoom);
        QTRY_COMPARE_WITH_TIMEOUT(bob.directory()->openMembers(kRoom)->presence(QStringLiteral("alice")),
                                  MemberModel::Presence::Online, kTimeout);

        QuitSequence quit(&alice);
        quit.setExitApplication(false);
        QSignalSpy finished(&quit, &QuitSequence::finished);
        // The Quit action asks; whoever runs the application (app/main.cpp) runs the sequence.
        connect(&alice, &AppController::quitRequested, &quit, [&quit]() { quit.start(0); });

        QVERIFY(alice.sendMessage(QStringLiteral("last words")));
        const QString id = alice.directory()->openMessages(kRoom)->at(0).id;
        QElapsedTimer timer;
        timer.start();
        alice.quit();
        QVERIFY(quit.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(finished.at(0).at(0).toInt(), 0);

        // Sent and acknowledged before the connection closed.
        QCOMPARE(alice.history()->pendingOwn().size(), 0);
        QVERIFY(alice.outboxIds().isEmpty());
        // Closed, with the goodbye ahead of the close: bob sees her leave without waiting for
        // her heartbeats to expire (75 s here).
        QCOMPARE(alice.connection()->client()->state(), WebPubSub::Client::State::Stopped);
        QTRY_COMPARE_WITH_TIMEOUT(bob.directory()->openMembers(kRoom)->presence(QStringLiteral("alice")),
                                  MemberModel::Presence::Offline, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(bob.directory()->openMessages(kRoom)->contains(id), kTimeout);

        // A second request is ignored.
        quit.start(0);
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestQuitSequence)

#include "tst_quitsequence.moc"
