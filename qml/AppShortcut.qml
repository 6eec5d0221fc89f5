// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick

//! One application shortcut with what it does in words. Main.qml declares every shortcut as one of
//! these, and the shortcuts sheet lists those same objects: the list exists once.
Shortcut {
    //! What the shortcut does, shown in the shortcuts sheet.
    property string description
    //! The keys as the sheet shows them, e.g. "Ctrl+/ or F1" (defaults to the sequences).
    property string keysText: nativeText.length > 0 ? nativeText : ""

    context: Qt.ApplicationShortcut
}
