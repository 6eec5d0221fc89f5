// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Fusion
// For the C++ types: the implicit directory import only brings the module's QML files.
import Hubbub.Ui

//! Ctrl+F: search all local history. What is typed is searched as literal words (the last one as a
//! prefix); results are newest first with room, sender, time and the matching part of the text.
//! Up/Down pick a result, Enter (or a click) emits resultChosen; Main.qml jumps to it.
Popup {
    id: root

    //! The MessageSearch (AppController.search).
    property MessageSearch search: null
    //! The search text as typed.
    readonly property alias text: searchField.text
    //! The results list (tests).
    readonly property alias resultList: list

    //! The user chose the result in \a row (\a room, \a messageId).
    signal resultChosen(int row, string room, string messageId)

    modal: true
    focus: true
    width: Math.min(640, parent ? parent.width - 40 : 640)
    height: Math.min(480, parent ? parent.height - 80 : 480)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? parent.height / 8 : 0
    padding: Theme.spacing

    onOpened: {
        searchField.selectAll();
        searchField.forceActiveFocus();
        if (root.search)
            root.search.refresh(); // messages may have arrived since the last search
        root.selectFirst();
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        TextField {
            id: searchField

            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search messages…")
            Accessible.name: qsTr("Search messages")
            Accessible.description: qsTr("Words are searched literally; Up and Down pick a result, Enter opens it")
            onTextChanged: {
                if (root.search)
                    root.search.query = searchField.text;
                root.selectFirst();
            }
            onAccepted: root.choose(list.currentIndex)
            Keys.onDownPressed: list.currentIndex = Math.min(list.currentIndex + 1, list.count - 1)
            Keys.onUpPressed: list.currentIndex = Math.max(list.currentIndex - 1, 0)
        }

        Label {
            objectName: "searchStatus"
            Layout.fillWidth: true
            text: !root.search || !root.search.available ? qsTr("Search is not available: the history database has no full-text index.")
                  : searchField.text.trim().length === 0 ? qsTr("Type to search all rooms")
                  : list.count === 0 ? qsTr("No messages found")
                  : qsTr("%n message(s)", "", list.count)
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontMeta
            elide: Text.ElideRight
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        ListView {
            id: list

            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.search ? root.search.results : null
            highlightMoveDuration: 0
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Search results")

            delegate: ItemDelegate {
                id: hit

                required property int index
                required property string room
                required property string messageId
                required property string senderLabel
                required property string snippet
                required property string snippetHtml
                required property var timestamp
                required property int avatarIndex
                required property string initials

                readonly property string timeText: hit.timestamp
                                                   ? hit.timestamp.toLocaleString(Qt.locale(), Locale.ShortFormat) : ""

                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                Accessible.name: qsTr("%1 in #%2, %3: %4").arg(hit.senderLabel).arg(hit.room).arg(hit.timeText)
                                 .arg(hit.snippet)
                onClicked: root.choose(hit.index)

                contentItem: RowLayout {
                    spacing: Theme.spacing

                    Avatar {
                        Layout.alignment: Qt.AlignTop
                        colorIndex: hit.avatarIndex
                        initials: hit.initials
                        size: Theme.avatarSize * 0.8
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0

                        // Room and sender are anyone's choice: plain text.
                        Label {
                            objectName: "searchResultMeta"
                            Layout.fillWidth: true
                            text: "#" + hit.room + " · " + hit.senderLabel + " · " + hit.timeText
                            textFormat: Text.PlainText
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontMeta
                            elide: Text.ElideRight
                        }
                        // snippetHtml is the message HTML-escaped in C++ with only the matches in
                        // <b>: markup in a message shows literally.
                        Label {
                            objectName: "searchResultSnippet"
                            Layout.fillWidth: true
                            text: hit.snippetHtml
                            textFormat: Text.StyledText
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            elide: Text.ElideRight
                            maximumLineCount: 2
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
        }
    }

    function selectFirst() {
        list.currentIndex = list.count > 0 ? 0 : -1;
    }

    function choose(row: int) {
        if (!root.search || row < 0 || row >= list.count)
            return;
        const item = list.itemAtIndex(row);
        root.resultChosen(row, item ? item.room : "", item ? item.messageId : "");
        root.close();
    }
}
