// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion
// For the C++ types: the implicit directory import only brings the module's QML files.
import Hubbub.Ui

//! The tester's view of the connection (Ctrl+Shift+D): every diagnostics key, the state transition
//! log, and buttons that break the connection on purpose. Tokens never reach this panel: the C++
//! side only exposes the endpoint host.
Pane {
    id: root

    required property ConnectionController connection

    //! Diagnostics keys in a stable order.
    readonly property var keys: Object.keys(root.connection.diagnostics).sort()

    padding: Theme.spacing
    background: Rectangle {
        color: Theme.pane
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("Connection diagnostics")
            font.bold: true
            font.pointSize: Qt.application.font.pointSize * 1.15
            color: Theme.text
        }

        GridLayout {
            columns: 2
            Layout.fillWidth: true
            rowSpacing: 2
            columnSpacing: Theme.spacing

            Button {
                objectName: "dropButton"
                text: qsTr("Drop connection")
                Layout.fillWidth: true
                onClicked: root.connection.dropConnection()
            }
            Button {
                objectName: "forceReconnectButton"
                text: qsTr("Force new connection")
                Layout.fillWidth: true
                onClicked: root.connection.forceReconnect()
            }
            RowLayout {
                Layout.columnSpan: 2
                spacing: Theme.spacing

                Button {
                    objectName: "goOfflineButton"
                    text: qsTr("Go offline for")
                    onClicked: root.connection.goOffline(offlineSeconds.value)
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
                    color: Theme.text
                }
            }
            Button {
                objectName: "copyDiagnosticsButton"
                text: qsTr("Copy diagnostics")
                Layout.columnSpan: 2
                Layout.fillWidth: true
                onClicked: root.connection.copyDiagnostics()
            }
        }

        Frame {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 3

            ScrollView {
                anchors.fill: parent
                clip: true

                Column {
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
                                width: 170
                                text: diagnosticsRow.modelData
                                color: Theme.mutedText
                                font.family: "monospace"
                                elide: Text.ElideRight
                            }
                            Label {
                                id: valueLabel

                                objectName: "diagnosticsValue_" + diagnosticsRow.modelData
                                width: Math.max(60, root.availableWidth - 200)
                                elide: Text.ElideRight
                                text: String(root.connection.diagnostics[diagnosticsRow.modelData])
                                textFormat: Text.PlainText
                                color: Theme.text
                                font.family: "monospace"
                            }
                        }
                    }
                }
            }
        }

        Label {
            text: qsTr("Transitions")
            font.bold: true
            color: Theme.text
        }

        Frame {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 2

            ListView {
                id: transitions

                objectName: "transitionList"
                anchors.fill: parent
                clip: true
                model: root.connection.transitions
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Connection state transitions")
                onCountChanged: Qt.callLater(transitions.positionViewAtEnd)

                delegate: Label {
                    id: transitionRow

                    required property var time
                    required property var model

                    width: ListView.view.width
                    text: Qt.formatDateTime(transitionRow.time, "hh:mm:ss.zzz") + "  " + transitionRow.model.text
                    textFormat: Text.PlainText
                    color: Theme.text
                    font.family: "monospace"
                    elide: Text.ElideRight
                }
            }
        }
    }
}
