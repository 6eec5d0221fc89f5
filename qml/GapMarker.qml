// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! The timeline row where messages may be missing after a disconnection: "Disconnected
//! 10:02–10:03 — some messages may be missing", later "… — 12 messages filled from peers".
//! The sentence comes from the model (MessageModel::gapText), plain text.
RowLayout {
    id: root

    property string text

    spacing: Theme.spacing

    Accessible.role: Accessible.StaticText
    Accessible.name: root.text

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: 1
        color: Theme.warning
    }
    Label {
        objectName: "gapMarkerLabel"
        text: root.text
        textFormat: Text.PlainText
        color: Theme.warning
        font.italic: true
        font.pixelSize: Theme.fontMeta
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        Layout.maximumWidth: root.width * 0.8
    }
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: 1
        color: Theme.warning
    }
}
