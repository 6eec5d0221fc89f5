// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Hubbub.Ui

// The composer keeps each room's unsent text in a real Drafts object: switching rooms shows that
// room's draft, and restoring it is not typing.
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
        id: roomListComponent

        RoomList {
            width: 300
            height: 300
        }
    }

    Component {
        id: spyComponent

        SignalSpy {}
    }

    TestCase {
        name: "ComposerDrafts"
        when: windowShown

        function typeText(text) {
            for (const ch of text)
                keyClick(ch);
        }

        function test_switchingRoomsRestoresEachDraft() {
            const drafts = chatTestData.drafts();
            drafts.setText("b", "already there");
            const composer = createTemporaryObject(composerComponent, root, { "drafts": drafts, "room": "a" });
            verify(composer);
            compare(composer.text, "");
            const edited = createTemporaryObject(spyComponent, root, { "target": composer, "signalName": "edited" });
            composer.input.forceActiveFocus();
            tryVerify(() => composer.input.activeFocus);
            typeText("hello");
            compare(drafts.text("a"), "hello");
            compare(edited.count, 5);

            composer.room = "b";
            compare(composer.text, "already there");
            compare(composer.input.cursorPosition, composer.text.length);
            compare(edited.count, 5); // restoring is not typing
            compare(drafts.text("a"), "hello");
            typeText("!");
            compare(drafts.text("b"), "already there!");

            composer.room = "c";
            compare(composer.text, "");
            composer.room = "a";
            compare(composer.text, "hello");

            // Sent: Main.qml clears the field, which clears the draft.
            composer.clear();
            verify(!drafts.hasDraft("a"));
            compare(drafts.text("b"), "already there!");
        }

        function test_draftShownWhenCreated() {
            const drafts = chatTestData.drafts();
            drafts.setText("lobby", "from the last session");
            const composer = createTemporaryObject(composerComponent, root, { "drafts": drafts, "room": "lobby" });
            verify(composer);
            compare(composer.text, "from the last session");
        }

        function test_roomListHintsAtDrafts() {
            const drafts = chatTestData.drafts();
            const rooms = testData.roomModel([{ "name": "general", "last": "last words" },
                                              { "name": "random", "last": "<b>hi</b>" }]);
            const list = createTemporaryObject(roomListComponent, root, { "model": rooms, "drafts": drafts });
            verify(list);
            tryCompare(list.listView, "count", 2);
            tryVerify(() => list.listView.itemAtIndex(1) !== null);
            const preview = row => findChild(list.listView.itemAtIndex(row), "roomPreview");
            compare(preview(0).text, "last words");
            drafts.setText("general", "unsent\nidea");
            compare(preview(0).text, "Draft: unsent idea");
            compare(preview(1).text, "<b>hi</b>");
            drafts.setText("random", "<i>plain</i>");
            compare(preview(1).text, "Draft: <i>plain</i>");
            compare(preview(1).textFormat, Text.PlainText);
            drafts.clear("general");
            compare(preview(0).text, "last words");
        }

        function test_withoutDraftsItIsAPlainComposer() {
            const composer = createTemporaryObject(composerComponent, root, { "room": "a" });
            composer.input.forceActiveFocus();
            tryVerify(() => composer.input.activeFocus);
            typeText("x");
            composer.room = "b";
            compare(composer.text, "");
        }
    }
}
