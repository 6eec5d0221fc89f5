// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "messagemodel.h"

#include "avatar.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;

namespace {
ChatMessage msg(const QString &id, const QString &sender, const QDateTime &ts, bool own = false)
{
    ChatMessage m;
    m.id = id;
    m.room = QStringLiteral("r");
    m.senderId = sender;
    m.senderName = sender;
    m.text = QStringLiteral("text ") + id;
    m.timestamp = ts.toUTC();
    m.own = own;
    m.status = own ? DeliveryStatus::Sending : DeliveryStatus::Received;
    return m;
}
QVariant role(const MessageModel &model, int row, int role)
{
    return model.data(model.index(row), role);
}
} // namespace

class TestMessageModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linksAreFoundNotRendered()
    {
        MessageModel model(QStringLiteral("r"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now = QDateTime::currentDateTime();
        ChatMessage a = msg(QStringLiteral("a"), QStringLiteral("bob"), now);
        a.text = QStringLiteral(
            "see https://example.com/a?b=1, and (http://example.org/x). "
            "Twice: https://example.com/a?b=1 <b>http://evil/</b> ftp://no file:///etc/passwd");
        ChatMessage b = msg(QStringLiteral("b"), QStringLiteral("bob"), now);
        b.text = QStringLiteral("no links here, just a colon: like this");
        model.appendMessages({a, b});
        QCOMPARE(model.roleNames().value(MessageModel::LinksRole), QByteArray("links"));
        // Trailing punctuation trimmed, duplicates once, only http(s); the text itself is untouched.
        QCOMPARE(role(model, 0, MessageModel::LinksRole).toStringList(),
                 (QStringList{QStringLiteral("https://example.com/a?b=1"),
                              QStringLiteral("http://example.org/x"), QStringLiteral("http://evil/")}));
        QCOMPARE(role(model, 0, MessageModel::TextRole).toString(), a.text);
        QVERIFY(role(model, 1, MessageModel::LinksRole).toStringList().isEmpty());
    }

    void rolesAndGrouping()
    {
        MessageModel model(QStringLiteral("r"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Noon, so that the offsets below never cross midnight.
        const QDateTime now(QDate::currentDate(), QTime(12, 0));
        const QDateTime yesterday(QDate::currentDate().addDays(-1), QTime(12, 0));
        const QList<ChatMessage> batch{
            msg(QStringLiteral("a"), QStringLiteral("bob"), yesterday),
            msg(QStringLiteral("b"), QStringLiteral("bob"), yesterday.addSecs(30)),
            msg(QStringLiteral("c"), QStringLiteral("alice"), yesterday.addSecs(60)),
            msg(QStringLiteral("d"), QStringLiteral("alice"), now),
            msg(QStringLiteral("e"), QStringLiteral("alice"), now.addSecs(10 * 60)),
        };
        QSignalSpy countSpy(&model, &MessageModel::countChanged);
        QCOMPARE(model.appendMessages(batch), 5);
        QCOMPARE(countSpy.count(), 1);
        QCOMPARE(model.count(), 5);

        const QHash<int, QByteArray> names = model.roleNames();
        for (const char *n : {"messageId", "senderId", "senderName", "text", "timestamp", "own",
                              "deliveryStatus", "showSender", "daySeparator", "firstUnread"})
            QVERIFY2(names.values().contains(QByteArray(n)), n);

        QCOMPARE(role(model, 0, MessageModel::ShowSenderRole).toBool(), true);
        QCOMPARE(role(model, 1, MessageModel::ShowSenderRole).toBool(), false); // same sender, 30 s later
        QCOMPARE(role(model, 2, MessageModel::ShowSenderRole).toBool(), true);  // another sender
        QCOMPARE(role(model, 3, MessageModel::ShowSenderRole).toBool(), true);  // same sender, next day
        QCOMPARE(role(model, 4, MessageModel::ShowSenderRole).toBool(), true);  // same sender, 10 min gap

        QCOMPARE(role(model, 0, MessageModel::DaySeparatorRole).toString(), QStringLiteral("Yesterday"));
        QCOMPARE(role(model, 1, MessageModel::DaySeparatorRole).toString(), QString());
        QCOMPARE(role(model, 2, MessageModel::DaySeparatorRole).toString(), QString());
        QCOMPARE(role(model, 3, MessageModel::DaySeparatorRole).toString(), QStringLiteral("Today"));

        QCOMPARE(role(model, 0, MessageModel::MessageIdRole).toString(), QStringLiteral("a"));
        QCOMPARE(role(model, 0, MessageModel::SenderNameRole).toString(), QStringLiteral("bob"));
        QCOMPARE(role(model, 0, MessageModel::TextRole).toString(), QStringLiteral("text a"));
        QCOMPARE(role(model, 0, MessageModel::DeliveryStatusRole).toString(), QStringLiteral("received"));
        QCOMPARE(role(model, 0, MessageModel::TimestampRole).toDateTime(), yesterday);
        QCOMPARE(role(model, 0, MessageModel::OwnRole).toBool(), false);
    }

    void avatarAndRunRoles()
    {
        MessageModel model(QStringLiteral("r"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now(QDate::currentDate(), QTime(12, 0));
        ChatMessage anonymous = msg(QStringLiteral("c"), QString(), now.addSecs(120));
        anonymous.senderName = QStringLiteral("alice"); // a payload name never picks the avatar
        model.appendMessages({msg(QStringLiteral("a"), QStringLiteral("alice"), now),
                              msg(QStringLiteral("b"), QStringLiteral("alice"), now.addSecs(60)), anonymous});
        const QHash<int, QByteArray> names = model.roleNames();
        for (const char *n : {"avatarIndex", "initials", "lastOfRun"})
            QVERIFY2(names.values().contains(QByteArray(n)), n);
        // FNV-1a 32-bit of the UTF-8 userId, mod 12: "alice" → 0x872213e7 → 11, "anonymous" → 10.
        // Fixed values: the guest page and the presenter view must compute the same colours.
        QCOMPARE(role(model, 0, MessageModel::AvatarIndexRole).toInt(), 11);
        QCOMPARE(role(model, 1, MessageModel::AvatarIndexRole).toInt(), 11);
        QCOMPARE(role(model, 2, MessageModel::AvatarIndexRole).toInt(), 10);
        QCOMPARE(role(model, 0, MessageModel::InitialsRole).toString(), QStringLiteral("A"));
        QCOMPARE(role(model, 2, MessageModel::InitialsRole).toString(), QStringLiteral("A"));
        QCOMPARE(role(model, 0, MessageModel::LastOfRunRole).toBool(), false);
        QCOMPARE(role(model, 1, MessageModel::LastOfRunRole).toBool(), true);
        QCOMPARE(role(model, 2, MessageModel::LastOfRunRole).toBool(), true);

        // An append that continues the run tells the view the old last row no longer ends it.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ChatMessage more = anonymous;
        more.id = QStringLiteral("d");
        more.timestamp = now.addSecs(180).toUTC();
        model.appendMessage(more);
        QCOMPARE(role(model, 2, MessageModel::LastOfRunRole).toBool(), false);
        QCOMPARE(role(model, 3, MessageModel::LastOfRunRole).toBool(), true);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 2);
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(MessageModel::LastOfRunRole));
        // Removing the run's last row makes its predecessor the last again.
        QVERIFY(model.removeMessage(QStringLiteral("d")));
        QCOMPARE(role(model, 2, MessageModel::LastOfRunRole).toBool(), true);
    }

    void avatarHelpers()
    {
        QCOMPARE(Avatar::fnv1a32(QByteArray()), 0x811c9dc5u);
        QCOMPARE(Avatar::fnv1a32(QByteArrayLiteral("alice")), 0x872213e7u);
        QCOMPARE(Avatar::colourIndex(QStringLiteral("bob")), 8);
        QCOMPARE(Avatar::colourIndex(QStringLiteral("carol")), 2);
        QCOMPARE(Avatar::colourIndex(QStringLiteral("zo\u00EB")), 4); // hashed as UTF-8
        QCOMPARE(Avatar::initials(QStringLiteral("release-bot")), QStringLiteral("RB"));
        QCOMPARE(Avatar::initials(QStringLiteral("  _x_y_z")), QStringLiteral("XY"));
        QCOMPARE(Avatar::initials(QStringLiteral("\u00E9mile")), QStringLiteral("\u00C9"));
        QCOMPARE(Avatar::initials(QStringLiteral("--")), QStringLiteral("?"));
    }

    void dayLabels()
    {
        const QDate today(2026, 3, 10); // a Tuesday
        QCOMPARE(MessageModel::dayLabel(today, today), QStringLiteral("Today"));
        QCOMPARE(MessageModel::dayLabel(today.addDays(-1), today), QStringLiteral("Yesterday"));
        QCOMPARE(MessageModel::dayLabel(today.addDays(-3), today),
                 QLocale().dayName(today.addDays(-3).dayOfWeek()));
        const QString older = MessageModel::dayLabel(QDate(2026, 3, 2), today);
        QVERIFY2(older.contains(QStringLiteral("2")) && older.contains(QLocale().monthName(3)),
                 qPrintable(older));
        QVERIFY(!older.contains(QStringLiteral("2026")));
        QVERIFY(MessageModel::dayLabel(QDate(2025, 12, 24), today).contains(QStringLiteral("2025")));
    }

    void deduplicatesById()
    {
        MessageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime t = QDateTime::currentDateTime();
        QVERIFY(model.appendMessage(msg(QStringLiteral("x"), QStringLiteral("bob"), t)));
        QVERIFY(!model.appendMessage(msg(QStringLiteral("x"), QStringLiteral("bob"), t)));
        QCOMPARE(model.appendMessages({msg(QStringLiteral("y"), QStringLiteral("bob"), t),
                                       msg(QStringLiteral("y"), QStringLiteral("bob"), t),
                                       msg(QStringLiteral("x"), QStringLiteral("bob"), t)}),
                 1);
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.prependMessages({msg(QStringLiteral("x"), QStringLiteral("bob"), t)}), 0);
    }

    void firstUnreadIsFrozen()
    {
        MessageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime t = QDateTime::currentDateTime();
        for (int i = 0; i < 10; ++i)
            model.appendMessage(msg(QString::number(i), QStringLiteral("bob"), t.addSecs(i)));
        QCOMPARE(model.firstUnreadRow(), -1);
        model.setUnreadDivider(3);
        QCOMPARE(model.firstUnreadRow(), 7);
        QCOMPARE(role(model, 7, MessageModel::FirstUnreadRole).toBool(), true);
        QCOMPARE(role(model, 6, MessageModel::FirstUnreadRole).toBool(), false);
        // New messages while viewing do not move the divider.
        model.appendMessages({msg(QStringLiteral("n1"), QStringLiteral("bob"), t.addSecs(20)),
                              msg(QStringLiteral("n2"), QStringLiteral("bob"), t.addSecs(21))});
        QCOMPARE(model.firstUnreadRow(), 7);
        // Older history above keeps it on the same message.
        model.prependMessages({msg(QStringLiteral("o1"), QStringLiteral("bob"), t.addSecs(-5)),
                               msg(QStringLiteral("o2"), QStringLiteral("bob"), t.addSecs(-4))});
        QCOMPARE(model.firstUnreadRow(), 9);
        QCOMPARE(role(model, 9, MessageModel::MessageIdRole).toString(), QStringLiteral("7"));
        QCOMPARE(role(model, 0, MessageModel::MessageIdRole).toString(), QStringLiteral("o1"));
        QCOMPARE(model.rowOf(QStringLiteral("n2")), 13);
        // Removing a row above it shifts it with its message.
        QVERIFY(model.removeMessage(QStringLiteral("o2")));
        QCOMPARE(model.firstUnreadRow(), 8);
        QCOMPARE(model.rowOf(QStringLiteral("n2")), 12);
        QCOMPARE(model.rowOf(QStringLiteral("o1")), 0);
        model.setUnreadDivider(0);
        QCOMPARE(model.firstUnreadRow(), -1);
        model.setUnreadDivider(1000); // more unread than loaded: divider on the first row
        QCOMPARE(model.firstUnreadRow(), 0);
    }

    void deliveryStatusUpdates()
    {
        MessageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendMessage(
            msg(QStringLiteral("m"), QStringLiteral("me"), QDateTime::currentDateTime(), true));
        QCOMPARE(role(model, 0, MessageModel::DeliveryStatusRole).toString(), QStringLiteral("sending"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setDeliveryStatus(QStringLiteral("m"), DeliveryStatus::Failed));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int>{MessageModel::DeliveryStatusRole});
        QCOMPARE(role(model, 0, MessageModel::DeliveryStatusRole).toString(), QStringLiteral("failed"));
        QVERIFY(!model.setDeliveryStatus(QStringLiteral("nope"), DeliveryStatus::Sent));
    }

    void batchAppendOf10000Rows()
    {
        MessageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QDateTime t = QDateTime::currentDateTime().addDays(-2);
        for (int batch = 0; batch < 10; ++batch) {
            QList<ChatMessage> rows;
            rows.reserve(1000);
            for (int i = 0; i < 1000; ++i) {
                const int n = batch * 1000 + i;
                rows.append(msg(QString::number(n), n % 3 ? QStringLiteral("bob") : QStringLiteral("alice"),
                                t.addSecs(n)));
            }
            QCOMPARE(model.appendMessages(rows), 1000);
        }
        QCOMPARE(model.count(), 10000);
        QCOMPARE(inserted.count(), 10); // one beginInsertRows per batch
        QCOMPARE(inserted.at(9).at(1).toInt(), 9000);
        QCOMPARE(inserted.at(9).at(2).toInt(), 9999);
        QCOMPARE(model.rowOf(QStringLiteral("9999")), 9999);
        QCOMPARE(role(model, 9999, MessageModel::MessageIdRole).toString(), QStringLiteral("9999"));
        QVERIFY(model.contains(QStringLiteral("5000")));
        // A batch of 10,000 at once as well.
        MessageModel big;
        QList<ChatMessage> rows;
        for (int n = 0; n < 10000; ++n)
            rows.append(msg(QString::number(n), QStringLiteral("bob"), t.addSecs(n)));
        QSignalSpy bigInserted(&big, &QAbstractItemModel::rowsInserted);
        QCOMPARE(big.appendMessages(rows), 10000);
        QCOMPARE(bigInserted.count(), 1);
    }

    void clearResets()
    {
        MessageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendMessage(msg(QStringLiteral("a"), QStringLiteral("bob"), QDateTime::currentDateTime()));
        model.clear();
        QCOMPARE(model.count(), 0);
        QVERIFY(!model.contains(QStringLiteral("a")));
        QVERIFY(model.appendMessage(
            msg(QStringLiteral("a"), QStringLiteral("bob"), QDateTime::currentDateTime())));
    }
};

QTEST_GUILESS_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
