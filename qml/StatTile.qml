// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! One live figure of the diagnostics panel: a caption, a large value and an optional note.
Rectangle {
    id: root

    property string label
    property string value
    property string note
    //! The value's colour (a state colour when the figure is a warning sign).
    property color valueColor: Theme.text

    implicitWidth: 140
    implicitHeight: tileColumn.implicitHeight + 2 * Theme.spacingM
    radius: Theme.radiusLarge
    color: Theme.window
    border.color: Theme.separator
    Accessible.role: Accessible.StaticText
    Accessible.name: root.label + ": " + root.value + (root.note.length > 0 ? ", " + root.note : "")

    ColumnLayout {
        id: tileColumn

        anchors.fill: parent
        anchors.margins: Theme.spacingM
        spacing: 2

        Label {
            Layout.fillWidth: true
            text: root.label
            color: Theme.textSecondary
            font.pixelSize: Theme.fontMeta
            elide: Text.ElideRight
        }
        Label {
            objectName: "tileValue"
            Layout.fillWidth: true
            text: root.value
            textFormat: Text.PlainText
            color: root.valueColor
            font.pixelSize: Theme.fontHeader
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: root.note.length > 0
            text: root.note
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontMeta
            wrapMode: Text.Wrap
        }
    }
}
