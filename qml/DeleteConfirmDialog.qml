// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls.Fusion

//! "Delete for everyone?" before an own message is deleted: it cannot be undone, and the others'
//! apps replace it with a tombstone too.
Dialog {
    id: root

    //! The message asked about.
    property string messageId: ""

    //! The user confirmed deleting \a messageId.
    signal confirmed(string messageId)

    title: qsTr("Delete message?")
    modal: true
    anchors.centerIn: parent
    standardButtons: Dialog.Cancel | Dialog.Ok

    Label {
        text: qsTr("It will be replaced by \u201Cmessage deleted\u201D for everyone in the room. This cannot be undone.")
        wrapMode: Text.Wrap
        width: Math.min(360, root.parent ? root.parent.width - 80 : 360)
    }

    Component.onCompleted: {
        const ok = root.standardButton(Dialog.Ok);
        if (ok) {
            ok.text = qsTr("Delete for everyone");
            ok.objectName = "confirmDeleteButton";
        }
    }

    onAccepted: root.confirmed(root.messageId)

    //! Asks about \a id.
    function ask(id: string) {
        root.messageId = id;
        root.open();
    }
}
