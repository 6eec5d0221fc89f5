// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion
// For the C++ types: the implicit directory import only brings the module's QML files.
import Hubbub.Ui

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
    //! The signed-in user (userId), their avatar and the connection dot at the top.
    property string userId: ""
    property int userAvatarIndex: 0
    property string userInitials: ""
    //! ConnectionController.state, shown as a dot on the user's avatar.
    property int connectionState: ConnectionController.Connected
    //! AppController.drafts: a room not in view with unsent text says "Draft: …" instead of the
    //! last message. draftsRevision re-evaluates that on every draft change.
    property Drafts drafts: null
    property int draftsRevision: 0

    Connections {
        target: root.drafts

        function onDraftChanged() {
            root.draftsRevision++;
        }
    }

    //! Notices.unreadCount and Notices.open: the "Notices" place above the rooms.
    property int noticesUnread: 0
    property bool noticesOpen: false

    signal roomSelected(string name)
    signal noticesSelected
    signal joinRequested(string name)
    signal leaveRequested(string name)
    signal muteRequested(string name, bool muted)

    color: Theme.sidebar
    implicitWidth: Theme.sidebarWidth

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Who I am, and whether I am connected (the dot; the banner says it in words).
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacingL
            Layout.bottomMargin: Theme.spacing
            spacing: Theme.spacingM

            Item {
                implicitWidth: Theme.avatarSize
                implicitHeight: Theme.avatarSize

                Avatar {
                    colorIndex: root.userAvatarIndex
                    initials: root.userInitials
                }
                Rectangle {
                    objectName: "selfConnectionDot"
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    width: 12
                    height: 12
                    radius: 6
                    border.width: 2
                    border.color: Theme.sidebar
                    color: root.connectionState === ConnectionController.Connected ? Theme.ok
                         : (root.connectionState === ConnectionController.Offline
                            || root.connectionState === ConnectionController.Stopped) ? Theme.error
                                                                                      : Theme.warning
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Hubbub")
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.Bold
                }
                Label {
                    Layout.fillWidth: true
                    text: root.userId
                    textFormat: Text.PlainText
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontMeta
                    elide: Text.ElideRight
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingL
            Layout.topMargin: Theme.spacing
            Layout.bottomMargin: Theme.spacingXs
            spacing: Theme.spacing

            Label {
                text: qsTr("Rooms")
                font.pixelSize: Theme.fontMeta
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 0.6
                color: Theme.textSecondary
                Layout.fillWidth: true
            }
            UnreadBadge {
                objectName: "totalUnreadBadge"
                count: root.totalUnread
                Accessible.name: qsTr("%n unread message(s) in all rooms", "", root.totalUnread)
            }
        }

        ItemDelegate {
            objectName: "noticesEntry"
            Layout.fillWidth: true
            leftPadding: Theme.spacingL
            rightPadding: Theme.spacingL
            highlighted: root.noticesOpen
            contentItem: RowLayout {
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Notices")
                    font.pixelSize: Theme.fontBody
                    font.weight: root.noticesOpen || root.noticesUnread > 0 ? Font.DemiBold : Font.Normal
                    color: Theme.text
                }
                UnreadBadge {
                    objectName: "noticesBadge"
                    count: root.noticesUnread
                }
            }
            Accessible.name: qsTr("Notices, %n unread", "", root.noticesUnread)
            onClicked: root.noticesSelected()
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
                leftPadding: Theme.spacingL
                rightPadding: Theme.spacingL
                topPadding: Theme.spacing
                bottomPadding: Theme.spacing
                background: Rectangle {
                    x: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    radius: Theme.radius
                    color: roomDelegate.isCurrent ? Theme.surfaceAlt
                         : (roomDelegate.hovered || roomDelegate.visualFocus) ? Theme.hover : "transparent"

                    Rectangle {
                        visible: roomDelegate.isCurrent
                        width: 3
                        height: parent.height - Theme.spacing * 2
                        anchors.verticalCenter: parent.verticalCenter
                        radius: 1.5
                        color: Theme.accent
                    }
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
                            font.pixelSize: Theme.fontBody
                            font.weight: (roomDelegate.unreadCount > 0 && !roomDelegate.muted) || roomDelegate.isCurrent
                                         ? Font.DemiBold : Font.Normal
                            color: roomDelegate.muted ? Theme.textSecondary : Theme.text
                            elide: Text.ElideRight
                        }
                        Label {
                            readonly property string draft: root.draftsRevision >= 0 && root.drafts
                                                            && !roomDelegate.isCurrent
                                                            ? root.drafts.text(roomDelegate.name).replace(/\s+/g, " ") : ""

                            objectName: "roomPreview"
                            Layout.fillWidth: true
                            visible: text.length > 0
                            text: draft.trim().length > 0 ? qsTr("Draft: %1").arg(draft) : roomDelegate.lastMessageText
                            textFormat: Text.PlainText
                            color: Theme.textSecondary
                            elide: Text.ElideRight
                            maximumLineCount: 1
                            font.pixelSize: Theme.fontMeta
                        }
                    }
                    Label {
                        visible: roomDelegate.muted
                        text: qsTr("muted")
                        color: Theme.textSecondary
                        font.italic: true
                        font.pixelSize: Theme.fontMeta
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
            Layout.margins: Theme.spacingM
            font.pixelSize: Theme.fontBody
            placeholderText: qsTr("Join or create a room…")
            leftPadding: Theme.spacingM
            topPadding: Theme.spacing
            bottomPadding: Theme.spacing
            color: Theme.text
            background: Rectangle {
                radius: Theme.radius
                color: Theme.surface
                border.width: joinField.activeFocus ? 2 : 1
                border.color: joinField.activeFocus ? Theme.accent : Theme.controlBorder
            }
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
