// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls.Fusion

//! The delivery state of an own message, drawn (no icon font needed): a clock while it waits for
//! the connection, a spinner while it is being sent, a check once the service has it, a warning
//! mark when it failed. Shape and a tooltip say it, not only colour.
Item {
    id: root

    //! "queued" | "sending" | "sent" | "failed".
    property string kind: "sent"

    implicitWidth: Theme.iconSize
    implicitHeight: Theme.iconSize

    // Clock: a ring with two hands.
    Rectangle {
        visible: root.kind === "queued"
        anchors.fill: parent
        radius: width / 2
        color: "transparent"
        border.width: 1.5
        border.color: Theme.textSecondary

        Rectangle {
            x: parent.width / 2 - 0.75
            y: parent.height * 0.2
            width: 1.5
            height: parent.height * 0.32
            color: Theme.textSecondary
        }
        Rectangle {
            x: parent.width / 2 - 0.75
            y: parent.height / 2 - 0.75
            width: parent.width * 0.28
            height: 1.5
            color: Theme.textSecondary
        }
    }
    BusyIndicator {
        visible: root.kind === "sending"
        running: visible
        anchors.fill: parent
        padding: 0
    }
    Text {
        visible: root.kind === "sent"
        anchors.centerIn: parent
        text: "\u2713"
        textFormat: Text.PlainText
        color: Theme.ok
        font.pixelSize: Theme.iconSize
        font.bold: true
    }
    // Warning: a filled disc with "!".
    Rectangle {
        visible: root.kind === "failed"
        anchors.fill: parent
        radius: width / 2
        color: Theme.error

        Text {
            anchors.centerIn: parent
            text: "!"
            textFormat: Text.PlainText
            color: Theme.surface
            font.pixelSize: Theme.fontMeta
            font.bold: true
        }
    }
}
