// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// An app server written against Azure, as the official server SDK (@azure/web-pubsub) would be
// used: sends one server message of each REST kind to a hub. Run by the chat.notices_interop test
// (tests/chat), which checks that the Hubbub app shows each as a notice.
//   node sendservermessages.mjs CONNECTION_STRING HUB USER_ID CONNECTION_ID

import { WebPubSubServiceClient } from "@azure/web-pubsub";

const [connectionString, hub, userId, connectionId] = process.argv.slice(2);
if (!connectionString || !hub || !userId || !connectionId) {
  console.error("usage: sendservermessages.mjs CONNECTION_STRING HUB USER_ID CONNECTION_ID");
  process.exit(2);
}
const service = new WebPubSubServiceClient(connectionString, hub, { allowInsecureConnection: true });
await service.sendToAll({ text: "Maintenance tonight at 22:00", from: "ops-bot" });
await service.sendToAll("<b>plain</b> words", { contentType: "text/plain" });
await service.sendToUser(userId, "for you only", { contentType: "text/plain" });
await service.sendToConnection(connectionId, Uint8Array.from([1, 2, 3, 4]));
console.log("sent 4");
