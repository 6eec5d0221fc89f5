// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "tlstestpki.h"

#include <QFile>
#include <QProcess>

bool TlsTestPki::openssl(const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000) ||
        process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2 %3")
                     .arg(arguments.join(u' '), process.errorString(),
                          QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool TlsTestPki::makeCa(const QString &name, const QString &subject, QString *error)
{
    return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                    name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".pem"),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), subject},
                   error);
}

bool TlsTestPki::makeServer(const QString &name, const QString &ca, const QString &altNames, QString *error)
{
    QFile ext(path(name + QStringLiteral(".ext")));
    if (!ext.open(QIODevice::WriteOnly)) {
        *error = ext.errorString();
        return false;
    }
    ext.write("subjectAltName=" + altNames.toUtf8() + "\nextendedKeyUsage=serverAuth\n");
    ext.close();
    return openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                    QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + name},
                   error) &&
           openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    name + QStringLiteral(".csr"), QStringLiteral("-CA"), ca + QStringLiteral(".pem"),
                    QStringLiteral("-CAkey"), ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-out"), name + QStringLiteral(".pem"), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-extfile"), name + QStringLiteral(".ext")},
                   error);
}

bool TlsTestPki::create(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    const QString local = QStringLiteral("DNS:localhost,IP:127.0.0.1");
    return makeCa(QStringLiteral("ca"), QStringLiteral("/CN=Hubbub Test CA"), error) &&
           makeCa(QStringLiteral("otherca"), QStringLiteral("/CN=Untrusted Test CA"), error) &&
           makeServer(QStringLiteral("server"), QStringLiteral("ca"), local, error) &&
           makeServer(QStringLiteral("otherhost"), QStringLiteral("ca"), QStringLiteral("DNS:other.invalid"),
                      error) &&
           makeServer(QStringLiteral("untrusted"), QStringLiteral("otherca"), local, error);
}
