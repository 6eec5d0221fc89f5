// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion
import Hubbub.Ui

//! The message input: Enter sends, Shift+Enter inserts a newline; `@` + a prefix offers the room's
//! members (MentionPopup); a reply in progress shows above it (ReplyBar) until sent or Esc. It
//! grows with its text (up to maxLines, then scrolls) and, while the connection is down, says that sending is queued. It only
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
    //! The unsent text per room (AppController.drafts; null: none kept) and the room written to:
    //! switching rooms shows that room's draft, every change is handed to drafts.setText().
    property Drafts drafts: null
    property string room: ""
    property bool restoringDraft: false

    onRoomChanged: root.restoreDraft()
    onDraftsChanged: root.restoreDraft()
    Component.onCompleted: root.restoreDraft()
    //! The own message being edited ("" when writing a new one): Enter saves, Esc cancels.
    property string editingMessageId: ""
    //! The room's MemberModel: `@` + a prefix offers its userIds (MentionPopup).
    property var members: null
    //! The user's own userId, left out of the completion.
    property string selfUserId: ""
    //! The message being replied to ("" when none): startReply() sets it, Esc or clear() ends it.
    property string replyToId: ""
    //! "alice: first line" of the message being replied to.
    property string replySender: ""
    property string replySnippet: ""
    readonly property alias mentionPopup: mentionPopup
    //! Issue 10: AppController.pictures — Ctrl+V with an image, a dropped file or the button sends
    //! a picture to the current room; null: no pictures.
    property var pictures: null

    //! The user pressed Enter (or the Send button) with this text.
    signal sendRequested(string text)
    //! The user changed the text (drives the throttled typing notification in C++).
    signal edited
    //! Enter while editing: \a text replaces message \a messageId.
    signal editSubmitted(string messageId, string text)
    //! Up arrow in the empty composer: edit the last own message.
    signal editLastRequested

    implicitHeight: layout.implicitHeight + Theme.spacingM * 2
    color: Theme.surface

    ColumnLayout {
        id: layout

        width: Math.min(parent.width - 2 * Theme.spacingL, Theme.textColumnMax)
        x: (parent.width - width) / 2
        y: Theme.spacingM
        spacing: Theme.spacingXs

        ReplyBar {
            objectName: "composerReplyBar"
            visible: root.replyToId.length > 0
            Layout.fillWidth: true
            sender: root.replySender
            snippet: root.replySnippet
            onCancelRequested: root.cancelReply()
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

        // Editing an earlier message: say so, and how to get out.
        RowLayout {
            objectName: "composerEditingNote"
            visible: root.editingMessageId.length > 0
            Layout.fillWidth: true
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: qsTr("Editing message — Enter saves, Esc cancels")
                color: Theme.accent
                font.pixelSize: Theme.fontMeta
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Button {
                objectName: "cancelEditButton"
                text: qsTr("Cancel")
                flat: true
                font.pixelSize: Theme.fontMeta
                Accessible.name: qsTr("Cancel editing")
                onClicked: root.cancelEditing()
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

                        Keys.onPressed: event => {
                            if (event.matches(StandardKey.Paste) && root.pictures && root.pictures.clipboardHasImage())
                                event.accepted = root.pictures.sendClipboard();
                        }
                        Keys.onReturnPressed: event => root.handleReturn(event)
                        Keys.onEnterPressed: event => root.handleReturn(event)
                        // While the @-completion shows, these drive it; otherwise the field's own
                        // (Up in an empty field edits the last own message, Esc ends a reply or an edit).
                        Keys.onUpPressed: event => {
                            if (mentionPopup.handleKey(event.key)) {
                                event.accepted = true;
                                return;
                            }
                            event.accepted = input.length === 0 && root.editingMessageId.length === 0;
                            if (event.accepted)
                                root.editLastRequested();
                        }
                        Keys.onDownPressed: event => event.accepted = mentionPopup.handleKey(event.key)
                        Keys.onTabPressed: event => event.accepted = mentionPopup.handleKey(event.key)
                        Keys.onEscapePressed: event => {
                            if (mentionPopup.handleKey(event.key) || root.cancelReply()) {
                                event.accepted = true;
                                return;
                            }
                            event.accepted = root.editingMessageId.length > 0;
                            if (event.accepted)
                                root.cancelEditing();
                        }
                        onTextChanged: {
                            mentionPopup.update();
                            if (root.restoringDraft)
                                return;
                            // The text of a message being edited is not a draft of a new one.
                            if (root.drafts && root.editingMessageId.length === 0)
                                root.drafts.setText(root.room, input.text);
                            if (input.activeFocus && input.length > 0)
                                root.edited();
                        }
                        onCursorPositionChanged: mentionPopup.update()

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
                PictureAttach {
                    pictures: root.pictures
                }
                Button {
                    id: sendButton

                    objectName: "sendButton"
                    text: root.editingMessageId.length > 0 ? qsTr("Save") : qsTr("Send")
                    enabled: input.length > 0
                    Layout.alignment: Qt.AlignBottom
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    leftPadding: Theme.spacingL
                    rightPadding: Theme.spacingL
                    Accessible.name: root.editingMessageId.length > 0 ? qsTr("Save the edited message") : qsTr("Send message")
                    ToolTip.visible: hovered
                    ToolTip.text: root.editingMessageId.length > 0 ? qsTr("Save (Enter)") : qsTr("Send (Enter)")
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
        field: input
        members: root.members
        selfUserId: root.selfUserId
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
        if (!mentionPopup.handleKey(event.key))
            root.submit();
    }

    //! Starts replying to \a messageId (\a sender, one line \a snippet); the field takes focus.
    function startReply(messageId: string, sender: string, snippet: string) {
        root.replyToId = messageId;
        root.replySender = sender;
        root.replySnippet = snippet;
        input.forceActiveFocus();
    }

    //! Ends the reply in progress; false when there was none.
    function cancelReply(): bool {
        const was = root.replyToId.length > 0;
        root.replyToId = "";
        root.replySender = "";
        root.replySnippet = "";
        return was;
    }

    //! Emits sendRequested unless the text is only whitespace.
    function submit() {
        if (input.text.trim().length === 0)
            return;
        if (root.editingMessageId.length > 0)
            root.editSubmitted(root.editingMessageId, input.text);
        else
            root.sendRequested(input.text);
    }

    //! Puts own message \a messageId with its \a text in the field to edit it.
    function startEditing(messageId: string, text: string) {
        root.editingMessageId = messageId;
        input.text = text;
        input.cursorPosition = input.length;
        input.forceActiveFocus();
    }

    //! Leaves editing; the field shows the room's draft again.
    function cancelEditing() {
        root.restoreDraft();
    }

    function clear() {
        input.clear();
        root.cancelReply();
    }

    //! Shows the room's draft (not typing: no draft write, no typing notification). Editing ends:
    //! a message being edited belongs to the room that was shown.
    function restoreDraft() {
        root.editingMessageId = "";
        root.restoringDraft = true;
        input.text = root.drafts ? root.drafts.text(root.room) : "";
        input.cursorPosition = input.length;
        root.restoringDraft = false;
    }

    DropArea {
        objectName: "pictureDropArea"
        anchors.fill: parent
        enabled: root.pictures !== null
        onDropped: drop => {
            if (!drop.hasUrls)
                return;
            for (const url of drop.urls)
                root.pictures.sendFile(url);
            drop.accept();
        }
    }
}
