// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// consumer.installed: the library as an outside project sees it. Installs WebPubSubQt6's
// components into a scratch prefix, checks what is (and is not) there and the pkg-config module,
// builds tests/consumer/project against the prefix only, and runs it against a real hubbub-service.
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace std::chrono_literals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs a command to completion (generously: the machine may be loaded) and keeps its output.
Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &env = {},
        std::chrono::milliseconds timeout = 240s)
{
    QProcess process;
    if (!env.isEmpty())
        process.setProcessEnvironment(env);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(int(timeout.count()))) {
        process.kill();
        process.waitForFinished();
        result.err =
            QStringLiteral("timed out: ") + program + QLatin1Char(' ') + arguments.join(QLatin1Char(' '));
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

QString describe(const Run &r)
{
    return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3").arg(r.exitCode).arg(r.out, r.err);
}

} // namespace

class TestConsumer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installed();

private:
    void install(const QString &prefix);
    void checkInstalledFiles(const QString &prefix);
    void checkPkgConfig(const QString &prefix);
    QString buildConsumer(const QString &prefix, const QString &buildDir);
    void runAgainstService(const QString &consumer, const QString &prefix);
};

void TestConsumer::install(const QString &prefix)
{
    for (const char *component : {"WebPubSubQt6", "WebPubSubQt6-dev"}) {
        const Run r =
            run(QStringLiteral(HUBBUB_CMAKE_COMMAND),
                {QStringLiteral("--install"), QStringLiteral(HUBBUB_BUILD_DIR), QStringLiteral("--prefix"),
                 prefix, QStringLiteral("--component"), QString::fromLatin1(component)});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    }
}

void TestConsumer::checkInstalledFiles(const QString &prefix)
{
    const QString include = prefix + QStringLiteral("/include/WebPubSub/");
    // The public API: client.h and everything it includes, the models, the export macro.
    for (const char *header :
         {"client.h", "clientoptions.h", "credential.h", "connectionstring.h", "datamessage.h",
          "diagnostics.h", "error.h", "operationresult.h", "payload.h", "retrypolicy.h",
          "groupmessagemodel.h", "joinedgroupsmodel.h", "webpubsub_export.h"})
        QVERIFY2(QFileInfo::exists(include + QLatin1String(header)), header);

    // Nothing private: no _p.h, no wire internals, only the library (and its links) under lib.
    QStringList installed;
    QDirIterator it(prefix, QDir::Files | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        installed << QDir(prefix).relativeFilePath(it.next());
    for (const QString &path : std::as_const(installed)) {
        const QString name = QFileInfo(path).fileName();
        QVERIFY2(!name.endsWith(QLatin1String("_p.h")), qPrintable(path));
        for (const char *internal : {"frame.h", "framecodec.h", "accesstoken.h", "pendingoperation.h",
                                     "ackidallocator.h", "sequencetracker.h"})
            QVERIFY2(name != QLatin1String(internal), qPrintable(path));
        QVERIFY2(!name.contains(QLatin1String("hubbub"), Qt::CaseInsensitive), qPrintable(path));
    }
    QVERIFY2(installed.filter(QRegularExpression(QStringLiteral("/libWebPubSubQt6\\.so\\.0\\.1$"))).size() ==
                 1,
             qPrintable(installed.join(QLatin1Char('\n'))));
    QVERIFY2(
        !installed
             .filter(QRegularExpression(QStringLiteral("cmake/WebPubSubQt6/WebPubSubQt6Config\\.cmake$")))
             .isEmpty(),
        qPrintable(installed.join(QLatin1Char('\n'))));
}

void TestConsumer::checkPkgConfig(const QString &prefix)
{
    QDirIterator it(prefix, {QStringLiteral("WebPubSubQt6.pc")}, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY2(it.hasNext(), "no WebPubSubQt6.pc installed");
    const QString pcDir = QFileInfo(it.next()).absolutePath();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PKG_CONFIG_PATH"), pcDir);
    const Run r =
        run(QStringLiteral("pkg-config"),
            {QStringLiteral("--cflags"), QStringLiteral("--libs"), QStringLiteral("WebPubSubQt6")}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QStringList flags = r.out.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QVERIFY2(flags.contains(QStringLiteral("-lWebPubSubQt6")), qPrintable(r.out));
    QVERIFY2(flags.contains(QStringLiteral("-lQt6WebSockets")), qPrintable(r.out));
    // The include directory it names is the prefix's (the .pc file is relocatable).
    bool includesPrefix = false;
    for (const QString &flag : flags) {
        if (flag.startsWith(QLatin1String("-I")) &&
            QFileInfo(flag.mid(2)).canonicalFilePath() ==
                QFileInfo(prefix + QStringLiteral("/include")).canonicalFilePath())
            includesPrefix = true;
    }
    QVERIFY2(includesPrefix, qPrintable(r.out));

    // And the flags are enough to compile against the API.
    QStringList compile = {QStringLiteral("-fsyntax-only"), QStringLiteral("-std=c++17"),
                           QStringLiteral("-fPIC")};
    compile << flags.filter(QRegularExpression(QStringLiteral("^-[ID]")));
    compile << QStringLiteral(HUBBUB_CONSUMER_SOURCE_DIR "/main.cpp");
    const Run cxx = run(QStringLiteral(HUBBUB_CXX_COMPILER), compile);
    QVERIFY2(cxx.exitCode == 0, qPrintable(describe(cxx)));
}

QString TestConsumer::buildConsumer(const QString &prefix, const QString &buildDir)
{
    const Run configure =
        run(QStringLiteral(HUBBUB_CMAKE_COMMAND),
            {QStringLiteral("-S"), QStringLiteral(HUBBUB_CONSUMER_SOURCE_DIR), QStringLiteral("-B"), buildDir,
             QStringLiteral("-G"), QStringLiteral(HUBBUB_CMAKE_GENERATOR),
             QStringLiteral("-DCMAKE_PREFIX_PATH=") + prefix, QStringLiteral("-DCMAKE_BUILD_TYPE=Release"),
             QStringLiteral("-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF")});
    if (configure.exitCode != 0) {
        QTest::qFail(qPrintable(describe(configure)), __FILE__, __LINE__);
        return {};
    }
    // The package came from the scratch prefix, not from the build tree or the system.
    QFile cache(buildDir + QStringLiteral("/CMakeCache.txt"));
    if (!cache.open(QIODevice::ReadOnly)) {
        QTest::qFail("no CMakeCache.txt", __FILE__, __LINE__);
        return {};
    }
    const QString cacheText = QString::fromUtf8(cache.readAll());
    const auto dir = QRegularExpression(QStringLiteral("WebPubSubQt6_DIR:PATH=(.*)")).match(cacheText);
    if (!dir.hasMatch() ||
        !QFileInfo(dir.captured(1)).canonicalFilePath().startsWith(QFileInfo(prefix).canonicalFilePath())) {
        QTest::qFail(qPrintable(QStringLiteral("package not from the prefix: ") + dir.captured(1)), __FILE__,
                     __LINE__);
        return {};
    }

    const Run build = run(QStringLiteral(HUBBUB_CMAKE_COMMAND), {QStringLiteral("--build"), buildDir});
    if (build.exitCode != 0) {
        QTest::qFail(qPrintable(describe(build)), __FILE__, __LINE__);
        return {};
    }
    return buildDir + QStringLiteral("/consumer");
}

void TestConsumer::runAgainstService(const QString &consumer, const QString &prefix)
{
    // It loads the installed library, not the one in the build tree.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LD_LIBRARY_PATH"));
    env.remove(QStringLiteral("QT_LOGGING_RULES")); // the library's own defaults
    const Run ldd = run(QStringLiteral("ldd"), {consumer}, env);
    QVERIFY2(ldd.exitCode == 0, qPrintable(describe(ldd)));
    const auto loaded =
        QRegularExpression(QStringLiteral("libWebPubSubQt6\\.so\\.0\\.1 => (\\S+)")).match(ldd.out);
    QVERIFY2(loaded.hasMatch(), qPrintable(ldd.out));
    QVERIFY2(
        QFileInfo(loaded.captured(1)).canonicalFilePath().startsWith(QFileInfo(prefix).canonicalFilePath()),
        qPrintable(ldd.out));

    QProcess service;
    // A key of our own: the default one is kept in the user's config folder.
    service.start(QStringLiteral(HUBBUB_SERVICE),
                  {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--access-key"),
                   QStringLiteral("consumer-test-access-key-0123456789abcdef")});
    QVERIFY2(service.waitForStarted(), qPrintable(service.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(service.canReadLine() || service.state() != QProcess::Running, 60000);
    const auto ready = QJsonDocument::fromJson(service.readLine()).object();
    const QString connectionString = ready.value(QStringLiteral("connectionString")).toString();
    QVERIFY2(!connectionString.isEmpty(), qPrintable(QString::fromLocal8Bit(service.readAllStandardError())));

    const Run consumerRun = run(consumer, {connectionString}, env, 120s);
    service.terminate();
    service.waitForFinished(10000);
    QVERIFY2(consumerRun.exitCode == 0, qPrintable(describe(consumerRun)));
    QVERIFY2(consumerRun.out.contains(QLatin1String("received own message as consumer")),
             qPrintable(consumerRun.out));
}

void TestConsumer::installed()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString prefix = scratch.filePath(QStringLiteral("prefix"));

    install(prefix);
    if (QTest::currentTestFailed())
        return;
    checkInstalledFiles(prefix);
    if (QTest::currentTestFailed())
        return;
    checkPkgConfig(prefix);
    if (QTest::currentTestFailed())
        return;
    const QString consumer = buildConsumer(prefix, scratch.filePath(QStringLiteral("build")));
    if (QTest::currentTestFailed())
        return;
    runAgainstService(consumer, prefix);
}

QTEST_GUILESS_MAIN(TestConsumer)
#include "tst_consumer.moc"
