// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! Above the message field while replying: "Replying to alice: lunch?" and a button to cancel
//! (Esc in the field does the same). Sender and snippet are plain text.
RowLayout {
    id: root

    //! What names the original's sender.
    property string sender: ""
    //! The original's first line.
    property string snippet: ""

    signal cancelRequested

    spacing: Theme.spacingXs

    Label {
        // One placeholder only: the sender is untrusted and may itself contain "%2".
        text: qsTr("Replying to %1:").arg(root.sender)
        textFormat: Text.PlainText
        color: Theme.textSecondary
        font.pixelSize: Theme.fontMeta
        font.weight: Font.DemiBold
        elide: Text.ElideRight
        Layout.maximumWidth: root.width / 3
    }
    Label {
        objectName: "composerReplySnippet"
        Layout.fillWidth: true
        text: root.snippet
        textFormat: Text.PlainText
        color: Theme.textSecondary
        font.pixelSize: Theme.fontMeta
        elide: Text.ElideRight
    }
    ToolButton {
        objectName: "cancelReplyButton"
        text: "\u2715"
        font.pixelSize: Theme.fontMeta
        Accessible.name: qsTr("Cancel the reply (Esc)")
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Cancel the reply (Esc)")
        onClicked: root.cancelRequested()
    }
}
