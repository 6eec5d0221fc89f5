// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Hubbub.Ui

Item {
    id: root

    width: 700
    height: 400

    readonly property string markup: "<b>x</b><img src=http://127.0.0.1:9/tracker.png>"

    Component {
        id: viewComponent

        MessageView {
            width: root.width
            height: root.height
        }
    }

    // References: the same string laid out as plain text, and the single letter rich text would show.
    Text {
        id: plainRef

        visible: false
        text: root.markup
        textFormat: Text.PlainText
        // The body's type size (Theme.fontBody), so the widths compare like for like.
        font.pixelSize: Theme.fontBody
    }
    TextMetrics {
        id: oneLetter

        text: "x"
        font.pixelSize: Theme.fontBody
    }

    Component {
        id: signalSpyComponent

        SignalSpy {}
    }

    TestCase {
        name: "MessageView"
        when: windowShown

        function makeView(messages) {
            const model = testData.messageModel(messages);
            const view = createTemporaryObject(viewComponent, root, { "model": model });
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

        function test_bodyIsPlainText() {
            const view = makeView([{ "id": "a", "sender": "mallory", "text": root.markup }]);
            const item = delegateAt(view, 0);
            const body = findChild(item, "bodyText");
            verify(body);
            compare(body.textFormat, Text.PlainText);
            compare(body.text, root.markup);
            // The literal characters are laid out: as wide as the plain reference, far wider than the
            // lone bold "x" a rich-text rendering would show.
            compare(body.implicitWidth, plainRef.implicitWidth);
            verify(body.implicitWidth > oneLetter.width * 10);
        }

        function test_linksOfferedBesideThePlainText() {
            const view = makeView([{ "id": "a", "sender": "bob", "text": "docs at https://example.com/guide." }]);
            const item = delegateAt(view, 0);
            compare(findChild(item, "bodyText").text, "docs at https://example.com/guide.");
            let button = null;
            tryVerify(() => (button = findChild(item, "linkButton")) !== null);
            const spy = createTemporaryObject(signalSpyComponent, root, { "target": view, "signalName": "linkActivated" });
            mouseClick(button);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "https://example.com/guide");
        }

        function test_accessibleName() {
            const view = makeView([{ "id": "a", "sender": "alice", "text": "hello", "own": true, "status": "sent" },
                                   { "id": "b", "sender": "bob", "text": "hi" }]);
            const own = delegateAt(view, 0);
            compare(own.Accessible.name, "alice, " + own.timeText + ": hello, sent");
            verify(own.timeText.length > 0);
            const other = delegateAt(view, 1);
            compare(other.Accessible.name, "bob, " + other.timeText + ": hi");
        }

        function test_senderHeaderAndDaySeparator() {
            const view = makeView([{ "id": "a", "sender": "alice", "text": "one", "minutesAgo": 3 * 24 * 60 },
                                   { "id": "b", "sender": "alice", "text": "two" },
                                   { "id": "c", "sender": "alice", "text": "three" },
                                   { "id": "d", "sender": "bob", "text": "four" }]);
            const first = delegateAt(view, 0);
            verify(first.daySeparator.length > 0);
            verify(findChild(first, "daySeparatorLabel").visible);
            const second = delegateAt(view, 1);
            verify(second.daySeparator.length > 0, "a new day starts");
            verify(second.showSender);
            const third = delegateAt(view, 2);
            compare(third.daySeparator, "");
            verify(!third.showSender, "same sender, same day: no header");
            verify(!findChild(third, "senderLabel").visible);
            const fourth = delegateAt(view, 3);
            verify(fourth.showSender);
            compare(findChild(fourth, "senderLabel").text, "bob");
        }

        function test_newMessagesDivider() {
            const view = makeView([{ "id": "a", "text": "old" }, { "id": "b", "text": "new1" },
                                   { "id": "c", "text": "new2" }]);
            testData.setUnreadDivider(view.model, 2);
            const old = delegateAt(view, 0);
            const first = delegateAt(view, 1);
            tryVerify(() => first.firstUnread);
            verify(findChild(first, "newMessagesDivider").visible);
            verify(!old.firstUnread);
            verify(!findChild(old, "newMessagesDivider").visible);
        }

        function test_deliveryStatus() {
            const view = makeView([{ "id": "s1", "text": "pending", "own": true, "status": "sending" },
                                   { "id": "s2", "text": "done", "own": true, "status": "sent" },
                                   { "id": "s3", "text": "broken", "own": true, "status": "failed" }]);
            const sending = delegateAt(view, 0);
            verify(findChild(sending, "sendingIndicator").active);
            verify(!findChild(sending, "sentMark").visible);
            compare(sending.Accessible.name, "alice, " + sending.timeText + ": pending, sending");

            const sent = delegateAt(view, 1);
            verify(findChild(sent, "sentMark").visible);
            verify(!findChild(sent, "sendingIndicator").active);

            const failed = delegateAt(view, 2);
            verify(findChild(failed, "failedActions").active);
            let retried = [];
            let deleted = [];
            view.retryRequested.connect(id => retried.push(id));
            view.deleteRequested.connect(id => deleted.push(id));
            let retry = null;
            tryVerify(() => (retry = findChild(failed, "retryButton")) !== null);
            waitForRendering(view);
            mouseClick(retry);
            compare(retried, ["s3"]);
            mouseClick(findChild(failed, "deleteButton"));
            compare(deleted, ["s3"]);

            // The status changes in place: failed → sending → sent.
            verify(testData.setStatus(view.model, "s3", "sending"));
            tryVerify(() => !findChild(failed, "failedActions").active);
            verify(findChild(failed, "sendingIndicator").active);
            verify(testData.setStatus(view.model, "s3", "sent"));
            tryVerify(() => findChild(failed, "sentMark").visible);
        }

        function test_avatarOwnTagAndRuns() {
            const view = makeView([{ "id": "a", "sender": "bob", "text": "one" },
                                   { "id": "b", "sender": "bob", "text": "two" },
                                   { "id": "c", "sender": "alice", "text": "mine", "own": true, "status": "sent" }]);
            const first = delegateAt(view, 0);
            const second = delegateAt(view, 1);
            const mine = delegateAt(view, 2);
            // The avatar colour and initials come from the model (FNV-1a of the userId, mod 12).
            compare(first.avatarIndex, 8);
            compare(first.initials, "B");
            verify(!first.lastOfRun);
            verify(second.lastOfRun);
            // Own messages are marked in words too, not only by their tint.
            verify(findChild(mine, "ownTag").visible);
            verify(!findChild(first, "ownTag").visible);
        }

        function test_copyActionOnHoverOnly() {
            const view = makeView([{ "id": "a", "sender": "bob", "text": "copy me" }]);
            const item = delegateAt(view, 0);
            const actions = findChild(item, "messageActions");
            verify(actions);
            mouseMove(view, view.width / 2, view.height - 5);
            tryVerify(() => !actions.visible);
            mouseMove(item, item.width / 2, item.height / 2);
            tryVerify(() => actions.visible);
            const copy = findChild(item, "copyButton");
            verify(copy);
            compare(copy.Accessible.name, "Copy message text");
        }

        function test_queuedMessageShowsAClock() {
            const view = makeView([{ "id": "s1", "text": "pending", "own": true, "status": "sending" }]);
            const item = delegateAt(view, 0);
            const indicator = findChild(item, "sendingIndicator");
            verify(indicator.active);
            tryVerify(() => indicator.item !== null);
            compare(indicator.item.kind, "sending");
            view.queued = true;
            tryCompare(indicator.item, "kind", "queued");
        }

        function test_followsBottomOnlyWhenAtBottom() {
            const model = testData.messageModel([]);
            testData.appendGenerated(model, 300, "first");
            const view = createTemporaryObject(viewComponent, root, { "model": model });
            const list = view.listView;
            tryVerify(() => list.count === 300);
            tryVerify(() => list.atYEnd, 5000, "starts at the newest message");
            verify(view.atBottom);
            verify(!findChild(view, "jumpToLatestButton").visible);

            // New messages while at the bottom: the view follows.
            testData.appendGenerated(model, 5, "more");
            tryVerify(() => list.count === 305);
            tryVerify(() => list.atYEnd, 5000, "still at the newest message");

            // The user drags up to read older messages.
            for (let i = 0; i < 5; ++i)
                mouseDrag(list, list.width / 2, 60, 0, list.height - 120);
            tryVerify(() => !list.moving);
            verify(!list.atYEnd);
            verify(!view.atBottom);
            tryVerify(() => findChild(view, "jumpToLatestButton").visible);
            const readingAt = list.contentY;
            const firstVisible = list.indexAt(10, list.contentY + 10);

            // New messages arrive: no jump.
            testData.appendGenerated(model, 20, "late");
            tryVerify(() => list.count === 325);
            wait(50);
            compare(list.indexAt(10, list.contentY + 10), firstVisible);
            compare(list.contentY, readingAt);
            verify(!list.atYEnd);

            // "Jump to latest" returns to the bottom and sticks again.
            mouseClick(findChild(view, "jumpToLatestButton"));
            tryVerify(() => list.atYEnd);
            verify(view.atBottom);
            testData.appendGenerated(model, 3, "after");
            tryVerify(() => list.count === 328);
            tryVerify(() => list.atYEnd);
        }

        function test_largeModelScrollsWithFewDelegates() {
            const model = testData.messageModel([]);
            testData.appendGenerated(model, 100000, "big");
            const view = createTemporaryObject(viewComponent, root, { "model": model });
            const list = view.listView;
            tryVerify(() => list.count === 100000);
            tryVerify(() => list.atYEnd);
            // Only what is on screen (plus the modest cache buffer) is instantiated.
            verify(list.contentItem.children.length < 200, "delegates: " + list.contentItem.children.length);
            list.positionViewAtIndex(50000, ListView.Center);
            let item = null;
            tryVerify(() => (item = list.itemAtIndex(50000)) !== null);
            compare(item.text, "big 50000");
            verify(list.contentItem.children.length < 200);
        }
    }
}
