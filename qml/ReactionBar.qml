// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls.Fusion

//! The reactions under a message: one chip per emoji with its count (yours highlighted), who
//! reacted on hover, a click sets or unsets your own; "+" opens the EmojiPicker. Emoji and userIds
//! come from other people: plain text only, tooltips included.
Flow {
    id: root

    //! The MessageModel's reactions role: [{emoji, count, users, mine}].
    property var reactions: []
    //! The picker is open (the delegate keeps the bar visible for it even without reactions).
    readonly property bool pickerOpen: picker.opened
    //! The EmojiPicker (its content lives in the window's overlay while open).
    readonly property alias picker: picker

    //! Set (\a on) or unset the local user's \a emoji.
    signal toggled(string emoji, bool on)

    spacing: Theme.spacingXs

    Repeater {
        model: root.reactions
        delegate: Button {
            id: chip

            required property var modelData
            readonly property string who: chip.modelData.users.join(", ")

            objectName: "reactionChip"
            padding: 2
            leftPadding: Theme.spacing
            rightPadding: Theme.spacing
            font.pixelSize: Theme.fontMeta
            contentItem: Label {
                objectName: "reactionChipLabel"
                text: chip.modelData.emoji + " " + chip.modelData.count
                textFormat: Text.PlainText
                font: chip.font
                color: chip.modelData.mine ? Theme.accent : Theme.text
            }
            background: Rectangle {
                implicitHeight: 24
                radius: height / 2
                color: chip.modelData.mine ? Theme.surfaceAlt : Theme.control
                border.color: chip.modelData.mine ? Theme.accent : Theme.controlBorder
                border.width: chip.modelData.mine ? 2 : 1
            }
            Accessible.name: (chip.modelData.mine ? qsTr("%1, %2 reactions including yours: %3. Remove yours")
                                                  : qsTr("%1, %2 reactions: %3. Add yours"))
                             .arg(chip.modelData.emoji).arg(chip.modelData.count).arg(chip.who)
            onClicked: root.toggled(chip.modelData.emoji, !chip.modelData.mine)

            HoverHandler {
                id: chipHover
            }
            ToolTip {
                id: tip

                objectName: "reactionTip"
                visible: chipHover.hovered
                delay: 300
                text: qsTr("%1 reacted with %2").arg(chip.who).arg(chip.modelData.emoji)
                // ToolTip's own label may render rich text: userIds and emoji are plain.
                contentItem: Label {
                    text: tip.text
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                }
            }
        }
    }

    Button {
        id: addButton

        objectName: "addReactionButton"
        text: "+"
        padding: 2
        leftPadding: Theme.spacing
        rightPadding: Theme.spacing
        font.pixelSize: Theme.fontMeta
        Accessible.name: qsTr("Add reaction")
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Add reaction")
        onClicked: root.openPicker()
        background: Rectangle {
            implicitHeight: 24
            radius: height / 2
            color: addButton.hovered ? Theme.hover : "transparent"
            border.color: Theme.controlBorder
        }
    }

    EmojiPicker {
        id: picker

        y: addButton.y + addButton.height
        x: addButton.x
        onPicked: emoji => root.toggled(emoji, true)
    }

    //! Opens the emoji picker (also from the message's hover actions).
    function openPicker() {
        picker.open();
    }
}
