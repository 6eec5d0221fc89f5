// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 2, the app: "Host on LAN" puts an invite in force and shows it (lanInvite), and
// a second instance on the same computer signs its own token with the shared key file instead of
// asking /negotiate (which now needs the invite): it joins as its own user, not as a guest.
#include "accesskeyfile.h"
#include "apptestfixture.h"
#include "client.h"
#include "connectioncontroller.h"
#include "localservice.h"
#include "secretstore.h"
#include "service.h"

#include <QFile>
#include <QTest>

using namespace Hubbub;
using namespace std::chrono_literals;

namespace {
constexpr int kTimeout = 20000;
} // namespace

class TestSecondInstance : public QObject
{
    Q_OBJECT
    int m_counter = 0;

    AppOptions localOptions(const QString &user)
    {
        AppOptions o =
            HubbubTest::localAppOptions(user, QStringLiteral("gate") + QString::number(++m_counter));
        o.discoverLocalService = true;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(HubbubTest::isolateLocalAppPaths(QStringLiteral("hubbub-tst-gate-secondinstance")));
        QFile::remove(AccessKeyFile::defaultPath());
    }

    void oneKeyFileForServiceAndApp()
    {
        QCOMPARE(LocalService::accessKeyFilePath(), AccessKeyFile::defaultPath());
        const QString key = LocalService::readOrCreateAccessKey();
        QCOMPARE(AccessKeyFile::read(), key);
        QCOMPARE(QFile::permissions(AccessKeyFile::defaultPath()),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                     QFileDevice::WriteUser);
    }

    void secondInstanceSignsWithTheKeyFileWhileHostingOnLan()
    {
        SecretStore secrets(QStringLiteral("t"), false);
        ConnectionController first(localOptions(QStringLiteral("first")), &secrets);
        first.start();
        QTRY_VERIFY_WITH_TIMEOUT(first.isConnected(), kTimeout);
        QVERIFY(first.embedded());
        QVERIFY(first.lanInvite().isEmpty());

        // Host on LAN: an invite is in force and shown next to the address.
        first.setHostOnLan(true);
        QVERIFY(first.hostingOnLan());
        const QString invite = first.lanInvite();
        QVERIFY2(invite.size() >= 22, qPrintable(invite));
        QCOMPARE(invite, first.service()->invite());
        QTRY_VERIFY_WITH_TIMEOUT(first.isConnected(), kTimeout);

        // The second instance has no invite, and needs none: same user, same computer, same key.
        ConnectionController second(localOptions(QStringLiteral("second")), &secrets);
        second.start();
        QTRY_VERIFY_WITH_TIMEOUT(second.isConnected(), kTimeout);
        QVERIFY(!second.embedded());
        QCOMPARE(second.client()->userId(), QStringLiteral("second"));
        QCOMPARE(first.service()->connectionCount(), 2);

        // A guest app (another computer, here the same one) joins with the address and the invite;
        // its profile supplies the device key that holds its name.
        const QString address = QStringLiteral("http://127.0.0.1:%1/").arg(first.service()->port());
        ConnectionController guest(localOptions(QStringLiteral("carol")), &secrets);
        guest.connectTo(ConnectionController::Kind::Negotiate, address + QStringLiteral("?invite=") + invite,
                        QStringLiteral("hubbub"), QStringLiteral("carol"));
        QTRY_VERIFY_WITH_TIMEOUT(guest.isConnected(), kTimeout);
        QCOMPARE(guest.client()->userId(), QStringLiteral("guest:carol"));
        // Without the invite there is no token.
        ConnectionController stranger(localOptions(QStringLiteral("mallory")), &secrets);
        stranger.connectTo(ConnectionController::Kind::Negotiate, address, QStringLiteral("hubbub"),
                           QStringLiteral("mallory"));
        QTest::qWait(1500);
        QVERIFY(!stranger.isConnected());
        QCOMPARE(first.service()->connectionCount(), 3);

        first.setHostOnLan(false);
        QVERIFY(first.lanInvite().isEmpty());
    }
};

QTEST_MAIN(TestSecondInstance)
#include "tst_secondinstance.moc"
