// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file tlsconfiguration.h
//! \brief The TLS settings every `wss://` and `https://` connection of the client uses: the
//! system's CA certificates plus any a caller trusts in addition (a private CA), and a clear
//! description of a certificate that did not verify. Certificate errors are never ignored.
#pragma once

#include "webpubsub_export.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

namespace WebPubSub {

class WEBPUBSUB_EXPORT TlsConfiguration
{
public:
    //! The default configuration, trusting the system's CAs and \a extraCaCertificates.
    static QSslConfiguration withCaCertificates(const QList<QSslCertificate> &extraCaCertificates);
    //! One line saying why the peer's certificate was refused, e.g.
    //! `certificate not trusted: CN=example` or `certificate is for another host: CN=other`.
    static QString describe(const QList<QSslError> &errors);
    //! Reads the PEM CA certificate(s) in \a path; empty with \a error set when there are none.
    static QList<QSslCertificate> readCaFile(const QString &path, QString *error);
};

} // namespace WebPubSub
