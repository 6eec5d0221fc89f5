// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "transitionlogmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Hubbub;

class TestTransitionLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsAndCaps()
    {
        TransitionLogModel model(5);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime t(QDate(2026, 1, 1), QTime(10, 0, 0));
        for (int i = 0; i < 8; ++i)
            model.append(QStringLiteral("entry %1").arg(i), t.addSecs(i));
        QCOMPARE(model.count(), 5);
        QCOMPARE(model.data(model.index(0), TransitionLogModel::TextRole).toString(),
                 QStringLiteral("entry 3"));
        QCOMPARE(model.data(model.index(4), TransitionLogModel::TextRole).toString(),
                 QStringLiteral("entry 7"));
        QCOMPARE(model.data(model.index(4), TransitionLogModel::TimeRole).toDateTime(), t.addSecs(7));
        const QString text = model.toText();
        QVERIFY(text.startsWith(QStringLiteral("10:00:03.000 entry 3\n")));
        QCOMPARE(text.count(u'\n'), 5);
        QCOMPARE(model.roleNames().value(TransitionLogModel::TimeRole), QByteArray("time"));
        QCOMPARE(model.roleNames().value(TransitionLogModel::TextRole), QByteArray("text"));
        model.clear();
        QCOMPARE(model.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTransitionLogModel)
#include "tst_transitionlogmodel.moc"
