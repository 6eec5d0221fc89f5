// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Edits, deletes and reactions in the timeline (issue 10): ReactionBar and its EmojiPicker, the
// delegate's "(edited)" mark, tombstone and own-message actions, the composer's editing mode.
import QtQuick
import QtTest
import Hubbub.Ui

Item {
    id: root

    width: 700
    height: 400

    readonly property string markup: "<b>x</b>"

    Component {
        id: barComponent

        ReactionBar {
            width: 300
        }
    }
    Component {
        id: viewComponent

        MessageView {
            width: root.width
            height: root.height
        }
    }
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
        name: "ChatMutations"
        when: windowShown

        function chips(bar) {
            const out = [];
            for (let i = 0; i < bar.children.length; ++i) {
                if (bar.children[i].objectName === "reactionChip")
                    out.push(bar.children[i]);
            }
            return out;
        }

        function makeBar() {
            const bar = createTemporaryObject(barComponent, root, {
                "reactions": [{ "emoji": "👍", "count": 2, "users": ["alice", "bob"], "mine": true },
                              { "emoji": root.markup, "count": 1, "users": ["<i>mallory</i>"], "mine": false }]
            });
            verify(bar);
            waitForRendering(bar);
            return bar;
        }

        function test_chipsShowEmojiCountAndWhoAsPlainText() {
            const bar = makeBar();
            const list = chips(bar);
            compare(list.length, 2);
            const first = findChild(list[0], "reactionChipLabel");
            compare(first.text, "👍 2");
            compare(first.textFormat, Text.PlainText);
            compare(list[0].Accessible.name, "👍, 2 reactions including yours: alice, bob. Remove yours");
            const second = findChild(list[1], "reactionChipLabel");
            compare(second.text, root.markup + " 1");
            compare(second.textFormat, Text.PlainText);
            // Who reacted, on hover: the tooltip's label is plain text too.
            const tip = findChild(list[1], "reactionTip");
            verify(tip);
            compare(tip.text, "<i>mallory</i> reacted with " + root.markup);
            compare(tip.contentItem.textFormat, Text.PlainText);
            mouseMove(list[1]);
            tryVerify(() => tip.visible);
        }

        function test_clickTogglesYourOwn() {
            const bar = makeBar();
            const spy = createTemporaryObject(spyComponent, root, { "target": bar, "signalName": "toggled" });
            const list = chips(bar);
            mouseClick(list[0]);
            compare(spy.count, 1);
            // Mine: unset (the chip says what it wants, never a blind toggle).
            compare(spy.signalArguments[0][0], "👍");
            compare(spy.signalArguments[0][1], false);
            mouseClick(list[1]);
            compare(spy.signalArguments[1][0], root.markup);
            compare(spy.signalArguments[1][1], true);
        }

        function test_pickerOffersCommonEmojiAndAnyTyped() {
            const bar = makeBar();
            const spy = createTemporaryObject(spyComponent, root, { "target": bar, "signalName": "toggled" });
            const add = findChild(bar, "addReactionButton");
            compare(add.Accessible.name, "Add reaction");
            mouseClick(add);
            tryVerify(() => bar.pickerOpen);
            let choice = null;
            tryVerify(() => (choice = findChild(bar.picker.contentItem, "emojiChoice")) !== null);
            mouseClick(choice);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "👍");
            compare(spy.signalArguments[0][1], true);
            tryVerify(() => !bar.pickerOpen);
            mouseClick(add);
            tryVerify(() => bar.pickerOpen);
            const field = findChild(bar.picker.contentItem, "emojiField");
            field.forceActiveFocus();
            field.text = " 🦀 ";
            mouseClick(findChild(bar.picker.contentItem, "emojiAddButton"));
            compare(spy.count, 2);
            compare(spy.signalArguments[1][0], "🦀");
            compare(spy.signalArguments[1][1], true);
            tryVerify(() => !bar.pickerOpen);
        }

        function makeView(messages) {
            const view = createTemporaryObject(viewComponent, root, { "model": testData.messageModel(messages) });
            verify(view);
            tryVerify(() => view.listView.count === messages.length);
            waitForRendering(view);
            return view;
        }

        function delegateAt(view, row) {
            view.listView.positionViewAtIndex(row, ListView.Contain);
            let item = null;
            tryVerify(() => (item = view.listView.itemAtIndex(row)) !== null);
            return item;
        }

        function test_editedMarkTombstoneAndReactions() {
            const view = makeView([
                { "id": "e", "sender": "bob", "text": "fixed", "edited": true,
                  "reactions": [{ "emoji": "🎉", "users": ["alice"], "mine": true }] },
                { "id": "d", "sender": "bob", "text": "", "deleted": true },
                { "id": "p", "sender": "bob", "text": "plain" }]);
            const edited = delegateAt(view, 0);
            verify(findChild(edited, "editedMark").visible);
            compare(findChild(edited, "bodyText").text, "fixed");
            verify(findChild(edited, "reactionBar").visible);
            compare(chips(findChild(edited, "reactionBar")).length, 1);
            verify(edited.Accessible.name.indexOf("fixed (edited)") >= 0, edited.Accessible.name);

            const tombstone = delegateAt(view, 1);
            const body = findChild(tombstone, "bodyText");
            compare(body.text, "message deleted");
            verify(body.font.italic);
            verify(!findChild(tombstone, "editedMark").visible);
            verify(!findChild(tombstone, "reactionBar").visible);
            verify(tombstone.Accessible.name.indexOf("message deleted") >= 0);

            const plain = delegateAt(view, 2);
            verify(!findChild(plain, "editedMark").visible);
            verify(!findChild(plain, "reactionBar").visible); // no reactions yet: no bar
        }

        function test_ownMessagesOfferEditAndConfirmedDelete() {
            const view = makeView([{ "id": "o", "sender": "alice", "text": "mine", "own": true, "status": "sent" },
                                   { "id": "t", "sender": "bob", "text": "theirs" },
                                   { "id": "x", "sender": "alice", "text": "", "own": true, "status": "sent", "deleted": true }]);
            const editSpy = createTemporaryObject(spyComponent, root, { "target": view, "signalName": "editRequested" });
            const deleteSpy = createTemporaryObject(spyComponent, root,
                                                    { "target": view, "signalName": "deleteForEveryoneRequested" });
            const own = delegateAt(view, 0);
            mouseMove(own, own.width / 2, own.height / 2);
            tryVerify(() => findChild(own, "messageActions").visible);
            const edit = findChild(own, "editButton");
            verify(edit.visible);
            compare(edit.Accessible.name, "Edit this message");
            mouseClick(edit);
            compare(editSpy.count, 1);
            compare(editSpy.signalArguments[0][0], "o");
            compare(editSpy.signalArguments[0][1], "mine");
            const del = findChild(own, "deleteForEveryoneButton");
            verify(del.visible);
            mouseClick(del);
            // Asks first: nothing deleted until confirmed.
            const dialog = findChild(view, "deleteConfirmDialog");
            tryVerify(() => dialog.opened);
            compare(deleteSpy.count, 0);
            dialog.accept();
            compare(deleteSpy.count, 1);
            compare(deleteSpy.signalArguments[0][0], "o");

            const theirs = delegateAt(view, 1);
            mouseMove(theirs, theirs.width / 2, theirs.height / 2);
            tryVerify(() => findChild(theirs, "messageActions").visible);
            verify(!findChild(theirs, "editButton").visible);
            verify(!findChild(theirs, "deleteForEveryoneButton").visible);
            verify(findChild(theirs, "reactButton").visible);

            const gone = delegateAt(view, 2);
            verify(!gone.editable);
            verify(!findChild(gone, "reactButton").visible);
        }

        function test_composerUpArrowEditsAndEscCancels() {
            const composer = createTemporaryObject(composerComponent, root);
            composer.input.forceActiveFocus();
            tryVerify(() => composer.input.activeFocus);
            const upSpy = createTemporaryObject(spyComponent, root, { "target": composer, "signalName": "editLastRequested" });
            const submitSpy = createTemporaryObject(spyComponent, root, { "target": composer, "signalName": "editSubmitted" });
            const sendSpy = createTemporaryObject(spyComponent, root, { "target": composer, "signalName": "sendRequested" });
            keyClick(Qt.Key_Up);
            compare(upSpy.count, 1);
            composer.startEditing("m1", "old text");
            verify(findChild(composer, "composerEditingNote").visible);
            compare(composer.text, "old text");
            keyClick(Qt.Key_Up); // not empty: the cursor moves, no new request
            compare(upSpy.count, 1);
            keyClick(Qt.Key_Exclam);
            keyClick(Qt.Key_Return);
            compare(submitSpy.count, 1);
            compare(submitSpy.signalArguments[0][0], "m1");
            compare(sendSpy.count, 0);
            keyClick(Qt.Key_Escape);
            compare(composer.editingMessageId, "");
            compare(composer.text, "");
            verify(!findChild(composer, "composerEditingNote").visible);
        }
    }
}
