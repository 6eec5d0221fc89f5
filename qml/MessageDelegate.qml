// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! One row of the timeline: optional day separator, optional "New messages" divider, sender header
//! for the first of a run, the body as plain text, and the delivery status of own messages.
//! No `pragma ComponentBehavior: Bound` here: on Qt 6.4 a Loader inside a ListView delegate cannot
//! instantiate a bound inline component ("outside its creation context").
Item {
    id: root

    required property int index
    required property string messageId
    //! Names the sender: their userId (the service's fromUserId), or "anonymous".
    required property string senderLabel
    //! The display name the sender gave, shown beside the label in a secondary style; may be empty.
    required property string secondaryName
    required property string text
    required property var timestamp
    required property bool own
    required property string deliveryStatus
    required property bool showSender
    required property string daySeparator
    required property bool firstUnread
    required property var links
    //! "message", or "gap" for a gap marker row (shown by GapMarker instead of the message layout).
    required property string rowKind
    //! Who relayed this message after a gap ("" when received directly): then the sender is a claim.
    required property string relayedBy

    //! The local time of the message, e.g. "10:42".
    readonly property string timeText: root.timestamp ? root.timestamp.toLocaleTimeString(Qt.locale(), Locale.ShortFormat) : ""
    //! What a screen reader announces for the row: "alice, 10:42: hello, sent".
    readonly property string statusText: {
        switch (root.deliveryStatus) {
        case "sending":
            return qsTr("sending");
        case "sent":
            return qsTr("sent");
        case "failed":
            return qsTr("failed to send");
        }
        return "";
    }

    signal retryRequested(string messageId)
    signal deleteRequested(string messageId)
    signal linkActivated(string url)

    implicitHeight: root.rowKind === "gap" ? gapMarker.implicitHeight + Theme.spacing * 2 : column.implicitHeight
    width: ListView.view ? ListView.view.width : implicitWidth

    Accessible.role: Accessible.ListItem
    // Concatenated rather than String.arg() chained: the sender and the text are untrusted and may
    // themselves contain "%2"-style markers.
    Accessible.name: root.rowKind === "gap" ? root.text
                     : root.senderLabel + (root.relayedBy.length > 0 ? " " + qsTr("(claimed) · relayed by %1").arg(root.relayedBy) : "")
                       + ", " + root.timeText + ": " + root.text + (root.statusText.length > 0 ? ", " + root.statusText : "")

    GapMarker {
        id: gapMarker

        visible: root.rowKind === "gap"
        text: root.rowKind === "gap" ? root.text : ""
        x: Theme.spacing * 2
        y: Theme.spacing
        width: parent.width - Theme.spacing * 4
    }

    ColumnLayout {
        id: column

        visible: root.rowKind !== "gap"
        width: parent.width
        spacing: 0

        // Day separator: a centred label between two rules.
        RowLayout {
            visible: root.daySeparator.length > 0
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            Layout.bottomMargin: Theme.spacing / 2
            Layout.leftMargin: Theme.spacing * 2
            Layout.rightMargin: Theme.spacing * 2
            spacing: Theme.spacing

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 1
                color: Theme.separator
            }
            Label {
                objectName: "daySeparatorLabel"
                text: root.daySeparator
                color: Theme.mutedText
                font.bold: true
                font.pointSize: Qt.application.font.pointSize * 0.9
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 1
                color: Theme.separator
            }
        }

        // "New messages" divider, frozen by the model until the room is re-selected.
        RowLayout {
            objectName: "newMessagesDivider"
            visible: root.firstUnread
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing / 2
            Layout.leftMargin: Theme.spacing * 2
            Layout.rightMargin: Theme.spacing * 2
            spacing: Theme.spacing

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 1
                color: Theme.dividerNew
            }
            Label {
                text: qsTr("New messages")
                color: Theme.dividerNew
                font.bold: true
                font.pointSize: Qt.application.font.pointSize * 0.9
            }
        }

        // Sender header for the first message of a run.
        RowLayout {
            visible: root.showSender
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            Layout.leftMargin: Theme.spacing * 2
            Layout.rightMargin: Theme.spacing * 2
            spacing: Theme.spacing

            // Who sent it is the service's userId; a name the sender chose is only a muted aside,
            // so "alice" can never be typed by someone else. Both are untrusted text: plain only.
            Label {
                objectName: "senderLabel"
                text: root.senderLabel
                textFormat: Text.PlainText
                color: root.own ? Theme.accent : Theme.text
                font.bold: true
                elide: Text.ElideRight
                Layout.maximumWidth: root.width / 2
            }
            Label {
                objectName: "secondaryNameLabel"
                visible: root.secondaryName.length > 0
                text: root.secondaryName
                textFormat: Text.PlainText
                color: Theme.mutedText
                font.italic: true
                font.pointSize: Qt.application.font.pointSize * 0.85
                elide: Text.ElideRight
                Layout.maximumWidth: root.width / 4
            }
            // A relayed message's sender is only what the relayer claims: say who relayed it.
            Label {
                objectName: "relayedByLabel"
                visible: root.relayedBy.length > 0
                text: qsTr("(claimed) · relayed by %1").arg(root.relayedBy)
                textFormat: Text.PlainText
                color: Theme.mutedText
                font.italic: true
                font.pointSize: Qt.application.font.pointSize * 0.85
                elide: Text.ElideRight
                Layout.maximumWidth: root.width / 3
            }
            Label {
                text: root.timeText
                color: Theme.mutedText
                font.pointSize: Qt.application.font.pointSize * 0.85
            }
            Item {
                Layout.fillWidth: true
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing * 2
            Layout.rightMargin: Theme.spacing * 2
            Layout.topMargin: 1
            Layout.bottomMargin: 1
            spacing: Theme.spacing

            // Message bodies are untrusted: plain text only, never rich text (no markup, no remote images).
            Text {
                id: body

                objectName: "bodyText"
                Layout.fillWidth: true
                text: root.text
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: root.deliveryStatus === "failed" ? Theme.mutedText : Theme.text
            }

            // Delivery status of own messages: clock-like spinner, check mark, or a failure marker.
            // Loaded only while sending, so the 100,000-row timeline does not pay for an animation per row.
            Loader {
                objectName: "sendingIndicator"
                active: root.deliveryStatus === "sending"
                visible: active
                Layout.alignment: Qt.AlignTop
                sourceComponent: BusyIndicator {
                    implicitWidth: 16
                    implicitHeight: 16
                    padding: 0
                    running: true
                    Accessible.name: qsTr("Sending…")
                }
            }
            Label {
                objectName: "sentMark"
                visible: root.deliveryStatus === "sent"
                text: "\u2713"
                color: Theme.success
                Layout.alignment: Qt.AlignTop
                ToolTip.visible: sentHover.hovered
                ToolTip.text: qsTr("Sent")

                HoverHandler {
                    id: sentHover
                }
            }
            Label {
                visible: root.deliveryStatus === "failed"
                text: "!"
                color: Theme.danger
                font.bold: true
                Layout.alignment: Qt.AlignTop
            }
        }

        // Links found by the model, each opened in the browser by the app (the body itself never
        // becomes rich text). Loaded only for messages that have links, like the other optional rows,
        // so scrolling through a long timeline does not pay for them.
        Loader {
            objectName: "linkRow"
            active: root.links.length > 0
            visible: active
            Layout.leftMargin: Theme.spacing * 2
            Layout.rightMargin: Theme.spacing * 2
            Layout.maximumWidth: root.width - Theme.spacing * 4
            sourceComponent: ColumnLayout {
                spacing: 0

                Repeater {
                    model: root.links
                    delegate: Button {
                        id: linkButton

                        required property string modelData

                        objectName: "linkButton"
                        Layout.maximumWidth: root.width - Theme.spacing * 4
                        flat: true
                        padding: 2
                        contentItem: Label {
                            text: "\u2197 " + linkButton.modelData
                            textFormat: Text.PlainText
                            elide: Text.ElideMiddle
                            color: Theme.accent
                        }
                        Accessible.name: qsTr("Open link %1").arg(linkButton.modelData)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Open in browser")
                        onClicked: root.linkActivated(linkButton.modelData)
                    }
                }
            }
        }

        // A failed message keeps its text and offers Retry and Delete.
        Loader {
            objectName: "failedActions"
            active: root.deliveryStatus === "failed"
            visible: active
            Layout.leftMargin: Theme.spacing * 2
            Layout.rightMargin: Theme.spacing * 2
            sourceComponent: RowLayout {
                spacing: Theme.spacing

                Label {
                    text: qsTr("Not sent.")
                    textFormat: Text.PlainText
                    color: Theme.danger
                }
                Button {
                    objectName: "retryButton"
                    text: qsTr("Retry")
                    flat: true
                    onClicked: root.retryRequested(root.messageId)
                }
                Button {
                    objectName: "deleteButton"
                    text: qsTr("Delete")
                    flat: true
                    onClicked: root.deleteRequested(root.messageId)
                }
            }
        }
    }
}
