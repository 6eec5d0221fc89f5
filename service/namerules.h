// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief The naming rules of Web PubSub hubs and groups (protocol.md §1.1), in one place.
#pragma once

#include <QString>

namespace Hubbub {

class NameRules
{
public:
    //! `^[A-Za-z][A-Za-z0-9_`,.[\]]{0,127}$`
    static bool isValidHub(const QString &hub);
    //! Hubs are case-insensitive: every lookup goes through this key.
    static QString hubKey(const QString &hub) { return hub.toLower(); }
    //! 1..1024 characters, not all whitespace.
    static bool isValidGroup(const QString &group);
    //! A user event name (`event`/`invoke`): 1..128 word characters `[A-Za-z0-9_]`. It becomes the
    //! `ce-type`/`ce-eventName` headers and the `{event}` of the handler URL, so nothing else passes.
    static bool isValidEventName(const QString &event);
};

} // namespace Hubbub
