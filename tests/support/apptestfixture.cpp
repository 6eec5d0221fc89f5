// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "apptestfixture.h"

#include "appcontroller.h"
#include "client.h"
#include "connectioncontroller.h"
#include "localservice.h"
#include "membermodel.h"
#include "service.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

namespace HubbubTest {

const QString AppTestFixture::hub = QStringLiteral("chat");
const QString AppTestFixture::accessKey = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefgh");

namespace {
void setFastRetries(Hubbub::AppOptions &o)
{
    o.clientOptions.reconnectRetry.delay = 200ms;
    o.clientOptions.reconnectRetry.maxDelay = 1000ms;
    o.clientOptions.recoveryRetryDelay = 200ms;
    o.clientOptions.messageRetry.delay = 200ms;
}
} // namespace

void isolateAppPaths(const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(applicationName);
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).removeRecursively();
}

Hubbub::AppOptions localAppOptions(const QString &user, const QString &profile)
{
    Hubbub::AppOptions o;
    o.endpoint = Hubbub::AppOptions::Endpoint::Local;
    o.localServicePort = 0;
    o.discoverLocalService = false;
    o.useKeychain = false;
    o.user = user;
    o.profile = profile;
    setFastRetries(o);
    return o;
}

Hubbub::AppOptions freshLocalAppOptions(const QString &profilePrefix)
{
    static int counter = 0;
    return localAppOptions(QStringLiteral("tester"), profilePrefix + QString::number(++counter));
}

bool isolateLocalAppPaths(const QString &applicationName)
{
    // The local service's published endpoint and key file live in the generic folders, which test
    // mode puts under ~/.qttest for every test process alike: ctest -j runs other tests beside this
    // one, whose embedded services publish there too (one found another test's service and joined
    // it on CI) and which remove the file at their start. A home of this process's own keeps "who
    // hosts" and the key this test's alone; the processes it starts inherit it.
    static QTemporaryDir home;
    if (!home.isValid())
        return false;
    qputenv("HOME", QFile::encodeName(home.path()));
    isolateAppPaths(applicationName);
    QFile::remove(Hubbub::LocalService::sharedSettingsPath());
    return true;
}

bool joinAll(const QList<Hubbub::AppController *> &apps, const QString &room, int timeoutMs)
{
    for (Hubbub::AppController *app : apps) {
        if (!QTest::qWaitFor([app] { return app->connection()->isConnected(); }, timeoutMs))
            return false;
        app->joinRoom(room);
    }
    return allSeeEachOther(apps, room, timeoutMs);
}

bool allSeeEachOther(const QList<Hubbub::AppController *> &apps, const QString &room, int timeoutMs)
{
    return QTest::qWaitFor(
        [&apps, &room] {
            for (Hubbub::AppController *a : apps) {
                for (Hubbub::AppController *b : apps) {
                    if (a != b && a->directory()->openMembers(room)->presence(b->userId()) ==
                                      Hubbub::MemberModel::Presence::Offline)
                        return false;
                }
            }
            return true;
        },
        timeoutMs);
}

AppTestFixture::AppTestFixture()
{
    defaults.endpoint = Hubbub::AppOptions::Endpoint::ConnectionString;
    defaults.hub = hub;
    defaults.useKeychain = false;
    defaults.whoJitterMax = 200ms;
    setFastRetries(defaults);
}

AppTestFixture::~AppTestFixture()
{
    stop();
}

bool AppTestFixture::start(QString *error)
{
    Hubbub::ServiceOptions so;
    so.port = 0;
    so.accessKey = accessKey;
    m_service = std::make_unique<Hubbub::Service>(so);
    return m_service->start(error);
}

bool AppTestFixture::setUp(const QString &applicationName, QString *error)
{
    isolateAppPaths(applicationName);
    return start(error);
}

void AppTestFixture::stop()
{
    resetWatches();
    m_service.reset();
}

Hubbub::AppOptions AppTestFixture::options(const QString &user, const QString &profile) const
{
    Hubbub::AppOptions o = defaults;
    o.connectionString = m_service->connectionString();
    o.user = user;
    o.profile = profile;
    return o;
}

Hubbub::AppOptions AppTestFixture::freshOptions(const QString &user)
{
    return options(user, freshProfile(user));
}

std::unique_ptr<Hubbub::AppController> AppTestFixture::startedApp(const QString &user)
{
    auto app = std::make_unique<Hubbub::AppController>(freshOptions(user));
    app->start();
    return app;
}

QString AppTestFixture::freshProfile(const QString &base)
{
    return base + QString::number(++m_profileCounter);
}

std::unique_ptr<WebPubSub::Client> AppTestFixture::rawClient(const QString &userId,
                                                             const QStringList &roles) const
{
    const auto cs = WebPubSub::ConnectionString::parse(m_service->connectionString());
    WebPubSub::ClientTokenOptions token;
    token.userId = userId;
    token.roles = roles;
    return std::make_unique<WebPubSub::Client>(WebPubSub::Credential::fromConnectionString(*cs, hub, token));
}

std::unique_ptr<WebPubSub::Client>
AppTestFixture::connectedRawClient(const QString &userId, const QStringList &roles, int timeoutMs) const
{
    auto client = rawClient(userId, roles);
    QSignalSpy connected(client.get(), &WebPubSub::Client::connected);
    client->start();
    if (!QTest::qWaitFor([&connected] { return connected.count() > 0; }, timeoutMs))
        return nullptr;
    return client;
}

void AppTestFixture::watch(QAbstractItemModel *model)
{
    m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::QtTest));
}

void AppTestFixture::resetWatches()
{
    m_testers.clear();
}

} // namespace HubbubTest
