// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma Singleton

import QtQuick

//! Hubbub's design system (docs: ../shared/spec/design.md): the light and dark palettes, the
//! spacing, radius and type scales. Main.qml binds `dark` to app.darkTheme; every component reads
//! its colours and sizes from here, so no other QML file holds a literal colour or size.
//! Contrast (WCAG AA): text and textSecondary reach 4.5:1 on window, surface and surfaceAlt; the
//! state colours reach 4.5:1 on surface (3:1 for icons); white reaches 4.5:1 on accent and on
//! every avatar colour.
QtObject {
    id: root

    property bool dark: false

    // Palette (design.md "Colour").
    readonly property color window: root.dark ? "#15171b" : "#f3f4f7"
    readonly property color surface: root.dark ? "#1d2025" : "#ffffff"
    //! Own messages and the selection.
    readonly property color surfaceAlt: root.dark ? "#252c3d" : "#edf1fd"
    readonly property color text: root.dark ? "#e9ebee" : "#17191c"
    readonly property color textSecondary: root.dark ? "#a0a8b3" : "#5b6470"
    readonly property color accent: root.dark ? "#8aa6ff" : "#2f55d4"
    //! Text and icons drawn on the accent colour.
    readonly property color onAccent: root.dark ? "#0d1220" : "#ffffff"
    readonly property color ok: root.dark ? "#5ccf95" : "#1c7a3c"
    readonly property color warning: root.dark ? "#f0b44c" : "#9a5800"
    readonly property color error: root.dark ? "#ff7b7b" : "#c0262d"
    readonly property color info: root.dark ? "#6cbcff" : "#0a66c2"
    //! Tinted backgrounds for the state colours (banner, failed message, tiles).
    readonly property color warningSoft: root.dark ? "#3a2f1a" : "#fdf3e1"
    readonly property color errorSoft: root.dark ? "#3d2224" : "#fdecec"
    readonly property color okSoft: root.dark ? "#1c3328" : "#e7f5ec"
    // Chrome.
    readonly property color sidebar: root.dark ? "#111316" : "#e9ebf0"
    readonly property color separator: root.dark ? "#2a2e35" : "#e0e3e8"
    readonly property color hover: root.dark ? "#23272e" : "#f5f6f9"
    readonly property color control: root.dark ? "#2a2f37" : "#eceef2"
    readonly property color controlBorder: root.dark ? "#3a404a" : "#cfd4db"
    readonly property color shadow: root.dark ? "#66000000" : "#22000000"

    // Older names, kept so every component reads one palette.
    readonly property color pane: root.surface
    readonly property color mutedText: root.textSecondary
    readonly property color danger: root.error
    readonly property color success: root.ok
    readonly property color accentText: root.onAccent
    readonly property color highlight: root.surfaceAlt
    readonly property color ownBubble: root.surfaceAlt
    readonly property color otherBubble: root.hover
    readonly property color offline: root.dark ? "#6b7480" : "#8a949e"
    readonly property color badge: root.dark ? "#e5484d" : "#d12a2a"
    readonly property color badgeMuted: root.dark ? "#4b525c" : "#8a949e"
    readonly property color dividerNew: root.error

    //! The 12 avatar colours, picked by MessageModel/MemberModel's avatarIndex role (FNV-1a of the
    //! userId mod 12, see app/avatar.h). The same in both themes: a user keeps their colour.
    readonly property var avatarColors: ["#c2410c", "#a16207", "#4d7c0f", "#15803d", "#0f766e", "#0e7490",
        "#1d4ed8", "#4338ca", "#6d28d9", "#a21caf", "#be185d", "#b91c1c"]
    readonly property color avatarText: "#ffffff"

    // Spacing scale 4 / 8 / 12 / 16 / 24.
    readonly property int spacingXs: 4
    readonly property int spacing: 8
    readonly property int spacingM: 12
    readonly property int spacingL: 16
    readonly property int spacingXl: 24
    // Radii: controls and cards/bubbles.
    readonly property int radius: 6
    readonly property int radiusLarge: 10
    // Type scale 12 / 14 / 16 / 20 (pixels; QT_SCALE_FACTOR scales them).
    readonly property int fontMeta: 12
    readonly property int fontBody: 14
    readonly property int fontTitle: 16
    readonly property int fontHeader: 20
    readonly property real lineHeight: 1.35
    readonly property string monoFamily: "monospace"
    // Layout.
    readonly property int sidebarWidth: 240
    readonly property int sidebarMinWidth: 200
    readonly property int sidebarMaxWidth: 360
    readonly property int memberWidth: 220
    //! Below this window width the member column hides.
    readonly property int memberHideBelow: 1000
    readonly property int textColumnMax: 760
    readonly property int avatarSize: 36
    readonly property int avatarSmall: 28
    readonly property int iconSize: 14

    // The presenter view (design.md "Presenter"): dark whatever the app's theme (the dark
    // palette's values), type readable from the back of a hall.
    readonly property color stageBackground: "#15171b"
    readonly property color stageText: "#e9ebee"
    readonly property color stageSecondary: "#a0a8b3"
    readonly property color stageAccent: "#8aa6ff"
    readonly property int fontStageName: 28
    readonly property int fontStageText: 32
    readonly property int fontStageTitle: 40
    //! The QR code's share of the presenter screen's height (at least 40%).
    readonly property real stageQrShare: 0.5

    //! The colour of a presence dot ("online", "away", "offline").
    function presenceColor(presence: string): color {
        if (presence === "online")
            return root.ok;
        if (presence === "away")
            return root.warning;
        return root.offline;
    }
}
