// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Hubbub.Ui

Item {
    id: root

    width: 800
    height: 100

    Component {
        id: bannerComponent

        StatusBanner {
            width: root.width
        }
    }

    TestCase {
        name: "StatusBanner"
        when: windowShown

        function test_fallbackTexts_data() {
            return [
                { tag: "connected", state: ConnectionController.Connected, countdown: -1, text: "Connected" },
                { tag: "connecting", state: ConnectionController.Connecting, countdown: -1, text: "Connecting…" },
                { tag: "recovering", state: ConnectionController.Recovering, countdown: -1, text: "Connection lost, recovering…" },
                { tag: "reconnecting-countdown", state: ConnectionController.Reconnecting, countdown: 4, text: "Reconnecting in 4 s…" },
                { tag: "reconnecting", state: ConnectionController.Reconnecting, countdown: -1, text: "Reconnecting…" },
                { tag: "offline", state: ConnectionController.Offline, countdown: -1,
                  text: "Offline: messages will be sent when the connection is back" },
                { tag: "stopped", state: ConnectionController.Stopped, countdown: -1, text: "Not connected" }
            ];
        }

        function test_fallbackTexts(data) {
            const banner = createTemporaryObject(bannerComponent, root, {
                                                     "connectionState": data.state,
                                                     "reconnectCountdown": data.countdown
                                                 });
            verify(banner);
            const label = findChild(banner, "connectionLabel");
            verify(label);
            compare(label.text, data.text);
            compare(banner.Accessible.role, Accessible.AlertMessage);
            compare(banner.Accessible.name, data.text);
            compare(banner.healthy, data.state === ConnectionController.Connected);
            // Connected: no banner at all; any other state shows it.
            compare(banner.visible, data.state !== ConnectionController.Connected);
            compare(banner.implicitHeight > 0, data.state !== ConnectionController.Connected);
            compare(findChild(banner, "retryNowButton").visible, data.state === ConnectionController.Reconnecting || data.state === ConnectionController.Offline);
            compare(findChild(banner, "reconnectButton").visible, data.state === ConnectionController.Stopped);
        }

        function test_closeExplainedWhenOffline() {
            const banner = createTemporaryObject(bannerComponent, root, {
                                                     "connectionState": ConnectionController.Recovering,
                                                     "closeExplanation": "Last close: Dropped"
                                                 });
            const label = findChild(banner, "closeExplanationLabel");
            verify(label);
            compare(label.textFormat, Text.PlainText);
            verify(!label.visible, "while recovering, the banner does not blame anything yet");
            banner.connectionState = ConnectionController.Offline;
            tryVerify(() => label.visible);
            compare(label.text, "Last close: Dropped");
        }

        function test_statusTextWins() {
            const banner = createTemporaryObject(bannerComponent, root, {
                                                     "connectionState": ConnectionController.Reconnecting,
                                                     "reconnectCountdown": 9,
                                                     "statusText": "Reconnecting in 9 s (attempt 3)…"
                                                 });
            compare(findChild(banner, "connectionLabel").text, "Reconnecting in 9 s (attempt 3)…");
        }

        function test_countdownUpdates() {
            const banner = createTemporaryObject(bannerComponent, root, {
                                                     "connectionState": ConnectionController.Reconnecting,
                                                     "reconnectCountdown": 5
                                                 });
            const label = findChild(banner, "connectionLabel");
            compare(label.text, "Reconnecting in 5 s…");
            banner.reconnectCountdown = 4;
            compare(label.text, "Reconnecting in 4 s…");
            banner.connectionState = ConnectionController.Connected;
            banner.reconnectCountdown = -1;
            compare(label.text, "Connected");
        }

        function test_outbox() {
            const banner = createTemporaryObject(bannerComponent, root, {
                                                     "connectionState": ConnectionController.Offline,
                                                     "outboxCount": 0
                                                 });
            const outbox = findChild(banner, "outboxLabel");
            verify(outbox);
            verify(!outbox.visible);
            banner.outboxCount = 1;
            verify(outbox.visible);
            compare(outbox.text, "1 message waiting to be sent");
            banner.outboxCount = 3;
            compare(outbox.text, "3 messages waiting to be sent");
            compare(banner.Accessible.name,
                    "Offline: messages will be sent when the connection is back. 3 messages waiting to be sent");
            // Connected but still flushing: not healthy yet.
            banner.connectionState = ConnectionController.Connected;
            verify(!banner.healthy);
            banner.outboxCount = 0;
            verify(!outbox.visible);
            verify(banner.healthy);
        }

        function test_retryButtonEmits() {
            const banner = createTemporaryObject(bannerComponent, root, {
                                                     "connectionState": ConnectionController.Offline
                                                 });
            let requested = 0;
            banner.retryNowRequested.connect(() => requested++);
            const button = findChild(banner, "retryNowButton");
            waitForRendering(banner);
            mouseClick(button);
            compare(requested, 1);
        }
    }
}
