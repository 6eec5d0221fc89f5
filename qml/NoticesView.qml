// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! The Notices place: what an app server sent (announcements, bots, moderation), newest at the
//! bottom. A notice has no sender: each row says "Server notice", never a member's name, and its
//! text is plain text (a server message may contain markup; it is shown, never rendered).
Item {
    id: root

    //! NoticeModel (roles: text, dataType, receivedAt, sequenceId, noticeId).
    property alias model: list.model
    //! Exposed for tests.
    readonly property alias listView: list

    Accessible.role: Accessible.List
    Accessible.name: qsTr("Notices")

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            Layout.fillWidth: true
            Layout.margins: Theme.spacingL
            text: qsTr("Notices from the server")
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
            color: Theme.text
        }

        ListView {
            id: list

            objectName: "noticeList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            activeFocusOnTab: true
            keyNavigationEnabled: true
            // Newest last; follow the bottom like a conversation.
            onCountChanged: Qt.callLater(list.positionViewAtEnd)
            Component.onCompleted: list.positionViewAtEnd()

            ScrollBar.vertical: ScrollBar {}

            delegate: Item {
                id: notice

                required property string text
                required property var receivedAt

                width: ListView.view.width
                implicitHeight: column.implicitHeight + 2 * Theme.spacing
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Server notice: %1").arg(notice.text)

                ColumnLayout {
                    id: column

                    x: Theme.spacingL
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacingL
                    spacing: 2

                    RowLayout {
                        spacing: Theme.spacing

                        Label {
                            objectName: "noticeSender"
                            text: qsTr("Server notice")
                            font.weight: Font.DemiBold
                            font.pixelSize: Theme.fontMeta
                            color: Theme.accent
                        }
                        Label {
                            objectName: "noticeTime"
                            text: notice.receivedAt ? notice.receivedAt.toLocaleString(Qt.locale(), Locale.ShortFormat) : ""
                            font.pixelSize: Theme.fontMeta
                            color: Theme.textSecondary
                        }
                    }
                    Label {
                        objectName: "noticeText"
                        Layout.fillWidth: true
                        text: notice.text
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        // Bounded server-side to a few thousand characters; a view never needs more lines.
                        maximumLineCount: 60
                        elide: Text.ElideRight
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                    }
                }
            }
        }

        Label {
            objectName: "noticesEmpty"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: list.count === 0
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
            text: qsTr("No notices yet. Announcements and messages from the service's app server appear here.")
            color: Theme.textSecondary
        }
    }
}
