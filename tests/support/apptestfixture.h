// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What the in-process app tests share: their QStandardPaths isolated and emptied, an
//! in-process Hubbub::Service on a free port, AppOptions for it (fast retries, no keychain), raw
//! clients on its hub, and the waits for "everyone has joined".
#pragma once

#include "appoptions.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QAbstractItemModel;
class QAbstractItemModelTester;
namespace Hubbub {
class AppController;
class Service;
} // namespace Hubbub
namespace WebPubSub {
class Client;
}

namespace HubbubTest {

//! Test-mode QStandardPaths under \a applicationName, its data and config folders emptied, so a run
//! never sees a previous one's profiles.
void isolateAppPaths(const QString &applicationName);

//! AppOptions for an app that embeds its own service on a free port (never the well-known one:
//! tests run in parallel), keeps secrets in memory and retries fast.
Hubbub::AppOptions localAppOptions(const QString &user, const QString &profile);
//! localAppOptions() for user "tester" on a profile named \a profilePrefix and a number no earlier
//! call of this run gave.
Hubbub::AppOptions freshLocalAppOptions(const QString &profilePrefix);
//! isolateAppPaths() in a home of this process's own (HOME points at a temporary folder for the rest
//! of the run), so no other test's local service, published endpoint or key file is seen. False
//! (and nothing changed) when the folder cannot be made.
bool isolateLocalAppPaths(const QString &applicationName);

//! True once every app in \a apps sees every other one in \a room (so all have joined it).
bool allSeeEachOther(const QList<Hubbub::AppController *> &apps, const QString &room, int timeoutMs = 20000);
//! Waits for each app in \a apps to connect, joins it to \a room, then allSeeEachOther().
bool joinAll(const QList<Hubbub::AppController *> &apps, const QString &room, int timeoutMs = 20000);

class AppTestFixture
{
public:
    static const QString hub;
    static const QString accessKey;

    AppTestFixture();
    ~AppTestFixture();

    //! Starts the service on port 0; false with \a error when it cannot listen.
    bool start(QString *error);
    //! isolateAppPaths(\a applicationName), then start().
    bool setUp(const QString &applicationName, QString *error);
    void stop();
    Hubbub::Service *service() const { return m_service.get(); }

    //! Options for an app on this service's hub: defaults (fast retries, no keychain, short "who"
    //! jitter, anything a test changes there) with \a user and \a profile.
    Hubbub::AppOptions options(const QString &user, const QString &profile) const;
    //! options() with a profile no other app of this run has used.
    Hubbub::AppOptions freshOptions(const QString &user);
    //! An AppController on freshOptions(\a user), started.
    std::unique_ptr<Hubbub::AppController> startedApp(const QString &user);
    //! A profile name no other app of this run has used, starting with \a base.
    QString freshProfile(const QString &base);

    //! What options() starts from; a test sets its own timings here once.
    Hubbub::AppOptions defaults;
    //! A client on this service's hub that is not an app (it can send anything); not started.
    std::unique_ptr<WebPubSub::Client> rawClient(const QString &userId, const QStringList &roles) const;
    //! rawClient(), started; nullptr when it has not connected within \a timeoutMs.
    std::unique_ptr<WebPubSub::Client> connectedRawClient(const QString &userId, const QStringList &roles,
                                                          int timeoutMs = 20000) const;

    //! Checks \a model with a QAbstractItemModelTester until resetWatches().
    void watch(QAbstractItemModel *model);
    void resetWatches();

private:
    std::unique_ptr<Hubbub::Service> m_service;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    int m_profileCounter = 0;
};

} // namespace HubbubTest
