// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion
import Hubbub.Ui

//! The presenter view of Present mode (design.md "Presenter"): on a dark screen, a large QR code of
//! the join URL with the URL in words under it, how many joined, and the current room's last
//! messages in large type; the presenter's controls (lock, announce, clear, remove a guest, end)
//! in a bar at the bottom.
Window {
    id: root

    required property AppController app
    readonly property PresentMode present: root.app.present

    objectName: "presenterView"
    title: qsTr("Hubbub — Presenting")
    // The presenter's choice (PresentMode.pickScreen() chooses one before the view opens).
    screen: Qt.application.screens[root.present.screenIndex]
    color: Theme.stageBackground
    width: 1280
    height: 800

    Shortcut {
        sequence: "Esc"
        onActivated: root.close()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingXl
        spacing: Theme.spacingL

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacingXl

            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacingM

                QrCode {
                    objectName: "presenterQrCode"
                    text: root.present.joinUrl
                    Layout.preferredWidth: root.height * Theme.stageQrShare
                    Layout.preferredHeight: root.height * Theme.stageQrShare
                    Accessible.name: qsTr("QR code of the join link")
                }
                Label {
                    objectName: "presenterJoinUrl"
                    text: root.present.joinUrl
                    color: Theme.stageText
                    font.pixelSize: Theme.fontStageName
                    wrapMode: Text.WrapAnywhere
                    Layout.preferredWidth: root.height * Theme.stageQrShare
                }
                Label {
                    objectName: "presenterJoinedCount"
                    text: qsTr("%n joined", "", root.present.guestCount)
                    color: Theme.stageAccent
                    font.pixelSize: Theme.fontStageTitle
                    font.bold: true
                }
                Label {
                    objectName: "presenterGuestStates"
                    //: Guests by connection state, next to "N joined" on the presenter's screen.
                    text: qsTr("%1 connected · %2 recovering · %3 gone")
                          .arg(root.present.connectedCount)
                          .arg(root.present.recoveringCount)
                          .arg(root.present.goneCount)
                    color: Theme.stageSecondary
                    font.pixelSize: Theme.fontStageName
                    Accessible.name: qsTr("%1 connected, %2 recovering, %3 gone")
                                     .arg(root.present.connectedCount)
                                     .arg(root.present.recoveringCount)
                                     .arg(root.present.goneCount)
                }
                Label {
                    visible: root.present.locked
                    text: qsTr("Only presenters may write now")
                    color: Theme.stageSecondary
                    font.pixelSize: Theme.fontStageName
                }
            }

            ListView {
                id: messages

                objectName: "presenterMessages"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.spacingL
                model: root.app.messages
                verticalLayoutDirection: ListView.TopToBottom
                onCountChanged: messages.positionViewAtEnd()

                delegate: ColumnLayout {
                    id: row

                    required property string senderLabel
                    required property string text
                    required property date timestamp

                    // Messages from before "Clear screen" stay in the room but leave the stage.
                    readonly property bool shown: !root.present.clearedAt
                                                  || isNaN(root.present.clearedAt.getTime())
                                                  || row.timestamp > root.present.clearedAt
                    width: ListView.view.width
                    visible: row.shown && row.text.length > 0
                    height: visible ? implicitHeight : 0
                    spacing: Theme.spacingXs

                    Label {
                        text: row.senderLabel
                        color: Theme.stageAccent
                        font.pixelSize: Theme.fontStageName
                        font.bold: true
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    Label {
                        text: row.text
                        textFormat: Text.PlainText
                        color: Theme.stageText
                        font.pixelSize: Theme.fontStageText
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
        }

        RowLayout {
            objectName: "presenterControls"
            Layout.fillWidth: true
            spacing: Theme.spacing

            Switch {
                id: lockSwitch

                text: qsTr("Lock room")
                checked: root.present.locked
                onToggled: root.present.setLocked(checked)
                // The default label colour is the light theme's dark text: unreadable on the stage.
                contentItem: Text {
                    text: lockSwitch.text
                    font: lockSwitch.font
                    color: Theme.stageText
                    verticalAlignment: Text.AlignVCenter
                    leftPadding: lockSwitch.indicator.width + lockSwitch.spacing
                }
            }
            TextField {
                id: announcement

                Layout.fillWidth: true
                placeholderText: qsTr("Announcement to everyone")
                Accessible.name: qsTr("Announcement")
                onAccepted: announceButton.clicked()
            }
            Button {
                id: announceButton

                text: qsTr("Announce")
                enabled: announcement.text.trim().length > 0
                onClicked: {
                    root.present.announce(announcement.text);
                    announcement.clear();
                }
            }
            ComboBox {
                id: guestChoice

                Layout.preferredWidth: 200
                model: root.present.guests
                displayText: currentIndex < 0 ? qsTr("Guests") : currentText
                Accessible.name: qsTr("Guest to remove")
            }
            Button {
                text: qsTr("Remove guest")
                enabled: guestChoice.currentIndex >= 0
                onClicked: root.present.removeGuest(guestChoice.currentText)
            }
            ComboBox {
                objectName: "presenterScreenChooser"
                Layout.preferredWidth: 260
                model: root.present.screens
                currentIndex: root.present.screenIndex
                Accessible.name: qsTr("Screen to present on")
                onActivated: index => root.present.screenIndex = index
            }
            Button {
                text: qsTr("Clear screen")
                onClicked: root.present.clearScreen()
            }
            Button {
                text: qsTr("End session")
                onClicked: {
                    root.present.end();
                    root.close();
                }
            }
        }
    }
}
