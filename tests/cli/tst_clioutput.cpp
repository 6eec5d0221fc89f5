// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// hubbub-cli's buffered standard output, read through a pipe as scripts read it: an answer is never
// left in the buffer while the program waits (for more input or the network), and a burst of events
// arrives complete, in order, one JSON object per line.
#include "clipeertestcase.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 30000;
}

class TestCliOutput : public CliPeerTestCase
{
    Q_OBJECT
private Q_SLOTS:
    void answerArrivesWithoutFurtherInput();
    void burstArrivesCompleteAndInOrder();
    void bigMessagesAreNotSplit();
    void lastLinesArriveBeforeExit();
};

void TestCliOutput::answerArrivesWithoutFurtherInput()
{
    // Standard input stays open and nothing else happens: the program goes back to waiting, and
    // the answer must have been written by then.
    for (int i = 0; i < 3; ++i) {
        const QString id = u"s%1"_s.arg(i);
        m_cli->send({{u"op"_s, u"state"_s}, {u"id"_s, id}});
        QTRY_VERIFY_WITH_TIMEOUT(m_cli->hasResult(id), Timeout);
        QCOMPARE(m_cli->countEvents(u"state"_s), i + 1);
        QCOMPARE(m_cli->firstEvent(u"state"_s).value(u"state"_s).toString(), u"Connected"_s);
    }
    // The same for an event caused by the network, not by input.
    m_peer->sendGroupMessage(m_peer->last(), u"g"_s, u"text"_s, u"just one"_s, 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_cli->countEvents(u"group-message"_s), 1, Timeout);
    QCOMPARE(m_cli->firstEvent(u"group-message"_s).value(u"data"_s).toString(), u"just one"_s);
}

void TestCliOutput::burstArrivesCompleteAndInOrder()
{
    constexpr int Count = 20000;
    for (int i = 1; i <= Count; ++i)
        m_peer->sendGroupMessage(m_peer->last(), u"g"_s, u"text"_s, u"message \"%1\"\n\u00e9"_s.arg(i), i);
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->countEvents(u"group-message"_s) >= Count, Timeout * 4);
    QCOMPARE(m_cli->countEvents(u"invalidLine"_s), 0);
    // Every line is one whole event: connected, then the messages in order, nothing else.
    QCOMPARE(m_cli->events.size(), Count + 1);
    for (int i = 1; i <= Count; ++i) {
        const QJsonObject event = m_cli->events.at(i);
        QCOMPARE(event.value(u"event"_s).toString(), u"group-message"_s);
        QCOMPARE(event.value(u"sequenceId"_s).toInteger(), i);
        QCOMPARE(event.value(u"data"_s).toString(), u"message \"%1\"\n\u00e9"_s.arg(i));
        QCOMPARE(event.value(u"group"_s).toString(), u"g"_s);
        QCOMPARE(event.value(u"fromUserId"_s).toString(), u"bob"_s);
        QCOMPARE(event.value(u"dataType"_s).toString(), u"text"_s);
    }
}

void TestCliOutput::bigMessagesAreNotSplit()
{
    // Lines larger than a pipe buffer (64 KiB) and, together, than the output buffer's limit.
    constexpr int Count = 12;
    const QString big(512 * 1024, u'z');
    for (int i = 1; i <= Count; ++i)
        m_peer->sendGroupMessage(m_peer->last(), u"g"_s, u"json"_s, QJsonObject{{u"n"_s, i}, {u"big"_s, big}},
                                 i);
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->countEvents(u"group-message"_s) >= Count, Timeout * 2);
    QCOMPARE(m_cli->countEvents(u"invalidLine"_s), 0);
    for (int i = 1; i <= Count; ++i) {
        const QJsonObject data = m_cli->events.at(i).value(u"data"_s).toObject();
        QCOMPARE(data.value(u"n"_s).toInt(), i);
        QCOMPARE(data.value(u"big"_s).toString().size(), big.size());
    }
}

void TestCliOutput::lastLinesArriveBeforeExit()
{
    m_cli->send({{u"op"_s, u"state"_s}, {u"id"_s, u"last"_s}});
    m_cli->closeInput();
    QVERIFY(m_cli->process.waitForFinished(Timeout));
    m_cli->readOutput();
    QVERIFY(m_cli->hasResult(u"last"_s));
    QCOMPARE(m_cli->events.constLast().value(u"event"_s).toString(), u"stopped"_s);
    QCOMPARE(m_cli->process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_clioutput.moc"
