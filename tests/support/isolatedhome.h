// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Points HOME and the XDG folders at a fresh temporary directory before the application
//! object exists, so profiles, history, settings and the local service's key stay per test run.
#pragma once

#include <QString>
#include <QTemporaryDir>
#include <QTest>

class IsolatedHome
{
public:
    IsolatedHome();

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

//! The main() of a test that runs in an IsolatedHome: the home first (QStandardPaths reads the
//! environment once, and the processes a test starts inherit it), then an \a Application named
//! \a organization (none when empty) / \a applicationName, then \a Test run by QTest.
template<typename Test, typename Application>
int execInIsolatedHome(int argc, char *argv[], const QString &organization, const QString &applicationName)
{
    IsolatedHome home;
    if (!home.isValid())
        return 1;
    Application app(argc, argv);
    if (!organization.isEmpty())
        Application::setOrganizationName(organization);
    Application::setApplicationName(applicationName);
    Test test;
    return QTest::qExec(&test, argc, argv);
}
