// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion

//! The always-visible connection status strip, plus the "N messages waiting" outbox line.
//! It only shows what ConnectionController says; the fallback texts cover an empty statusText.
Rectangle {
    id: root

    //! ConnectionController.state: connected, connecting, recovering, reconnecting, offline, stopped.
    property string connectionState: "connected"
    //! ConnectionController.statusText (translated in C++); preferred over the fallback texts.
    property string statusText: ""
    //! Seconds until the next reconnect attempt, -1 when none is scheduled.
    property int reconnectCountdown: -1
    //! Own messages waiting to be sent.
    property int outboxCount: 0
    //! Where we are connected, e.g. "Local service on 127.0.0.1:8080".
    property string endpointDescription: ""

    //! The line the banner shows for the connection (exposed for tests and screen readers).
    readonly property string connectionText: root.statusText.length > 0 ? root.statusText : root.fallbackText()
    //! The outbox line, empty when nothing is waiting.
    readonly property string outboxText: root.outboxCount === 1 ? qsTr("1 message waiting to be sent")
                                       : root.outboxCount > 1 ? qsTr("%1 messages waiting to be sent").arg(root.outboxCount)
                                                              : ""
    //! Connected and nothing waiting: the banner shrinks to a thin status line.
    readonly property bool healthy: root.connectionState === "connected" && root.outboxCount === 0

    signal retryNowRequested
    signal reconnectRequested

    implicitHeight: column.implicitHeight + 2 * Theme.spacing / 2
    color: {
        switch (root.connectionState) {
        case "connected":
            return root.outboxCount > 0 ? Qt.tint(Theme.pane, Qt.rgba(0.9, 0.6, 0.1, 0.18)) : Theme.pane;
        case "recovering":
        case "connecting":
        case "reconnecting":
            return Qt.tint(Theme.pane, Qt.rgba(0.95, 0.7, 0.1, 0.25));
        default:
            return Qt.tint(Theme.pane, Qt.rgba(0.85, 0.15, 0.15, 0.22));
        }
    }

    Accessible.role: Accessible.AlertMessage
    Accessible.name: root.outboxText.length > 0 ? root.connectionText + ". " + root.outboxText : root.connectionText

    ColumnLayout {
        id: column

        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        anchors.topMargin: Theme.spacing / 2
        anchors.bottomMargin: Theme.spacing / 2
        spacing: 2

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Rectangle {
                id: dot

                implicitWidth: 10
                implicitHeight: 10
                radius: 5
                color: root.connectionState === "connected" ? Theme.success
                     : (root.connectionState === "offline" || root.connectionState === "stopped") ? Theme.danger : Theme.warning
            }
            Label {
                id: connectionLabel

                objectName: "connectionLabel"
                Layout.fillWidth: true
                text: root.connectionText
                textFormat: Text.PlainText
                color: Theme.text
                font.bold: !root.healthy
                elide: Text.ElideRight
            }
            Label {
                visible: root.endpointDescription.length > 0
                text: root.endpointDescription
                textFormat: Text.PlainText
                color: Theme.mutedText
                elide: Text.ElideMiddle
                Layout.maximumWidth: 320
            }
            Button {
                objectName: "retryNowButton"
                visible: root.connectionState === "reconnecting" || root.connectionState === "offline"
                text: qsTr("Retry now")
                flat: true
                onClicked: root.retryNowRequested()
            }
            Button {
                objectName: "reconnectButton"
                visible: root.connectionState === "stopped"
                text: qsTr("Connect")
                flat: true
                onClicked: root.reconnectRequested()
            }
        }
        Label {
            id: outboxLabel

            objectName: "outboxLabel"
            Layout.fillWidth: true
            visible: root.outboxCount > 0
            text: root.outboxText
            textFormat: Text.PlainText
            color: Theme.warning
            elide: Text.ElideRight
        }
    }

    function fallbackText(): string {
        switch (root.connectionState) {
        case "connected":
            return qsTr("Connected");
        case "connecting":
            return qsTr("Connecting…");
        case "recovering":
            return qsTr("Connection lost, recovering…");
        case "reconnecting":
            return root.reconnectCountdown >= 0 ? qsTr("Reconnecting in %1 s…").arg(root.reconnectCountdown)
                                                : qsTr("Reconnecting…");
        case "offline":
            return qsTr("Offline: messages will be sent when the connection is back");
        case "stopped":
            return qsTr("Not connected");
        }
        return root.connectionState;
    }
}
