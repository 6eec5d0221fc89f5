// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// GroupMessageModel and JoinedGroupsModel, fed by a real Client, under QAbstractItemModelTester.
#include "client.h"
#include "clienttestutils.h"
#include "fakepubsubservice.h"
#include "groupmessagemodel.h"
#include "joinedgroupsmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace WebPubSub;
using namespace ClientTest;

class TestClientModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void joinedGroupsFollowTheClient();
    void groupMessagesFromTheClient();
    void groupFilterAndCap();
};

void TestClientModels::joinedGroupsFollowTheClient()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    Client client(Credential::fromUrl(service.clientUrl()), fastOptions());
    JoinedGroupsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy count(&model, &JoinedGroupsModel::countChanged);
    model.setClient(&client);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.roleNames().value(JoinedGroupsModel::NameRole), QByteArray("name"));
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, 10000);
    for (const QString &g : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}) {
        auto join = client.joinGroup(g);
        QVERIFY(waitFor(join));
    }
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.property("count").toInt(), 3);
    QCOMPARE(count.size(), 3);
    QCOMPARE(model.data(model.index(1), JoinedGroupsModel::NameRole).toString(), QStringLiteral("b"));
    auto leave = client.leaveGroup(QStringLiteral("b"));
    QVERIFY(waitFor(leave));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0), JoinedGroupsModel::NameRole).toString(), QStringLiteral("a"));
    QCOMPARE(model.data(model.index(1), JoinedGroupsModel::NameRole).toString(), QStringLiteral("c"));
    model.setClient(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestClientModels::groupMessagesFromTheClient()
{
    FakePubSubService service;
    QVERIFY(service.listen());
    Client client(Credential::fromUrl(service.clientUrl()), fastOptions());
    GroupMessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(&client);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, 10000);
    service.sendGroupText(0, QStringLiteral("g"), QStringLiteral("hello"), 1);
    service.sendJson(0, QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                                    {QStringLiteral("from"), QStringLiteral("group")},
                                    {QStringLiteral("group"), QStringLiteral("h")},
                                    {QStringLiteral("dataType"), QStringLiteral("json")},
                                    {QStringLiteral("data"), QJsonObject{{QStringLiteral("n"), 7}}},
                                    {QStringLiteral("sequenceId"), 2}});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);
    QCOMPARE(model.property("count").toInt(), 2);
    const QModelIndex first = model.index(0);
    QCOMPARE(model.data(first, GroupMessageModel::GroupRole).toString(), QStringLiteral("g"));
    QCOMPARE(model.data(first, GroupMessageModel::FromUserIdRole).toString(), QStringLiteral("bob"));
    QCOMPARE(model.data(first, GroupMessageModel::DataTypeRole).toString(), QStringLiteral("text"));
    QCOMPARE(model.data(first, GroupMessageModel::TextRole).toString(), QStringLiteral("hello"));
    QCOMPARE(model.data(first, GroupMessageModel::SequenceIdRole).toLongLong(), 1);
    QVERIFY(model.data(first, GroupMessageModel::ReceivedAtRole).toDateTime().isValid());
    const QModelIndex second = model.index(1);
    QCOMPARE(model.data(second, GroupMessageModel::DataTypeRole).toString(), QStringLiteral("json"));
    QCOMPARE(model.data(second, GroupMessageModel::JsonRole).toMap().value(QStringLiteral("n")).toInt(), 7);
    QCOMPARE(model.data(second, GroupMessageModel::FromUserIdRole).toString(), QString());
    const auto names = model.roleNames();
    for (const QByteArray &name :
         {QByteArray("group"), QByteArray("fromUserId"), QByteArray("dataType"), QByteArray("text"),
          QByteArray("json"), QByteArray("sequenceId"), QByteArray("receivedAt")})
        QVERIFY2(names.values().contains(name), name.constData());
    QVERIFY(names.keys().contains(Qt::UserRole + 1));
}

void TestClientModels::groupFilterAndCap()
{
    GroupMessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaxMessages(4);
    auto message = [](const QString &group, const QString &text) {
        return GroupMessage{group, std::nullopt, Payload::fromText(text), std::nullopt,
                            QDateTime::currentDateTimeUtc()};
    };
    model.setGroupFilter(QStringLiteral("a"));
    model.append(message(QStringLiteral("a"), QStringLiteral("a1")));
    model.append(message(QStringLiteral("b"), QStringLiteral("b1")));
    model.append(message(QStringLiteral("a"), QStringLiteral("a2")));
    QCOMPARE(model.rowCount(), 2);
    model.setGroupFilter(QString());
    QCOMPARE(model.rowCount(), 3);
    model.append(message(QStringLiteral("b"), QStringLiteral("b2")));
    model.append(message(QStringLiteral("a"), QStringLiteral("a3"))); // the cap drops a1
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.data(model.index(0), GroupMessageModel::TextRole).toString(), QStringLiteral("b1"));
    model.setGroupFilter(QStringLiteral("a"));
    QCOMPARE(model.rowCount(), 2);
    model.append(message(QStringLiteral("b"), QStringLiteral("b3"))); // drops b1, not visible
    QCOMPARE(model.rowCount(), 2);
    model.append(message(QStringLiteral("b"), QStringLiteral("b4"))); // drops a2, visible
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0), GroupMessageModel::TextRole).toString(), QStringLiteral("a3"));
    model.setMaxMessages(1);
    QCOMPARE(model.rowCount(), 0);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestClientModels)
#include "tst_clientmodels.moc"
