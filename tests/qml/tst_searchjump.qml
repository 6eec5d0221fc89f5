// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Hubbub.Ui

// A search result opens in the timeline: MessageView.showMessage() scrolls to the row, stops
// following the bottom and flashes the message.
Item {
    id: root

    width: 700
    height: 400

    Component {
        id: viewComponent

        MessageView {
            width: root.width
            height: root.height
        }
    }

    TestCase {
        name: "SearchJump"
        when: windowShown

        function test_showMessageScrollsAndHighlights() {
            const model = testData.messageModel([]);
            testData.appendGenerated(model, 300, "line");
            const view = createTemporaryObject(viewComponent, root, { "model": model });
            verify(view);
            tryCompare(view.listView, "count", 300);
            tryVerify(() => view.listView.atYEnd);
            verify(view.atBottom);
            view.showMessage(12);
            verify(!view.atBottom);
            compare(view.listView.currentIndex, 12);
            tryVerify(() => view.listView.itemAtIndex(12) !== null);
            const item = view.listView.itemAtIndex(12);
            // On screen.
            tryVerify(() => item.y + item.height > view.listView.contentY
                      && item.y < view.listView.contentY + view.listView.height);
            const flash = findChild(view, "jumpHighlight");
            verify(flash);
            tryVerify(() => flash.parent === view.listView.itemAtIndex(12) && flash.visible);
            // It fades out.
            tryVerify(() => !flash.visible, 5000);
            // A row out of range changes nothing.
            view.showMessage(5000);
            compare(view.listView.currentIndex, 12);
        }
    }
}
