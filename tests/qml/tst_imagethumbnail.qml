// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Hubbub.Ui

Item {
    id: root

    width: 600
    height: 500

    Component {
        id: thumbComponent

        ImageThumbnail {}
    }

    Component {
        id: viewComponent

        MessageView {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "ImageThumbnail"
        when: windowShown

        function test_thumbnailOpensFullSize() {
            const thumb = createTemporaryObject(thumbComponent, root, { "source": "image://hubbub/test/m1" });
            verify(thumb);
            tryCompare(thumb.thumbnail, "status", Image.Ready);
            // Scaled into the 240 px box, aspect kept.
            compare(thumb.thumbnail.sourceSize.width, 240);
            verify(thumb.implicitWidth <= 240 && thumb.implicitHeight <= 120);
            verify(!thumb.popup.visible);
            mouseClick(thumb);
            tryVerify(() => thumb.popup.opened);
            const full = findChild(thumb.popup.contentItem.parent, "pictureFull") || thumb.popup.contentItem;
            tryCompare(full, "status", Image.Ready);
            compare(full.implicitWidth, 400, "full size, not the thumbnail");
            thumb.popup.close();
            tryVerify(() => !thumb.popup.visible);
        }

        function test_onlyTheProviderIsEverLoaded() {
            // A URL from anywhere else is never loaded (no network or file access).
            for (const url of ["http://127.0.0.1:9/x.png", "file:///etc/passwd", "image://other/x", "data:image/png;base64,AAAA"]) {
                const thumb = createTemporaryObject(thumbComponent, root, { "source": url });
                compare(String(thumb.thumbnail.source), "", url);
                compare(thumb.thumbnail.status, Image.Null);
            }
        }

        function test_missingPictureSaysSo() {
            const thumb = createTemporaryObject(thumbComponent, root, { "source": "image://hubbub/test/missing" });
            tryCompare(thumb.thumbnail, "status", Image.Error);
            mouseClick(thumb);
            verify(!thumb.popup.visible, "nothing to open");
        }

        function test_delegateShowsThumbnailInsteadOfFallbackText() {
            const model = testData.messageModel([{ "id": "p1", "sender": "bob", "text": "[picture: cat.png]", "picture": true },
                                                 { "id": "t1", "sender": "bob", "text": "just text" }]);
            const view = createTemporaryObject(viewComponent, root, { "model": model });
            verify(view);
            tryCompare(view.listView, "count", 2);
            let pictureRow = null;
            tryVerify(() => (pictureRow = view.listView.itemAtIndex(0)) !== null);
            const thumb = findChild(pictureRow, "pictureThumbnail");
            verify(thumb);
            compare(String(thumb.source), "image://hubbub/test/p1");
            tryCompare(thumb, "status", Image.Ready);
            verify(!findChild(pictureRow, "bodyText").visible, "the fallback text is not shown beside the picture");
            let textRow = null;
            tryVerify(() => (textRow = view.listView.itemAtIndex(1)) !== null);
            verify(findChild(textRow, "bodyText").visible);
            compare(String(findChild(textRow, "pictureThumbnail").source), "");
        }
    }
}
