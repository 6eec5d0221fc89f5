// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The base of the hubbub-cli tests that run one session per test function: before each, a
//! scripted fake Web PubSub peer (acks by the test) and the real hubbub-cli connected to it; after
//! each, both gone.
#pragma once

#include "cliprocess.h"
#include "fakepubsubservice.h"

#include <QObject>
#include <QStringList>

#include <memory>

//! Qt Test finds init and cleanup through the meta-object, inherited ones too. A derived class
//! adds hubbub-cli arguments in its constructor (m_extraArguments).
class CliPeerTestCase : public QObject
{
    Q_OBJECT

protected:
    //! After `--url <the peer> --max-retries 0`.
    QStringList m_extraArguments;
    std::unique_ptr<FakePubSubService> m_peer;
    std::unique_ptr<CliProcess> m_cli;

private Q_SLOTS:
    void init();
    void cleanup();
};
