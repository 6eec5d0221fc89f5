// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "invitegate.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace Hubbub {

namespace {
QByteArray digest(const QString &value)
{
    return QCryptographicHash::hash(value.toUtf8(), QCryptographicHash::Sha256);
}
} // namespace

InviteGate::InviteGate(const QString &explicitInvite)
    : m_explicit(explicitInvite)
{}

QString InviteGate::invite(bool beyondLoopback)
{
    if (!m_explicit.isEmpty())
        return m_explicit;
    if (!beyondLoopback)
        return {};
    if (m_generated.isEmpty())
        m_generated = generate();
    return m_generated;
}

QString InviteGate::generate()
{
    // 18 random bytes = 144 bits, 24 URL-safe characters (no '&', '=' or '+' to escape).
    QByteArray bytes(18, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding));
}

void InviteGate::release(const QString &name)
{
    m_holders.remove(name.trimmed().toCaseFolded());
}

void InviteGate::renew()
{
    m_generated = generate();
    if (!m_explicit.isEmpty())
        m_explicit = m_generated;
    m_holders.clear();
}

bool InviteGate::inviteMatches(const QString &given, bool beyondLoopback)
{
    const QString expected = invite(beyondLoopback);
    if (expected.isEmpty() || given.isEmpty())
        return false;
    // Hashing first makes the comparison length-independent; the loop does not stop early.
    return constantTimeEquals(digest(given), digest(expected));
}

bool InviteGate::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QString InviteGate::nameProblem(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return QStringLiteral("Choose a name (query parameter 'userId').");
    if (trimmed.size() > MaxNameLength)
        return QStringLiteral("A name has at most %1 characters.").arg(MaxNameLength);
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return QStringLiteral("A name cannot contain control characters.");
    }
    return {};
}

QString InviteGate::deviceProblem(const QString &device)
{
    if (device.size() < MinDeviceLength || device.size() > MaxDeviceLength)
        return QStringLiteral("Query parameter 'device' must be a random key of %1 to %2 characters that "
                              "this device keeps.")
            .arg(MinDeviceLength)
            .arg(MaxDeviceLength);
    return {};
}

InviteGate::Claim InviteGate::claim(const QString &name, const QString &device)
{
    const QString key = name.trimmed().toCaseFolded();
    const QByteArray holder = digest(device);
    const auto it = m_holders.constFind(key);
    if (it != m_holders.constEnd())
        return constantTimeEquals(*it, holder) ? Claim::Granted : Claim::HeldByAnotherDevice;
    if (m_holders.size() >= MaxGuests)
        return Claim::Full;
    m_holders.insert(key, holder);
    return Claim::Granted;
}

} // namespace Hubbub
