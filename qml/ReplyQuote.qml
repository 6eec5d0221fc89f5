// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! The quote above a reply: who wrote the original and its first line. When the original is in
//! local history (inHistory) both are the original's own (ReplyResolver): sender label in the usual
//! style. When it is not, they are only what the replier claims: then the quote says so and shows
//! the claim in the secondary, italic style, never like a verified name. Clicking it (or Enter/
//! Space when focused) asks to jump to the original. All text is plain.
Rectangle {
    id: root

    //! The original was found locally: senderLabel and text are its own.
    property bool inHistory: false
    //! What names the original's sender (inHistory) or the sender the replier claims.
    property string senderLabel: ""
    //! One line of the original (or of the claim).
    property string text: ""
    //! The original was itself relayed after a gap by this member: its sender is a claim too.
    property string relayedBy: ""

    //! The user clicked the quote: jump to the original.
    signal activated

    readonly property bool claimed: !root.inHistory || root.relayedBy.length > 0

    implicitWidth: row.implicitWidth + Theme.spacing * 2
    implicitHeight: row.implicitHeight + Theme.spacingXs * 2
    radius: Theme.radius
    color: tap.pressed || hover.hovered || root.activeFocus ? Theme.hover : "transparent"
    activeFocusOnTab: true

    Accessible.role: Accessible.Button
    // One placeholder each, the rest concatenated: sender and text are untrusted and may contain "%2".
    Accessible.name: (root.inHistory ? qsTr("Reply to %1:").arg(root.senderLabel)
                                     : qsTr("Reply to a message not in your history, claimed from %1:").arg(root.senderLabel))
                     + " " + root.text
    Accessible.description: qsTr("Activate to show the original message")
    Accessible.onPressAction: root.activated()

    Keys.onReturnPressed: root.activated()
    Keys.onEnterPressed: root.activated()
    Keys.onSpacePressed: root.activated()

    // A bar on the leading edge, the usual quote shape: solid for a verified original, faint for a claim.
    Rectangle {
        width: 3
        height: parent.height
        radius: 1
        color: root.inHistory ? Theme.accent : Theme.textSecondary
        opacity: root.inHistory ? 0.8 : 0.4
    }

    RowLayout {
        id: row

        x: Theme.spacing
        y: Theme.spacingXs
        width: root.width - Theme.spacing * 2
        spacing: Theme.spacingXs

        Label {
            objectName: "replyQuoteNotInHistory"
            visible: !root.inHistory
            text: qsTr("Replying to a message not in your history —")
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.italic: true
            font.pixelSize: Theme.fontMeta
        }
        Label {
            objectName: "replyQuoteSender"
            text: root.claimed ? qsTr("%1 (claimed)").arg(root.senderLabel) : root.senderLabel
            textFormat: Text.PlainText
            color: root.claimed ? Theme.textSecondary : Theme.text
            font.italic: root.claimed
            font.weight: root.claimed ? Font.Normal : Font.DemiBold
            font.pixelSize: Theme.fontMeta
            elide: Text.ElideRight
            Layout.maximumWidth: row.width / 3
        }
        Label {
            objectName: "replyQuoteText"
            Layout.fillWidth: true
            text: root.text
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.italic: root.claimed
            font.pixelSize: Theme.fontMeta
            elide: Text.ElideRight
            maximumLineCount: 1
        }
    }

    HoverHandler {
        id: hover

        cursorShape: Qt.PointingHandCursor
    }
    TapHandler {
        id: tap

        onTapped: root.activated()
    }
}
