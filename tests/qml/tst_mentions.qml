// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Issue 10, feature 5 (@mentions): the composer's completion popup, the reply bar, and the
// highlighted mention in the timeline, which must still show the message literally.
import QtQuick
import QtTest
import Hubbub.Ui

Item {
    id: root

    width: 600
    height: 400

    Component {
        id: composerComponent

        Composer {
            y: 300
            width: root.width
        }
    }

    Component {
        id: viewComponent

        MessageView {
            width: root.width
            height: 300
        }
    }

    Component {
        id: spyComponent

        SignalSpy {}
    }

    // The raw text as plain text, the width a literal rendering needs at least.
    Text {
        id: plainRef

        visible: false
        text: "<b>x</b> &lt; @bob"
        textFormat: Text.PlainText
        font.pixelSize: Theme.fontBody
    }

    TestCase {
        name: "Mentions"
        when: windowShown

        function makeComposer() {
            const members = testData.memberModel([{ "id": "alice" }, { "id": "Amy" }, { "id": "bob" }, { "id": "carol" }]);
            const composer = createTemporaryObject(composerComponent, root, { "members": members, "selfUserId": "bob" });
            verify(composer);
            composer.input.forceActiveFocus();
            tryVerify(() => composer.input.activeFocus);
            return composer;
        }

        function typeText(text) {
            for (const ch of text)
                keyClick(ch);
        }

        function test_typingAtShowsMembersAndEnterInserts() {
            const composer = makeComposer();
            const sent = createTemporaryObject(spyComponent, root, { "target": composer, "signalName": "sendRequested" });
            typeText("hi @");
            tryVerify(() => composer.mentionPopup.visible);
            // Everyone but the user.
            compare(composer.mentionPopup.candidates, ["alice", "Amy", "carol"]);
            typeText("a");
            compare(composer.mentionPopup.candidates, ["alice", "Amy"]);
            compare(composer.mentionPopup.currentUserId, "alice");
            keyClick(Qt.Key_Down);
            compare(composer.mentionPopup.currentUserId, "Amy");
            keyClick(Qt.Key_Up);
            keyClick(Qt.Key_Up);
            compare(composer.mentionPopup.currentUserId, "Amy"); // wraps around
            keyClick(Qt.Key_Return);
            compare(composer.text, "hi @Amy ");
            compare(composer.input.cursorPosition, composer.text.length);
            tryVerify(() => !composer.mentionPopup.visible);
            compare(sent.count, 0, "Enter chose a member, it did not send");
            keyClick(Qt.Key_Return);
            compare(sent.count, 1);
        }

        function test_caseInsensitiveTabAndEscape() {
            const composer = makeComposer();
            typeText("@AL");
            tryVerify(() => composer.mentionPopup.visible);
            compare(composer.mentionPopup.candidates, ["alice"]);
            keyClick(Qt.Key_Tab);
            compare(composer.text, "@alice ");
            typeText("and @c");
            tryVerify(() => composer.mentionPopup.visible);
            keyClick(Qt.Key_Escape);
            tryVerify(() => !composer.mentionPopup.visible);
            compare(composer.text, "@alice and @c");
            // Not after a letter: an e-mail address is not a mention.
            composer.clear();
            typeText("me@a");
            verify(!composer.mentionPopup.visible);
            compare(composer.mentionPopup.candidates, []);
            // Nobody matches: no popup.
            composer.clear();
            typeText("@zz");
            verify(!composer.mentionPopup.visible);
        }

        function test_popupIsAccessible() {
            const composer = makeComposer();
            typeText("@");
            tryVerify(() => composer.mentionPopup.visible);
            const list = findChild(composer.mentionPopup.contentItem, "mentionList") || composer.mentionPopup.contentItem;
            compare(list.Accessible.role, Accessible.List);
            tryVerify(() => list.itemAtIndex(0) !== null);
            compare(list.itemAtIndex(0).Accessible.name, "@alice");
            verify(list.itemAtIndex(0).Accessible.selected);
            // A click inserts too.
            mouseClick(list.itemAtIndex(2));
            compare(composer.text, "@carol ");
        }

        function test_replyBarAndEscape() {
            const composer = makeComposer();
            const bar = findChild(composer, "composerReplyBar");
            verify(!bar.visible);
            composer.startReply("m1", "alice", "<b>lunch?</b>");
            verify(bar.visible);
            compare(composer.replyToId, "m1");
            compare(findChild(composer, "composerReplySnippet").text, "<b>lunch?</b>");
            compare(findChild(composer, "composerReplySnippet").textFormat, Text.PlainText);
            verify(composer.input.activeFocus);
            keyClick(Qt.Key_Escape);
            compare(composer.replyToId, "");
            verify(!bar.visible);
            // Sending (clear) ends the reply too.
            composer.startReply("m1", "alice", "x");
            composer.clear();
            compare(composer.replyToId, "");
        }

        function test_mentionHighlightStaysLiteral() {
            const model = testData.messageModel([
                { "id": "m", "sender": "alice", "text": "<b>x</b> &lt; @bob", "mentionsMe": true },
                { "id": "n", "sender": "alice", "text": "<b>x</b> &lt; @bob" }]);
            const view = createTemporaryObject(viewComponent, root, { "model": model, "selfUserId": "bob" });
            tryVerify(() => view.listView.count === 2);
            let item = null;
            tryVerify(() => (item = view.listView.itemAtIndex(0)) !== null);
            waitForRendering(view);
            const body = findChild(item, "bodyText");
            verify(findChild(item, "mentionBar").visible);
            compare(body.textFormat, Text.StyledText);
            // Everything from the message escaped, only the mention wrapped.
            verify(body.text.indexOf("&lt;b&gt;x&lt;/b&gt; &amp;lt; <b>") === 0, body.text);
            // Laid out literally: at least as wide as the plain text (the bold mention only widens it).
            verify(body.implicitWidth >= plainRef.implicitWidth - 1, body.implicitWidth + " < " + plainRef.implicitWidth);
            // Without the mention flag: plain text, no bar.
            let other = null;
            tryVerify(() => (other = view.listView.itemAtIndex(1)) !== null);
            compare(findChild(other, "bodyText").textFormat, Text.PlainText);
            verify(!findChild(other, "mentionBar").visible);
        }
    }
}
