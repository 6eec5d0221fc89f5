// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! The message input: Enter sends, Shift+Enter inserts a newline. It grows with its text (up to
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
    //! Issue 10: AppController.pictures — Ctrl+V with an image, a dropped file or the button sends
    //! a picture to the current room; null: no pictures.
    property var pictures: null

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

                        Keys.onPressed: event => {
                            if (event.matches(StandardKey.Paste) && root.pictures && root.pictures.clipboardHasImage())
                                event.accepted = root.pictures.sendClipboard();
                        }
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
