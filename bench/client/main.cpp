// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// bench-client-throughput: N reliable group messages pushed over loopback at Hubbub's client and at
// the official @azure/web-pubsub-client (Node), one after the other, same input; prints msgs/s and
// peak RSS of each and the ratio.
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
        {u"timeout-s"_s, u"Give up on one receiver after this long (default 600)."_s, u"S"_s, u"600"_s},
    });
    parser.process(app);
    bool ok = false;
    const qint64 messages = parser.value(u"messages"_s).toLongLong(&ok);
    if (!ok || messages <= 0) {
        std::fprintf(stderr, "bench-client-throughput: --messages needs a positive integer\n");
        return 2;
    }
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
    Measurement ours;
    ours.error = u"skipped"_s;
    if (!parser.isSet(u"skip-hubbub"_s)) {
        ours = server.measure(u"hubbub WebPubSub::Client (C++/Qt)"_s, parser.value(u"receiver"_s),
                              {url, QString::number(messages)}, environment, timeoutMs);
        printRow(ours);
    }
    std::fflush(stdout);
    if (parser.isSet(u"skip-js"_s))
        return ours.ok() ? 0 : 1;

    const QString nodeModules = parser.value(u"node-modules"_s);
    environment.insert(u"NODE_PATH"_s, nodeModules);
    const Measurement official = server.measure(
        u"@azure/web-pubsub-client "_s + officialVersion(nodeModules), parser.value(u"node"_s),
        {parser.value(u"js-receiver"_s), url, QString::number(messages)}, environment, timeoutMs);
    printRow(official);
    if (ours.ok() && official.ok()) {
        std::printf("ratio hubbub/official: %.2fx msgs/s (ack N), %.2fx msgs/s (last msg), %.2fx peak RSS, "
                    "%.2fx CPU time\n",
                    official.secondsToAck / ours.secondsToAck, official.secondsToLast / ours.secondsToLast,
                    double(ours.peakRssKb) / double(official.peakRssKb),
                    double(ours.cpuMs) / double(official.cpuMs));
    }
    std::fflush(stdout);
    return ours.ok() && official.ok() ? 0 : 1;
}
