// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The library's list models through their shared bases (ClientListModel, BoundedMessageModel): the
// properties, signals and invokables a QML view uses by name stay on every model, and the shared
// clear()/cap/client logic behaves the same for each.
#include "client.h"
#include "clienttestutils.h"
#include "groupmessagemodel.h"
#include "joinedgroupsmodel.h"
#include "servermessagemodel.h"

#include <QAbstractItemModelTester>
#include <QMetaObject>
#include <QSignalSpy>
#include <QTest>

using namespace WebPubSub;
using namespace ClientTest;

class TestClientListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void qmlFacingApi_data();
    void qmlFacingApi();
    void clearResetsOnlyWhenSomethingIsKept();
    void clientPropertyFollowsAndForgets();
};

namespace {
GroupMessage groupMessage(const QString &group, const QString &text)
{
    return GroupMessage{group, std::nullopt, Payload::fromText(text), std::nullopt,
                        QDateTime::currentDateTimeUtc()};
}
ServerMessage serverMessage(const QString &text)
{
    return ServerMessage{Payload::fromText(text), std::nullopt, QDateTime::currentDateTimeUtc()};
}
} // namespace

void TestClientListModel::qmlFacingApi_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("bounded");
    QTest::newRow("GroupMessageModel") << QStringLiteral("group") << true;
    QTest::newRow("ServerMessageModel") << QStringLiteral("server") << true;
    QTest::newRow("JoinedGroupsModel") << QStringLiteral("joined") << false;
}

void TestClientListModel::qmlFacingApi()
{
    QFETCH(QString, model);
    QFETCH(bool, bounded);
    std::unique_ptr<QAbstractListModel> m;
    if (model == u"group")
        m = std::make_unique<GroupMessageModel>();
    else if (model == u"server")
        m = std::make_unique<ServerMessageModel>();
    else
        m = std::make_unique<JoinedGroupsModel>();
    const QMetaObject *meta = m->metaObject();
    for (const char *property : {"client", "count"}) {
        const int index = meta->indexOfProperty(property);
        QVERIFY2(index >= 0, property);
        QVERIFY2(meta->property(index).hasNotifySignal(), property);
    }
    QCOMPARE(meta->indexOfProperty("maxMessages") >= 0, bounded);
    QCOMPARE(meta->indexOfMethod("clear()") >= 0, bounded);
    QVERIFY(meta->indexOfSignal("clientChanged()") >= 0);
    QVERIFY(meta->indexOfSignal("countChanged()") >= 0);
    QCOMPARE(m->property("count").toInt(), 0);
    if (bounded) {
        QCOMPARE(m->property("maxMessages").toInt(), 10000);
        QVERIFY(m->setProperty("maxMessages", -5));
        QCOMPARE(m->property("maxMessages").toInt(), 0); // negative means unlimited too
    }
}

void TestClientListModel::clearResetsOnlyWhenSomethingIsKept()
{
    GroupMessageModel groups;
    ServerMessageModel server;
    QAbstractItemModelTester groupTester(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester serverTester(&server, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy groupResets(&groups, &QAbstractItemModel::modelReset);
    QSignalSpy serverResets(&server, &QAbstractItemModel::modelReset);
    QSignalSpy serverCount(&server, &ServerMessageModel::countChanged);

    // Nothing kept: no reset, no countChanged.
    QVERIFY(QMetaObject::invokeMethod(&groups, "clear"));
    QVERIFY(QMetaObject::invokeMethod(&server, "clear"));
    QCOMPARE(groupResets.size(), 0);
    QCOMPARE(serverResets.size(), 0);

    // A message kept but filtered out of the rows still counts as kept: clear() drops it.
    groups.setGroupFilter(QStringLiteral("a"));
    groups.append(groupMessage(QStringLiteral("b"), QStringLiteral("hidden")));
    QCOMPARE(groups.rowCount(), 0);
    groupResets.clear(); // setGroupFilter() reset the rows itself
    groups.clear();
    QCOMPARE(groupResets.size(), 1);
    groups.setGroupFilter(QString());
    QCOMPARE(groups.rowCount(), 0); // it is gone, not merely hidden

    server.append(serverMessage(QStringLiteral("1")));
    server.append(serverMessage(QStringLiteral("2")));
    serverCount.clear();
    server.clear();
    QCOMPARE(serverResets.size(), 1);
    QCOMPARE(serverCount.size(), 1);
    QCOMPARE(server.rowCount(), 0);
    QCOMPARE(server.property("count").toInt(), 0);
}

void TestClientListModel::clientPropertyFollowsAndForgets()
{
    // Without a service: only which client is followed and the signal, through the property.
    Client client(Credential::fromUrl(QUrl(QStringLiteral("ws://127.0.0.1:1/client/hubs/h"))), fastOptions());
    ServerMessageModel model;
    QSignalSpy changed(&model, &ServerMessageModel::clientChanged);
    QVERIFY(model.setProperty("client", QVariant::fromValue(&client)));
    QCOMPARE(model.client(), &client);
    QCOMPARE(changed.size(), 1);
    model.setClient(&client); // the same: no signal
    QCOMPARE(changed.size(), 1);
    Q_EMIT client.serverMessageReceived(serverMessage(QStringLiteral("fed")));
    QCOMPARE(model.rowCount(), 1);
    model.setClient(nullptr);
    QCOMPARE(changed.size(), 2);
    Q_EMIT client.serverMessageReceived(serverMessage(QStringLiteral("not fed")));
    QCOMPARE(model.rowCount(), 1); // the connection was cut
}

QTEST_GUILESS_MAIN(TestClientListModel)
#include "tst_clientlistmodel.moc"
