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

    width: 1200
    height: 760
    minimumWidth: 640
    minimumHeight: 420
    visible: true
    title: root.app.currentRoom.length > 0 ? qsTr("Hubbub — #%1").arg(root.app.currentRoom) : qsTr("Hubbub")
    color: Theme.window

    LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    font.pixelSize: Theme.fontBody

    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.hover
    palette.text: Theme.text
    palette.button: Theme.control
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.onAccent
    palette.placeholderText: Theme.textSecondary
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text
    palette.light: Theme.surface
    palette.midlight: Theme.control
    palette.mid: Theme.controlBorder
    palette.dark: Theme.controlBorder
    palette.shadow: Theme.shadow
    palette.link: Theme.accent

    //! The member column: the user's choice (Ctrl+Shift+M), and never on a narrow window.
    property bool membersShown: true

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

    //! Every shortcut, once: bound here and listed by the shortcuts sheet (Ctrl+/ or F1).
    property list<QtObject> appShortcuts: [
        AppShortcut {
            sequence: "Ctrl+K"
            description: qsTr("Switch room")
            onActivated: switcher.open()
        },
        AppShortcut {
            sequence: "Ctrl+F"
            description: qsTr("Search messages in all rooms")
            onActivated: searchPopup.open()
        },
        AppShortcut {
            sequence: "Alt+Shift+Down"
            description: qsTr("Next room with unread messages")
            onActivated: root.app.nextUnreadRoom()
        },
        AppShortcut {
            sequence: "Ctrl+L"
            description: qsTr("Focus the message field")
            onActivated: composer.input.forceActiveFocus()
        },
        AppShortcut {
            // Handled by the message field itself; listed here so the sheet is complete.
            enabled: false
            keysText: qsTr("Enter · Shift+Enter")
            description: qsTr("Send · new line (in the message field)")
        },
        AppShortcut {
            sequence: "Ctrl+M"
            description: qsTr("Focus the message list (then ↑/↓ to move)")
            onActivated: messageView.listView.forceActiveFocus()
        },
        AppShortcut {
            sequence: "Ctrl+R"
            description: qsTr("Reply to the selected message (or the newest)")
            onActivated: messageView.replyToSelected()
        },
        AppShortcut {
            // Handled by the message field itself; listed here so the sheet is complete.
            enabled: false
            keysText: qsTr("@ · ↑/↓ · Enter/Tab · Esc")
            description: qsTr("Mention a member: complete, choose, insert, dismiss (in the message field)")
        },
        AppShortcut {
            sequence: "Ctrl+Shift+C"
            description: qsTr("Copy the selected message's text")
            onActivated: UiHelper.copyText(messageView.currentText)
        },
        AppShortcut {
            sequence: "Ctrl+Shift+R"
            description: qsTr("Retry all failed messages")
            onActivated: root.app.retryAllFailed()
        },
        AppShortcut {
            sequence: "Ctrl+Shift+M"
            description: qsTr("Show or hide the member list")
            onActivated: root.membersShown = !root.membersShown
        },
        AppShortcut {
            sequence: "Ctrl+Shift+L"
            description: qsTr("Light or dark theme")
            onActivated: root.app.darkTheme = !root.app.darkTheme
        },
        AppShortcut {
            sequence: "Ctrl+Shift+P"
            description: qsTr("Present: the room on a big screen, with a code to join")
            onActivated: root.startPresenting()
        },
        AppShortcut {
            sequence: "Ctrl+O"
            description: qsTr("Connect to a service…")
            onActivated: connectDialog.open()
        },
        AppShortcut {
            sequence: "Ctrl+Shift+D"
            description: qsTr("Connection diagnostics")
            onActivated: root.app.diagnosticsVisible = !root.app.diagnosticsVisible
        },
        AppShortcut {
            sequence: "Ctrl+Alt+D"
            description: qsTr("Diagnostics: drop the connection")
            onActivated: root.app.connection.dropConnection()
        },
        AppShortcut {
            sequence: "Ctrl+Alt+O"
            description: qsTr("Diagnostics: go offline for the set seconds")
            onActivated: root.app.connection.goOffline(diagnosticsPanel.offlineSeconds * 1000)
        },
        AppShortcut {
            sequence: "Ctrl+Alt+R"
            description: qsTr("Diagnostics: force a new connection")
            onActivated: root.app.connection.forceReconnect()
        },
        AppShortcut {
            sequence: "Ctrl+Alt+C"
            description: qsTr("Diagnostics: copy the report")
            onActivated: root.app.connection.copyDiagnostics()
        },
        AppShortcut {
            sequences: ["Ctrl+/", "F1"]
            keysText: qsTr("Ctrl+/ · F1")
            description: qsTr("This list of shortcuts")
            onActivated: shortcutsDialog.open()
        },
        AppShortcut {
            sequence: "Ctrl+Q"
            description: qsTr("Quit")
            onActivated: root.app.quit()
        }
    ]

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
        function onCurrentRoomChanged() {
            composer.cancelReply(); // a reply belongs to its room
        }
    }

    SplitView {
        id: columns

        anchors.fill: parent
        orientation: Qt.Horizontal
        handle: Rectangle {
            implicitWidth: 1
            color: Theme.separator
        }

        HoverHandler {
            onPointChanged: root.userActive()
        }

        RoomList {
            id: roomList

            objectName: "roomList"
            SplitView.preferredWidth: Theme.sidebarWidth
            SplitView.minimumWidth: Theme.sidebarMinWidth
            SplitView.maximumWidth: Theme.sidebarMaxWidth
            model: root.app.rooms
            totalUnread: root.app.rooms.totalUnread
            userId: root.app.userId
            userAvatarIndex: UiHelper.avatarIndex(root.app.userId)
            userInitials: UiHelper.initials(root.app.userId)
            connectionState: root.app.connection.state
            drafts: root.app.drafts
            noticesUnread: root.app.notices.unreadCount
            noticesOpen: root.app.notices.open
            onNoticesSelected: root.app.notices.open = true
            onRoomSelected: name => {
                root.app.notices.open = false;
                root.app.selectRoom(name);
            }
            onJoinRequested: name => root.app.joinRoom(name)
            onLeaveRequested: name => root.app.leaveRoom(name)
            onMuteRequested: (name, muted) => root.app.setRoomMuted(name, muted)
        }

        Rectangle {
            SplitView.fillWidth: true
            SplitView.minimumWidth: 320
            color: Theme.surface

            ColumnLayout {
                anchors.fill: parent
                spacing: 0

                // The conversation header: room name, a topic line, the window's actions.
                Rectangle {
                    objectName: "conversationHeader"
                    Layout.fillWidth: true
                    implicitHeight: headerRow.implicitHeight + 2 * Theme.spacingM
                    color: Theme.surface

                    Rectangle {
                        anchors.bottom: parent.bottom
                        width: parent.width
                        height: 1
                        color: Theme.separator
                    }

                    RowLayout {
                        id: headerRow

                        anchors.fill: parent
                        anchors.leftMargin: Theme.spacingXl
                        anchors.rightMargin: Theme.spacing
                        spacing: Theme.spacing

                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0

                            Label {
                                objectName: "roomTitle"
                                Layout.fillWidth: true
                                text: root.app.currentRoom.length > 0 ? "#" + root.app.currentRoom : qsTr("Hubbub")
                                textFormat: Text.PlainText
                                font.pixelSize: Theme.fontTitle
                                font.weight: Font.Bold
                                color: Theme.text
                                elide: Text.ElideRight
                                Accessible.role: Accessible.Heading
                            }
                            Label {
                                objectName: "roomTopic"
                                Layout.fillWidth: true
                                visible: root.app.members !== null
                                text: root.app.members
                                      ? (root.app.members.count === 1 ? qsTr("1 member") : qsTr("%1 members").arg(root.app.members.count)) + " · "
                                        + qsTr("%1 online").arg(root.app.members.onlineCount) + " · "
                                        + root.app.connection.endpointDescription
                                      : ""
                                textFormat: Text.PlainText
                                font.pixelSize: Theme.fontMeta
                                color: Theme.textSecondary
                                elide: Text.ElideRight
                            }
                        }
                        ToolButton {
                            objectName: "connectToolButton"
                            text: qsTr("Connect…")
                            font.pixelSize: Theme.fontMeta
                            Accessible.name: qsTr("Connect to a service (Ctrl+O)")
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Connect to a service (Ctrl+O)")
                            onClicked: connectDialog.open()
                        }
                        ToolButton {
                            objectName: "diagnosticsToolButton"
                            text: qsTr("Diagnostics")
                            font.pixelSize: Theme.fontMeta
                            checkable: true
                            checked: root.app.diagnosticsVisible
                            Accessible.name: qsTr("Connection diagnostics (Ctrl+Shift+D)")
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Connection diagnostics (Ctrl+Shift+D)")
                            onToggled: root.app.diagnosticsVisible = checked
                        }
                        ToolButton {
                            objectName: "shortcutsToolButton"
                            text: "?"
                            font.pixelSize: Theme.fontTitle
                            Accessible.name: qsTr("Keyboard shortcuts (Ctrl+/ or F1)")
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Keyboard shortcuts (Ctrl+/ or F1)")
                            onClicked: shortcutsDialog.open()
                        }
                        ToolButton {
                            objectName: "menuButton"
                            text: "\u2630"
                            font.pixelSize: Theme.fontTitle
                            Accessible.name: qsTr("Menu")
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Menu")
                            onClicked: mainMenu.open()

                            Menu {
                                id: mainMenu

                                y: parent.height

                                MenuItem {
                                    text: qsTr("Switch room…")
                                    onTriggered: switcher.open()
                                }
                                MenuItem {
                                    text: qsTr("Search messages…")
                                    onTriggered: searchPopup.open()
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
                                    text: qsTr("Member list")
                                    checkable: true
                                    checked: root.membersShown
                                    onToggled: root.membersShown = checked
                                }
                                MenuItem {
                                    text: qsTr("Typing indicators")
                                    checkable: true
                                    checked: root.app.typingIndicatorsEnabled
                                    onToggled: root.app.typingIndicatorsEnabled = checked
                                }
                                MenuItem {
                                    objectName: "mentionsInMutedRoomsMenuItem"
                                    text: qsTr("Notify me of mentions in muted rooms")
                                    checkable: true
                                    checked: root.app.mentions.notifyInMutedRooms
                                    onToggled: root.app.mentions.notifyInMutedRooms = checked
                                }
                                MenuItem {
                                    text: qsTr("Host on LAN")
                                    checkable: true
                                    enabled: root.app.connection.embedded
                                    checked: root.app.connection.hostingOnLan
                                    onToggled: root.app.connection.setHostOnLan(checked)
                                }
                                MenuItem {
                                    objectName: "presentMenuItem"
                                    text: qsTr("Present…")
                                    enabled: root.app.connection.embedded
                                    onTriggered: root.startPresenting()
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

                StatusBanner {
                    id: statusBanner

                    objectName: "statusBanner"
                    Layout.fillWidth: true
                    connectionState: root.app.connection.state
                    // The state, the last close in words and the last gap, from ConnectionReport.
                    statusText: root.app.connection.bannerText
                    reconnectCountdown: root.app.connection.reconnectCountdown
                    outboxCount: root.app.connection.outboxCount
                    endpointDescription: root.app.connection.hostingOnLan && root.app.connection.lanAddress.length > 0
                                         ? qsTr("Hosting on %1").arg(root.app.connection.lanAddress)
                                         : root.app.connection.endpointDescription
                    onRetryNowRequested: root.app.connection.forceReconnect()
                    onReconnectRequested: root.app.connection.forceReconnect()
                }

                MessageView {
                    id: messageView

                    objectName: "messageView"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: root.app.currentRoom.length > 0 && !root.app.notices.open
                    model: root.app.messages
                    queued: !root.app.connection.connected
                    canLoadOlder: root.app.messages ? root.app.messages.canLoadOlder : false
                    onRetryRequested: messageId => root.app.retryMessage(messageId)
                    onDeleteRequested: messageId => root.app.deleteMessage(messageId)
                    onLinkActivated: url => root.app.openLink(url)
                    onEditRequested: (messageId, text) => composer.startEditing(messageId, text)
                    onDeleteForEveryoneRequested: messageId => root.app.chat.deleteForEveryone(messageId)
                    onReactionToggled: (messageId, emoji, on) => root.app.chat.setReaction(messageId, emoji, on)
                    onLoadOlderRequested: root.app.loadOlder()
                    replies: root.app.replies
                    selfUserId: root.app.userId
                    onReplyRequested: messageId => {
                        const quote = root.app.replies.quote(root.app.currentRoom, messageId, "", "", 0);
                        composer.startReply(messageId, quote.senderLabel, quote.text);
                    }
                    onLatestSeen: {
                        if (root.active)
                            root.app.markRead();
                    }
                }

                NoticesView {
                    objectName: "noticesView"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: root.app.notices.open
                    model: root.app.notices.model
                }

                Label {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: root.app.currentRoom.length === 0 && !root.app.notices.open
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    wrapMode: Text.Wrap
                    text: qsTr("Join or create a room on the left to start chatting.")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontTitle
                }

                Label {
                    objectName: "typingLabel"
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingXl
                    Layout.preferredHeight: implicitHeight
                    text: root.app.typingText.length > 0 ? root.app.typingText : " "
                    textFormat: Text.PlainText
                    font.italic: true
                    font.pixelSize: Theme.fontMeta
                    color: Theme.textSecondary
                    elide: Text.ElideRight
                    Accessible.role: Accessible.StaticText
                    Accessible.name: root.app.typingText
                }

                Composer {
                    id: composer

                    objectName: "composer"
                    Layout.fillWidth: true
                    enabled: root.app.currentRoom.length > 0 && !root.app.notices.open
                    pictures: root.app.pictures
                    placeholder: root.app.currentRoom.length > 0 ? qsTr("Message #%1").arg(root.app.currentRoom)
                                                                 : qsTr("Join a room to write")
                    drafts: root.app.drafts
                    room: root.app.currentRoom
                    queueNote: !root.app.connection.connected
                               ? qsTr("Not connected — messages you send now are queued and go out when the connection is back")
                               : root.app.connection.outboxCount > 0
                                 ? qsTr("Sending %1 queued message(s)…").arg(root.app.connection.outboxCount) : ""
                    members: root.app.members
                    selfUserId: root.app.userId
                    onSendRequested: text => {
                        if (root.app.sendMessage(text, composer.replyToId)) {
                            composer.clear();
                            messageView.jumpToLatest();
                        }
                    }
                    onEditSubmitted: (messageId, text) => {
                        root.app.chat.edit(messageId, text); // unchanged or no longer editable: nothing sent
                        composer.cancelEditing();
                    }
                    onEditLastRequested: {
                        const id = root.app.chat.lastEditableMessageId();
                        if (id.length > 0)
                            composer.startEditing(id, root.app.chat.textOf(id));
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
            // Hidden on narrow windows; the diagnostics panel, when open, takes its room first.
            visible: root.membersShown
                     && root.width >= Theme.memberHideBelow + (root.app.diagnosticsVisible ? diagnosticsPanel.width : 0)
            SplitView.preferredWidth: Theme.memberWidth
            SplitView.minimumWidth: 160
            model: root.app.members
            onlineCount: root.app.members ? root.app.members.onlineCount : 0
        }

        DiagnosticsPanel {
            id: diagnosticsPanel

            objectName: "diagnosticsPanel"
            visible: root.app.diagnosticsVisible
            SplitView.preferredWidth: 360
            SplitView.minimumWidth: 300
            connection: root.app.connection
        }
    }

    RoomSwitcher {
        id: switcher

        model: root.app.rooms
        onRoomChosen: name => root.app.selectRoom(name)
    }

    SearchPopup {
        id: searchPopup

        objectName: "searchPopup"
        search: root.app.search
        onResultChosen: row => root.app.search.jumpTo(row)
    }

    Connections {
        target: root.app.search

        function onMessageRevealed(room: string, messageId: string, row: int) {
            messageView.showMessage(row);
        }
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
        // A server notice has no room: its toast opens the Notices place.
        onOpenRoomRequested: room => room.length > 0 ? root.app.selectRoom(room) : root.app.notices.open = true
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
        y: root.height - height - Theme.spacing * 14
        padding: Theme.spacing
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
        background: Rectangle {
            color: Theme.error
            radius: Theme.radius
        }
        contentItem: Label {
            Accessible.role: Accessible.AlertMessage
            Accessible.name: errorBar.message
            text: errorBar.message
            textFormat: Text.PlainText
            color: Theme.surface
            wrapMode: Text.Wrap
        }

        Timer {
            id: errorTimer

            interval: 6000
            onTriggered: errorBar.close()
        }
    }

    //! Present mode: the service goes on the LAN with the guest page, and the presenter view opens
    //! full screen on the screen the presenter chose last, else on the one this window is not on.
    function startPresenting() {
        if (!root.app.present.start(root.app.currentRoom))
            return;
        root.app.present.pickScreen(root);
        presenter.active = true;
        presenter.item.showFullScreen();
    }

    Loader {
        id: presenter

        active: false
        sourceComponent: PresenterView {
            app: root.app
            onClosing: Qt.callLater(() => presenter.active = false)
        }
    }

    ShortcutsSheet {
        id: shortcutsDialog

        shortcuts: Array.prototype.slice.call(root.appShortcuts)
    }

    //! Any user input: back from away; the idle clock (presence "away") lives in AppController.
    function userActive() {
        root.app.userActivity();
    }
}
