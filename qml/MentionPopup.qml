// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls.Fusion

//! The @-completion list above the message field: the room's members whose userId starts with what
//! follows the `@`. It never takes the keyboard: the Composer keeps focus and forwards Up/Down
//! (move), Enter/Tab (insert) and Esc (dismiss). A click inserts too.
Popup {
    id: root

    //! The matching userIds, in order (UiHelper.mentionCandidates).
    property var candidates: []
    //! The highlighted one.
    property int currentIndex: 0
    readonly property string currentUserId: root.candidates.length > 0
                                            ? root.candidates[Math.min(root.currentIndex, root.candidates.length - 1)] : ""

    //! A userId was chosen (Enter, Tab or a click).
    signal chosen(string userId)

    objectName: "mentionPopup"
    focus: false
    closePolicy: Popup.NoAutoClose
    padding: Theme.spacingXs
    implicitWidth: 260
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.separator
    }

    onCandidatesChanged: root.currentIndex = 0

    function move(step: int) {
        if (root.candidates.length > 0)
            root.currentIndex = (root.currentIndex + step + root.candidates.length) % root.candidates.length;
    }

    contentItem: ListView {
        id: list

        objectName: "mentionList"
        implicitHeight: contentHeight
        clip: true
        model: root.candidates
        currentIndex: root.currentIndex
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Members matching the mention")

        delegate: ItemDelegate {
            id: entry

            required property int index
            required property string modelData

            width: ListView.view.width
            highlighted: entry.index === root.currentIndex
            padding: Theme.spacingXs
            leftPadding: Theme.spacing
            Accessible.role: Accessible.ListItem
            Accessible.name: "@" + entry.modelData
            Accessible.selected: entry.highlighted
            contentItem: Label {
                text: "@" + entry.modelData
                textFormat: Text.PlainText
                color: entry.highlighted ? Theme.onAccent : Theme.text
                elide: Text.ElideRight
            }
            background: Rectangle {
                radius: Theme.radius
                color: entry.highlighted ? Theme.accent : (entry.hovered ? Theme.hover : "transparent")
            }
            onClicked: root.chosen(entry.modelData)
        }
    }
}
