// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Hubbub.Ui

// The connect dialog hands ConnectionController.connectTo a ConnectionController.Kind, and shows
// the fields that kind needs.
Item {
    id: root

    width: 800
    height: 600

    Component {
        id: dialogComponent

        ConnectDialog {}
    }

    TestCase {
        name: "ConnectDialog"
        when: windowShown

        function test_connectionStringKind() {
            const connection = testData.connectionController();
            const dialog = createTemporaryObject(dialogComponent, root, { "connection": connection });
            verify(dialog);
            dialog.open();
            tryCompare(dialog, "opened", true);
            const kindBox = findChild(dialog, "kindBox");
            const hubField = findChild(dialog, "hubField");
            const valueField = findChild(dialog, "valueField");
            const connectButton = findChild(dialog, "connectButton");
            compare(kindBox.currentValue, ConnectionController.Negotiate);
            verify(!hubField.visible);
            compare(valueField.echoMode, TextInput.Normal);

            kindBox.currentIndex = 1;
            compare(kindBox.currentValue, ConnectionController.Url);
            compare(valueField.echoMode, TextInput.PasswordEchoOnEdit);

            kindBox.currentIndex = 2;
            compare(kindBox.currentValue, ConnectionController.ConnectionString);
            verify(hubField.visible);
            valueField.text = "not a connection string";
            // A connection string needs a hub.
            verify(!connectButton.enabled);
            hubField.text = "chat";
            verify(connectButton.enabled);

            const errors = createTemporaryObject(spyComponent, root, { "target": connection });
            connectButton.clicked();
            compare(errors.count, 1);
            // Checked as a connection string: the kind arrived as ConnectionString.
            verify(errors.signalArguments[0][0].startsWith("Invalid connection string"),
                   errors.signalArguments[0][0]);
        }
    }

    Component {
        id: spyComponent

        SignalSpy {
            signalName: "errorShown"
        }
    }
}
