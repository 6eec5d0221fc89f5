// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Hubbub's client as a benchmark receiver: `bench-client-receiver URL N`. Counts group messages;
// at N prints `done N <VmHWM kB> <CPU ms>` and keeps running (so that its sequenceAck goes out) until
// bench-client-throughput ends it.
#include "client.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

long peakRssKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression hwm(u"VmHWM:\\s+(\\d+)\\s+kB"_s);
    const QRegularExpressionMatch match = hwm.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLong() : -1;
}

// User + system CPU time of this process so far: robust against other load on a shared machine.
long cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return long(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 +
           long(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Per-connection info lines would only clutter the benchmark's table.
    QLoggingCategory::setFilterRules(u"*.debug=false\n*.info=false"_s);
    const QStringList arguments = QCoreApplication::arguments();
    bool ok = false;
    const qint64 expected = arguments.value(2).toLongLong(&ok);
    if (arguments.size() != 3 || !ok || expected <= 0) {
        std::fprintf(stderr, "usage: bench-client-receiver URL N\n");
        return 2;
    }

    WebPubSub::ClientOptions options;
    options.autoReconnect = false;
    WebPubSub::Client client(WebPubSub::Credential::fromUrl(QUrl(arguments.at(1))), options);
    qint64 received = 0;
    QObject::connect(&client, &WebPubSub::Client::groupMessageReceived, &client,
                     [&received, expected](const WebPubSub::GroupMessage &) {
                         if (++received == expected) {
                             std::printf("done %lld %ld %ld\n", static_cast<long long>(received), peakRssKb(),
                                         cpuMs());
                             std::fflush(stdout);
                         }
                     });
    QObject::connect(&client, &WebPubSub::Client::stopped, &app, &QCoreApplication::quit);
    client.start();
    return app.exec();
}
