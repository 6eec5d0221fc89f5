// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The groupchat example against an in-process Hubbub::Service: its Main.qml, loaded headless with
// the same GroupChat the executable makes, joins a group and sends through its own buttons, shows a
// second client's message beside its own, and shows markup as plain text; both library models are
// watched by QAbstractItemModelTester meanwhile.
#include "groupchat.h"

#include <connectionstring.h>
#include <groupmessagemodel.h>
#include <joinedgroupsmodel.h>
#include <service.h>

#include <QAbstractItemModelTester>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QTest>

using namespace WebPubSub;

namespace {
const QString Hub = QStringLiteral("chat");
const QString Room = QStringLiteral("room");

// The delegate's Label named \a name in row \a row of \a view.
QObject *delegateLabel(QObject *view, int row, const char *name)
{
    QQuickItem *item = nullptr;
    QMetaObject::invokeMethod(view, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, item), Q_ARG(int, row));
    return item ? item->findChild<QObject *>(QLatin1String(name)) : nullptr;
}
} // namespace

class TestGroupChat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GroupChat::registerQmlTypes(); }

    void joinSendReceivePlainText()
    {
        Hubbub::ServiceOptions so;
        so.port = 0;
        so.accessKey = QStringLiteral("groupchat-example-test-access-key-0123456789");
        Hubbub::Service service(so);
        QString error;
        QVERIFY2(service.start(&error), qPrintable(error));
        const QString connectionString = service.connectionString();

        // The example's own credential parsing, as main() does with its argument.
        auto credential = GroupChat::credentialFrom(connectionString, Hub, QStringLiteral("alice"));
        QVERIFY(credential);
        QVERIFY(!GroupChat::credentialFrom(QStringLiteral("not a credential"), Hub, {}));
        GroupChat chat(std::move(*credential));

        QQmlApplicationEngine engine;
        engine.setInitialProperties({{QStringLiteral("chat"), QVariant::fromValue(&chat)}});
        engine.load(QUrl::fromLocalFile(QStringLiteral(GROUPCHAT_QML)));
        QCOMPARE(engine.rootObjects().size(), 1);
        QObject *window = engine.rootObjects().constFirst();
        auto *messages = window->findChild<GroupMessageModel *>(QStringLiteral("messages"));
        auto *groups = window->findChild<JoinedGroupsModel *>(QStringLiteral("joinedGroups"));
        QVERIFY(messages && groups);
        QCOMPARE(messages->client(), chat.client());
        QAbstractItemModelTester messagesTester(messages,
                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester groupsTester(groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QObject *messageView = window->findChild<QObject *>(QStringLiteral("messageView"));
        QObject *groupList = window->findChild<QObject *>(QStringLiteral("groupList"));
        QVERIFY(messageView && groupList);

        chat.client()->start();
        QTRY_COMPARE_WITH_TIMEOUT(chat.client()->state(), Client::State::Connected, 20000);

        // Join through the window: the group field and the Join button.
        QObject *groupField = window->findChild<QObject *>(QStringLiteral("groupField"));
        QVERIFY(groupField);
        groupField->setProperty("text", Room);
        QVERIFY(
            QMetaObject::invokeMethod(window->findChild<QObject *>(QStringLiteral("joinButton")), "clicked"));
        QTRY_COMPARE_WITH_TIMEOUT(groups->rowCount(), 1, 20000);
        QCOMPARE(groups->data(groups->index(0), JoinedGroupsModel::NameRole).toString(), Room);
        QTRY_COMPARE(groupList->property("count").toInt(), 1);
        QTRY_COMPARE(window->property("currentGroup").toString(), Room);

        // A second client in the same group.
        const auto cs = ConnectionString::parse(connectionString);
        QVERIFY(cs);
        ClientTokenOptions bobToken;
        bobToken.userId = QStringLiteral("bob");
        bobToken.roles = {QStringLiteral("webpubsub.joinLeaveGroup"),
                          QStringLiteral("webpubsub.sendToGroup")};
        Client bob(Credential::fromConnectionString(*cs, Hub, bobToken));
        bob.start();
        QTRY_COMPARE_WITH_TIMEOUT(bob.state(), Client::State::Connected, 20000);
        auto joined = bob.joinGroup(Room);
        QTRY_VERIFY_WITH_TIMEOUT(joined.isFinished(), 20000);
        QVERIFY(joined.result().ok());

        // Send through the window: the message field and the Send button.
        QObject *messageField = window->findChild<QObject *>(QStringLiteral("messageField"));
        QVERIFY(messageField);
        QTRY_VERIFY(messageField->property("enabled").toBool());
        messageField->setProperty("text", QStringLiteral("hello from alice"));
        QVERIFY(
            QMetaObject::invokeMethod(window->findChild<QObject *>(QStringLiteral("sendButton")), "clicked"));
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 1, 20000);

        const QString markup =
            QStringLiteral("<b>bold</b> <img src=\"x.png\"> <a href=\"https://x\">link</a>");
        auto sent = bob.sendToGroup(Room, Payload::fromText(markup));
        QTRY_VERIFY_WITH_TIMEOUT(sent.isFinished(), 20000);
        QVERIFY(sent.result().ok());
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 2, 20000);

        // The model: both messages, in order, with sender and the `own` flag.
        QCOMPARE(messages->data(messages->index(0), GroupMessageModel::FromUserIdRole).toString(), u"alice");
        QCOMPARE(messages->data(messages->index(0), GroupMessageModel::TextRole).toString(),
                 u"hello from alice");
        QCOMPARE(messages->data(messages->index(0), GroupMessageModel::OwnRole).toBool(), true);
        QCOMPARE(messages->data(messages->index(1), GroupMessageModel::FromUserIdRole).toString(), u"bob");
        QCOMPARE(messages->data(messages->index(1), GroupMessageModel::TextRole).toString(), markup);
        QCOMPARE(messages->data(messages->index(1), GroupMessageModel::OwnRole).toBool(), false);

        // The view: two delegates, the markup shown verbatim as plain text.
        QTRY_COMPARE(messageView->property("count").toInt(), 2);
        QObject *firstSender = nullptr;
        QTRY_VERIFY((firstSender = delegateLabel(messageView, 0, "messageSender")));
        QCOMPARE(firstSender->property("text").toString(), u"alice");
        QCOMPARE(delegateLabel(messageView, 0, "messageText")->property("text").toString(),
                 u"hello from alice");
        QObject *second = nullptr;
        QTRY_VERIFY((second = delegateLabel(messageView, 1, "messageText")));
        QCOMPARE(delegateLabel(messageView, 1, "messageSender")->property("text").toString(), u"bob");
        QCOMPARE(second->property("text").toString(), markup);
        QCOMPARE(second->property("textFormat").toInt(), int(Qt::PlainText));
        QCOMPARE(window->findChild<QObject *>(QStringLiteral("status"))->property("text").toString(),
                 QString());
    }
};

QTEST_MAIN(TestGroupChat)
#include "tst_groupchat.moc"
