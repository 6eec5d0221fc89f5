// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! The shortcuts sheet (Ctrl+/ or F1): lists the AppShortcut objects Main.qml declares, so what is
//! shown is exactly what is bound.
Dialog {
    id: root

    //! The AppShortcut objects to list, in order (Main.qml's appShortcuts).
    property var shortcuts: []

    objectName: "shortcutsSheet"
    title: qsTr("Keyboard shortcuts")
    modal: true
    standardButtons: Dialog.Close
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.spacingXl : 520, 520)
    height: Math.min(parent ? parent.height - 2 * Theme.spacingXl : 600, implicitHeight)
    padding: Theme.spacingL
    topPadding: 0
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radiusLarge
        border.color: Theme.separator
    }
    header: Label {
        text: root.title
        color: Theme.text
        font.pixelSize: Theme.fontHeader
        font.weight: Font.Bold
        padding: Theme.spacingXl
        bottomPadding: Theme.spacingM
        Accessible.role: Accessible.Heading
    }

    ListView {
        id: list

        objectName: "shortcutsList"
        anchors.fill: parent
        implicitHeight: contentHeight
        clip: true
        model: root.shortcuts
        activeFocusOnTab: true
        keyNavigationEnabled: true
        boundsBehavior: Flickable.StopAtBounds
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Shortcuts")

        delegate: Rectangle {
            id: row

            required property int index
            required property AppShortcut modelData

            width: ListView.view.width
            implicitHeight: rowLayout.implicitHeight + Theme.spacing * 1.5
            color: row.index % 2 === 0 ? "transparent" : Theme.hover
            radius: Theme.radius
            Accessible.role: Accessible.ListItem
            Accessible.name: row.modelData.keysText + ": " + row.modelData.description

            RowLayout {
                id: rowLayout

                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: Theme.spacing
                spacing: Theme.spacingL

                Label {
                    Layout.fillWidth: true
                    text: row.modelData.description
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "shortcutKeys"
                    text: row.modelData.keysText
                    color: Theme.text
                    font.pixelSize: Theme.fontMeta
                    font.family: Theme.monoFamily
                    leftPadding: Theme.spacing
                    rightPadding: Theme.spacing
                    topPadding: 2
                    bottomPadding: 2
                    background: Rectangle {
                        radius: Theme.radius
                        color: Theme.control
                        border.color: Theme.controlBorder
                    }
                }
            }
        }
    }
}
