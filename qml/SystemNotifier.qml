// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import Qt.labs.platform as Platform

//! Desktop notifications through the system tray. Main.qml loads this file with a Loader, so a
//! machine without Qt.labs.platform (Debian: qml6-module-qt-labs-platform) or without a tray still
//! runs the app; the in-window toast shows notifications either way.
Item {
    id: root

    //! A tray exists and can show messages.
    readonly property bool available: tray.available && tray.supportsMessages

    signal activated

    //! Shows a tray message. \a title and \a body come HTML-escaped from C++
    //! (AppController.systemNotificationRequested): notification servers may interpret markup.
    function notify(title: string, body: string) {
        if (!root.available)
            return;
        tray.showMessage(title, body);
    }

    Platform.SystemTrayIcon {
        id: tray

        visible: tray.available
        icon.source: "io.hubbub.Hubbub-64.png"
        tooltip: qsTr("Hubbub")
        onActivated: root.activated()
        onMessageClicked: root.activated()
    }
}
