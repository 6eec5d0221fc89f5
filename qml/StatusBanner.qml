// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion
// For the C++ types: the implicit directory import only brings the module's QML files.
import Hubbub.Ui

//! The always-visible connection status strip, plus the "N messages waiting" outbox line.
//! It only shows what ConnectionController says; the fallback texts cover an empty statusText.
Rectangle {
    id: root

    //! ConnectionController.state (ConnectionController.Connected, .Connecting, .Recovering,
    //! .Reconnecting, .Offline or .Stopped).
    property int connectionState: ConnectionController.Connected
    //! ConnectionController.statusText (translated in C++); preferred over the fallback texts.
    property string statusText: ""
    //! Seconds until the next reconnect attempt, -1 when none is scheduled.
    property int reconnectCountdown: -1
    //! Own messages waiting to be sent.
    property int outboxCount: 0
    //! Where we are connected, e.g. "Local service on 127.0.0.1:8080".
    property string endpointDescription: ""
    //! Why the last connection closed, in words (UiHelper.closeCodeMeaning); shown when offline or stopped.
    property string closeExplanation: ""

    //! The line the banner shows for the connection (exposed for tests and screen readers).
    readonly property string connectionText: root.statusText.length > 0 ? root.statusText : root.fallbackText()
    //! The outbox line, empty when nothing is waiting.
    readonly property string outboxText: root.outboxCount === 1 ? qsTr("1 message waiting to be sent")
                                       : root.outboxCount > 1 ? qsTr("%1 messages waiting to be sent").arg(root.outboxCount)
                                                              : ""
    //! Connected and nothing waiting: the banner shrinks to a thin status line.
    readonly property bool healthy: root.connectionState === ConnectionController.Connected && root.outboxCount === 0

    signal retryNowRequested
    signal reconnectRequested

    //! Offline or stopped: the error look; otherwise (recovering, reconnecting, queued) warning.
    readonly property bool severe: root.connectionState === ConnectionController.Offline
                                   || root.connectionState === ConnectionController.Stopped
    readonly property color toneColor: root.severe ? Theme.error : Theme.warning

    // Connected with nothing waiting: no banner at all (design.md "Status banner").
    visible: !root.healthy
    implicitHeight: root.healthy ? 0 : column.implicitHeight + 2 * Theme.spacing
    color: root.severe ? Theme.errorSoft : Theme.warningSoft

    Accessible.role: Accessible.AlertMessage
    Accessible.name: root.outboxText.length > 0 ? root.connectionText + ". " + root.outboxText : root.connectionText

    // The state's colour as an edge, and a hairline under the strip.
    Rectangle {
        width: 4
        height: parent.height
        color: root.toneColor
    }
    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.separator
    }

    ColumnLayout {
        id: column

        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingL
        anchors.topMargin: Theme.spacing
        anchors.bottomMargin: Theme.spacing
        spacing: 2

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            // Shape as well as colour: a ring while it is working on it, a disc with "!" when not.
            Rectangle {
                id: dot

                implicitWidth: Theme.iconSize
                implicitHeight: Theme.iconSize
                radius: Theme.iconSize / 2
                color: root.severe ? root.toneColor : "transparent"
                border.width: 2
                border.color: root.connectionState === ConnectionController.Connected ? Theme.ok : root.toneColor

                Text {
                    anchors.centerIn: parent
                    visible: root.severe
                    text: "!"
                    color: Theme.surface
                    font.pixelSize: Theme.fontMeta
                    font.bold: true
                }
            }
            Label {
                id: connectionLabel

                objectName: "connectionLabel"
                Layout.fillWidth: true
                text: root.connectionText
                textFormat: Text.PlainText
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.weight: root.healthy ? Font.Normal : Font.DemiBold
                elide: Text.ElideRight
            }
            Label {
                visible: root.endpointDescription.length > 0
                text: root.endpointDescription
                textFormat: Text.PlainText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontMeta
                elide: Text.ElideMiddle
                Layout.maximumWidth: 320
            }
            Button {
                objectName: "retryNowButton"
                visible: root.connectionState === ConnectionController.Reconnecting
                         || root.connectionState === ConnectionController.Offline
                text: qsTr("Retry now")
                font.pixelSize: Theme.fontMeta
                Accessible.name: qsTr("Retry the connection now")
                onClicked: root.retryNowRequested()
            }
            Button {
                objectName: "reconnectButton"
                visible: root.connectionState === ConnectionController.Stopped
                text: qsTr("Connect")
                font.pixelSize: Theme.fontMeta
                Accessible.name: qsTr("Connect again")
                onClicked: root.reconnectRequested()
            }
        }
        Label {
            objectName: "closeExplanationLabel"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.iconSize + Theme.spacing
            visible: root.severe && root.closeExplanation.length > 0
            text: root.closeExplanation
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontMeta
            elide: Text.ElideRight
        }
        Label {
            id: outboxLabel

            objectName: "outboxLabel"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.iconSize + Theme.spacing
            visible: root.outboxCount > 0
            text: root.outboxText
            textFormat: Text.PlainText
            color: Theme.text
            font.pixelSize: Theme.fontMeta
            elide: Text.ElideRight
        }
    }

    function fallbackText(): string {
        switch (root.connectionState) {
        case ConnectionController.Connected:
            return qsTr("Connected");
        case ConnectionController.Connecting:
            return qsTr("Connecting…");
        case ConnectionController.Recovering:
            return qsTr("Connection lost, recovering…");
        case ConnectionController.Reconnecting:
            return root.reconnectCountdown >= 0 ? qsTr("Reconnecting in %1 s…").arg(root.reconnectCountdown)
                                                : qsTr("Reconnecting…");
        case ConnectionController.Offline:
            return qsTr("Offline: messages will be sent when the connection is back");
        case ConnectionController.Stopped:
            return qsTr("Not connected");
        }
        return "";
    }
}
