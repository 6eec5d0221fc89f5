// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// End to end, in one process: Main.qml over a real AppController with its embedded service, and
// a real hubbub-cli process as the other user. Messages go both ways through the UI, the
// connection is dropped mid-conversation, and nothing may be lost or duplicated.
#include "cliprocess.h"
#include "inprocessapp.h"
#include "isolatedhome.h"

#include "appcontroller.h"
#include "appoptions.h"
#include "connectioncontroller.h"
#include "messagemodel.h"
#include "roomlistmodel.h"
#include "service.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QGuiApplication>
#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString kRoom = u"lobby"_s;

QStringList modelTexts(const Hubbub::MessageModel *model)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->data(model->index(row), Hubbub::MessageModel::TextRole).toString());
    return texts;
}

//! Texts of chat messages the CLI received in \a group from others (its own come back as echoes).
QStringList receivedByCli(const CliProcess &cli, const QString &group)
{
    QStringList texts;
    const auto messages = cli.eventsNamed(u"group-message"_s);
    for (const QJsonObject &e : messages) {
        if (e.value(u"group").toString() != group || e.value(u"fromUserId").toString() == u"bob")
            continue;
        const QJsonValue data = e.value(u"data");
        if (data.isObject() && data.toObject().value(u"kind").toString() == u"message")
            texts.append(data.toObject().value(u"text").toString());
        else if (e.value(u"dataType").toString() == u"text")
            texts.append(data.toString());
    }
    return texts;
}

} // namespace

class TestAppChat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void chatWithCliThroughTheUi();
    void nothingLostAcrossADrop();
    void outboxWhileOffline();

private:
    QQuickWindow *window() const;
    QObject *composer() const;
    void sendThroughComposer(const QString &text);
    //! Bob sends \a count chat messages "\a pattern" (with %1 the number) through the CLI.
    void sendFromCli(const QString &pattern, int count);
    void startCli();

    std::unique_ptr<Hubbub::AppController> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    std::unique_ptr<CliProcess> m_cli;
    QStringList m_sentByApp;
    QStringList m_sentByCli;
};

void TestAppChat::initTestCase()
{
    m_app = std::make_unique<Hubbub::AppController>(InProcessApp::localOptions(u"alice"_s, u"e2e"_s));
    new QAbstractItemModelTester(m_app->rooms(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_app->rooms());

    InProcessApp::showAndConnect(m_engine, m_app.get());
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_app->connection()->embedded());
    QVERIFY(m_app->connection()->service());

    m_app->joinRoom(kRoom);
    QCOMPARE(m_app->currentRoom(), kRoom);
    // The UI shows the room.
    auto *title = window()->findChild<QObject *>(u"roomTitle"_s);
    QVERIFY(title);
    QCOMPARE(title->property("text").toString(), u"#lobby"_s);

    startCli();
}

void TestAppChat::cleanupTestCase()
{
    if (m_cli)
        m_cli->finish();
    m_engine.reset();
    m_app.reset();
}

QQuickWindow *TestAppChat::window() const
{
    return m_engine->rootObjects().isEmpty() ? nullptr
                                             : qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
}

QObject *TestAppChat::composer() const
{
    return window()->findChild<QObject *>(u"composer"_s);
}

void TestAppChat::startCli()
{
    const QString connectionString = m_app->connection()->service()->connectionString();
    QVERIFY(connectionString.contains(u"AccessKey="_s));
    m_cli = std::make_unique<CliProcess>();
    // Started, and connected within 20 s.
    QVERIFY2(m_cli->startChatPeer(connectionString, u"bob"_s), qPrintable(m_cli->errors()));
    m_cli->send({{u"op"_s, u"join"_s}, {u"group"_s, kRoom}, {u"id"_s, u"join"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(!m_cli
                                  ->find([](const QJsonObject &e) {
                                      return e.value(u"event").toString() == u"result" &&
                                             e.value(u"id").toString() == u"join";
                                  })
                                  .isEmpty(),
                             20000);
    const QJsonObject joined = m_cli->find([](const QJsonObject &e) {
        return e.value(u"event").toString() == u"result" && e.value(u"id").toString() == u"join";
    });
    QVERIFY2(joined.value(u"ok").toBool(), qPrintable(m_cli->errors()));
}

void TestAppChat::sendFromCli(const QString &pattern, int count)
{
    for (int i = 0; i < count; ++i) {
        const QString text = pattern.arg(i);
        m_cli->sendChatMessage(kRoom, text, u"bob"_s);
        m_sentByCli.append(text);
    }
}

void TestAppChat::sendThroughComposer(const QString &text)
{
    QObject *c = composer();
    QVERIFY(c);
    auto *input = c->property("input").value<QObject *>();
    QVERIFY(input);
    QVERIFY(QMetaObject::invokeMethod(input, "forceActiveFocus"));
    QTRY_VERIFY(input->property("activeFocus").toBool());
    // Typed as a user would, then Enter.
    for (const QChar ch : text)
        QTest::keyClick(window(), ch.toLatin1());
    QCOMPARE(c->property("text").toString(), text);
    QTest::keyClick(window(), Qt::Key_Return);
    // Main.qml clears the field once AppController accepted the message.
    QTRY_COMPARE(c->property("text").toString(), QString());
    m_sentByApp.append(text);
}

void TestAppChat::chatWithCliThroughTheUi()
{
    Hubbub::MessageModel *model = m_app->messages();
    QVERIFY(model);

    for (int i = 0; i < 3; ++i)
        sendThroughComposer(u"hello from alice %1"_s.arg(i));
    sendFromCli(u"hi alice, bob here %1"_s, 3);

    // Everything from both sides shows in the app's view of the room, and bob got alice's lines.
    QTRY_VERIFY_WITH_TIMEOUT(modelTexts(model).size() >= 6, 20000);
    for (const QString &t : std::as_const(m_sentByCli))
        QTRY_COMPARE_WITH_TIMEOUT(modelTexts(model).count(t), 1, 20000);
    for (const QString &t : std::as_const(m_sentByApp)) {
        QCOMPARE(modelTexts(model).count(t), 1);
        QTRY_VERIFY2_WITH_TIMEOUT(receivedByCli(*m_cli, kRoom).contains(t), qPrintable(t), 20000);
    }

    // Own messages end up "sent"; bob's carry his name.
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        if (model->data(index, Hubbub::MessageModel::OwnRole).toBool()) {
            QTRY_COMPARE_WITH_TIMEOUT(model->data(index, Hubbub::MessageModel::DeliveryStatusRole).toString(),
                                      u"sent"_s, 20000);
        } else {
            QCOMPARE(model->data(index, Hubbub::MessageModel::SenderNameRole).toString(), u"bob"_s);
        }
    }

    // The ListView shows the same rows.
    auto *list = window()->findChild<QObject *>(u"messageList"_s);
    QVERIFY(list);
    QTRY_COMPARE(list->property("count").toInt(), model->rowCount());
}

void TestAppChat::nothingLostAcrossADrop()
{
    Hubbub::MessageModel *model = m_app->messages();
    QVERIFY(model);
    auto *banner = window()->findChild<QObject *>(u"statusBanner"_s);
    QVERIFY(banner);

    QStringList states;
    auto watch = connect(m_app->connection(), &Hubbub::ConnectionController::stateChanged, this,
                         [&] { states.append(m_app->connection()->stateName()); });

    // Drop the socket as a lost network would, and keep talking on both sides right away.
    m_app->connection()->dropConnection();
    for (int i = 0; i < 5; ++i)
        sendThroughComposer(u"during the drop %1"_s.arg(i));
    sendFromCli(u"bob during the drop %1"_s, 5);

    QTRY_COMPARE_WITH_TIMEOUT(m_app->connection()->state(), Hubbub::ConnectionController::State::Connected,
                              30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->connection()->outboxCount(), 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(banner->property("healthy").toBool(), true, 10000);
    disconnect(watch);
    QVERIFY2(states.contains(u"recovering"_s) || states.contains(u"reconnecting"_s),
             qPrintable(states.join(u',')));
    const QVariantMap diagnostics = m_app->connection()->diagnostics();
    QVERIFY(diagnostics.value(u"recoveries"_s).toInt() + diagnostics.value(u"reconnects"_s).toInt() >= 1);

    // Exactly once, on both sides, in the order each side sent them.
    for (const QString &t : std::as_const(m_sentByCli))
        QTRY_COMPARE_WITH_TIMEOUT(modelTexts(model).count(t), 1, 30000);
    for (const QString &t : std::as_const(m_sentByApp)) {
        QCOMPARE(modelTexts(model).count(t), 1);
        QTRY_VERIFY2_WITH_TIMEOUT(receivedByCli(*m_cli, kRoom).contains(t), qPrintable(t), 30000);
    }
    const QStringList atBob = receivedByCli(*m_cli, kRoom);
    QCOMPARE(atBob.size(), m_sentByApp.size());
    QCOMPARE(atBob, m_sentByApp);

    const QStringList inApp = modelTexts(model);
    QStringList fromBobInApp;
    for (const QString &t : inApp) {
        if (m_sentByCli.contains(t))
            fromBobInApp.append(t);
    }
    QCOMPARE(fromBobInApp, m_sentByCli);
    QCOMPARE(inApp.size(), m_sentByApp.size() + m_sentByCli.size());
}

void TestAppChat::outboxWhileOffline()
{
    Hubbub::MessageModel *model = m_app->messages();
    auto *banner = window()->findChild<QObject *>(u"statusBanner"_s);
    auto *outboxLabel = window()->findChild<QObject *>(u"outboxLabel"_s);
    QVERIFY(banner);
    QVERIFY(outboxLabel);

    // Long enough that the messages below are surely written while offline, even on a slow machine.
    m_app->connection()->goOffline(10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->connection()->state(), Hubbub::ConnectionController::State::Offline,
                              10000);
    QCOMPARE(banner->property("connectionState").toInt(), int(Hubbub::ConnectionController::State::Offline));
    const int before = m_sentByApp.size();
    for (int i = 0; i < 3; ++i)
        sendThroughComposer(u"written offline %1"_s.arg(i));

    // Waiting messages are visible: in the banner and as "sending" in the timeline.
    QTRY_COMPARE_WITH_TIMEOUT(m_app->connection()->outboxCount(), 3, 5000);
    QVERIFY(outboxLabel->property("visible").toBool());
    QCOMPARE(outboxLabel->property("text").toString(), u"3 messages waiting to be sent"_s);
    const int lastRow = model->rowCount() - 1;
    QCOMPARE(model->data(model->index(lastRow), Hubbub::MessageModel::TextRole).toString(),
             u"written offline 2"_s);
    QCOMPARE(model->data(model->index(lastRow), Hubbub::MessageModel::DeliveryStatusRole).toString(),
             u"sending"_s);

    // Back online: delivered once, in order, and the banner is quiet again.
    QTRY_COMPARE_WITH_TIMEOUT(m_app->connection()->state(), Hubbub::ConnectionController::State::Connected,
                              40000);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->connection()->outboxCount(), 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(
        model->data(model->index(lastRow), Hubbub::MessageModel::DeliveryStatusRole).toString(), u"sent"_s,
        20000);
    QTRY_COMPARE_WITH_TIMEOUT(receivedByCli(*m_cli, kRoom).size(), m_sentByApp.size(), 30000);
    QCOMPARE(receivedByCli(*m_cli, kRoom), m_sentByApp);
    QCOMPARE(m_sentByApp.size(), before + 3);
    QTRY_VERIFY(!outboxLabel->property("visible").toBool());
}

int main(int argc, char *argv[])
{
    return execInIsolatedHome<TestAppChat, QGuiApplication>(argc, argv, u"Hubbub"_s, u"hubbub-e2e"_s);
}

#include "tst_appchat.moc"
