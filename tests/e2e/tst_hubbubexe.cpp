// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// End to end across processes: the real `hubbub` executable (offscreen, its own HOME), a real
// `hubbub-service` on a free port, and `hubbub-cli` as the other user. The app is driven through
// its profile, as a user's previous session would leave it: a joined room and two messages
// still waiting in the outbox. It must rejoin, send those (once, in order), and store what the
// other user says in its history.
#include "appprocess.h"
#include "cliprocess.h"
#include "isolatedhome.h"
#include "serviceprocess.h"

#include "chatmessage.h"
#include "historystore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

const QString kRoom = u"lobby"_s;
const QString kProfile = u"exe"_s;

//! Envelopes of \a kind that alice sent to the room, as the CLI saw them.
QList<QJsonObject> fromAlice(const CliProcess &cli, const QString &kind)
{
    return cli.envelopesFrom(u"alice"_s, kRoom, kind);
}

} // namespace

class TestHubbubExe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void resumesOutboxAndStoresReplies();

private:
    ServiceProcess m_service;
    CliProcess m_bob;
    AppProcess m_app;
};

void TestHubbubExe::initTestCase()
{
    QString error;
    QVERIFY2(m_service.start(QStringLiteral(HUBBUB_SERVICE_PATH), &error), qPrintable(error));
    QVERIFY(m_service.connectionString().contains(u"AccessKey="_s));
}

void TestHubbubExe::cleanupTestCase()
{
    m_app.stop();
    m_bob.finish();
}

void TestHubbubExe::resumesOutboxAndStoresReplies()
{
    // The profile as the last session left it: in #lobby, two messages not yet sent.
    QStringList pending;
    {
        Hubbub::HistoryStore store(Hubbub::HistoryStore::defaultPath(kProfile));
        QVERIFY2(store.isOpen(), qPrintable(store.lastError()));
        QVERIFY(store.saveRoom({kRoom, 0, false}));
        for (int i = 0; i < 2; ++i) {
            Hubbub::ChatMessage m;
            m.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            m.room = kRoom;
            m.senderId = m.senderName = u"alice"_s;
            m.text = u"written last session %1"_s.arg(i);
            m.timestamp = QDateTime::currentDateTimeUtc().addSecs(-60 + i);
            m.own = true;
            m.status = Hubbub::DeliveryStatus::Sending;
            QVERIFY(store.insert(m));
            pending.append(m.text);
        }
        QCOMPARE(store.pendingOwn().size(), 2);
    }

    // Started, and connected within 20 s.
    QVERIFY2(m_bob.startChatPeer(m_service.connectionString(), u"bob"_s), qPrintable(m_bob.errors()));
    m_bob.send({{u"op"_s, u"join"_s}, {u"group"_s, kRoom}, {u"id"_s, u"join"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(!m_bob.eventsNamed(u"result"_s).isEmpty(), 20000);
    QVERIFY(m_bob.eventsNamed(u"result"_s).constFirst().value(u"ok").toBool());

    // The real app, offscreen, with the same HOME/XDG folders as this test.
    QVERIFY(m_app.start(QStringLiteral(HUBBUB_APP_PATH), m_service.connectionString(), u"alice"_s, kProfile));

    // It rejoins #lobby, says it is here, and sends what was waiting: once each, in order.
    QTRY_VERIFY2_WITH_TIMEOUT(!fromAlice(m_bob, u"presence"_s).isEmpty(),
                              qPrintable(QString::fromUtf8(m_app.process().readAllStandardError())), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(fromAlice(m_bob, u"message"_s).size(), 2, 30000);
    QStringList texts;
    for (const QJsonObject &m : fromAlice(m_bob, u"message"_s))
        texts.append(m.value(u"text").toString());
    QCOMPARE(texts, pending);

    // Bob answers; the app keeps every line in its history (and the outbox is now empty).
    QStringList replies;
    for (int i = 0; i < 3; ++i) {
        replies.append(u"bob replies %1"_s.arg(i));
        m_bob.sendChatMessage(kRoom, replies.last(), u"bob"_s);
    }
    auto storedTexts = [] {
        Hubbub::HistoryStore store(Hubbub::HistoryStore::defaultPath(kProfile));
        QStringList out;
        const auto rows = store.latest(kRoom, 50);
        for (const Hubbub::ChatMessage &m : rows)
            out.append(m.text);
        return out;
    };
    QTRY_COMPARE_WITH_TIMEOUT(storedTexts(), pending + replies, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        Hubbub::HistoryStore(Hubbub::HistoryStore::defaultPath(kProfile)).pendingOwn().isEmpty(), 30000);
    QCOMPARE(m_app.process().state(), QProcess::Running);
    QCOMPARE(fromAlice(m_bob, u"message"_s).size(), 2);
}

int main(int argc, char *argv[])
{
    // Its home is inherited by the app, so the app's profile lives there too; the same application
    // name as the app (app/main.cpp sets no organization), so HistoryStore::defaultPath() finds it.
    return execInIsolatedHome<TestHubbubExe, QCoreApplication>(argc, argv, QString(), u"hubbub"_s);
}

#include "tst_hubbubexe.moc"
