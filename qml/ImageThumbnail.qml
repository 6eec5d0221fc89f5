// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Templates as T

//! A picture message's thumbnail; a click opens it full-size in a popup. The source is always the
//! app's image provider (image://hubbub/<room>/<id>, from local history), never a payload's URL.
Item {
    id: root

    //! MessageModel.pictureSource.
    property string source: ""
    //! The thumbnail's bounding box.
    property int maximumSize: 240
    //! Exposed for tests.
    readonly property alias thumbnail: thumb
    readonly property alias popup: fullSize

    implicitWidth: thumb.status === Image.Ready ? thumb.paintedWidth : root.maximumSize / 2
    implicitHeight: thumb.status === Image.Ready ? thumb.paintedHeight : root.maximumSize / 2
    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("Picture")

    Image {
        id: thumb

        objectName: "pictureThumbnail"
        width: root.maximumSize
        height: root.maximumSize
        // Only the provider's scheme: anything else would be a network or file fetch.
        source: root.source.startsWith("image://hubbub/") ? root.source : ""
        sourceSize: Qt.size(root.maximumSize, root.maximumSize)
        fillMode: Image.PreserveAspectFit
        horizontalAlignment: Image.AlignLeft
        verticalAlignment: Image.AlignTop
        // The provider reads the history on the GUI thread.
        asynchronous: false
        cache: false
    }

    Rectangle {
        visible: thumb.status !== Image.Ready
        anchors.fill: parent
        color: Theme.surfaceAlt
        radius: Theme.radius

        Label {
            anchors.centerIn: parent
            text: qsTr("Picture unavailable")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontMeta
        }
    }

    MouseArea {
        objectName: "pictureOpenArea"
        anchors.fill: parent
        cursorShape: Qt.PointingHandCursor
        enabled: thumb.status === Image.Ready
        onClicked: fullSize.open()
    }

    Popup {
        id: fullSize

        objectName: "picturePopup"
        parent: T.Overlay.overlay
        anchors.centerIn: parent
        modal: true
        // Escape closes it only while it has the focus.
        focus: true
        padding: Theme.spacing
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
        width: parent ? Math.min(full.implicitWidth + 2 * padding, parent.width * 0.9) : 0
        height: parent ? Math.min(full.implicitHeight + 2 * padding, parent.height * 0.9) : 0

        contentItem: Image {
            id: full

            objectName: "pictureFull"
            source: fullSize.visible ? thumb.source : ""
            fillMode: Image.PreserveAspectFit
            asynchronous: false
            cache: false

            TapHandler {
                onTapped: fullSize.close()
            }
        }
    }
}
