// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The groupchat window: joined groups on the left (JoinedGroupsModel), the selected group's messages
// on the right (GroupMessageModel filtered to it), a field to join a group and one to send.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import WebPubSub 1.0

ApplicationWindow {
    id: window

    required property var chat
    property string currentGroup: groupList.currentIndex >= 0 && groupList.currentItem
                                  ? groupList.currentItem.name : ""

    width: 640
    height: 480
    visible: true
    title: "groupchat — " + (chat.client.userId || "anonymous")

    JoinedGroupsModel {
        id: joinedGroups
        objectName: "joinedGroups"
        client: window.chat.client
    }
    GroupMessageModel {
        id: messages
        objectName: "messages"
        client: window.chat.client
        groupFilter: window.currentGroup
        maxMessages: 1000
    }
    Connections {
        target: window.chat
        function onFailed(message) { status.text = message }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 8

        ColumnLayout {
            Layout.preferredWidth: 180
            Layout.fillHeight: true
            ListView {
                id: groupList
                objectName: "groupList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                model: joinedGroups
                // A group just joined becomes the current one.
                onCountChanged: currentIndex = count - 1
                delegate: ItemDelegate {
                    required property string name
                    required property int index
                    width: ListView.view.width
                    highlighted: ListView.isCurrentItem
                    onClicked: groupList.currentIndex = index
                    contentItem: Label {
                        text: name
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                    }
                }
            }
            TextField {
                id: groupField
                objectName: "groupField"
                Layout.fillWidth: true
                placeholderText: "group"
                onAccepted: joinButton.clicked()
            }
            Button {
                id: joinButton
                objectName: "joinButton"
                text: "Join"
                onClicked: {
                    window.chat.join(groupField.text)
                    groupField.clear()
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            ListView {
                id: messageView
                objectName: "messageView"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: messages
                onCountChanged: positionViewAtEnd()
                delegate: Column {
                    required property string fromUserId
                    required property string text
                    required property bool own
                    width: ListView.view.width
                    Label {
                        objectName: "messageSender"
                        text: fromUserId || "(anonymous)"
                        textFormat: Text.PlainText
                        font.bold: own
                    }
                    Label {
                        objectName: "messageText"
                        width: parent.width
                        // Plain text: a message is never rendered as markup (no links, no images).
                        text: parent.text
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                    }
                }
            }
            Label {
                id: status
                objectName: "status"
                Layout.fillWidth: true
                textFormat: Text.PlainText
            }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: messageField
                    objectName: "messageField"
                    Layout.fillWidth: true
                    enabled: window.currentGroup !== ""
                    placeholderText: "message to " + window.currentGroup
                    onAccepted: sendButton.clicked()
                }
                Button {
                    id: sendButton
                    objectName: "sendButton"
                    text: "Send"
                    enabled: messageField.enabled
                    onClicked: {
                        window.chat.send(window.currentGroup, messageField.text)
                        messageField.clear()
                    }
                }
            }
        }
    }
}
