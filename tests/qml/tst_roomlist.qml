// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Hubbub.Ui

Item {
    id: root

    width: 300
    height: 500

    Component {
        id: listComponent

        RoomList {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "RoomList"
        when: windowShown

        function makeList() {
            const model = testData.roomModel([{ "name": "general", "unread": 3, "last": "see you" },
                                              { "name": "random", "unread": 0 },
                                              { "name": "noisy", "unread": 150, "muted": true }]);
            const list = createTemporaryObject(listComponent, root, {
                                                   "model": model,
                                                   "totalUnread": Qt.binding(() => model.totalUnread)
                                               });
            verify(list);
            tryVerify(() => list.listView.count === 3);
            waitForRendering(list);
            return list;
        }

        function badgeOf(list, row) {
            let item = null;
            tryVerify(() => (item = list.listView.itemAtIndex(row)) !== null);
            const badge = findChild(item, "unreadBadge");
            verify(badge);
            return badge;
        }

        function test_unreadBadges() {
            const list = makeList();
            const general = badgeOf(list, 0);
            verify(general.visible);
            compare(general.label, "3");
            verify(!general.muted);

            verify(!badgeOf(list, 1).visible, "no badge at zero");

            const noisy = badgeOf(list, 2);
            verify(noisy.visible);
            compare(noisy.label, "99+");
            verify(noisy.muted);
            verify(!Qt.colorEqual(noisy.color, general.color), "a muted room's badge is grey");

            const total = findChild(list, "totalUnreadBadge");
            verify(total.visible);
            compare(total.count, 153);
        }

        function test_unreadUpdates() {
            const list = makeList();
            const random = badgeOf(list, 1);
            testData.setUnread(list.model, "random", 2);
            tryVerify(() => random.visible);
            compare(random.label, "2");
            tryCompare(findChild(list, "totalUnreadBadge"), "count", 155);
            testData.setUnread(list.model, "general", 0);
            tryVerify(() => !badgeOf(list, 0).visible);
            const item = list.listView.itemAtIndex(0);
            compare(item.Accessible.name, "general");
            compare(list.listView.itemAtIndex(1).Accessible.name, "random, 2 unread");
        }

        function test_selectAndJoin() {
            const list = makeList();
            let selected = [];
            let joined = [];
            list.roomSelected.connect(name => selected.push(name));
            list.joinRequested.connect(name => joined.push(name));
            mouseClick(list.listView.itemAtIndex(1));
            compare(selected, ["random"]);

            const field = findChild(list, "joinField");
            field.forceActiveFocus();
            tryVerify(() => field.activeFocus);
            for (const ch of " lunch ")
                keyClick(ch);
            keyClick(Qt.Key_Return);
            compare(joined, ["lunch"]);
            compare(field.text, "");
        }
    }
}
