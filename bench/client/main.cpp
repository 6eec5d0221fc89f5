// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// bench-client-throughput: N reliable group messages pushed over loopback at Hubbub's client and at
// the official @azure/web-pubsub-client (Node), one after the other, same input; prints msgs/s and
// peak RSS of each and the ratio. Then the same behind hubbub-cli's line interface: hubbub-cli vs a
// Node script printing the same line per message with the official client, timed to the N-th
// `group-message` line read from the receiver's standard output.
#include "throughputserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QString officialVersion(const QString &nodeModules)
{
    QFile package(nodeModules + u"/@azure/web-pubsub-client/package.json"_s);
    if (!package.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QJsonDocument::fromJson(package.readAll()).object().value(u"version"_s).toString();
}

bool printSched = false;

void printRow(const Measurement &m)
{
    if (!m.ok()) {
        std::printf("%-34s %8lld   %s\n", qPrintable(m.client), static_cast<long long>(m.messages),
                    qPrintable(m.error));
        return;
    }
    std::printf("%-34s %8lld %10.3f %12.0f %10.3f %12.0f %12.1f %10.2f\n", qPrintable(m.client),
                static_cast<long long>(m.messages), m.secondsToAck, double(m.messages) / m.secondsToAck,
                m.secondsToLast, double(m.messages) / m.secondsToLast, double(m.peakRssKb) / 1024.0,
                double(m.cpuMs) / 1000.0);
    if (printSched) {
        const auto line = [](const char *who, const SchedStats &s) {
            std::printf(
                "  %-8s on CPU %d, %lld migrations, %lld waits, %lld preemptions, %.3f CPU s (%.2f user, "
                "%.2f system), %lld page faults, %lld reads (%.0f bytes each)\n",
                who, s.cpu, static_cast<long long>(s.migrations), static_cast<long long>(s.voluntarySwitches),
                static_cast<long long>(s.forcedSwitches), double(s.runNs) / 1e9, double(s.userMs) / 1000.0,
                double(s.systemMs) / 1000.0, static_cast<long long>(s.minorFaults),
                static_cast<long long>(s.readCalls),
                s.readCalls > 0 ? double(s.readBytes) / double(s.readCalls) : 0.0);
        };
        line("receiver", m.receiverSched);
        line("sender", m.senderSched);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench-client-throughput"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Client throughput: Hubbub's client vs the official JS client."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"messages"_s, u"Messages per run (default 200000)."_s, u"N"_s, u"200000"_s},
        {u"receiver"_s, u"Hubbub receiver executable."_s, u"PATH"_s, QStringLiteral(BENCH_RECEIVER_PATH)},
        {u"js-receiver"_s, u"The official-client receiver script."_s, u"PATH"_s,
         QStringLiteral(BENCH_JS_RECEIVER)},
        {u"node"_s, u"Node.js executable."_s, u"PATH"_s, u"node"_s},
        {u"node-modules"_s, u"node_modules holding @azure/web-pubsub-client."_s, u"DIR"_s,
         QStringLiteral(BENCH_NODE_MODULES)},
        {u"skip-js"_s, u"Measure Hubbub's client only."_s},
        {u"rate"_s, u"Cap the send rate at this many messages/s (default: no cap)."_s, u"N"_s, u"0"_s},
        {u"skip-hubbub"_s, u"Measure the official client only."_s},
        {u"cli"_s, u"hubbub-cli executable."_s, u"PATH"_s, QStringLiteral(BENCH_CLI_PATH)},
        {u"js-cli"_s, u"The official client behind the CLI's line interface."_s, u"PATH"_s,
         QStringLiteral(BENCH_JS_CLI)},
        {u"skip-library"_s, u"Skip the library comparison (receivers counting in-process)."_s},
        {u"skip-cli"_s, u"Skip the line-interface comparison (hubbub-cli vs the Node script)."_s},
        {u"sched"_s, u"Also print what the scheduler did to the receiver's main thread and to the sender."_s},
        {u"timeout-s"_s, u"Give up on one receiver after this long (default 600)."_s, u"S"_s, u"600"_s},
    });
    parser.process(app);
    bool ok = false;
    const qint64 messages = parser.value(u"messages"_s).toLongLong(&ok);
    if (!ok || messages <= 0) {
        std::fprintf(stderr, "bench-client-throughput: --messages needs a positive integer\n");
        return 2;
    }
    printSched = parser.isSet(u"sched"_s);
    const int timeoutMs = parser.value(u"timeout-s"_s).toInt() * 1000;

    ThroughputServer server(messages);
    server.setRateLimit(parser.value(u"rate"_s).toLongLong());
    if (!server.listen()) {
        std::fprintf(stderr, "bench-client-throughput: cannot listen on loopback\n");
        return 1;
    }
    const QString url = server.url().toString();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();

    // "ack N": until the receiver's sequenceAck of N (what the service sees; includes the receiver's
    // ack batching delay). "last msg": until the receiver reported message N (what the app sees).
    // "CPU s": the receiver's own user+system time (start-up included), immune to other load.
    std::printf("%-34s %8s %10s %12s %10s %12s %12s %10s\n", "client", "N", "s(ack N)", "msgs/s(ack)",
                "s(last)", "msgs/s(last)", "peak RSS MB", "CPU s");
    std::fflush(stdout);
    const QString nodeModules = parser.value(u"node-modules"_s);
    QProcessEnvironment nodeEnvironment = environment;
    nodeEnvironment.insert(u"NODE_PATH"_s, nodeModules);
    const QString officialLabel = u"@azure/web-pubsub-client "_s + officialVersion(nodeModules);
    const bool runHubbub = !parser.isSet(u"skip-hubbub"_s);
    const bool runJs = !parser.isSet(u"skip-js"_s);
    bool allOk = true;
    const auto run = [&](bool wanted, const QString &label, const QString &program,
                         const QStringList &arguments, const QProcessEnvironment &env,
                         ThroughputServer::Report report) {
        Measurement m;
        m.client = label;
        m.messages = messages;
        m.error = u"skipped"_s;
        if (wanted) {
            m = server.measure(label, program, arguments, env, timeoutMs, report);
            printRow(m);
            allOk = allOk && m.ok();
        }
        std::fflush(stdout);
        return m;
    };
    const auto printRatio = [](const char *what, const Measurement &ours, const Measurement &official) {
        if (!ours.ok() || !official.ok())
            return;
        std::printf(
            "ratio %s: %.2fx msgs/s (ack N), %.2fx msgs/s (last msg), %.2fx peak RSS, %.2fx CPU time\n", what,
            official.secondsToAck / ours.secondsToAck, official.secondsToLast / ours.secondsToLast,
            double(ours.peakRssKb) / double(official.peakRssKb), double(ours.cpuMs) / double(official.cpuMs));
        std::fflush(stdout);
    };

    if (!parser.isSet(u"skip-library"_s)) {
        const Measurement ours =
            run(runHubbub, u"hubbub WebPubSub::Client (C++/Qt)"_s, parser.value(u"receiver"_s),
                {url, QString::number(messages)}, environment, ThroughputServer::Report::DoneLine);
        const Measurement official = run(runJs, officialLabel, parser.value(u"node"_s),
                                         {parser.value(u"js-receiver"_s), url, QString::number(messages)},
                                         nodeEnvironment, ThroughputServer::Report::DoneLine);
        printRatio("hubbub/official", ours, official);
    }
    if (!parser.isSet(u"skip-cli"_s)) {
        // Each prints one `group-message` line per message; "last msg" is the N-th such line read
        // here, on the consumer's side of the pipe. RSS and CPU are read from /proc at that moment.
        const Measurement ours = run(runHubbub, u"hubbub-cli (lines)"_s, parser.value(u"cli"_s),
                                     {u"--url"_s, url, u"--log-level"_s, u"warning"_s}, environment,
                                     ThroughputServer::Report::EventLines);
        const Measurement official =
            run(runJs, officialLabel + u" (lines)"_s, parser.value(u"node"_s),
                {parser.value(u"js-cli"_s), url}, nodeEnvironment, ThroughputServer::Report::EventLines);
        printRatio("hubbub-cli/official lines", ours, official);
    }
    return allOk ? 0 : 1;
}
