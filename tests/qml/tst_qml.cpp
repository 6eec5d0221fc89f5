// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Qt Quick Test entry point for the Hubbub.Ui components: makes the statically linked module
// importable and hands the tests a factory of real AppCore models (QmlTestSetup).
#include "qmltestsetup.h"

#include <QtQuickTest>

QUICK_TEST_MAIN_WITH_SETUP(hubbub_qml, QmlTestSetup)
