// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "secretstore.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Hubbub;

namespace {
// Whether any file under the test-mode config/data folders contains \a needle.
bool secretOnDisk(const QByteArray &needle)
{
    for (auto location : {QStandardPaths::GenericConfigLocation, QStandardPaths::AppConfigLocation,
                          QStandardPaths::AppDataLocation, QStandardPaths::GenericDataLocation}) {
        QDirIterator it(QStandardPaths::writableLocation(location), QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                return true;
        }
    }
    return false;
}
} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("hubbub-tst-secretstore"));
    }

    void memoryOnlyWhenDisabled()
    {
        SecretStore store(QStringLiteral("hubbub-test/memory"), false);
        bool stored = true;
        bool called = false;
        store.write(QStringLiteral("endpoint"), QStringLiteral("Endpoint=http://h;AccessKey=SECRET-ONE;"),
                    [&](bool inKeychain) {
                        stored = inKeychain;
                        called = true;
                    });
        QVERIFY(called);
        QVERIFY(!stored);
        bool found = false;
        QString value;
        store.read(QStringLiteral("endpoint"), [&](bool f, const QString &v) {
            found = f;
            value = v;
        });
        QVERIFY(found);
        QCOMPARE(value, QStringLiteral("Endpoint=http://h;AccessKey=SECRET-ONE;"));
        store.remove(QStringLiteral("endpoint"));
        found = true;
        store.read(QStringLiteral("endpoint"), [&](bool f, const QString &) { found = f; });
        QVERIFY(!found);
        QVERIFY(!secretOnDisk("SECRET-ONE"));
    }

    void keychainOrFallback()
    {
        // With a keychain (a desktop session) the secret lands there; without one (CI: no D-Bus
        // session bus) it must stay in memory, tell the UI, and never touch a file.
        const QByteArray secret = "SECRET-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        SecretStore store(QStringLiteral("hubbub-test/fallback"), true);
        QSignalSpy unavailable(&store, &SecretStore::keychainUnavailable);
        bool done = false;
        bool inKeychain = false;
        store.write(QStringLiteral("endpoint"), QString::fromLatin1(secret), [&](bool ok) {
            inKeychain = ok;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        if (!inKeychain) {
            QCOMPARE(unavailable.count(), 1);
            QVERIFY(store.fallbackUsed());
            QVERIFY(unavailable.at(0).at(0).toString().contains(QStringLiteral("memory")));
        }
        bool found = false;
        QString value;
        bool readDone = false;
        store.read(QStringLiteral("endpoint"), [&](bool f, const QString &v) {
            found = f;
            value = v;
            readDone = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(readDone, 30000);
        QVERIFY(found);
        QCOMPARE(value.toLatin1(), secret);
        QVERIFY(!secretOnDisk(secret));
        if (inKeychain)
            store.remove(QStringLiteral("endpoint"));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
