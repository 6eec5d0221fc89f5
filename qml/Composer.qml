// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! The message input: Enter sends, Shift+Enter inserts a newline. It only emits signals; Main.qml
//! passes the text to AppController.sendMessage and clears the field when that accepted it.
Rectangle {
    id: root

    //! The text being written.
    property alias text: input.text
    //! Placeholder, e.g. "Message #general".
    property string placeholder: qsTr("Write a message…")
    //! The input field (for focus from the Ctrl+L shortcut and for tests).
    readonly property alias input: input

    //! The user pressed Enter (or the Send button) with this text.
    signal sendRequested(string text)
    //! The user changed the text (drives the throttled typing notification in C++).
    signal edited

    implicitHeight: Math.min(row.implicitHeight, 200) + Theme.spacing * 2
    color: Theme.pane

    Rectangle {
        anchors.top: parent.top
        width: parent.width
        height: 1
        color: Theme.separator
    }

    RowLayout {
        id: row

        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true

            TextArea {
                id: input

                objectName: "composerInput"
                // The placeholder names the room, which anyone may have named: it is drawn by the
                // plain-text label below, not by placeholderText (rich text in the Fusion style).
                wrapMode: TextEdit.Wrap
                // What the user types is sent as typed; never interpret it as markup.
                textFormat: TextEdit.PlainText
                Accessible.name: qsTr("Message")
                Accessible.description: qsTr("Enter sends, Shift+Enter starts a new line")

                Keys.onReturnPressed: event => root.handleReturn(event)
                Keys.onEnterPressed: event => root.handleReturn(event)
                onTextChanged: {
                    if (input.activeFocus && input.length > 0)
                        root.edited();
                }

                Label {
                    objectName: "composerPlaceholder"
                    x: input.leftPadding
                    y: input.topPadding
                    width: input.width - input.leftPadding - input.rightPadding
                    visible: input.length === 0 && input.preeditText.length === 0
                    text: root.placeholder
                    textFormat: Text.PlainText
                    color: input.placeholderTextColor
                    font: input.font
                    elide: Text.ElideRight
                }
            }
        }
        Button {
            objectName: "sendButton"
            text: qsTr("Send")
            enabled: input.length > 0
            Layout.alignment: Qt.AlignBottom
            onClicked: root.submit()
        }
    }

    function handleReturn(event: KeyEvent) {
        if (event.modifiers & Qt.ShiftModifier) {
            // Shift+Enter: let the TextArea insert the newline itself.
            event.accepted = false;
            return;
        }
        event.accepted = true;
        root.submit();
    }

    //! Emits sendRequested unless the text is only whitespace.
    function submit() {
        if (input.text.trim().length === 0)
            return;
        root.sendRequested(input.text);
    }

    function clear() {
        input.clear();
    }
}
