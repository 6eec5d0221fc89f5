// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Dialogs

//! The composer's "attach a picture" button: picks a local image file and hands it to
//! AppController.pictures (which scales, encodes and sends it to the current room).
ToolButton {
    id: root

    //! AppController.pictures.
    property var pictures: null
    //! Exposed for tests.
    readonly property alias dialog: fileDialog

    objectName: "pictureButton"
    text: qsTr("Picture…")
    enabled: root.pictures !== null
    ToolTip.visible: root.hovered
    ToolTip.text: qsTr("Send a picture (or paste or drop one)")
    Accessible.name: qsTr("Send a picture")
    onClicked: fileDialog.open()

    FileDialog {
        id: fileDialog

        title: qsTr("Send a picture")
        nameFilters: [qsTr("Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)")]
        onAccepted: root.pictures.sendFile(fileDialog.selectedFile)
    }
}
