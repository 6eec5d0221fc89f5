// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Name tables for the app's enums (wire, storage and report names): each enum's names
//! are written once, in one table, and read both ways by enumName() and enumFromName().
#pragma once

#include <QLatin1String>
#include <QString>
#include <QStringView>

#include <cstddef>

namespace Hubbub {

template<typename Enum> struct EnumName
{
    Enum value;
    const char *name;
};

//! The name of \a value in \a table, \a fallback when it has none.
template<typename Enum, std::size_t N>
QString enumName(const EnumName<Enum> (&table)[N], Enum value, const char *fallback)
{
    for (const EnumName<Enum> &entry : table) {
        if (entry.value == value)
            return QLatin1String(entry.name);
    }
    return QLatin1String(fallback);
}

//! The value named \a name in \a table, \a fallback when no entry has that name.
template<typename Enum, std::size_t N>
Enum enumFromName(const EnumName<Enum> (&table)[N], QStringView name, Enum fallback)
{
    for (const EnumName<Enum> &entry : table) {
        if (name == QLatin1String(entry.name))
            return entry.value;
    }
    return fallback;
}

} // namespace Hubbub
