// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 6 / "The house": the one access-key file helper of the service and the app. The
// file is created 0600 whatever the umask, never seen with wider permissions or half written, and
// two processes creating it at the same moment end up with the same key.
#include <accesskeyfile.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <sys/stat.h>
#include <thread>

using Hubbub::AccessKeyFile;

class TestKeyFile : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    mode_t savedUmask = 0;

    QString path(const QString &name) const
    {
        return dir.path() + u'/' + name + QStringLiteral("/service-access-key");
    }
    static mode_t modeOf(const QString &file)
    {
        struct stat st = {};
        return ::stat(QFile::encodeName(file).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        // The most permissive umask: only the helper's own care keeps the file private.
        savedUmask = ::umask(0);
    }
    void cleanupTestCase() { ::umask(savedUmask); }

    void createdOwnerOnly()
    {
        const QString file = path(QStringLiteral("created"));
        QString error;
        const QString key = AccessKeyFile::readOrCreate(file, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(AccessKeyFile::isUsable(key));
        QVERIFY(!key.contains(u'=') && !key.contains(u'+') && !key.contains(u'/'));
        QCOMPARE(modeOf(file), mode_t(0600));
        // Nothing else is left in the folder (no temporary file).
        QCOMPARE(QDir(QFileInfo(file).absolutePath()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("service-access-key")});
        // Stable: read back, not regenerated.
        QCOMPARE(AccessKeyFile::readOrCreate(file), key);
        QCOMPARE(AccessKeyFile::read(file), key);
    }

    void neverVisibleWideOrPartial()
    {
        // A watcher stats the final path as fast as it can while the key is created over and over:
        // it must never see the file readable by others, or without its complete key.
        const QString file = path(QStringLiteral("watched"));
        QDir().mkpath(QFileInfo(file).absolutePath());
        const QByteArray native = QFile::encodeName(file);
        std::atomic<bool> stop = false;
        std::atomic<int> wide = 0;
        std::atomic<int> partial = 0;
        std::atomic<int> seen = 0;
        std::thread watcher([&] {
            while (!stop) {
                struct stat st = {};
                if (::stat(native.constData(), &st) != 0)
                    continue;
                ++seen;
                if (st.st_mode & 077)
                    ++wide;
                if (st.st_size < 32)
                    ++partial;
            }
        });
        for (int i = 0; i < 300; ++i) {
            QVERIFY(AccessKeyFile::isUsable(AccessKeyFile::readOrCreate(file)));
            QFile::remove(file);
        }
        stop = true;
        watcher.join();
        QVERIFY(seen > 0);
        QCOMPARE(wide.load(), 0);
        QCOMPARE(partial.load(), 0);
    }

    void concurrentCreatorsAgree()
    {
        for (int round = 0; round < 50; ++round) {
            const QString file = path(QStringLiteral("race%1").arg(round));
            QString a;
            QString b;
            std::thread first([&] { a = AccessKeyFile::readOrCreate(file); });
            std::thread second([&] { b = AccessKeyFile::readOrCreate(file); });
            first.join();
            second.join();
            QCOMPARE(a, b);
            QCOMPARE(AccessKeyFile::read(file), a);
        }
    }

    void wideOrBadFilesRepaired()
    {
        const QString file = path(QStringLiteral("old"));
        QDir().mkpath(QFileInfo(file).absolutePath());
        const QByteArray oldKey(40, 'k');
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(oldKey + '\n');
        }
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
        // An older version's world-readable file: kept, but restricted to its owner.
        QCOMPARE(AccessKeyFile::readOrCreate(file), QString::fromLatin1(oldKey));
        QCOMPARE(modeOf(file), mode_t(0600));

        // A file without a usable key is replaced by a new 0600 one.
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("short;\n");
        }
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0666) == 0);
        const QString fresh = AccessKeyFile::readOrCreate(file);
        QVERIFY(AccessKeyFile::isUsable(fresh));
        QCOMPARE(AccessKeyFile::read(file), fresh);
        QCOMPARE(modeOf(file), mode_t(0600));
    }
};

QTEST_GUILESS_MAIN(TestKeyFile)
#include "tst_keyfile.moc"
