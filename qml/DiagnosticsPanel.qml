// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion
// For the C++ types: the implicit directory import only brings the module's QML files.
import Hubbub.Ui

//! The tester's view of the connection (Ctrl+Shift+D), designed for QA: the state and the fault
//! buttons first (where the hand is, each with a shortcut), then the live figures as tiles
//! (sequence ids, acks, outbox, recoveries, the last close code in words), the state machine's
//! transitions as a timeline, and every raw diagnostics key at the end. Tokens never reach this
//! panel: the C++ side only exposes the endpoint host.
Pane {
    id: root

    required property ConnectionController connection
    //! The "Offline for N s" duration (also used by its keyboard shortcut).
    readonly property alias offlineSeconds: offlineSeconds.value

    //! Diagnostics keys in a stable order.
    readonly property var keys: Object.keys(root.connection.diagnostics).sort()
    readonly property var d: root.connection.diagnostics

    padding: 0
    background: Rectangle {
        color: Theme.surface

        Rectangle {
            width: 1
            height: parent.height
            color: Theme.separator
        }
    }
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Connection diagnostics")

    ScrollView {
        id: scroller

        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroller.availableWidth
            spacing: Theme.spacingL

            // Header: the state now, in colour and words.
            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingL
                Layout.leftMargin: Theme.spacingL
                Layout.rightMargin: Theme.spacingL
                spacing: Theme.spacing

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Diagnostics")
                    font.pixelSize: Theme.fontHeader
                    font.weight: Font.Bold
                    color: Theme.text
                }
                Label {
                    objectName: "diagnosticsStateChip"
                    text: root.connection.stateName
                    textFormat: Text.PlainText
                    color: Theme.onAccent
                    font.pixelSize: Theme.fontMeta
                    font.weight: Font.DemiBold
                    leftPadding: Theme.spacing
                    rightPadding: Theme.spacing
                    topPadding: 2
                    bottomPadding: 2
                    background: Rectangle {
                        radius: height / 2
                        color: root.connection.state === ConnectionController.Connected ? Theme.ok
                             : (root.connection.state === ConnectionController.Offline
                                || root.connection.state === ConnectionController.Stopped)
                               ? Theme.error : Theme.warning
                    }
                    Accessible.name: qsTr("State: %1").arg(root.connection.stateName)
                }
            }

            // Fault injection, together, with their shortcuts (also in the shortcuts sheet).
            GridLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacingL
                Layout.rightMargin: Theme.spacingL
                columns: 2
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing

                Button {
                    objectName: "dropButton"
                    text: qsTr("Drop")
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Drop the connection (Ctrl+Alt+D)")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Close the socket without a goodbye: tests recovery (Ctrl+Alt+D)")
                    onClicked: root.connection.dropConnection()
                }
                Button {
                    objectName: "forceReconnectButton"
                    text: qsTr("New connection")
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Force a new connection (Ctrl+Alt+R)")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Give up the session and reconnect from scratch (Ctrl+Alt+R)")
                    onClicked: root.connection.forceReconnect()
                }
                RowLayout {
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    spacing: Theme.spacing

                    Button {
                        objectName: "goOfflineButton"
                        text: qsTr("Offline for")
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Go offline for %1 seconds (Ctrl+Alt+O)").arg(offlineSeconds.value)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Pretend the network is gone (Ctrl+Alt+O)")
                        onClicked: root.connection.goOffline(offlineSeconds.value * 1000)
                    }
                    SpinBox {
                        id: offlineSeconds

                        from: 1
                        to: 600
                        value: 10
                        editable: true
                        Accessible.name: qsTr("Seconds offline")
                    }
                    Label {
                        text: qsTr("s")
                        color: Theme.textSecondary
                    }
                }
                Button {
                    objectName: "copyDiagnosticsButton"
                    text: qsTr("Copy diagnostics")
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Copy a redacted diagnostics report (Ctrl+Alt+C)")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Copies a redacted text report for a bug (Ctrl+Alt+C)")
                    onClicked: root.connection.copyDiagnostics()
                }
            }

            // Live figures.
            GridLayout {
                objectName: "diagnosticsTiles"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacingL
                Layout.rightMargin: Theme.spacingL
                columns: 2
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing

                StatTile {
                    Layout.fillWidth: true
                    label: qsTr("Last received seq")
                    value: String(root.d.lastReceivedSequenceId ?? "–")
                }
                StatTile {
                    Layout.fillWidth: true
                    label: qsTr("Last acked seq")
                    value: String(root.d.lastAckedSequenceId ?? "–")
                }
                StatTile {
                    Layout.fillWidth: true
                    label: qsTr("Pending acks")
                    value: String(root.d.pendingOperations ?? 0)
                    valueColor: (root.d.pendingOperations ?? 0) > 0 ? Theme.warning : Theme.text
                }
                StatTile {
                    Layout.fillWidth: true
                    label: qsTr("Outbox")
                    value: String(root.d.outboxSize ?? 0)
                    valueColor: (root.d.outboxSize ?? 0) > 0 ? Theme.warning : Theme.text
                }
                StatTile {
                    Layout.fillWidth: true
                    label: qsTr("Recoveries")
                    value: String(root.d.recoveries ?? 0)
                }
                StatTile {
                    Layout.fillWidth: true
                    label: qsTr("Reconnects")
                    value: String(root.d.reconnects ?? 0)
                }
                StatTile {
                    Layout.fillWidth: true
                    label: qsTr("Round trip")
                    value: (root.d.roundTripMs ?? -1) >= 0 ? qsTr("%1 ms").arg(root.d.roundTripMs) : "–"
                }
                StatTile {
                    Layout.fillWidth: true
                    label: qsTr("Duplicates dropped")
                    value: String(root.d.duplicatesDropped ?? 0)
                }
                StatTile {
                    objectName: "closeCodeTile"
                    Layout.fillWidth: true
                    Layout.columnSpan: 2
                    label: qsTr("Last close")
                    value: (root.d.lastCloseCode ?? 0) > 0 ? String(root.d.lastCloseCode) : qsTr("none")
                    note: UiHelper.closeCodeMeaning(root.d.lastCloseCode ?? 0)
                          + ((root.d.lastCloseReason ?? "").length > 0 ? " — “" + root.d.lastCloseReason + "”" : "")
                }
            }

            // The state machine, as a timeline (newest last).
            Label {
                Layout.leftMargin: Theme.spacingL
                text: qsTr("Transitions")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.text
            }
            ListView {
                id: transitions

                objectName: "transitionList"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacingL
                Layout.rightMargin: Theme.spacingL
                Layout.preferredHeight: Math.min(contentHeight, 260)
                clip: true
                interactive: contentHeight > height
                model: root.connection.transitions
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Connection state transitions")
                onCountChanged: Qt.callLater(transitions.positionViewAtEnd)

                delegate: Item {
                    id: transitionRow

                    required property int index
                    required property var time
                    required property var model

                    width: ListView.view.width
                    implicitHeight: transitionText.implicitHeight + Theme.spacing
                    Accessible.role: Accessible.ListItem
                    Accessible.name: transitionTime.text + " " + transitionRow.model.text

                    // The rail and a dot per transition; the newest dot in the accent colour.
                    Rectangle {
                        x: 5
                        width: 2
                        height: parent.height
                        color: Theme.separator
                    }
                    Rectangle {
                        x: 1
                        y: 4
                        width: 10
                        height: 10
                        radius: 5
                        color: transitionRow.index === transitions.count - 1 ? Theme.accent : Theme.surface
                        border.width: 2
                        border.color: transitionRow.index === transitions.count - 1 ? Theme.accent : Theme.controlBorder
                    }
                    Label {
                        id: transitionTime

                        x: 20
                        width: 62
                        text: Qt.formatDateTime(transitionRow.time, "hh:mm:ss")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontMeta
                        font.family: Theme.monoFamily
                    }
                    Label {
                        id: transitionText

                        x: 20 + 62 + Theme.spacing
                        width: parent.width - x
                        text: transitionRow.model.text
                        textFormat: Text.PlainText
                        color: Theme.text
                        font.pixelSize: Theme.fontMeta
                        wrapMode: Text.Wrap
                    }
                }
            }

            // Every key, raw, for bug reports and scripts.
            Label {
                Layout.leftMargin: Theme.spacingL
                text: qsTr("All values")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Column {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacingL
                Layout.rightMargin: Theme.spacingL
                Layout.bottomMargin: Theme.spacingL
                spacing: 1

                Repeater {
                    model: root.keys

                    Row {
                        id: diagnosticsRow

                        required property string modelData

                        spacing: Theme.spacing
                        Accessible.role: Accessible.StaticText
                        Accessible.name: diagnosticsRow.modelData + ": " + valueLabel.text

                        Label {
                            width: 150
                            text: diagnosticsRow.modelData
                            color: Theme.textSecondary
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontMeta
                            elide: Text.ElideRight
                        }
                        Label {
                            id: valueLabel

                            objectName: "diagnosticsValue_" + diagnosticsRow.modelData
                            width: Math.max(60, scroller.availableWidth - 2 * Theme.spacingL - 150 - Theme.spacing)
                            elide: Text.ElideMiddle
                            text: String(root.connection.diagnostics[diagnosticsRow.modelData])
                            textFormat: Text.PlainText
                            color: Theme.text
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontMeta
                        }
                    }
                }
            }
        }
    }
}
