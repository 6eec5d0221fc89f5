// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick

//! A round avatar: initials on one of the 12 avatar colours. Both come from the models' avatarIndex
//! and initials roles (computed in C++ from the userId), so a user looks the same everywhere.
Rectangle {
    id: root

    //! Which of Theme.avatarColors (the models' avatarIndex role).
    property int colorIndex: 0
    //! One or two letters (the models' initials role): plain text.
    property string initials: ""
    property int size: Theme.avatarSize

    implicitWidth: root.size
    implicitHeight: root.size
    radius: root.size / 2
    color: Theme.avatarColors[root.colorIndex % Theme.avatarColors.length]
    // Decorative: the name beside it is what a screen reader reads.
    Accessible.ignored: true

    Text {
        anchors.centerIn: parent
        text: root.initials
        textFormat: Text.PlainText
        color: Theme.avatarText
        font.pixelSize: Math.round(root.size * 0.4)
        font.weight: Font.DemiBold
    }
}
