// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "accesskeyfile.h"

#include "logging_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Hubbub {

namespace {
constexpr qsizetype MinKeyLength = 32;

//! Writes \a data to a new file \a path created with mode 0600 (fails if it exists).
bool writeExclusive(const QByteArray &path, const QByteArray &data)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return false;
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ::close(fd);
            ::unlink(path.constData());
            return false;
        }
        done += n;
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced)
        ::unlink(path.constData());
    return synced;
}
} // namespace

QString AccessKeyFile::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/hubbub/service-access-key");
}

bool AccessKeyFile::isUsable(const QString &key)
{
    return key.size() >= MinKeyLength && !key.contains(u';');
}

QString AccessKeyFile::generate()
{
    QByteArray bytes(33, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString AccessKeyFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString key = QString::fromUtf8(file.read(4096)).trimmed();
    if (!isUsable(key))
        return {};
    // A file left readable by others (older versions wrote it that way): narrow it now.
    const auto wide =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (file.permissions() & wide) {
        qCWarning(lcService) << "the access-key file was readable by others; restricting it to its owner";
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return key;
}

QString AccessKeyFile::readOrCreate(const QString &path, QString *error)
{
    const QString existing = read(path);
    if (!existing.isEmpty())
        return existing;
    const QString key = generate();
    const QString dir = QFileInfo(path).absolutePath();
    QDir().mkpath(dir);
    const QByteArray finalPath = QFile::encodeName(path);
    const QByteArray tempPath = finalPath + ".tmp-" + QByteArray::number(QCoreApplication::applicationPid()) +
                                '-' + QByteArray::number(QRandomGenerator::system()->generate(), 16);
    if (!writeExclusive(tempPath, key.toUtf8() + '\n')) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2")
                         .arg(QFile::decodeName(tempPath), QString::fromLocal8Bit(std::strerror(errno)));
        return key;
    }
    // link() never replaces: if another process stored a key meanwhile, that one wins.
    if (::link(tempPath.constData(), finalPath.constData()) == 0) {
        ::unlink(tempPath.constData());
        return key;
    }
    const int linkError = errno;
    if (linkError == EEXIST) {
        const QString winner = read(path);
        if (!winner.isEmpty()) {
            ::unlink(tempPath.constData());
            return winner;
        }
        // The file exists but holds no usable key: replace it (rename is atomic).
        if (::rename(tempPath.constData(), finalPath.constData()) == 0)
            return key;
    }
    ::unlink(tempPath.constData());
    if (error)
        *error = QStringLiteral("cannot store the key in %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(linkError)));
    return key;
}

} // namespace Hubbub
