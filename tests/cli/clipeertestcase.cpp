// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "clipeertestcase.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int kConnectTimeout = 30000;
}

void CliPeerTestCase::init()
{
    m_peer = std::make_unique<FakePubSubService>();
    m_peer->autoAck = false; // every ack is the test's
    QVERIFY(m_peer->listen());
    m_cli = std::make_unique<CliProcess>();
    m_cli->start(QStringList{u"--url"_s, m_peer->clientUrl().toString(), u"--max-retries"_s, u"0"_s} +
                 m_extraArguments);
    QVERIFY2(m_cli->process.waitForStarted(30000), qPrintable(m_cli->process.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_cli->countEvents(u"connected"_s) == 1, kConnectTimeout);
}

void CliPeerTestCase::cleanup()
{
    m_cli.reset();
    m_peer.reset();
}
