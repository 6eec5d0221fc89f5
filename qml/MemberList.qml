// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! Members of the current room with a presence dot (online, away, offline) and a typing marker.
Rectangle {
    id: root

    //! MemberModel (roles: userId, displayName, presence, typing). The userId names the member;
    //! displayName (empty when it could pass for someone else) is only shown beside it.
    property alias model: list.model
    //! MemberModel.onlineCount.
    property int onlineCount: 0

    color: Theme.sidebar
    implicitWidth: Theme.memberWidth

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            Layout.fillWidth: true
            Layout.margins: Theme.spacingL
            Layout.bottomMargin: Theme.spacing
            text: qsTr("Members · %1 online").arg(root.onlineCount)
            font.pixelSize: Theme.fontMeta
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.6
            color: Theme.textSecondary
            elide: Text.ElideRight
        }

        ListView {
            id: list

            objectName: "memberList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Members")

            delegate: ItemDelegate {
                id: memberDelegate

                required property string userId
                required property string displayName
                required property string presence
                required property bool typing
                required property int avatarIndex
                required property string initials

                readonly property string presenceText: memberDelegate.presence === "online" ? qsTr("online")
                                                      : memberDelegate.presence === "away" ? qsTr("away")
                                                                                           : qsTr("offline")

                width: ListView.view.width
                leftPadding: Theme.spacingL
                rightPadding: Theme.spacing
                topPadding: Theme.spacingXs + 2
                bottomPadding: Theme.spacingXs + 2
                background: Rectangle {
                    x: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    radius: Theme.radius
                    color: (memberDelegate.hovered || memberDelegate.visualFocus) ? Theme.hover : "transparent"
                }
                Accessible.name: memberDelegate.userId + ", " + memberDelegate.presenceText
                                 + (memberDelegate.typing ? ", " + qsTr("typing") : "")

                // The attached ToolTip's text would be rich text; this one is plain.
                ToolTip {
                    objectName: "memberToolTip"
                    visible: memberDelegate.hovered
                    contentItem: Label {
                        objectName: "memberToolTipText"
                        text: memberDelegate.userId
                        textFormat: Text.PlainText
                        color: Theme.text
                    }
                }

                contentItem: RowLayout {
                    spacing: Theme.spacing

                    Item {
                        implicitWidth: Theme.avatarSmall
                        implicitHeight: Theme.avatarSmall

                        Avatar {
                            size: Theme.avatarSmall
                            colorIndex: memberDelegate.avatarIndex
                            initials: memberDelegate.initials
                            opacity: memberDelegate.presence === "offline" ? 0.45 : 1
                        }
                        // Presence: the dot's colour plus its shape (hollow when offline).
                        Rectangle {
                            objectName: "presenceDot"
                            anchors.right: parent.right
                            anchors.bottom: parent.bottom
                            anchors.margins: -2
                            width: 11
                            height: 11
                            radius: 5.5
                            color: memberDelegate.presence === "offline" ? Theme.sidebar
                                                                         : Theme.presenceColor(memberDelegate.presence)
                            border.width: 2
                            border.color: memberDelegate.presence === "offline" ? Theme.offline : Theme.sidebar
                        }
                    }
                    Label {
                        objectName: "memberUserId"
                        Layout.fillWidth: memberDelegate.displayName.length === 0
                        text: memberDelegate.userId
                        textFormat: Text.PlainText
                        color: memberDelegate.presence === "offline" ? Theme.textSecondary : Theme.text
                        font.pixelSize: Theme.fontBody
                        elide: Text.ElideRight
                    }
                    Label {
                        objectName: "memberDisplayName"
                        Layout.fillWidth: true
                        visible: memberDelegate.displayName.length > 0
                        text: memberDelegate.displayName
                        textFormat: Text.PlainText
                        color: Theme.textSecondary
                        font.italic: true
                        font.pixelSize: Theme.fontMeta
                        elide: Text.ElideRight
                    }
                    Label {
                        visible: memberDelegate.typing
                        text: qsTr("typing…")
                        font.italic: true
                        font.pixelSize: Theme.fontMeta
                        color: Theme.textSecondary
                    }
                }
            }
        }
    }
}
