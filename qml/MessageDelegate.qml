// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion
import Hubbub.Ui

//! One row of the timeline: optional day separator, optional "New messages" divider, then the
//! message. The first message of a run (same sender, within 5 minutes) carries the avatar and the
//! name line; the rest of the run hangs under it. Own messages sit on the surfaceAlt card with a
//! "you" tag (not colour alone). Hover or keyboard focus shows the actions: Reply, React, Edit and
//! Delete (own messages), Copy. Edited messages carry an "(edited)" mark, deleted ones are a tombstone;
//! a reply carries a ReplyQuote of its original; a message mentioning the user a bar and the mention in bold.
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
    required property bool lastOfRun
    required property string daySeparator
    required property bool firstUnread
    required property var links
    required property int avatarIndex
    required property string initials
    //! "message", or "gap" for a gap marker row (shown by GapMarker instead of the message layout).
    required property string rowKind
    //! Who relayed this message after a gap ("" when received directly): then the sender is a claim.
    required property string relayedBy
    //! The sender edited the text (an "edited" mark shows beside it).
    required property bool edited
    //! Deleted for everyone: a "message deleted" tombstone instead of the text.
    required property bool deleted
    //! [{emoji, count, users, mine}] for the ReactionBar.
    required property var reactions
    //! Own, sent directly (not relayed), not deleted: Edit and Delete are offered.
    readonly property bool editable: root.own && !root.deleted && root.relayedBy.length === 0
                                     && (root.deliveryStatus === "sent" || root.deliveryStatus === "sending")
    //! Replies: the replied-to id ("" when not a reply) and the replier's claim of its sender/text.
    required property string replyToId
    required property string replyToSender
    required property string replyToText
    //! The text names the user (`@userId`): the row carries an accent bar and the mention is bold.
    required property bool mentionsMe
    //! Issue 10: image://hubbub/<room>/<id> for a picture message (local history only), else "".
    required property string pictureSource

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
    //! Own messages wait for the connection: a clock instead of a spinner (MessageView.queued).
    readonly property bool queued: root.ListView.view ? root.ListView.view.queued === true : false
    //! The user's own userId (MessageView.selfUserId): the mentions of it are highlighted.
    readonly property string selfUserId: root.ListView.view && root.ListView.view.selfUserId ? root.ListView.view.selfUserId : ""
    //! Hovered, or the current row of the focused list: the actions show.
    readonly property bool engaged: hover.hovered || (root.ListView.isCurrentItem && root.ListView.view.activeFocus)

    signal retryRequested(string messageId)
    signal deleteRequested(string messageId)
    signal linkActivated(string url)
    signal editRequested(string messageId, string text)
    //! Delete for everyone (the view asks for confirmation first).
    signal deleteForEveryoneRequested(string messageId)
    signal reactionToggled(string messageId, string emoji, bool on)
    signal replyRequested(string messageId)
    //! The reply's quote was clicked: show the original.
    signal jumpRequested(string messageId)

    implicitHeight: root.rowKind === "gap" ? gapMarker.implicitHeight + Theme.spacing * 2 : column.implicitHeight
    width: ListView.view ? ListView.view.width : implicitWidth

    Accessible.role: Accessible.ListItem
    // Concatenated rather than String.arg() chained: the sender and the text are untrusted and may
    // themselves contain "%2"-style markers.
    Accessible.name: root.rowKind === "gap" ? root.text
                     : root.senderLabel + (root.relayedBy.length > 0 ? " " + qsTr("(claimed) · relayed by %1").arg(root.relayedBy) : "")
                       + ", " + root.timeText + ": " + (root.deleted ? qsTr("message deleted") : root.text)
                       + (root.edited ? " " + qsTr("(edited)") : "") + (root.statusText.length > 0 ? ", " + root.statusText : "")

    GapMarker {
        id: gapMarker

        visible: root.rowKind === "gap"
        text: root.rowKind === "gap" ? root.text : ""
        x: Theme.spacing * 2
        y: Theme.spacing
        width: parent.width - Theme.spacing * 4
    }

    HoverHandler {
        id: hover
    }

    ColumnLayout {
        id: column

        visible: root.rowKind !== "gap"

        // The text column stays readable on wide windows: at most textColumnMax, centred.
        width: Math.min(root.width, Theme.textColumnMax + 2 * Theme.spacingXl)
        x: (root.width - width) / 2
        spacing: 0

        // Day separator: a pill between two rules.
        RowLayout {
            visible: root.daySeparator.length > 0
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingL
            Layout.bottomMargin: Theme.spacingXs
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingL
            spacing: Theme.spacing

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 1
                color: Theme.separator
            }
            Label {
                objectName: "daySeparatorLabel"
                text: root.daySeparator
                textFormat: Text.PlainText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontMeta
                font.weight: Font.Medium
                leftPadding: Theme.spacingM
                rightPadding: Theme.spacingM
                topPadding: Theme.spacingXs / 2
                bottomPadding: Theme.spacingXs / 2
                background: Rectangle {
                    radius: height / 2
                    color: Theme.window
                    border.color: Theme.separator
                }
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
            Layout.topMargin: Theme.spacing
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingL
            spacing: Theme.spacing

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 1
                color: Theme.dividerNew
            }
            Label {
                text: qsTr("New messages")
                color: Theme.dividerNew
                font.pixelSize: Theme.fontMeta
                font.weight: Font.DemiBold
            }
        }

        // The message itself.
        Item {
            id: message

            Layout.fillWidth: true
            Layout.topMargin: root.showSender ? Theme.spacing : 0
            implicitHeight: card.implicitHeight

            // The card: own messages on surfaceAlt, others only on hover. A run of own messages
            // reads as one card: the corners between its rows are squared off.
            Rectangle {
                id: card

                readonly property color fill: root.own ? Theme.surfaceAlt : (root.engaged ? Theme.hover : "transparent")

                x: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                implicitHeight: content.implicitHeight + (root.showSender ? Theme.spacing : 0)
                                + (root.lastOfRun ? Theme.spacing : Theme.spacingXs / 2)
                height: implicitHeight
                radius: Theme.radiusLarge
                color: card.fill

                Rectangle {
                    visible: !root.showSender
                    width: parent.width
                    height: parent.radius
                    color: card.fill
                }
                Rectangle {
                    visible: !root.lastOfRun
                    anchors.bottom: parent.bottom
                    width: parent.width
                    height: parent.radius
                    color: card.fill
                }
                // A message naming the user: a wider bar in the mention colour along the row.
                Rectangle {
                    objectName: "mentionBar"
                    visible: root.mentionsMe
                    width: 4
                    height: parent.height
                    color: Theme.warning
                }
                // Own runs also carry an accent edge: a shape, for those who cannot tell the tint.
                Rectangle {
                    visible: root.own
                    x: 0
                    y: root.showSender ? Theme.radiusLarge / 2 : 0
                    width: 3
                    height: parent.height - y - (root.lastOfRun ? Theme.radiusLarge / 2 : 0)
                    color: Theme.accent
                    opacity: 0.8
                }
            }

            // Avatar gutter: the avatar on the first of a run, the time on hover for the others.
            Avatar {
                x: card.x + Theme.spacingM
                y: Theme.spacing
                visible: root.showSender
                colorIndex: root.avatarIndex
                initials: root.initials
            }
            Label {
                x: card.x + Theme.spacingXs
                width: Theme.avatarSize + Theme.spacing * 2
                y: content.y + Theme.spacingXs / 2
                visible: !root.showSender && root.engaged
                horizontalAlignment: Text.AlignHCenter
                text: root.timeText
                textFormat: Text.PlainText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontMeta - 1
            }

            ColumnLayout {
                id: content

                x: card.x + Theme.spacingM + Theme.avatarSize + Theme.spacingM
                y: root.showSender ? Theme.spacing : Theme.spacingXs / 2
                width: card.width - (x - card.x) - Theme.spacingM
                spacing: Theme.spacingXs / 2

                // Name line, first of a run only.
                RowLayout {
                    visible: root.showSender
                    Layout.fillWidth: true
                    spacing: Theme.spacing

                    // Who sent it is the service's userId; a name the sender chose is only a
                    // muted aside, so "alice" can never be typed by someone else. Both are
                    // untrusted text: plain only.
                    Label {
                        objectName: "senderLabel"
                        text: root.senderLabel
                        textFormat: Text.PlainText
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                        Layout.maximumWidth: content.width / 2
                    }
                    Label {
                        objectName: "secondaryNameLabel"
                        visible: root.secondaryName.length > 0
                        text: root.secondaryName
                        textFormat: Text.PlainText
                        color: Theme.textSecondary
                        font.italic: true
                        font.pixelSize: Theme.fontMeta
                        elide: Text.ElideRight
                        Layout.maximumWidth: content.width / 4
                    }
                    // A relayed message's sender is only what the relayer claims: say who relayed it.
                    Label {
                        objectName: "relayedByLabel"
                        visible: root.relayedBy.length > 0
                        text: qsTr("(claimed) · relayed by %1").arg(root.relayedBy)
                        textFormat: Text.PlainText
                        color: Theme.textSecondary
                        font.italic: true
                        font.pixelSize: Theme.fontMeta
                        elide: Text.ElideRight
                        Layout.maximumWidth: content.width / 3
                    }
                    Label {
                        objectName: "ownTag"
                        visible: root.own
                        text: qsTr("you")
                        color: Theme.accent
                        font.pixelSize: Theme.fontMeta - 1
                        font.weight: Font.DemiBold
                        leftPadding: Theme.spacingXs + 2
                        rightPadding: Theme.spacingXs + 2
                        background: Rectangle {
                            radius: Theme.radius
                            color: "transparent"
                            border.color: Theme.accent
                            opacity: 0.7
                        }
                    }
                    Label {
                        text: root.timeText
                        textFormat: Text.PlainText
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontMeta
                    }
                    Item {
                        Layout.fillWidth: true
                    }
                }

                // A reply: the quote of the original (ReplyResolver decides what it may show).
                Loader {
                    objectName: "replyQuoteLoader"
                    active: root.replyToId.length > 0
                    visible: active
                    Layout.fillWidth: true
                    sourceComponent: ReplyQuote {
                        readonly property var resolver: root.ListView.view ? root.ListView.view.replies : null
                        readonly property var quote: resolver ? resolver.quote(root.ListView.view.room, root.replyToId,
                                                                               root.replyToSender, root.replyToText,
                                                                               resolver.revision)
                                                              : null
                        objectName: "replyQuote"
                        inHistory: quote ? quote.inHistory : false
                        senderLabel: quote ? quote.senderLabel : root.replyToSender
                        text: quote ? quote.text : root.replyToText
                        relayedBy: quote ? quote.relayedBy : ""
                        onActivated: root.jumpRequested(root.replyToId)
                    }
                }

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing

                    // Message bodies are untrusted: plain text only, never rich text (no markup, no
                    // remote images). A message that mentions the user is the one exception, and
                    // still shows literally: UiHelper.highlightMentions escapes every character and
                    // only wraps the mentions in bold.
                    // A picture: its thumbnail instead of the fallback text (unless deleted: the tombstone).
                    ImageThumbnail {
                        visible: root.pictureSource.length > 0 && !root.deleted
                        source: root.pictureSource
                    }
                    Text {
                        id: body

                        objectName: "bodyText"
                        visible: root.pictureSource.length === 0 || root.deleted
                        Layout.fillWidth: true
                        // A deleted message is a tombstone: its text is gone (from the history too).
                        text: root.deleted ? qsTr("message deleted")
                                           : root.mentionsMe ? UiHelper.highlightMentions(root.text, root.selfUserId, Theme.accent)
                                                             : root.text
                        textFormat: !root.deleted && root.mentionsMe ? Text.StyledText : Text.PlainText
                        wrapMode: Text.Wrap
                        lineHeight: Theme.lineHeight
                        font.pixelSize: Theme.fontBody
                        font.italic: root.deleted
                        color: root.deliveryStatus === "failed" || root.deleted ? Theme.textSecondary : Theme.text
                    }
                    Label {
                        objectName: "editedMark"
                        visible: root.edited && !root.deleted
                        text: qsTr("(edited)")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontMeta - 1
                        Layout.alignment: Qt.AlignBottom
                    }

                    // Delivery: clock (queued) or spinner (sending), loaded only then so a
                    // 100,000-row timeline does not pay for an animation per row; check; warning.
                    Loader {
                        objectName: "sendingIndicator"
                        active: root.deliveryStatus === "sending"
                        visible: active
                        Layout.alignment: Qt.AlignBottom
                        Layout.bottomMargin: 2
                        sourceComponent: DeliveryIcon {
                            kind: root.queued ? "queued" : "sending"
                            Accessible.name: root.queued ? qsTr("Waiting for the connection") : qsTr("Sending…")
                            ToolTip.visible: sendingHover.hovered
                            ToolTip.text: root.queued ? qsTr("Queued: sent when the connection is back")
                                                      : qsTr("Sending…")

                            HoverHandler {
                                id: sendingHover
                            }
                        }
                    }
                    DeliveryIcon {
                        objectName: "sentMark"
                        visible: root.deliveryStatus === "sent"
                        kind: "sent"
                        Layout.alignment: Qt.AlignBottom
                        Layout.bottomMargin: 2
                        Accessible.name: qsTr("Sent")
                        ToolTip.visible: sentHover.hovered
                        ToolTip.text: qsTr("Delivered to the service")

                        HoverHandler {
                            id: sentHover
                        }
                    }
                    DeliveryIcon {
                        visible: root.deliveryStatus === "failed"
                        kind: "failed"
                        Layout.alignment: Qt.AlignBottom
                        Layout.bottomMargin: 2
                        Accessible.name: qsTr("Not sent")
                    }
                }

                // Links found by the model, each opened in the browser by the app (the body itself
                // never becomes rich text). Loaded only for messages that have links.
                Loader {
                    objectName: "linkRow"
                    active: root.links.length > 0
                    visible: active
                    Layout.fillWidth: true
                    sourceComponent: ColumnLayout {
                        spacing: 0

                        Repeater {
                            model: root.links
                            delegate: Button {
                                id: linkButton

                                required property string modelData

                                objectName: "linkButton"
                                Layout.maximumWidth: content.width
                                flat: true
                                padding: 2
                                contentItem: Label {
                                    text: "\u2197 " + linkButton.modelData
                                    textFormat: Text.PlainText
                                    elide: Text.ElideMiddle
                                    color: Theme.accent
                                    font.pixelSize: Theme.fontMeta
                                }
                                Accessible.name: qsTr("Open link %1").arg(linkButton.modelData)
                                ToolTip.visible: hovered
                                ToolTip.text: qsTr("Open in browser")
                                onClicked: root.linkActivated(linkButton.modelData)
                            }
                        }
                    }
                }

                // Reactions: chips under the message, shown while there are any or the picker is open.
                ReactionBar {
                    id: reactionBar

                    objectName: "reactionBar"
                    visible: !root.deleted && root.rowKind !== "gap" && (root.reactions.length > 0 || reactionBar.pickerOpen)
                    reactions: root.deleted ? [] : root.reactions
                    Layout.fillWidth: true
                    onToggled: (emoji, on) => root.reactionToggled(root.messageId, emoji, on)
                }

                // A failed message keeps its text and offers Retry and Delete.
                Loader {
                    objectName: "failedActions"
                    active: root.deliveryStatus === "failed"
                    visible: active
                    sourceComponent: RowLayout {
                        spacing: Theme.spacingXs

                        Label {
                            text: qsTr("Not sent.")
                            textFormat: Text.PlainText
                            color: Theme.error
                            font.pixelSize: Theme.fontMeta
                            font.weight: Font.DemiBold
                            rightPadding: Theme.spacingXs
                        }
                        Button {
                            objectName: "retryButton"
                            text: qsTr("Retry")
                            flat: true
                            font.pixelSize: Theme.fontMeta
                            Accessible.name: qsTr("Retry sending this message")
                            onClicked: root.retryRequested(root.messageId)
                        }
                        Button {
                            objectName: "deleteButton"
                            text: qsTr("Delete")
                            flat: true
                            font.pixelSize: Theme.fontMeta
                            Accessible.name: qsTr("Delete this unsent message")
                            onClicked: root.deleteRequested(root.messageId)
                        }
                    }
                }
            }

            // Hover / focus actions.
            Rectangle {
                objectName: "messageActions"
                visible: root.engaged
                anchors.right: card.right
                anchors.rightMargin: Theme.spacing
                y: -Theme.spacingM
                z: 2
                implicitWidth: actions.implicitWidth + Theme.spacingXs
                implicitHeight: actions.implicitHeight + Theme.spacingXs
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.separator

                Row {
                    id: actions

                    anchors.centerIn: parent

                    ToolButton {
                        objectName: "replyButton"
                        text: qsTr("Reply")
                        font.pixelSize: Theme.fontMeta
                        padding: Theme.spacingXs
                        Accessible.name: qsTr("Reply to this message")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Reply (Ctrl+R)")
                        onClicked: root.replyRequested(root.messageId)
                    }
                    ToolButton {
                        objectName: "reactButton"
                        visible: !root.deleted
                        text: qsTr("React")
                        font.pixelSize: Theme.fontMeta
                        padding: Theme.spacingXs
                        Accessible.name: qsTr("Add a reaction to this message")
                        onClicked: reactionBar.openPicker()
                    }
                    ToolButton {
                        objectName: "editButton"
                        visible: root.editable
                        text: qsTr("Edit")
                        font.pixelSize: Theme.fontMeta
                        padding: Theme.spacingXs
                        Accessible.name: qsTr("Edit this message")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Edit (Up arrow in an empty composer edits your last message)")
                        onClicked: root.editRequested(root.messageId, root.text)
                    }
                    ToolButton {
                        objectName: "deleteForEveryoneButton"
                        visible: root.editable
                        text: qsTr("Delete")
                        font.pixelSize: Theme.fontMeta
                        padding: Theme.spacingXs
                        Accessible.name: qsTr("Delete this message for everyone")
                        onClicked: root.deleteForEveryoneRequested(root.messageId)
                    }
                    ToolButton {
                        objectName: "copyButton"
                        visible: !root.deleted
                        text: qsTr("Copy")
                        font.pixelSize: Theme.fontMeta
                        padding: Theme.spacingXs
                        Accessible.name: qsTr("Copy message text")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Copy text (Ctrl+Shift+C)")
                        onClicked: UiHelper.copyText(root.text)
                    }
                }
            }
        }
    }
}
