// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file clioptions.h
//! \brief hubbub-cli's command line (spec/cli.md "Invocation"), parsed and checked into the
//! Credential and ClientOptions a Client is made from.
#pragma once

#include "clientoptions.h"
#include "connectionstring.h"
#include "credential.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Hubbub::Cli {

class CliOptions
{
public:
    enum class Source { Url, Negotiate, ConnectionString };
    enum class Outcome {
        Run,   //!< the options are good: start the client
        Exit,  //!< --help or --version was printed: exit 0
        Error, //!< errorText() says what is wrong: exit 2
    };

    //! Parses \a arguments (argv, program name first).
    Outcome parse(const QStringList &arguments);

    //! One line saying what is wrong, when parse() returned Error.
    QString errorText() const { return m_error; }
    //! The text to print when parse() returned Exit.
    QString exitText() const { return m_exitText; }

    Source source() const { return m_source; }
    QUrl url() const { return m_url; }
    QUrl negotiateUrl() const { return m_negotiateUrl; }
    std::optional<WebPubSub::ConnectionString> connectionString() const { return m_connectionString; }
    QString hub() const { return m_hub; }
    WebPubSub::ClientTokenOptions tokenOptions() const { return m_tokenOptions; }
    WebPubSub::ClientOptions clientOptions() const { return m_clientOptions; }
    //! `error`, `warning`, `info` or `debug`.
    QString logLevel() const { return m_logLevel; }
    //! QLoggingCategory::setFilterRules() text for logLevel().
    QString loggingRules() const;

    //! Where the client gets its URL from, as parsed.
    WebPubSub::Credential credential() const;
    //! The source for a log line: URLs redacted, no access key.
    QString describeSource() const;

private:
    QString m_error;
    QString m_exitText;
    Source m_source = Source::Url;
    QUrl m_url;
    QUrl m_negotiateUrl;
    std::optional<WebPubSub::ConnectionString> m_connectionString;
    QString m_hub;
    WebPubSub::ClientTokenOptions m_tokenOptions;
    WebPubSub::ClientOptions m_clientOptions;
    QString m_logLevel = QStringLiteral("warning");
};

} // namespace Hubbub::Cli
