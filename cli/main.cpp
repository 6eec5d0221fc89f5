// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// hubbub-cli: wires the options, the client, standard input and standard output together.
#include "clioptions.h"
#include "commandprocessor.h"
#include "eventwriter.h"
#include "linereader.h"
#include "logging.h"

#include "client.h"

#include <hubbubversion.h>

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"hubbub-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(HUBBUB_VERSION));

    Hubbub::Cli::CliOptions options;
    switch (options.parse(QCoreApplication::arguments())) {
    case Hubbub::Cli::CliOptions::Outcome::Error:
        std::fprintf(stderr, "hubbub-cli: %s\n", qPrintable(options.errorText()));
        return 2;
    case Hubbub::Cli::CliOptions::Outcome::Exit:
        std::fputs(qPrintable(options.exitText()), stdout);
        return 0;
    case Hubbub::Cli::CliOptions::Outcome::Run:
        break;
    }
    QLoggingCategory::setFilterRules(options.loggingRules());
    qCInfo(lcCli).noquote() << "using" << options.describeSource();

    WebPubSub::Client client(options.credential(), options.clientOptions());
    Hubbub::Cli::EventWriter writer;
    Hubbub::Cli::CommandProcessor processor(&client, &writer);
    Hubbub::Cli::LineReader input(0);
    QObject::connect(&input, &Hubbub::Cli::LineReader::lineRead, &processor,
                     &Hubbub::Cli::CommandProcessor::handleLine);
    QObject::connect(&input, &Hubbub::Cli::LineReader::finished, &processor,
                     &Hubbub::Cli::CommandProcessor::handleEndOfInput);
    QObject::connect(&processor, &Hubbub::Cli::CommandProcessor::finished, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);

    client.start();
    input.start();
    const int code = app.exec();
    writer.flush(); // the last lines (`stopped`) before the program ends
    return code;
}
