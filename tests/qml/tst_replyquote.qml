// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Issue 10, feature 1 (replies): the quote above a reply, alone and in the timeline; clicking it
// jumps to the original (MessageView.jumpTo through the resolver's locate()).
import QtQuick
import QtTest
import Hubbub.Ui

Item {
    id: root

    width: 700
    height: 400

    Component {
        id: quoteComponent

        ReplyQuote {
            width: 500
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
        id: spyComponent

        SignalSpy {}
    }

    // Stands in for AppController.replies: the original "a" is "in history" with its real words;
    // anything else is unknown. locate() finds rows by id in the model it is given.
    Component {
        id: resolverComponent

        QtObject {
            property int revision: 0
            property var view: null
            property var located: []

            function quote(room, id, claimedSender, claimedText, revision) {
                if (id === "a")
                    return { "inHistory": true, "messageId": id, "senderId": "alice", "senderLabel": "alice",
                             "text": "the real words", "relayedBy": "" };
                return { "inHistory": false, "messageId": id, "senderId": claimedSender, "senderLabel": claimedSender,
                         "text": claimedText, "relayedBy": "" };
            }
            function locate(room, id) {
                located.push(id);
                return id === "a" ? 0 : -1;
            }
        }
    }

    TestCase {
        name: "ReplyQuote"
        when: windowShown

        function test_verifiedOriginal() {
            const quote = createTemporaryObject(quoteComponent, root,
                                                { "inHistory": true, "senderLabel": "alice", "text": "lunch?" });
            verify(quote);
            verify(!findChild(quote, "replyQuoteNotInHistory").visible);
            const sender = findChild(quote, "replyQuoteSender");
            compare(sender.text, "alice");
            verify(!sender.font.italic);
            compare(findChild(quote, "replyQuoteText").text, "lunch?");
            compare(quote.Accessible.name, "Reply to alice: lunch?");
        }

        function test_claimNotInHistory() {
            const quote = createTemporaryObject(quoteComponent, root,
                                                { "inHistory": false, "senderLabel": "alice", "text": "<b>I owe</b>" });
            verify(quote);
            verify(findChild(quote, "replyQuoteNotInHistory").visible);
            const sender = findChild(quote, "replyQuoteSender");
            // A claim never looks like a verified name: marked, secondary, italic.
            compare(sender.text, "alice (claimed)");
            verify(sender.font.italic);
            const text = findChild(quote, "replyQuoteText");
            compare(text.textFormat, Text.PlainText);
            compare(text.text, "<b>I owe</b>");
            verify(quote.Accessible.name.indexOf("not in your history") >= 0);
        }

        function test_relayedOriginalIsAClaimToo() {
            const quote = createTemporaryObject(quoteComponent, root, { "inHistory": true, "senderLabel": "alice",
                                                    "text": "x", "relayedBy": "carol" });
            verify(findChild(quote, "replyQuoteSender").font.italic);
        }

        function test_clickActivates() {
            const quote = createTemporaryObject(quoteComponent, root,
                                                { "inHistory": true, "senderLabel": "alice", "text": "x" });
            const spy = createTemporaryObject(spyComponent, root, { "target": quote, "signalName": "activated" });
            waitForRendering(quote);
            mouseClick(quote);
            compare(spy.count, 1);
            quote.forceActiveFocus();
            keyClick(Qt.Key_Return);
            compare(spy.count, 2);
        }

        function test_inTheTimelineAndJump() {
            const messages = [{ "id": "a", "sender": "alice", "text": "the real words" }];
            for (let i = 0; i < 40; ++i)
                messages.push({ "id": "f" + i, "sender": "carol", "text": "filler " + i });
            messages.push({ "id": "r1", "sender": "mallory", "text": "see?", "replyToId": "a",
                            "replyToSender": "carol", "replyToText": "forged words" });
            messages.push({ "id": "r2", "sender": "mallory", "text": "and?", "replyToId": "zzz",
                            "replyToSender": "carol", "replyToText": "never said" });
            const model = testData.messageModel(messages);
            const resolver = createTemporaryObject(resolverComponent, root);
            const view = createTemporaryObject(viewComponent, root, { "model": model, "replies": resolver });
            tryVerify(() => view.listView.count === messages.length);
            const last = messages.length - 1;
            view.listView.positionViewAtEnd();
            let item = null;
            tryVerify(() => (item = view.listView.itemAtIndex(last - 1)) !== null);
            let quote = null;
            tryVerify(() => (quote = findChild(item, "replyQuote")) !== null);
            // The known original's words, not the forged claim.
            compare(findChild(quote, "replyQuoteText").text, "the real words");
            compare(findChild(quote, "replyQuoteSender").text, "alice");
            let unknown = null;
            tryVerify(() => (unknown = findChild(view.listView.itemAtIndex(last), "replyQuote")) !== null);
            compare(findChild(unknown, "replyQuoteSender").text, "carol (claimed)");
            // A plain message has no quote.
            verify(!findChild(view.listView.itemAtIndex(last - 2), "replyQuoteLoader").active);

            // Clicking the quote brings the original into view.
            waitForRendering(view);
            mouseClick(quote);
            compare(resolver.located, ["a"]);
            compare(view.listView.currentIndex, 0);
            tryVerify(() => view.listView.itemAtIndex(0) !== null);
            verify(!view.atBottom);
            // The unknown original: nothing to jump to.
            verify(!view.jumpTo("zzz"));
        }

        function test_replyActionAndShortcutTarget() {
            const model = testData.messageModel([{ "id": "a", "text": "one" }, { "id": "b", "text": "two" }]);
            const view = createTemporaryObject(viewComponent, root, { "model": model });
            tryVerify(() => view.listView.count === 2);
            const spy = createTemporaryObject(spyComponent, root, { "target": view, "signalName": "replyRequested" });
            // Ctrl+R without a selection: the newest message.
            view.replyToSelected();
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "b");
            // The hover action on the first one.
            let item = null;
            tryVerify(() => (item = view.listView.itemAtIndex(0)) !== null);
            waitForRendering(view);
            mouseMove(item, item.width / 2, item.height / 2);
            let button = null;
            tryVerify(() => (button = findChild(item, "replyButton")) !== null && button.visible);
            mouseClick(button);
            compare(spy.count, 2);
            compare(spy.signalArguments[1][0], "a");
        }
    }
}
