// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls.Fusion
import Hubbub.Ui

//! The @-completion of a message field: while the text before the cursor ends in `@prefix` (at the
//! start or after a space or bracket), the room's members whose userId starts with the prefix,
//! case-insensitively (UiHelper.mentionCandidates). It never takes the keyboard: the field keeps
//! focus and passes Up/Down (move), Enter/Tab (insert `@userId `) and Esc (dismiss) to handleKey().
//! A click inserts too.
Popup {
    id: root

    //! The text field it completes in (a TextArea or TextField).
    property Item field: null
    //! The room's MemberModel.
    property var members: null
    //! The user's own userId, left out.
    property string selfUserId: ""
    //! Where the `@` being completed is (-1: none), what follows it, and where Esc dismissed one.
    property int mentionStart: -1
    property string prefix: ""
    property int dismissedAt: -1
    //! The matching userIds, in order.
    readonly property var candidates: root.mentionStart >= 0 && root.dismissedAt !== root.mentionStart
                                      ? UiHelper.mentionCandidates(root.members, root.prefix, root.selfUserId) : []
    //! The highlighted one.
    property int currentIndex: 0
    readonly property string currentUserId: root.candidates.length > 0
                                            ? root.candidates[Math.min(root.currentIndex, root.candidates.length - 1)] : ""

    //! A userId was chosen (Enter, Tab or a click).
    signal chosen(string userId)

    objectName: "mentionPopup"
    visible: root.candidates.length > 0 && root.field !== null && root.field.activeFocus
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

    onChosen: userId => root.insert(userId)

    function move(step: int) {
        if (root.candidates.length > 0)
            root.currentIndex = (root.currentIndex + step + root.candidates.length) % root.candidates.length;
    }

    //! Call when the field's text or cursor changed: finds the `@prefix` before the cursor.
    function update() {
        const before = root.field.text.slice(0, root.field.cursorPosition);
        const match = /(^|[\s(\[{"'])@([^\s@]*)$/.exec(before);
        root.mentionStart = match ? before.length - match[2].length - 1 : -1;
        root.prefix = match ? match[2] : "";
    }

    //! Replaces the `@prefix` being typed by `@userId `.
    function insert(userId: string) {
        if (root.mentionStart < 0 || userId.length === 0)
            return;
        const start = root.mentionStart;
        root.field.remove(start, root.field.cursorPosition);
        root.field.insert(start, "@" + userId + " ");
        root.field.cursorPosition = start + userId.length + 2;
    }

    //! A key pressed in the field: true when the completion used it (only while it shows).
    function handleKey(key: int): bool {
        if (!root.visible)
            return false;
        switch (key) {
        case Qt.Key_Up:
            root.move(-1);
            return true;
        case Qt.Key_Down:
            root.move(1);
            return true;
        case Qt.Key_Return:
        case Qt.Key_Enter:
        case Qt.Key_Tab:
            root.insert(root.currentUserId);
            return true;
        case Qt.Key_Escape:
            root.dismissedAt = root.mentionStart;
            return true;
        }
        return false;
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
