// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! Ctrl+K: type part of a room name, Enter opens the first match (Up/Down to pick another).
Popup {
    id: root

    //! RoomListModel.
    property alias model: list.model
    //! Lower-cased filter text.
    readonly property string filter: filterField.text.trim().toLowerCase()

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
            Keys.onDownPressed: list.currentIndex = root.nextVisible(list.currentIndex, 1)
            Keys.onUpPressed: list.currentIndex = root.nextVisible(list.currentIndex, -1)
        }

        ListView {
            id: list

            objectName: "switcherList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            highlightMoveDuration: 0
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Matching rooms")

            delegate: ItemDelegate {
                id: switcherDelegate

                required property int index
                required property string name
                required property int unreadCount

                readonly property bool matches: root.filter.length === 0
                                                || switcherDelegate.name.toLowerCase().indexOf(root.filter) >= 0

                width: ListView.view.width
                visible: switcherDelegate.matches
                height: switcherDelegate.matches ? implicitHeight : 0
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

    //! The next row from \a from in \a step direction whose delegate matches the filter, or \a from.
    function nextVisible(from: int, step: int): int {
        for (let i = from + step; i >= 0 && i < list.count; i += step) {
            const item = list.itemAtIndex(i);
            if (!item || item.visible)
                return i;
        }
        return from;
    }

    function selectFirstMatch() {
        list.currentIndex = root.nextVisible(-1, 1);
    }

    function choose(row: int) {
        const item = list.itemAtIndex(row);
        if (!item || !item.visible)
            return;
        root.roomChosen(item.name);
        root.close();
    }
}
