// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// ServerMessageModel fed by a real Client (scripted fake service) under QAbstractItemModelTester.
#include "client.h"
#include "clienttestutils.h"
#include "fakepubsubservice.h"
#include "servermessagemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace WebPubSub;
using namespace ClientTest;

class TestServerMessageModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverMessagesFromTheClient();
    void capDropsTheOldest();
};

void TestServerMessageModel::serverMessagesFromTheClient()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    Client client(Credential::fromUrl(service.clientUrl()), fastOptions());
    ServerMessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy clientChanged(&model, &ServerMessageModel::clientChanged);
    model.setClient(&client);
    QCOMPARE(clientChanged.size(), 1);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, 10000);
    const auto server = [](const QString &dataType, const QJsonValue &data, int seq) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                           {QStringLiteral("from"), QStringLiteral("server")},
                           {QStringLiteral("dataType"), dataType},
                           {QStringLiteral("data"), data},
                           {QStringLiteral("sequenceId"), seq}};
    };
    service.sendJson(0, server(QStringLiteral("text"), QStringLiteral("maintenance at noon"), 1));
    service.sendJson(0, server(QStringLiteral("json"), QJsonObject{{QStringLiteral("n"), 7}}, 2));
    service.sendJson(0, server(QStringLiteral("binary"), QStringLiteral("AAEC"), 3));
    // A group message is not a server message.
    service.sendGroupText(0, QStringLiteral("g"), QStringLiteral("hello"), 4);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 10000);
    QCOMPARE(model.property("count").toInt(), 3);
    const QModelIndex first = model.index(0);
    QCOMPARE(model.data(first, ServerMessageModel::TextRole).toString(),
             QStringLiteral("maintenance at noon"));
    QCOMPARE(model.data(first, Qt::DisplayRole).toString(), QStringLiteral("maintenance at noon"));
    QCOMPARE(model.data(first, ServerMessageModel::DataTypeRole).toString(), QStringLiteral("text"));
    QCOMPARE(model.data(first, ServerMessageModel::SequenceIdRole).toLongLong(), 1);
    QVERIFY(model.data(first, ServerMessageModel::ReceivedAtRole).toDateTime().isValid());
    QCOMPARE(model.data(model.index(1), ServerMessageModel::TextRole).toString(),
             QStringLiteral("{\"n\":7}"));
    QCOMPARE(model.data(model.index(1), ServerMessageModel::DataTypeRole).toString(), QStringLiteral("json"));
    QCOMPARE(model.data(model.index(2), ServerMessageModel::DataTypeRole).toString(),
             QStringLiteral("binary"));
    QCOMPARE(model.at(2).payload.bytes(), QByteArray("\x00\x01\x02", 3));
    const auto names = model.roleNames();
    QCOMPARE(names.value(Qt::UserRole + 1), QByteArray("text"));
    for (const QByteArray &name :
         {QByteArray("dataType"), QByteArray("sequenceId"), QByteArray("receivedAt")})
        QVERIFY2(names.values().contains(name), name.constData());

    // Detached: no more rows from the client.
    model.setClient(nullptr);
    service.sendJson(0, server(QStringLiteral("text"), QStringLiteral("later"), 5));
    QTest::qWait(200);
    QCOMPARE(model.rowCount(), 3);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestServerMessageModel::capDropsTheOldest()
{
    ServerMessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto message = [](const QString &text) {
        return ServerMessage{Payload::fromText(text), std::nullopt, QDateTime::currentDateTimeUtc()};
    };
    model.setMaxMessages(3);
    QSignalSpy count(&model, &ServerMessageModel::countChanged);
    for (int i = 1; i <= 5; ++i)
        model.append(message(QString::number(i)));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(count.size(), 5); // one per append, also when the cap dropped one
    QCOMPARE(model.data(model.index(0), ServerMessageModel::TextRole).toString(), QStringLiteral("3"));
    QVERIFY(!model.data(model.index(0), ServerMessageModel::SequenceIdRole).isValid());
    model.setMaxMessages(1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0), ServerMessageModel::TextRole).toString(), QStringLiteral("5"));
    model.setMaxMessages(0); // unlimited
    for (int i = 0; i < 20; ++i)
        model.append(message(QStringLiteral("x")));
    QCOMPARE(model.rowCount(), 21);
}

QTEST_GUILESS_MAIN(TestServerMessageModel)
#include "tst_servermessagemodel.moc"
