// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "tlsconfiguration.h"

#include <QFile>
#include <QStringList>

namespace WebPubSub {

namespace {

QString subjectOf(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return QStringLiteral("(no certificate)");
    const QString subject = certificate.subjectDisplayName();
    return subject.isEmpty() ? certificate.subjectInfo(QSslCertificate::CommonName).join(u", ") : subject;
}

} // namespace

QSslConfiguration TlsConfiguration::withCaCertificates(const QList<QSslCertificate> &extraCaCertificates)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (extraCaCertificates.isEmpty())
        return configuration; // the system's store, loaded as the backend prefers
    // Setting CAs explicitly turns off the backend's on-demand loading of the system store, so
    // the system's certificates are added explicitly too: the private CA is trusted *as well*.
    QList<QSslCertificate> all = QSslConfiguration::systemCaCertificates();
    all += extraCaCertificates;
    configuration.setCaCertificates(all);
    return configuration;
}

QString TlsConfiguration::describe(const QList<QSslError> &errors)
{
    QStringList parts;
    for (const QSslError &error : errors) {
        QString part;
        switch (error.error()) {
        case QSslError::HostNameMismatch:
            part = QStringLiteral("certificate is for another host: %1").arg(subjectOf(error.certificate()));
            break;
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
            part = QStringLiteral("certificate not trusted: %1").arg(subjectOf(error.certificate()));
            break;
        case QSslError::CertificateExpired:
            part = QStringLiteral("certificate expired: %1").arg(subjectOf(error.certificate()));
            break;
        default:
            part = error.certificate().isNull()
                       ? error.errorString()
                       : QStringLiteral("%1: %2").arg(error.errorString(), subjectOf(error.certificate()));
            break;
        }
        if (!parts.contains(part))
            parts.append(part);
    }
    return parts.isEmpty() ? QStringLiteral("TLS handshake failed") : parts.join(u"; ");
}

QList<QSslCertificate> TlsConfiguration::readCaFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read '%1': %2").arg(path, file.errorString());
        return {};
    }
    QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    certificates.removeIf([](const QSslCertificate &c) { return c.isNull(); });
    if (certificates.isEmpty() && error)
        *error = QStringLiteral("'%1' holds no PEM certificate").arg(path);
    return certificates;
}

} // namespace WebPubSub
