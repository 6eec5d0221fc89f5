// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion
// For the C++ types: the implicit directory import only brings the module's QML files.
import Hubbub.Ui

//! Where to connect: a negotiate URL, a Client Access URL, or a connection string plus hub, or the
//! local service. Secrets are handed straight to ConnectionController.connectTo (keychain).
Dialog {
    id: root

    required property ConnectionController connection
    //! The user name to prefill.
    property string userName: ""

    title: qsTr("Connect")
    modal: true
    standardButtons: Dialog.Cancel
    width: Math.min(560, parent ? parent.width - 40 : 560)
    anchors.centerIn: parent

    onOpened: {
        userField.text = root.userName;
        valueField.forceActiveFocus();
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Currently: %1").arg(root.connection.endpointDescription)
            textFormat: Text.PlainText
            color: Theme.mutedText
        }

        GridLayout {
            columns: 2
            Layout.fillWidth: true
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            Label {
                text: qsTr("Connect with")
            }
            ComboBox {
                id: kindBox

                objectName: "kindBox"
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "kind"
                model: [
                    {
                        "kind": ConnectionController.Negotiate,
                        "label": qsTr("Negotiate URL")
                    },
                    {
                        "kind": ConnectionController.Url,
                        "label": qsTr("Client Access URL")
                    },
                    {
                        "kind": ConnectionController.ConnectionString,
                        "label": qsTr("Connection string")
                    }
                ]
                Accessible.name: qsTr("Connection kind")
            }

            Label {
                text: kindBox.currentValue === ConnectionController.Negotiate ? qsTr("Negotiate URL")
                    : kindBox.currentValue === ConnectionController.Url ? qsTr("Client Access URL") : qsTr("Connection string")
            }
            TextField {
                id: valueField

                objectName: "valueField"
                Layout.fillWidth: true
                placeholderText: kindBox.currentValue === ConnectionController.Negotiate ? "https://example.com/negotiate"
                               : kindBox.currentValue === ConnectionController.Url ? "wss://….webpubsub.azure.com/client/hubs/chat?access_token=…"
                                                                : "Endpoint=https://…;AccessKey=…;Version=1.0;"
                // A Client Access URL and a connection string carry secrets.
                echoMode: kindBox.currentValue === ConnectionController.Negotiate ? TextInput.Normal : TextInput.PasswordEchoOnEdit
                Accessible.name: qsTr("Endpoint")
            }

            Label {
                visible: kindBox.currentValue === ConnectionController.ConnectionString
                text: qsTr("Hub")
            }
            TextField {
                id: hubField

                objectName: "hubField"
                visible: kindBox.currentValue === ConnectionController.ConnectionString
                Layout.fillWidth: true
                placeholderText: "hubbub"
                Accessible.name: qsTr("Hub")
            }

            Label {
                text: qsTr("User")
            }
            TextField {
                id: userField

                objectName: "userField"
                Layout.fillWidth: true
                Accessible.name: qsTr("User")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Button {
                objectName: "useLocalButton"
                text: qsTr("Use local service")
                onClicked: {
                    root.connection.useLocalService();
                    root.close();
                }
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                objectName: "connectButton"
                text: qsTr("Connect")
                highlighted: true
                enabled: valueField.text.trim().length > 0
                         && (kindBox.currentValue !== ConnectionController.ConnectionString || hubField.text.trim().length > 0)
                onClicked: {
                    root.connection.connectTo(kindBox.currentValue, valueField.text.trim(), hubField.text.trim(),
                                              userField.text.trim());
                    valueField.clear();
                    root.close();
                }
            }
        }

        Switch {
            id: lanSwitch

            objectName: "hostOnLanSwitch"
            visible: root.connection.embedded
            text: qsTr("Host on LAN")
            checked: root.connection.hostingOnLan
            onToggled: root.connection.setHostOnLan(lanSwitch.checked)
        }
        Label {
            visible: root.connection.hostingOnLan && root.connection.lanAddress.length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Others on your network can join at %1").arg(root.connection.lanAddress)
            textFormat: Text.PlainText
            color: Theme.text
        }
        Label {
            visible: lanInviteField.visible
            text: qsTr("Invite (they need it to join):")
            textFormat: Text.PlainText
            color: Theme.textSecondary
        }
        TextField {
            id: lanInviteField

            objectName: "lanInviteField"
            visible: root.connection.hostingOnLan && root.connection.lanInvite.length > 0
            Layout.fillWidth: true
            readOnly: true
            selectByMouse: true
            text: root.connection.lanInvite
            Accessible.name: qsTr("LAN invite")
        }
    }
}
