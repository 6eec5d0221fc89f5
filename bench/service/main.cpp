// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// bench-service-fanout: how fast hubbub-service fans one sender's group messages out to 1, 100
// and 1000 receivers, with what latency, and how much memory it needs for it. Prints a table;
// docs/benchmarks.md keeps the figures of the project's machine.

#include "fanoutround.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

// 1000 receivers need 1000 sockets here and 1000 in the service (which inherits this limit).
rlim_t raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
    return limit.rlim_cur;
}

QString mib(qint64 kib)
{
    return kib < 0 ? u"?"_s : QString::number(static_cast<double>(kib) / 1024.0, 'f', 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench-service-fanout"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Group fan-out throughput, latency and memory of hubbub-service."_s);
    parser.addHelpOption();
    const QCommandLineOption serviceOption(u"service"_s, u"The hubbub-service executable."_s, u"path"_s,
                                           QStringLiteral(HUBBUB_SERVICE_PATH));
    const QCommandLineOption receiversOption(u"receivers"_s, u"Receiver counts, comma-separated."_s,
                                             u"list"_s, u"1,100,1000"_s);
    const QCommandLineOption messagesOption(u"messages"_s, u"Messages the sender publishes per round."_s,
                                            u"n"_s, u"1000"_s);
    const QCommandLineOption rateOption(u"rate"_s, u"Messages per second the sender publishes."_s, u"n"_s,
                                        u"200"_s);
    const QCommandLineOption payloadOption(u"payload"_s, u"Padding bytes per message."_s, u"n"_s, u"64"_s);
    parser.addOptions({serviceOption, receiversOption, messagesOption, rateOption, payloadOption});
    parser.process(app);

    QTextStream out(stdout);
    // The project machine is shared: the load says how much of it the figures had.
    QFile loadavg(u"/proc/loadavg"_s);
    const QString load = loadavg.open(QIODevice::ReadOnly)
                             ? QString::fromLatin1(loadavg.readAll()).section(u' ', 0, 2)
                             : u"?"_s;
    const rlim_t files = raiseFileLimit();

    std::vector<int> receiverCounts;
    for (const QString &part : parser.value(receiversOption).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int count = part.trimmed().toInt(&ok);
        if (!ok || count < 1) {
            QTextStream(stderr) << "bad --receivers value: " << part << '\n';
            return 2;
        }
        receiverCounts.push_back(count);
    }

    out << "hubbub-service fan-out: " << parser.value(messagesOption) << " messages per round at "
        << parser.value(rateOption) << "/s, " << parser.value(payloadOption)
        << " bytes of padding, json.webpubsub.azure.v1 receivers; open-file limit " << files
        << ", load average " << load << "\n\n";
    out << "receivers  messages  deliveries  connect s  send s  delivered/s  p50 ms  p99 ms  max ms  RSS "
           "joined MiB  peak MiB  note\n";
    out.flush();

    int failures = 0;
    for (int receivers : receiverCounts) {
        RoundConfig config;
        config.servicePath = parser.value(serviceOption);
        config.receivers = receivers;
        config.messages = parser.value(messagesOption).toInt();
        config.ratePerSecond = parser.value(rateOption).toInt();
        config.payloadBytes = parser.value(payloadOption).toInt();
        FanoutRound round(config);
        const RoundResult r = round.run();
        if (!r.error.isEmpty())
            ++failures;
        out << QString::number(receivers).rightJustified(9)
            << QString::number(config.messages).rightJustified(10)
            << QString::number(r.deliveries).rightJustified(12)
            << QString::number(r.connectSeconds, 'f', 2).rightJustified(11)
            << QString::number(r.sendSeconds, 'f', 2).rightJustified(8)
            << QString::number(r.deliveredPerSecond, 'f', 0).rightJustified(13)
            << QString::number(r.p50Ms, 'f', 2).rightJustified(8)
            << QString::number(r.p99Ms, 'f', 2).rightJustified(8)
            << QString::number(r.maxMs, 'f', 1).rightJustified(8) << mib(r.rssAfterJoinKiB).rightJustified(16)
            << mib(r.peakKiB).rightJustified(10)
            << QString::number(r.serviceCpuSeconds, 'f', 2).rightJustified(15)
            << QString::number(r.benchCpuSeconds, 'f', 2).rightJustified(13) << "  " << r.error << '\n';
        out.flush();
    }
    return failures == 0 ? 0 : 1;
}
