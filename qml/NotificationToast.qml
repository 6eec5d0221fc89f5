// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! An in-window notification for a message in another room (the system notification, if any, is
//! the C++ side's). Clicking it opens the room.
Popup {
    id: root

    property string room: ""
    property string sender: ""
    property string message: ""

    signal openRoomRequested(string room)

    x: parent ? parent.width - width - Theme.spacing * 2 : 0
    y: Theme.spacing * 2
    width: 320
    padding: Theme.spacing
    closePolicy: Popup.CloseOnEscape
    background: Rectangle {
        color: Theme.pane
        border.color: Theme.separator
        radius: Theme.radius
    }

    //! Shows \a text from \a sender in \a room for a few seconds.
    function show(room: string, sender: string, text: string) {
        root.room = room;
        root.sender = sender;
        root.message = text;
        root.open();
        hideTimer.restart();
    }

    Timer {
        id: hideTimer

        interval: 5000
        onTriggered: root.close()
    }

    contentItem: ColumnLayout {
        spacing: 2
        Accessible.role: Accessible.AlertMessage
        Accessible.name: root.sender + " #" + root.room + ": " + root.message

        Label {
            objectName: "toastTitle"
            Layout.fillWidth: true
            text: root.room.length > 0 ? root.sender + " · #" + root.room : root.sender
            textFormat: Text.PlainText
            font.bold: true
            color: Theme.text
            elide: Text.ElideRight
        }
        Label {
            objectName: "toastBody"
            Layout.fillWidth: true
            text: root.message
            textFormat: Text.PlainText
            color: Theme.text
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }

        TapHandler {
            onTapped: {
                root.openRoomRequested(root.room);
                root.close();
            }
        }
    }
}
