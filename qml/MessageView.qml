// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls.Fusion

//! The timeline of the current room. It follows new messages only while the user is already at the
//! bottom; reading older messages is never interrupted, and "Jump to latest" brings the user back.
Item {
    id: root

    //! The current room's MessageModel (roles: messageId, senderLabel, secondaryName, text, timestamp, own,
    //! deliveryStatus, showSender, daySeparator, firstUnread).
    property alias model: list.model
    //! MessageModel.canLoadOlder: scrolling to the top asks for the previous page.
    property bool canLoadOlder: false
    //! True while the view follows the newest message.
    readonly property bool atBottom: root.stickToBottom
    //! Exposed for tests and the benchmark.
    readonly property alias listView: list

    property bool stickToBottom: true
    //! Sending waits for the connection: own pending messages show a clock, not a spinner.
    property bool queued: false
    //! The text of the message the keyboard is on (for the Copy shortcut), empty when none.
    readonly property string currentText: list.currentItem ? list.currentItem.text : ""
    //! The AppController's ReplyResolver: what reply quotes show, and locate() for jumping.
    property var replies: null
    //! The user's userId: the mentions of it are highlighted.
    property string selfUserId: ""

    signal retryRequested(string messageId)
    signal deleteRequested(string messageId)
    signal linkActivated(string url)
    signal editRequested(string messageId, string text)
    //! Delete for everyone, after the user confirmed it.
    signal deleteForEveryoneRequested(string messageId)
    signal reactionToggled(string messageId, string emoji, bool on)
    //! Reply to \a messageId (the hover action, or replyToSelected()).
    signal replyRequested(string messageId)
    signal loadOlderRequested
    //! The newest message is on screen (the controller may mark the room read).
    signal latestSeen

    Accessible.role: Accessible.List
    Accessible.name: qsTr("Messages")

    ListView {
        id: list

        objectName: "messageList"
        anchors.fill: parent
        clip: true
        reuseItems: true
        // A modest cache keeps memory flat with 100,000 rows while scrolling stays smooth.
        cacheBuffer: 600
        boundsBehavior: Flickable.StopAtBounds
        activeFocusOnTab: true
        keyNavigationEnabled: true
        highlightFollowsCurrentItem: false
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Messages")

        //! Read by the delegates (MessageDelegate.queued, .selfUserId, the reply quote).
        property bool queued: root.queued
        property var replies: root.replies
        property string selfUserId: root.selfUserId
        property string room: list.model && list.model.room !== undefined ? list.model.room : ""

        delegate: MessageDelegate {
            onRetryRequested: messageId => root.retryRequested(messageId)
            onDeleteRequested: messageId => root.deleteRequested(messageId)
            onLinkActivated: url => root.linkActivated(url)
            onEditRequested: (messageId, text) => root.editRequested(messageId, text)
            onDeleteForEveryoneRequested: messageId => deleteDialog.ask(messageId)
            onReactionToggled: (messageId, emoji, on) => root.reactionToggled(messageId, emoji, on)
            onReplyRequested: messageId => root.replyRequested(messageId)
            onJumpRequested: messageId => root.jumpTo(messageId)
        }

        ScrollBar.vertical: ScrollBar {
            id: scrollBar

            policy: ScrollBar.AsNeeded
        }

        // Only a user's own scrolling decides whether we follow the bottom; layout changes
        // (delegate heights settling, rows appended) must not.
        onMovementEnded: root.updateStickiness()
        onContentYChanged: {
            if (list.moving || scrollBar.pressed)
                root.updateStickiness();
            if (list.atYBeginning && root.canLoadOlder && list.count > 0 && !root.stickToBottom)
                root.loadOlderRequested();
        }
        onCountChanged: Qt.callLater(root.followIfSticky)
        onContentHeightChanged: Qt.callLater(root.followIfSticky)
        onHeightChanged: Qt.callLater(root.followIfSticky)
        onModelChanged: {
            root.stickToBottom = true;
            root.followIfSticky();
        }
    }

    RoundButton {
        id: jumpButton

        objectName: "jumpToLatestButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing * 2
        visible: !root.stickToBottom
        text: "\u2193"
        font.bold: true
        font.pixelSize: Theme.fontTitle
        palette.button: Theme.surface
        Accessible.name: qsTr("Jump to latest message")
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Jump to latest")
        onClicked: root.jumpToLatest()
    }

    Label {
        anchors.centerIn: parent
        visible: list.count === 0
        text: qsTr("No messages yet. Say hello!")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontTitle
    }

    DeleteConfirmDialog {
        id: deleteDialog

        objectName: "deleteConfirmDialog"
        onConfirmed: messageId => root.deleteForEveryoneRequested(messageId)
    }

    function updateStickiness() {
        const wasSticky = root.stickToBottom;
        root.stickToBottom = list.atYEnd || list.count === 0;
        if (root.stickToBottom && !wasSticky)
            root.latestSeen();
    }

    function followIfSticky() {
        if (root.stickToBottom && list.count > 0) {
            list.positionViewAtEnd();
            root.latestSeen();
        }
    }

    //! Scrolls to \a row (a search result) and flashes it; the view stops following the bottom.
    function showMessage(row: int) {
        if (row < 0 || row >= list.count)
            return;
        root.stickToBottom = false;
        list.currentIndex = row;
        list.positionViewAtIndex(row, ListView.Center);
        // Again once the delegates around it have their real heights.
        Qt.callLater(() => {
            list.positionViewAtIndex(row, ListView.Center);
            flash.parent = list.itemAtIndex(row);
            flash.restart();
        });
    }

    // The highlight of a message jumped to: over the row, fading out.
    Rectangle {
        id: flash

        objectName: "jumpHighlight"
        function restart() {
            fade.restart();
        }
        anchors.fill: parent
        visible: parent !== root && opacity > 0
        opacity: 0
        color: Theme.accent
        radius: Theme.radius
        Accessible.ignored: true

        NumberAnimation on opacity {
            id: fade

            running: false
            from: 0.35
            to: 0
            duration: 2000
            easing.type: Easing.InQuad
        }
    }

    //! Shows \a messageId (the original of a reply), loading older history until it is found
    //! (ReplyResolver.locate), and flashes it; false when it is not in the history at all.
    function jumpTo(messageId: string): bool {
        const row = root.replies ? root.replies.locate(list.room, messageId) : -1;
        if (row < 0)
            return false;
        root.showMessage(row);
        list.forceActiveFocus();
        return true;
    }

    //! Asks to reply to the message the keyboard is on (list focused), else to the newest one.
    function replyToSelected() {
        let item = list.activeFocus ? list.currentItem : null;
        if (!item && list.count > 0) {
            list.positionViewAtEnd();
            item = list.itemAtIndex(list.count - 1);
        }
        if (item && item.rowKind !== "gap")
            root.replyRequested(item.messageId);
    }

    function jumpToLatest() {
        root.stickToBottom = true;
        list.positionViewAtEnd();
        root.latestSeen();
    }
}
