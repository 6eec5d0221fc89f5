// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Hubbub.Ui

//! UiHelper: close codes in words for the diagnostics panel, and the avatar algorithm the guest page
//! must reproduce (FNV-1a 32-bit of the UTF-8 userId, mod 12).
TestCase {
    name: "UiHelper"

    function test_closeCodesInWords() {
        compare(UiHelper.closeCodeMeaning(0), "No close yet");
        verify(UiHelper.closeCodeMeaning(1006).indexOf("without a close frame") >= 0);
        verify(UiHelper.closeCodeMeaning(1008).indexOf("Policy violation") === 0);
        verify(UiHelper.closeCodeMeaning(1000).indexOf("Normal close") === 0);
        compare(UiHelper.closeCodeMeaning(4321), "Application-defined close (4321)");
        compare(UiHelper.closeCodeMeaning(42), "Unknown close code 42");
    }

    function test_avatarAlgorithm() {
        compare(UiHelper.avatarIndex("alice"), 11);
        compare(UiHelper.avatarIndex("bob"), 8);
        compare(UiHelper.avatarIndex("carol"), 2);
        compare(UiHelper.avatarIndex("zo\u00eb"), 4);
        compare(UiHelper.initials("release-bot"), "RB");
        compare(UiHelper.initials(""), "?");
    }
}
