// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! A small popup to pick a reaction: a handful of common emoji, and a field to type any other.
//! It only emits picked(); the app checks the emoji (plain text, short, no control characters).
Popup {
    id: root

    //! The quick choices.
    property var choices: ["👍", "❤️", "😂", "🎉", "😮", "😢", "🙏", "👀"]

    //! The user chose \a emoji.
    signal picked(string emoji)

    padding: Theme.spacing
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.separator
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingXs

        Grid {
            columns: 4
            spacing: 2

            Repeater {
                model: root.choices
                delegate: ToolButton {
                    id: choice

                    required property string modelData

                    objectName: "emojiChoice"
                    font.pixelSize: Theme.fontTitle
                    padding: Theme.spacingXs
                    contentItem: Label {
                        text: choice.modelData
                        textFormat: Text.PlainText
                        font: choice.font
                        horizontalAlignment: Text.AlignHCenter
                    }
                    Accessible.name: qsTr("React with %1").arg(choice.modelData)
                    onClicked: root.choose(choice.modelData)
                }
            }
        }
        RowLayout {
            spacing: Theme.spacingXs

            TextField {
                id: custom

                objectName: "emojiField"
                Layout.preferredWidth: 96
                placeholderText: qsTr("Any emoji")
                maximumLength: 32
                Accessible.name: qsTr("Type an emoji to react with")
                onAccepted: root.choose(custom.text)
            }
            Button {
                objectName: "emojiAddButton"
                text: qsTr("Add")
                enabled: custom.text.trim().length > 0
                Accessible.name: qsTr("React with the typed emoji")
                onClicked: root.choose(custom.text)
            }
        }
    }

    onOpened: custom.clear()

    function choose(emoji: string) {
        const value = emoji.trim();
        if (value.length === 0)
            return;
        root.picked(value);
        root.close();
    }
}
