// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Hubbub.Ui

Item {
    id: root

    width: 600
    height: 200

    Component {
        id: composerComponent

        Composer {
            width: root.width
        }
    }

    Component {
        id: spyComponent

        SignalSpy {}
    }

    TestCase {
        name: "Composer"
        when: windowShown

        function makeComposer() {
            const composer = createTemporaryObject(composerComponent, root);
            verify(composer);
            composer.input.forceActiveFocus();
            tryVerify(() => composer.input.activeFocus);
            return composer;
        }

        function typeText(text) {
            for (const ch of text)
                keyClick(ch);
        }

        function test_growsWithTextThenScrolls() {
            const composer = makeComposer();
            const oneLine = composer.height;
            typeText("one");
            keyClick(Qt.Key_Return, Qt.ShiftModifier);
            typeText("two");
            keyClick(Qt.Key_Return, Qt.ShiftModifier);
            typeText("three");
            tryVerify(() => composer.height > oneLine + 20, 2000, "three lines are taller than one");
            const threeLines = composer.height;
            for (let i = 0; i < 20; ++i) {
                keyClick(Qt.Key_Return, Qt.ShiftModifier);
                typeText("x");
            }
            // Capped at maxLines: it scrolls instead of pushing the timeline away.
            tryVerify(() => composer.height > threeLines);
            verify(composer.height < oneLine + composer.maxLines * 30, "height " + composer.height);
        }

        function test_queueNoteShowsWhenSendingIsQueued() {
            const composer = makeComposer();
            const note = findChild(composer, "composerQueueNote");
            verify(note);
            verify(!note.visible);
            composer.queueNote = "Not connected — queued";
            tryVerify(() => note.visible);
            composer.queueNote = "";
            tryVerify(() => !note.visible);
        }

        function test_enterSends() {
            const composer = makeComposer();
            const spy = createTemporaryObject(spyComponent, root, {
                                                  "target": composer,
                                                  "signalName": "sendRequested"
                                              });
            typeText("hello");
            compare(composer.text, "hello");
            keyClick(Qt.Key_Return);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "hello");
            // Enter never inserts a newline itself; the text stays until Main.qml clears it.
            compare(composer.text, "hello");
            keyClick(Qt.Key_Enter); // keypad Enter sends too
            compare(spy.count, 2);
        }

        function test_shiftEnterInsertsNewline() {
            const composer = makeComposer();
            const spy = createTemporaryObject(spyComponent, root, {
                                                  "target": composer,
                                                  "signalName": "sendRequested"
                                              });
            typeText("one");
            keyClick(Qt.Key_Return, Qt.ShiftModifier);
            typeText("two");
            compare(spy.count, 0);
            compare(composer.text, "one\ntwo");
            keyClick(Qt.Key_Return);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "one\ntwo");
        }

        function test_whitespaceIsNotSent() {
            const composer = makeComposer();
            const spy = createTemporaryObject(spyComponent, root, {
                                                  "target": composer,
                                                  "signalName": "sendRequested"
                                              });
            typeText("   ");
            keyClick(Qt.Key_Return);
            compare(spy.count, 0);
        }

        function test_editedAndClear() {
            const composer = makeComposer();
            const spy = createTemporaryObject(spyComponent, root, {
                                                  "target": composer,
                                                  "signalName": "edited"
                                              });
            typeText("ab");
            compare(spy.count, 2);
            composer.clear();
            compare(composer.text, "");
            // Clearing programmatically is not typing.
            compare(spy.count, 2);
        }

        function test_markupIsKeptLiterally() {
            const composer = makeComposer();
            const spy = createTemporaryObject(spyComponent, root, {
                                                  "target": composer,
                                                  "signalName": "sendRequested"
                                              });
            typeText("<b>x</b>");
            keyClick(Qt.Key_Return);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "<b>x</b>");
        }
    }
}
