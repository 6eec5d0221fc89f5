// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The base of an in-process app test class: owns the AppTestFixture and gives the class
//! Qt Test's initTestCase (isolated paths, the service started), cleanup (the model watches
//! dropped) and cleanupTestCase (the service stopped), so a test class holds only its tests.
#pragma once

#include "apptestfixture.h"

#include <QObject>

namespace HubbubTest {

//! Qt Test finds these slots through the meta-object by name, inherited ones too; a derived class
//! that declares its own slot of the same name replaces the one here. A derived class changes
//! m_hub.defaults in its constructor (before initTestCase starts the service).
class AppTestCase : public QObject
{
    Q_OBJECT

protected:
    AppTestCase() = default;

    AppTestFixture m_hub;

private Q_SLOTS:
    //! The test-mode QStandardPaths are named after the program (tst_chat_edit:
    //! hubbub-tst-chat-edit), so test programs running in parallel never share a profile folder.
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
};

} // namespace HubbubTest
