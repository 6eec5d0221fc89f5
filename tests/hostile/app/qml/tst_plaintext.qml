// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Integrity item 8: every string another party controls (sender and member names, tooltips, room
// names, link labels, the notification toast, the composer's room placeholder) is shown as plain
// text. Each place gets `<img src="http://127.0.0.1:PORT/…">` and `<b>bold</b>`: the item must be
// Text.PlainText, show the raw string, and nothing may connect to the FetchTrap on PORT.
import QtQuick
import QtQuick.Controls.Fusion
import QtTest
import Hubbub.Ui

Item {
    id: root

    width: 600
    height: 500

    Component {
        id: messageViewComponent

        MessageView {
            anchors.fill: parent
        }
    }
    Component {
        id: memberListComponent

        MemberList {
            anchors.fill: parent
        }
    }
    Component {
        id: roomListComponent

        RoomList {
            anchors.fill: parent
        }
    }
    Component {
        id: switcherComponent

        RoomSwitcher {}
    }
    Component {
        id: toastComponent

        NotificationToast {}
    }
    Component {
        id: composerComponent

        Composer {
            width: 400
        }
    }
    Component {
        id: richControlComponent

        // The control: what the old labels did (AutoText) does fetch, so the trap is real.
        Text {
            textFormat: Text.AutoText
        }
    }

    TestCase {
        id: testCase

        name: "HostilePlainText"
        when: windowShown

        readonly property string bold: "<b>bold</b>"

        function markup(tag) {
            return fetchTrap.imageMarkup(tag);
        }

        function expectPlain(item, raw, what) {
            verify(item, what + " exists");
            compare(item.textFormat, Text.PlainText, what + " is plain text");
            compare(item.text, raw, what + " shows the raw string");
        }

        // Rendering is done and any image load would have connected by now.
        function expectNoFetch(before) {
            wait(400);
            compare(fetchTrap.hits, before, "nothing fetched the markup's image");
        }

        function itemAt(view, row) {
            let item = null;
            tryVerify(() => (item = view.itemAtIndex(row)) !== null);
            return item;
        }

        function test_messageSenderSecondaryNameBodyAndLinks() {
            const before = fetchTrap.hits;
            const link = "http://127.0.0.1:" + fetchTrap.port + "/link";
            const model = testData.messageModel([
                { "id": "a", "senderId": markup("sender"), "sender": testCase.bold, "text": markup("body") + " " + link },
                { "id": "b", "senderId": "mallory", "sender": markup("name"), "text": testCase.bold, "minutesAgo": 10 }
            ]);
            const view = createTemporaryObject(messageViewComponent, root, { "model": model });
            verify(view);
            tryVerify(() => view.listView.count === 2);
            waitForRendering(view);

            const first = itemAt(view.listView, 0);
            expectPlain(findChild(first, "senderLabel"), markup("sender"), "sender label");
            expectPlain(findChild(first, "secondaryNameLabel"), testCase.bold, "display name beside it");
            expectPlain(findChild(first, "bodyText"), markup("body") + " " + link, "body");
            // The image URL inside the markup is itself found as a link: its button is plain text too.
            const linkButton = findChild(first, "linkButton");
            verify(linkButton, "a link row");
            expectPlain(linkButton.contentItem, "\u2197 http://127.0.0.1:" + fetchTrap.port + "/body", "link label");

            const second = itemAt(view.listView, 1);
            expectPlain(findChild(second, "senderLabel"), "mallory", "sender label (identity)");
            expectPlain(findChild(second, "secondaryNameLabel"), markup("name"), "display name");
            verify(findChild(second, "secondaryNameLabel").font.italic, "the display name is secondary");
            expectNoFetch(before);
        }

        // Issue 10: a body that mentions the user is StyledText (the mention in bold), built by
        // escaping every character of the message; a reply's quote is plain text.
        function test_mentionHighlightAndReplyQuote() {
            const before = fetchTrap.hits;
            const model = testData.messageModel([
                { "id": "a", "senderId": "mallory", "text": markup("mention") + " @bob", "mentionsMe": true,
                  "replyToId": "x", "replyToSender": markup("qsender"), "replyToText": markup("qtext") }]);
            const view = createTemporaryObject(messageViewComponent, root, { "model": model, "selfUserId": "bob" });
            tryVerify(() => view.listView.count === 1);
            waitForRendering(view);
            const row = itemAt(view.listView, 0);
            const body = findChild(row, "bodyText");
            compare(body.textFormat, Text.StyledText);
            verify(body.text.indexOf("&lt;img") === 0, body.text);
            verify(body.text.indexOf("<img") < 0, "the message's markup is escaped");
            verify(body.text.indexOf("<b>") > 0, "the mention is wrapped");
            let quote = null;
            tryVerify(() => (quote = findChild(row, "replyQuote")) !== null);
            expectPlain(findChild(quote, "replyQuoteText"), markup("qtext"), "reply quote text");
            compare(findChild(quote, "replyQuoteSender").textFormat, Text.PlainText);
            expectNoFetch(before);
        }

        function test_anonymousSenderIsNamedAnonymous() {
            const model = testData.messageModel([{ "id": "a", "senderId": "", "sender": "", "text": "hi" }]);
            const view = createTemporaryObject(messageViewComponent, root, { "model": model });
            tryVerify(() => view.listView.count === 1);
            const row = itemAt(view.listView, 0);
            compare(findChild(row, "senderLabel").text, "anonymous");
            verify(!findChild(row, "secondaryNameLabel").visible);
        }

        function test_memberNamesAndTooltip() {
            const before = fetchTrap.hits;
            const model = testData.memberModel([{ "id": markup("member"), "name": testCase.bold },
                                                { "id": "bob", "name": markup("membername") }]);
            const list = createTemporaryObject(memberListComponent, root, { "model": model });
            verify(list);
            const view = findChild(list, "memberList");
            tryVerify(() => view.count === 2);
            waitForRendering(list);
            const first = itemAt(view, 0);
            expectPlain(findChild(first, "memberUserId"), markup("member"), "member userId");
            expectPlain(findChild(first, "memberDisplayName"), testCase.bold, "member display name");
            const tip = findChild(first, "memberToolTip");
            verify(tip, "the member tooltip");
            tip.open();
            tryVerify(() => tip.opened);
            expectPlain(tip.contentItem, markup("member"), "member tooltip");
            tip.close();
            const second = itemAt(view, 1);
            expectPlain(findChild(second, "memberUserId"), "bob", "member userId");
            expectPlain(findChild(second, "memberDisplayName"), markup("membername"), "member display name");
            expectNoFetch(before);
        }

        function test_roomNames() {
            const before = fetchTrap.hits;
            const model = testData.roomModel([{ "name": markup("room"), "unread": 1, "last": testCase.bold },
                                              { "name": testCase.bold }]);
            const list = createTemporaryObject(roomListComponent, root, { "model": model });
            tryVerify(() => list.listView.count === 2);
            waitForRendering(list);
            expectPlain(findChild(itemAt(list.listView, 0), "roomName"), "#" + markup("room"), "room name");
            expectPlain(findChild(itemAt(list.listView, 1), "roomName"), "#" + testCase.bold, "room name");

            const switcher = createTemporaryObject(switcherComponent, root, { "model": model });
            switcher.open();
            tryVerify(() => switcher.opened);
            const switcherList = findChild(switcher.contentItem, "switcherList");
            verify(switcherList);
            tryVerify(() => switcherList.count === 2);
            expectPlain(itemAt(switcherList, 0).contentItem, "#" + markup("room") + " (1)", "switcher row");
            expectPlain(itemAt(switcherList, 1).contentItem, "#" + testCase.bold, "switcher row");
            switcher.close();
            expectNoFetch(before);
        }

        function test_notificationToast() {
            const before = fetchTrap.hits;
            const toast = createTemporaryObject(toastComponent, root);
            toast.show(markup("toastroom"), testCase.bold, markup("toastbody"));
            tryVerify(() => toast.opened);
            expectPlain(findChild(toast.contentItem, "toastTitle"), testCase.bold + " · #" + markup("toastroom"),
                        "toast title");
            expectPlain(findChild(toast.contentItem, "toastBody"), markup("toastbody"), "toast body");
            toast.close();
            expectNoFetch(before);
        }

        function test_composerPlaceholderNamesRoomPlainly() {
            const before = fetchTrap.hits;
            const composer = createTemporaryObject(composerComponent, root,
                                                   { "placeholder": "Message #" + markup("composer") });
            waitForRendering(composer);
            const placeholder = findChild(composer, "composerPlaceholder");
            expectPlain(placeholder, "Message #" + markup("composer"), "composer placeholder");
            verify(placeholder.visible);
            compare(composer.input.placeholderText, "", "the rich-text placeholder is not used");
            expectNoFetch(before);
        }

        // Sorted last: proves the trap sees a label that does interpret markup.
        function test_zz_controlRichTextFetches() {
            const before = fetchTrap.hits;
            const control = createTemporaryObject(richControlComponent, root, { "text": markup("control") });
            verify(control);
            tryVerify(() => fetchTrap.hits > before, 10000, "an AutoText label fetches the image");
        }
    }
}
