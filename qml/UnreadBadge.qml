// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls.Fusion

//! A pill with an unread count, hidden at zero, grey for muted rooms.
Rectangle {
    id: root

    property int count: 0
    property bool muted: false
    //! What the badge shows: "99+" past 99.
    readonly property string label: root.count > 99 ? qsTr("99+") : String(root.count)

    visible: root.count > 0
    implicitWidth: Math.max(implicitHeight, badgeText.implicitWidth + 12)
    implicitHeight: badgeText.implicitHeight + 4
    radius: implicitHeight / 2
    color: root.muted ? Theme.badgeMuted : Theme.badge

    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("%n unread", "", root.count)

    Label {
        id: badgeText

        anchors.centerIn: parent
        text: root.label
        color: Theme.avatarText
        font.bold: true
        font.pixelSize: Theme.fontMeta - 1
    }
}
