// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Hubbub.Ui

// The search popup (Ctrl+F) over a real MessageSearch and history: typing searches, Up/Down pick,
// Enter emits the jump; results are plain text whatever the message says.
Item {
    id: root

    width: 800
    height: 600

    Component {
        id: popupComponent

        SearchPopup {}
    }

    Component {
        id: spyComponent

        SignalSpy {}
    }

    // What "<b>x</b> " as plain text plus a bold "cats" measure: the snippet must match it.
    TextMetrics {
        id: plainPart

        text: "<b>x</b> "
        font.pixelSize: Theme.fontBody
    }
    TextMetrics {
        id: boldPart

        text: "cats"
        font.pixelSize: Theme.fontBody
        font.bold: true
    }

    TestCase {
        name: "SearchPopup"
        when: windowShown

        function makePopup() {
            const search = chatTestData.messageSearch([
                { "room": "general", "id": "g1", "sender": "bob", "text": "cats are great", "minutesAgo": 30 },
                { "room": "random", "id": "r1", "sender": "carol", "text": "<b>x</b> cats", "minutesAgo": 10 },
                { "room": "random", "id": "r2", "sender": "carol", "text": "dogs only", "minutesAgo": 5 },
                { "room": "general", "id": "g2", "sender": "bob", "text": "say \"NEAR(\" AND * -", "minutesAgo": 1 }
            ]);
            verify(search);
            const popup = createTemporaryObject(popupComponent, root, { "search": search });
            verify(popup);
            popup.open();
            tryVerify(() => popup.opened);
            const field = findChild(popup.contentItem, "searchField");
            verify(field);
            tryVerify(() => field.activeFocus);
            return popup;
        }

        function typeText(text) {
            for (const ch of text)
                keyClick(ch);
        }

        function test_typeSearchesNewestFirst() {
            const popup = makePopup();
            const status = findChild(popup.contentItem, "searchStatus");
            compare(popup.resultList.count, 0);
            verify(status.text.length > 0);
            typeText("cat");
            compare(popup.search.query, "cat");
            tryCompare(popup.resultList, "count", 2);
            compare(popup.resultList.currentIndex, 0);
            waitForRendering(popup.contentItem);
            const first = popup.resultList.itemAtIndex(0);
            verify(first);
            compare(first.room, "random");
            compare(first.messageId, "r1");
            const meta = findChild(first, "searchResultMeta");
            compare(meta.textFormat, Text.PlainText);
            verify(meta.text.startsWith("#random · carol · "), meta.text);
            verify(first.Accessible.name.indexOf("carol") >= 0);
            typeText("x");
            tryCompare(popup.resultList, "count", 0);
        }

        function test_markupInAMessageShowsLiterally() {
            const popup = makePopup();
            typeText("cats");
            tryCompare(popup.resultList, "count", 2);
            waitForRendering(popup.contentItem);
            const snippet = findChild(popup.resultList.itemAtIndex(0), "searchResultSnippet");
            verify(snippet);
            // Escaped in C++, only the match is markup.
            compare(snippet.text, "&lt;b&gt;x&lt;/b&gt; <b>cats</b>");
            compare(snippet.textFormat, Text.StyledText);
            // Laid out as the literal "<b>x</b> " and a bold "cats" (rich text would show "x cats").
            fuzzyCompare(snippet.implicitWidth, plainPart.advanceWidth + boldPart.advanceWidth, 3);
        }

        function test_syntaxIsSearchedLiterally() {
            const popup = makePopup();
            typeText("NEAR(");
            tryCompare(popup.resultList, "count", 1);
            compare(popup.resultList.itemAtIndex(0).messageId, "g2");
            for (const q of ["\"", "*", "-", "AND", "\"NEAR(\""]) {
                findChild(popup.contentItem, "searchField").text = q;
                tryCompare(popup.resultList, "count", 1, 2000, q);
            }
        }

        function test_enterEmitsTheJump() {
            const popup = makePopup();
            const spy = createTemporaryObject(spyComponent, root, {
                                                  "target": popup,
                                                  "signalName": "resultChosen"
                                              });
            typeText("cats");
            tryCompare(popup.resultList, "count", 2);
            keyClick(Qt.Key_Down);
            compare(popup.resultList.currentIndex, 1);
            keyClick(Qt.Key_Down); // stays on the last
            compare(popup.resultList.currentIndex, 1);
            keyClick(Qt.Key_Up);
            keyClick(Qt.Key_Down);
            keyClick(Qt.Key_Return);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], 1);
            compare(spy.signalArguments[0][1], "general");
            compare(spy.signalArguments[0][2], "g1");
            tryVerify(() => !popup.visible);
            // Nothing to choose: Enter does nothing.
            popup.open();
            tryVerify(() => popup.opened);
            findChild(popup.contentItem, "searchField").text = "nothing like it";
            tryCompare(popup.resultList, "count", 0);
            keyClick(Qt.Key_Return);
            compare(spy.count, 1);
        }
    }
}
