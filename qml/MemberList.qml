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
            Layout.margins: Theme.spacing * 1.5
            text: qsTr("Members · %1 online").arg(root.onlineCount)
            font.bold: true
            color: Theme.text
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

                readonly property string presenceText: memberDelegate.presence === "online" ? qsTr("online")
                                                      : memberDelegate.presence === "away" ? qsTr("away")
                                                                                           : qsTr("offline")

                width: ListView.view.width
                background: Rectangle {
                    color: memberDelegate.hovered ? Theme.hover : "transparent"
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

                    Rectangle {
                        objectName: "presenceDot"
                        implicitWidth: 10
                        implicitHeight: 10
                        radius: 5
                        color: Theme.presenceColor(memberDelegate.presence)
                    }
                    Label {
                        objectName: "memberUserId"
                        Layout.fillWidth: memberDelegate.displayName.length === 0
                        text: memberDelegate.userId
                        textFormat: Text.PlainText
                        color: memberDelegate.presence === "offline" ? Theme.mutedText : Theme.text
                        elide: Text.ElideRight
                    }
                    Label {
                        objectName: "memberDisplayName"
                        Layout.fillWidth: true
                        visible: memberDelegate.displayName.length > 0
                        text: memberDelegate.displayName
                        textFormat: Text.PlainText
                        color: Theme.mutedText
                        font.italic: true
                        font.pointSize: Qt.application.font.pointSize * 0.85
                        elide: Text.ElideRight
                    }
                    Label {
                        visible: memberDelegate.typing
                        text: qsTr("typing…")
                        font.italic: true
                        color: Theme.mutedText
                    }
                }
            }
        }
    }
}
