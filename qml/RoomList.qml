// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! The sidebar of rooms: total unread in the header, one row per room with its unread badge, a
//! context menu to mute or leave, and a field to join or create a room.
Rectangle {
    id: root

    //! RoomListModel (roles: name, unreadCount, muted, lastMessageText, lastActivity, isCurrent).
    property alias model: list.model
    //! RoomListModel.totalUnread.
    property int totalUnread: 0
    //! Exposed for tests.
    readonly property alias listView: list

    signal roomSelected(string name)
    signal joinRequested(string name)
    signal leaveRequested(string name)
    signal muteRequested(string name, bool muted)

    color: Theme.sidebar
    implicitWidth: Theme.sidebarWidth

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacing * 1.5
            spacing: Theme.spacing

            Label {
                text: qsTr("Rooms")
                font.bold: true
                font.pointSize: Qt.application.font.pointSize * 1.15
                color: Theme.text
                Layout.fillWidth: true
            }
            UnreadBadge {
                objectName: "totalUnreadBadge"
                count: root.totalUnread
                Accessible.name: qsTr("%n unread message(s) in all rooms", "", root.totalUnread)
            }
        }

        ListView {
            id: list

            objectName: "roomList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Rooms")

            delegate: ItemDelegate {
                id: roomDelegate

                required property int index
                required property string name
                required property int unreadCount
                required property bool muted
                required property string lastMessageText
                required property bool isCurrent

                width: ListView.view.width
                highlighted: roomDelegate.isCurrent
                background: Rectangle {
                    color: roomDelegate.isCurrent ? Theme.highlight : roomDelegate.hovered ? Theme.hover : "transparent"
                }
                Accessible.name: roomDelegate.unreadCount > 0
                                 ? qsTr("%1, %n unread", "", roomDelegate.unreadCount).arg(roomDelegate.name)
                                 : roomDelegate.name

                contentItem: RowLayout {
                    spacing: Theme.spacing

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0

                        Label {
                            objectName: "roomName"
                            Layout.fillWidth: true
                            text: "#" + roomDelegate.name
                            textFormat: Text.PlainText
                            font.bold: roomDelegate.unreadCount > 0 && !roomDelegate.muted
                            color: roomDelegate.muted ? Theme.mutedText : Theme.text
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: roomDelegate.lastMessageText.length > 0
                            text: roomDelegate.lastMessageText
                            textFormat: Text.PlainText
                            color: Theme.mutedText
                            elide: Text.ElideRight
                            maximumLineCount: 1
                            font.pointSize: Qt.application.font.pointSize * 0.9
                        }
                    }
                    Label {
                        visible: roomDelegate.muted
                        text: qsTr("muted")
                        color: Theme.mutedText
                        font.italic: true
                        font.pointSize: Qt.application.font.pointSize * 0.85
                    }
                    UnreadBadge {
                        objectName: "unreadBadge"
                        count: roomDelegate.unreadCount
                        muted: roomDelegate.muted
                    }
                }

                onClicked: root.roomSelected(roomDelegate.name)
                onPressAndHold: roomMenu.popup()

                TapHandler {
                    acceptedButtons: Qt.RightButton
                    onTapped: roomMenu.popup()
                }

                Menu {
                    id: roomMenu

                    MenuItem {
                        text: roomDelegate.muted ? qsTr("Unmute") : qsTr("Mute")
                        onTriggered: root.muteRequested(roomDelegate.name, !roomDelegate.muted)
                    }
                    MenuItem {
                        text: qsTr("Leave room")
                        onTriggered: root.leaveRequested(roomDelegate.name)
                    }
                }
            }
        }

        TextField {
            id: joinField

            objectName: "joinField"
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            placeholderText: qsTr("Join or create a room…")
            Accessible.name: qsTr("Room to join or create")
            onAccepted: {
                const name = joinField.text.trim();
                if (name.length === 0)
                    return;
                root.joinRequested(name);
                joinField.clear();
            }
        }
    }
}
