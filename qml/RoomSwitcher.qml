// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion
// For the C++ types: the implicit directory import only brings the module's QML files.
import Hubbub.Ui

//! Ctrl+K: type part of a room name, Enter opens the first match (Up/Down to pick another).
Popup {
    id: root

    //! RoomListModel.
    property alias model: filtered.sourceModel
    //! The filter text as typed (matched case-insensitively, trimmed, by RoomFilterModel).
    readonly property string filter: filterField.text

    signal roomChosen(string name)

    modal: true
    focus: true
    width: Math.min(420, parent ? parent.width - 40 : 420)
    height: Math.min(360, parent ? parent.height - 80 : 360)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? parent.height / 6 : 0
    padding: Theme.spacing

    onOpened: {
        filterField.clear();
        filterField.forceActiveFocus();
        root.selectFirstMatch();
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        TextField {
            id: filterField

            objectName: "switcherFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Jump to room…")
            Accessible.name: qsTr("Room name filter")
            onTextChanged: Qt.callLater(root.selectFirstMatch)
            onAccepted: root.choose(list.currentIndex)
            Keys.onDownPressed: list.currentIndex = Math.min(list.currentIndex + 1, list.count - 1)
            Keys.onUpPressed: list.currentIndex = Math.max(list.currentIndex - 1, 0)
        }

        RoomFilterModel {
            id: filtered

            filterText: filterField.text
        }

        ListView {
            id: list

            objectName: "switcherList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: filtered
            highlightMoveDuration: 0
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Matching rooms")

            delegate: ItemDelegate {
                id: switcherDelegate

                required property int index
                required property string name
                required property int unreadCount

                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: switcherDelegate.unreadCount > 0
                      ? "#" + switcherDelegate.name + " (" + switcherDelegate.unreadCount + ")"
                      : "#" + switcherDelegate.name
                // Room names are anyone's choice: shown as plain text, never as markup.
                contentItem: Label {
                    objectName: "switcherText"
                    text: switcherDelegate.text
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.text
                }
                onClicked: root.choose(switcherDelegate.index)
            }
        }
    }

    function selectFirstMatch() {
        list.currentIndex = list.count > 0 ? 0 : -1;
    }

    function choose(row: int) {
        const name = filtered.nameAt(row);
        if (name.length === 0)
            return;
        root.roomChosen(name);
        root.close();
    }
}
