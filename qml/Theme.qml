// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma Singleton

import QtQuick

//! Colours and metrics for the light and dark themes. Main.qml binds `dark` to app.darkTheme; every
//! component reads its colours from here so a theme switch is one property change.
QtObject {
    id: root

    property bool dark: false

    readonly property color window: root.dark ? "#1e2127" : "#f4f5f7"
    readonly property color pane: root.dark ? "#262a31" : "#ffffff"
    readonly property color sidebar: root.dark ? "#1a1d22" : "#e9ecf1"
    readonly property color text: root.dark ? "#e6e8eb" : "#1d2125"
    readonly property color mutedText: root.dark ? "#9aa3ad" : "#5f6b78"
    readonly property color separator: root.dark ? "#363b44" : "#d5dae1"
    readonly property color accent: root.dark ? "#6c93ff" : "#3461e0"
    readonly property color accentText: "#ffffff"
    readonly property color highlight: root.dark ? "#2f3a52" : "#dce6ff"
    readonly property color hover: root.dark ? "#2b3038" : "#eef1f5"
    readonly property color ownBubble: root.dark ? "#2c3d66" : "#e3ebff"
    readonly property color otherBubble: root.dark ? "#2d3139" : "#f0f2f5"
    readonly property color danger: root.dark ? "#ff6b6b" : "#c62828"
    readonly property color warning: root.dark ? "#f0b43c" : "#b26a00"
    readonly property color success: root.dark ? "#4cc38a" : "#2e7d32"
    readonly property color offline: root.dark ? "#6b7480" : "#8a949e"
    readonly property color badge: root.dark ? "#e5484d" : "#d93025"
    readonly property color badgeMuted: root.dark ? "#4b525c" : "#9aa3ad"
    readonly property color dividerNew: root.dark ? "#ff8a65" : "#e2572b"

    readonly property int spacing: 8
    readonly property int radius: 8
    readonly property int sidebarWidth: 240
    readonly property int memberWidth: 180

    //! The colour of a presence dot ("online", "away", "offline").
    function presenceColor(presence: string): color {
        if (presence === "online")
            return root.success;
        if (presence === "away")
            return root.warning;
        return root.offline;
    }
}
