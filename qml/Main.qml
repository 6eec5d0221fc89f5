// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion
// Main.qml is loaded by URL (no loadFromModule on 6.4): importing its own module by name is what
// loads the static plugin, and with it the C++ types (AppController, …) registered in foreigntypes.h.
import Hubbub.Ui

//! The main window: connection banner on top, rooms | timeline + composer | members (and the
//! diagnostics panel when open). Every action is a call on the AppController; no logic lives here.
ApplicationWindow {
    id: root

    required property AppController app

    //! Exposed for tests and the screenshot/benchmark harnesses.
    readonly property alias messageView: messageView
    readonly property alias composer: composer
    readonly property alias statusBanner: statusBanner
    readonly property alias roomList: roomList

    width: 1100
    height: 720
    minimumWidth: 640
    minimumHeight: 420
    visible: true
    title: root.app.currentRoom.length > 0 ? qsTr("Hubbub — #%1").arg(root.app.currentRoom) : qsTr("Hubbub")
    color: Theme.window

    LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.pane
    palette.alternateBase: Theme.hover
    palette.text: Theme.text
    palette.button: Theme.dark ? "#30353e" : "#eceff3"
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.mutedText
    palette.toolTipBase: Theme.pane
    palette.toolTipText: Theme.text
    palette.light: Theme.dark ? "#3a404a" : "#ffffff"
    palette.midlight: Theme.dark ? "#343a43" : "#e3e7ec"
    palette.mid: Theme.separator
    palette.dark: Theme.dark ? "#14161a" : "#a9b1bb"
    palette.shadow: "#000000"

    onActiveChanged: {
        if (root.active)
            root.userActive();
        if (root.active && messageView.atBottom)
            root.app.markRead();
    }

    Binding {
        target: Theme
        property: "dark"
        value: root.app.darkTheme
    }

    Shortcut {
        sequence: "Ctrl+K"
        context: Qt.ApplicationShortcut
        onActivated: switcher.open()
    }
    Shortcut {
        sequence: "Alt+Shift+Down"
        context: Qt.ApplicationShortcut
        onActivated: root.app.nextUnreadRoom()
    }
    Shortcut {
        sequence: "Ctrl+L"
        context: Qt.ApplicationShortcut
        onActivated: composer.input.forceActiveFocus()
    }
    Shortcut {
        sequence: "Ctrl+Shift+D"
        context: Qt.ApplicationShortcut
        onActivated: root.app.diagnosticsVisible = !root.app.diagnosticsVisible
    }
    Shortcut {
        sequence: "Ctrl+/"
        context: Qt.ApplicationShortcut
        onActivated: shortcutsDialog.open()
    }
    Shortcut {
        sequence: "Ctrl+Q"
        context: Qt.ApplicationShortcut
        onActivated: root.app.quit()
    }

    Connections {
        target: root.app

        function onNotificationRequested(room: string, sender: string, text: string) {
            toast.show(room, sender, text);
        }
        function onSystemNotificationRequested(title: string, body: string) {
            if (systemNotifier.item && !root.active)
                systemNotifier.item.notify(title, body);
        }
        function onErrorShown(message: string) {
            errorBar.show(message);
        }
    }

    header: ToolBar {
        background: Rectangle {
            color: Theme.pane

            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Theme.separator
            }
        }

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing

            Label {
                objectName: "roomTitle"
                text: root.app.currentRoom.length > 0 ? "#" + root.app.currentRoom : qsTr("Hubbub")
                textFormat: Text.PlainText
                font.bold: true
                font.pointSize: Qt.application.font.pointSize * 1.2
                color: Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Signed in as %1").arg(root.app.userName)
                textFormat: Text.PlainText
                color: Theme.mutedText
                elide: Text.ElideRight
            }
            ToolButton {
                objectName: "connectToolButton"
                text: qsTr("Connect…")
                onClicked: connectDialog.open()
            }
            ToolButton {
                objectName: "menuButton"
                text: "\u2630"
                Accessible.name: qsTr("Menu")
                onClicked: mainMenu.open()

                Menu {
                    id: mainMenu

                    y: parent.height

                    MenuItem {
                        text: qsTr("Switch room…")
                        onTriggered: switcher.open()
                    }
                    MenuItem {
                        text: qsTr("Next unread room")
                        onTriggered: root.app.nextUnreadRoom()
                    }
                    MenuItem {
                        text: qsTr("Retry all failed messages")
                        onTriggered: root.app.retryAllFailed()
                    }
                    MenuSeparator {}
                    MenuItem {
                        text: qsTr("Dark theme")
                        checkable: true
                        checked: root.app.darkTheme
                        onToggled: root.app.darkTheme = checked
                    }
                    MenuItem {
                        text: qsTr("Typing indicators")
                        checkable: true
                        checked: root.app.typingIndicatorsEnabled
                        onToggled: root.app.typingIndicatorsEnabled = checked
                    }
                    MenuItem {
                        text: qsTr("Host on LAN")
                        checkable: true
                        enabled: root.app.connection.embedded
                        checked: root.app.connection.hostingOnLan
                        onToggled: root.app.connection.setHostOnLan(checked)
                    }
                    MenuItem {
                        text: qsTr("Diagnostics")
                        checkable: true
                        checked: root.app.diagnosticsVisible
                        onToggled: root.app.diagnosticsVisible = checked
                    }
                    MenuSeparator {}
                    MenuItem {
                        text: qsTr("Keyboard shortcuts")
                        onTriggered: shortcutsDialog.open()
                    }
                    MenuSeparator {}
                    MenuItem {
                        objectName: "quitMenuItem"
                        text: qsTr("Quit")
                        onTriggered: root.app.quit()
                    }
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        HoverHandler {
            onPointChanged: root.userActive()
        }

        StatusBanner {
            id: statusBanner

            objectName: "statusBanner"
            Layout.fillWidth: true
            connectionState: root.app.connection.state
            statusText: root.app.connection.bannerText
            reconnectCountdown: root.app.connection.reconnectCountdown
            outboxCount: root.app.connection.outboxCount
            endpointDescription: root.app.connection.hostingOnLan && root.app.connection.lanAddress.length > 0
                                 ? qsTr("Hosting on %1").arg(root.app.connection.lanAddress)
                                 : root.app.connection.endpointDescription
            onRetryNowRequested: root.app.connection.forceReconnect()
            onReconnectRequested: root.app.connection.forceReconnect()
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Horizontal

            RoomList {
                id: roomList

                objectName: "roomList"
                SplitView.preferredWidth: Theme.sidebarWidth
                SplitView.minimumWidth: 160
                model: root.app.rooms
                totalUnread: root.app.rooms.totalUnread
                onRoomSelected: name => root.app.selectRoom(name)
                onJoinRequested: name => root.app.joinRoom(name)
                onLeaveRequested: name => root.app.leaveRoom(name)
                onMuteRequested: (name, muted) => root.app.setRoomMuted(name, muted)
            }

            Rectangle {
                SplitView.fillWidth: true
                SplitView.minimumWidth: 300
                color: Theme.pane

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 0

                    MessageView {
                        id: messageView

                        objectName: "messageView"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        visible: root.app.currentRoom.length > 0
                        model: root.app.messages
                        canLoadOlder: root.app.messages ? root.app.messages.canLoadOlder : false
                        onRetryRequested: messageId => root.app.retryMessage(messageId)
                        onDeleteRequested: messageId => root.app.deleteMessage(messageId)
                        onLinkActivated: url => root.app.openLink(url)
                        onLoadOlderRequested: root.app.loadOlder()
                        onLatestSeen: {
                            if (root.active)
                                root.app.markRead();
                        }
                    }

                    Label {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        visible: root.app.currentRoom.length === 0
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        wrapMode: Text.Wrap
                        text: qsTr("Join or create a room on the left to start chatting.")
                        color: Theme.mutedText
                    }

                    Label {
                        objectName: "typingLabel"
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.spacing * 2
                        Layout.preferredHeight: implicitHeight
                        text: root.app.typingText.length > 0 ? root.app.typingText : " "
                        textFormat: Text.PlainText
                        font.italic: true
                        color: Theme.mutedText
                        elide: Text.ElideRight
                        Accessible.role: Accessible.StaticText
                        Accessible.name: root.app.typingText
                    }

                    Composer {
                        id: composer

                        objectName: "composer"
                        Layout.fillWidth: true
                        enabled: root.app.currentRoom.length > 0
                        placeholder: root.app.currentRoom.length > 0 ? qsTr("Message #%1").arg(root.app.currentRoom)
                                                                     : qsTr("Join a room to write")
                        onSendRequested: text => {
                            if (root.app.sendMessage(text)) {
                                composer.clear();
                                messageView.jumpToLatest();
                            }
                        }
                        onEdited: {
                            root.userActive();
                            root.app.composerTextEdited();
                        }
                    }
                }
            }

            MemberList {
                objectName: "memberList"
                SplitView.preferredWidth: Theme.memberWidth
                SplitView.minimumWidth: 140
                model: root.app.members
                onlineCount: root.app.members ? root.app.members.onlineCount : 0
            }

            DiagnosticsPanel {
                objectName: "diagnosticsPanel"
                visible: root.app.diagnosticsVisible
                SplitView.preferredWidth: 340
                SplitView.minimumWidth: 260
                connection: root.app.connection
            }
        }
    }

    RoomSwitcher {
        id: switcher

        model: root.app.rooms
        onRoomChosen: name => root.app.selectRoom(name)
    }

    ConnectDialog {
        id: connectDialog

        connection: root.app.connection
        userName: root.app.userId
    }

    // Optional: needs Qt.labs.platform and a system tray; a failed load only logs a warning.
    Loader {
        id: systemNotifier

        source: "SystemNotifier.qml"
        asynchronous: true
    }

    Connections {
        target: systemNotifier.item
        ignoreUnknownSignals: true

        function onActivated() {
            root.show();
            root.raise();
            root.requestActivate();
        }
    }

    NotificationToast {
        id: toast

        objectName: "notificationToast"
        onOpenRoomRequested: room => root.app.selectRoom(room)
    }

    Popup {
        id: errorBar

        property string message: ""

        function show(text: string) {
            errorBar.message = text;
            errorBar.open();
            errorTimer.restart();
        }

        x: (root.width - width) / 2
        y: root.height - height - root.header.height - Theme.spacing * 10
        padding: Theme.spacing
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
        background: Rectangle {
            color: Theme.danger
            radius: Theme.radius
        }
        contentItem: Label {
            Accessible.role: Accessible.AlertMessage
            Accessible.name: errorBar.message
            text: errorBar.message
            textFormat: Text.PlainText
            color: "white"
            wrapMode: Text.Wrap
        }

        Timer {
            id: errorTimer

            interval: 6000
            onTriggered: errorBar.close()
        }
    }

    Dialog {
        id: shortcutsDialog

        title: qsTr("Keyboard shortcuts")
        modal: true
        standardButtons: Dialog.Close
        anchors.centerIn: parent

        GridLayout {
            columns: 2
            columnSpacing: Theme.spacing * 3
            rowSpacing: Theme.spacing

            Label { text: qsTr("Ctrl+K") }
            Label { text: qsTr("Switch room") }
            Label { text: qsTr("Alt+Shift+Down") }
            Label { text: qsTr("Next room with unread messages") }
            Label { text: qsTr("Ctrl+L") }
            Label { text: qsTr("Focus the message field") }
            Label { text: qsTr("Enter / Shift+Enter") }
            Label { text: qsTr("Send / new line") }
            Label { text: qsTr("Ctrl+Shift+D") }
            Label { text: qsTr("Connection diagnostics") }
            Label { text: qsTr("Ctrl+/") }
            Label { text: qsTr("This list") }
            Label { text: qsTr("Ctrl+Q") }
            Label { text: qsTr("Quit") }
        }
    }

    //! Any user input: back from away; the idle clock (presence "away") lives in AppController.
    function userActive() {
        root.app.userActivity();
    }
}
