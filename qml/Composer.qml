// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion
import Hubbub.Ui

//! The message input: Enter sends, Shift+Enter inserts a newline. `@` + a prefix offers the room's
//! members (MentionPopup); a reply in progress shows above the field until sent or Esc. It grows with its text (up to
//! maxLines, then scrolls) and, while the connection is down, says that sending is queued. It only
//! emits signals; Main.qml passes the text to AppController.sendMessage and clears the field when
//! that accepted it.
Rectangle {
    id: root

    //! The text being written.
    property alias text: input.text
    //! Placeholder, e.g. "Message #general".
    property string placeholder: qsTr("Write a message…")
    //! The input field (for focus from the Ctrl+L shortcut and for tests).
    readonly property alias input: input
    //! Non-empty while messages cannot go out now, e.g. "Offline — messages are queued".
    property string queueNote: ""
    //! Lines shown before the field scrolls.
    property int maxLines: 8
    //! The room's MemberModel: `@` + a prefix offers its userIds (MentionPopup).
    property var members: null
    //! The user's own userId, left out of the completion.
    property string selfUserId: ""
    //! The message being replied to ("" when none): startReply() sets it, Esc or clear() ends it.
    property string replyToId: ""
    //! "alice: first line" of the message being replied to.
    property string replySender: ""
    property string replySnippet: ""
    //! Where the `@` of the mention being typed is (-1: none) and what follows it.
    property int mentionStart: -1
    property string mentionPrefix: ""
    property int mentionDismissedAt: -1
    readonly property var mentionCandidates: root.mentionStart >= 0 && root.mentionDismissedAt !== root.mentionStart
                                             ? UiHelper.mentionCandidates(root.members, root.mentionPrefix, root.selfUserId) : []
    readonly property alias mentionPopup: mentionPopup

    //! The user pressed Enter (or the Send button) with this text.
    signal sendRequested(string text)
    //! The user changed the text (drives the throttled typing notification in C++).
    signal edited

    implicitHeight: layout.implicitHeight + Theme.spacingM * 2
    color: Theme.surface

    ColumnLayout {
        id: layout

        width: Math.min(parent.width - 2 * Theme.spacingL, Theme.textColumnMax)
        x: (parent.width - width) / 2
        y: Theme.spacingM
        spacing: Theme.spacingXs

        // Replying: what to, and a way out (Esc).
        RowLayout {
            objectName: "composerReplyBar"
            visible: root.replyToId.length > 0
            Layout.fillWidth: true
            spacing: Theme.spacingXs

            Label {
                text: qsTr("Replying to %1:").arg(root.replySender)
                textFormat: Text.PlainText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontMeta
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Layout.maximumWidth: layout.width / 3
            }
            Label {
                objectName: "composerReplySnippet"
                Layout.fillWidth: true
                text: root.replySnippet
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
                onClicked: root.cancelReply()
            }
        }

        // Sending is queued: the state, in words, right where the user is writing.
        RowLayout {
            objectName: "composerQueueNote"
            visible: root.queueNote.length > 0
            Layout.fillWidth: true
            spacing: Theme.spacing

            DeliveryIcon {
                kind: "queued"
            }
            Label {
                Layout.fillWidth: true
                text: root.queueNote
                textFormat: Text.PlainText
                color: Theme.warning
                font.pixelSize: Theme.fontMeta
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: root.queueNote
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: fieldRow.implicitHeight + Theme.spacing
            radius: Theme.radiusLarge
            color: Theme.window
            border.width: input.activeFocus ? 2 : 1
            border.color: input.activeFocus ? Theme.accent : Theme.controlBorder

            RowLayout {
                id: fieldRow

                anchors.fill: parent
                anchors.margins: Theme.spacingXs
                spacing: Theme.spacing

                ScrollView {
                    id: scroller

                    Layout.fillWidth: true
                    // Grows with the text up to maxLines, then scrolls.
                    Layout.preferredHeight: Math.min(input.implicitHeight,
                                                     input.topPadding + input.bottomPadding
                                                     + root.maxLines * fontMetrics.height)
                    Layout.alignment: Qt.AlignVCenter

                    TextArea {
                        id: input

                        objectName: "composerInput"
                        // The placeholder names the room, which anyone may have named: it is drawn
                        // by the plain-text label below, not by placeholderText (rich text in the
                        // Fusion style).
                        wrapMode: TextEdit.Wrap
                        // What the user types is sent as typed; never interpret it as markup.
                        textFormat: TextEdit.PlainText
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        background: null
                        leftPadding: Theme.spacing
                        rightPadding: Theme.spacing
                        topPadding: Theme.spacing
                        bottomPadding: Theme.spacing
                        Accessible.name: qsTr("Message")
                        Accessible.description: qsTr("Enter sends, Shift+Enter starts a new line")

                        Keys.onReturnPressed: event => root.handleReturn(event)
                        Keys.onEnterPressed: event => root.handleReturn(event)
                        // While the @-completion shows, these drive it; otherwise the field's own.
                        Keys.onUpPressed: event => {
                            event.accepted = mentionPopup.visible;
                            if (mentionPopup.visible)
                                mentionPopup.move(-1);
                        }
                        Keys.onDownPressed: event => {
                            event.accepted = mentionPopup.visible;
                            if (mentionPopup.visible)
                                mentionPopup.move(1);
                        }
                        Keys.onTabPressed: event => {
                            event.accepted = mentionPopup.visible;
                            if (mentionPopup.visible)
                                root.insertMention(mentionPopup.currentUserId);
                        }
                        Keys.onEscapePressed: event => {
                            if (mentionPopup.visible)
                                root.mentionDismissedAt = root.mentionStart;
                            else if (root.replyToId.length > 0)
                                root.cancelReply();
                            else
                                event.accepted = false;
                        }
                        onTextChanged: {
                            root.updateMention();
                            if (input.activeFocus && input.length > 0)
                                root.edited();
                        }
                        onCursorPositionChanged: root.updateMention()

                        Label {
                            objectName: "composerPlaceholder"
                            x: input.leftPadding
                            y: input.topPadding
                            width: input.width - input.leftPadding - input.rightPadding
                            visible: input.length === 0 && input.preeditText.length === 0
                            text: root.placeholder
                            textFormat: Text.PlainText
                            color: Theme.textSecondary
                            font: input.font
                            elide: Text.ElideRight
                        }
                    }
                }
                Button {
                    id: sendButton

                    objectName: "sendButton"
                    text: qsTr("Send")
                    enabled: input.length > 0
                    Layout.alignment: Qt.AlignBottom
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    leftPadding: Theme.spacingL
                    rightPadding: Theme.spacingL
                    Accessible.name: qsTr("Send message")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Send (Enter)")
                    contentItem: Label {
                        text: sendButton.text
                        font: sendButton.font
                        color: sendButton.enabled ? Theme.onAccent : Theme.textSecondary
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    background: Rectangle {
                        implicitHeight: 32
                        radius: Theme.radius
                        color: sendButton.enabled ? (sendButton.down ? Qt.darker(Theme.accent, 1.15) : Theme.accent)
                                                  : Theme.control
                    }
                    onClicked: root.submit()
                }
            }
        }
    }

    MentionPopup {
        id: mentionPopup

        parent: layout
        x: 0
        y: -height - Theme.spacingXs
        candidates: root.mentionCandidates
        visible: root.mentionCandidates.length > 0 && input.activeFocus
        onChosen: userId => root.insertMention(userId)
    }

    FontMetrics {
        id: fontMetrics

        font: input.font
    }

    function handleReturn(event: KeyEvent) {
        if (event.modifiers & Qt.ShiftModifier) {
            // Shift+Enter: let the TextArea insert the newline itself.
            event.accepted = false;
            return;
        }
        event.accepted = true;
        if (mentionPopup.visible)
            root.insertMention(mentionPopup.currentUserId);
        else
            root.submit();
    }

    //! Finds the `@prefix` just before the cursor (at the start or after a space or bracket).
    function updateMention() {
        const before = input.text.slice(0, input.cursorPosition);
        const match = /(^|[\s(\[{"'])@([^\s@]*)$/.exec(before);
        root.mentionStart = match ? before.length - match[2].length - 1 : -1;
        root.mentionPrefix = match ? match[2] : "";
    }

    //! Replaces the `@prefix` being typed by `@userId `.
    function insertMention(userId: string) {
        if (root.mentionStart < 0 || userId.length === 0)
            return;
        const start = root.mentionStart;
        input.remove(start, input.cursorPosition);
        input.insert(start, "@" + userId + " ");
        input.cursorPosition = start + userId.length + 2;
    }

    //! Starts replying to \a messageId (\a sender, one line \a snippet); the field takes focus.
    function startReply(messageId: string, sender: string, snippet: string) {
        root.replyToId = messageId;
        root.replySender = sender;
        root.replySnippet = snippet;
        input.forceActiveFocus();
    }

    function cancelReply() {
        root.replyToId = "";
        root.replySender = "";
        root.replySnippet = "";
    }

    //! Emits sendRequested unless the text is only whitespace.
    function submit() {
        if (input.text.trim().length === 0)
            return;
        root.sendRequested(input.text);
    }

    function clear() {
        input.clear();
        root.cancelReply();
    }
}
