// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Test certificates made with the `openssl` command at test time (no private key is
//! committed): a private CA, a server certificate it signs for 127.0.0.1/localhost, one it signs
//! for another host name, and a second CA nobody trusts with a server certificate of its own.
#pragma once

#include <QString>
#include <QTemporaryDir>

class TlsTestPki
{
public:
    //! Creates everything in a temporary folder; false with \a error on failure.
    bool create(QString *error);

    QString caFile() const { return path(QStringLiteral("ca.pem")); }
    QString serverCert() const { return path(QStringLiteral("server.pem")); }
    QString serverKey() const { return path(QStringLiteral("server.key")); }
    //! Signed by the trusted CA, but for `other.invalid` only.
    QString otherHostCert() const { return path(QStringLiteral("otherhost.pem")); }
    QString otherHostKey() const { return path(QStringLiteral("otherhost.key")); }
    //! For 127.0.0.1/localhost, signed by a CA nobody trusts.
    QString untrustedCert() const { return path(QStringLiteral("untrusted.pem")); }
    QString untrustedKey() const { return path(QStringLiteral("untrusted.key")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    bool openssl(const QStringList &arguments, QString *error);
    bool makeCa(const QString &name, const QString &subject, QString *error);
    bool makeServer(const QString &name, const QString &ca, const QString &altNames, QString *error);

    QTemporaryDir m_dir;
};
