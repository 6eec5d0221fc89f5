// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief How a user's avatar looks: which of the 12 avatar colours and which initials.
//!
//! Both derive from the userId (the service's identity, never a display name), so the same user
//! looks the same in every room, the member list, the presenter view and the guest page.
//!
//! The colour algorithm, for other implementations (the guest page must match it exactly):
//!   index = FNV-1a 32-bit hash of the UTF-8 bytes of the userId, modulo 12
//!   (offset basis 2166136261, prime 16777619, arithmetic modulo 2^32).
//! The index selects Theme.avatarColors[index] (a fixed list of 12 colours per theme).
//! Initials: the first letter or digit of the first two words of the userId (words are split on
//! anything that is not a letter or digit), upper-cased; "?" when there is none.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>

namespace Hubbub::Avatar {

//! The number of avatar colours.
inline constexpr int kColourCount = 12;

//! FNV-1a 32-bit of \a bytes.
inline std::uint32_t fnv1a32(const QByteArray &bytes)
{
    std::uint32_t hash = 2166136261u;
    for (const char c : bytes) {
        hash ^= static_cast<std::uint8_t>(c);
        hash *= 16777619u;
    }
    return hash;
}

//! The avatar colour index (0..11) of \a userId: stable across runs, machines and languages.
inline int colourIndex(const QString &userId)
{
    return int(fnv1a32(userId.toUtf8()) % kColourCount);
}

//! One or two upper-case initials of \a userId ("release-bot" → "RB", "alice" → "A").
inline QString initials(const QString &userId)
{
    QString result;
    int taken = 0;
    bool atWordStart = true;
    const QList<uint> codePoints = userId.toUcs4();
    for (const uint point : codePoints) {
        if (taken == 2)
            break;
        const char32_t c = point;
        const bool wordChar = QChar::isLetterOrNumber(c);
        if (wordChar && atWordStart) {
            result += QString::fromUcs4(&c, 1).toUpper();
            ++taken;
        }
        atWordStart = !wordChar;
    }
    return result.isEmpty() ? QStringLiteral("?") : result;
}

} // namespace Hubbub::Avatar
