// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Hubbub.Ui

Item {
    id: root

    width: 500
    height: 500

    Component {
        id: viewComponent

        NoticesView {
            anchors.fill: parent
        }
    }

    Component {
        id: listComponent

        RoomList {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "NoticesView"
        when: windowShown

        function rowItem(view, row) {
            let item = null;
            tryVerify(() => (item = view.listView.itemAtIndex(row)) !== null);
            return item;
        }

        function test_noticesArePlainAndNotFromAMember() {
            const model = testData.noticeModel([{ "text": "Maintenance at noon", "minutesAgo": 5 },
                                                { "text": "<b>bold</b><img src=\"http://example.invalid/x.png\">" }]);
            const view = createTemporaryObject(viewComponent, root, { "model": model });
            verify(view);
            tryCompare(view.listView, "count", 2);
            waitForRendering(view);
            verify(!findChild(view, "noticesEmpty").visible);

            const first = rowItem(view, 0);
            compare(findChild(first, "noticeText").text, "Maintenance at noon");
            compare(findChild(first, "noticeSender").text, "Server notice");
            verify(findChild(first, "noticeTime").text.length > 0, "the received time is shown");

            const hostile = findChild(rowItem(view, 1), "noticeText");
            compare(hostile.textFormat, Text.PlainText);
            compare(hostile.text, "<b>bold</b><img src=\"http://example.invalid/x.png\">");
            // Shown as characters: as plain text the markup is laid out letter by letter, far wider
            // than the word "bold".
            verify(hostile.implicitWidth > 200);

            testData.appendNotice(model, "one more");
            tryCompare(view.listView, "count", 3);
            compare(findChild(rowItem(view, 2), "noticeText").text, "one more");
        }

        function test_emptyState() {
            const view = createTemporaryObject(viewComponent, root, { "model": testData.noticeModel([]) });
            verify(view);
            compare(view.listView.count, 0);
            verify(findChild(view, "noticesEmpty").visible);
        }

        function test_roomListEntry() {
            const list = createTemporaryObject(listComponent, root, {
                                                   "model": testData.roomModel([{ "name": "general" }]),
                                                   "noticesUnread": 4
                                               });
            verify(list);
            const entry = findChild(list, "noticesEntry");
            verify(entry);
            const badge = findChild(list, "noticesBadge");
            verify(badge.visible);
            compare(badge.label, "4");
            list.noticesUnread = 0;
            verify(!badge.visible);
            const spy = createTemporaryObject(spyComponent, root, { "target": list, "signalName": "noticesSelected" });
            mouseClick(entry);
            compare(spy.count, 1);
            verify(!entry.highlighted);
            list.noticesOpen = true;
            verify(entry.highlighted);
        }
    }

    Component {
        id: spyComponent

        SignalSpy {}
    }
}
