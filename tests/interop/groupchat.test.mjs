// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// Two official @azure/web-pubsub-client instances chatting in a group through hubbub-service:
// what a browser app built on the official SDK would do against it.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { Fixture, bytesOf, connectionIdOf, loadSdks, waitFor } from "./helpers.mjs";

const sdk = await loadSdks();
const fx = new Fixture(sdk);
const chatRoles = ["webpubsub.joinLeaveGroup", "webpubsub.sendToGroup"];

let alice;
let bob;

before(async () => {
  await fx.start("chat");
  alice = await fx.client({ userId: "alice", roles: chatRoles });
  bob = await fx.client({ userId: "bob", roles: chatRoles });
  await alice.client.joinGroup("room");
  await bob.client.joinGroup("room");
});
after(async () => {
  await fx.close();
});

function fromRoom(log, predicate) {
  return log.group.filter((m) => m.group === "room" && predicate(m));
}

describe("group chat between two official clients", () => {
  test("text, json and binary messages arrive with sender, group, type and sequence ids", async () => {
    await alice.client.sendToGroup("room", "hello bob", "text");
    await alice.client.sendToGroup("room", { kind: "greeting", n: 42, nested: { ok: true } }, "json");
    const bytes = Uint8Array.from([0, 1, 2, 250, 255]);
    await alice.client.sendToGroup("room", bytes.buffer, "binary");

    await waitFor(() => fromRoom(bob.log, () => true).length >= 3, "bob receiving three messages");
    const [text, json, binary] = fromRoom(bob.log, () => true);
    assert.equal(text.dataType, "text");
    assert.equal(text.data, "hello bob");
    assert.equal(text.fromUserId, "alice");
    assert.equal(json.dataType, "json");
    assert.deepEqual(json.data, { kind: "greeting", n: 42, nested: { ok: true } });
    assert.equal(binary.dataType, "binary");
    assert.deepEqual([...bytesOf(binary.data)], [0, 1, 2, 250, 255]);

    // Reliable subprotocol (the SDK's default): increasing sequence ids per connection.
    const ids = [text, json, binary].map((m) => m.sequenceId);
    for (const id of ids) assert.equal(typeof id, "number");
    assert.ok(ids[0] < ids[1] && ids[1] < ids[2], `increasing sequence ids, got ${ids}`);

    // Without noEcho the sender gets its own messages too.
    await waitFor(() => fromRoom(alice.log, (m) => m.data === "hello bob").length === 1, "alice's echo");
  });

  test("bob answers and alice receives it", async () => {
    await bob.client.sendToGroup("room", "hi alice", "text");
    const got = await waitFor(() => fromRoom(alice.log, (m) => m.data === "hi alice")[0], "bob's reply at alice");
    assert.equal(got.fromUserId, "bob");
  });

  test("noEcho: the sender does not get its own message, the others do", async () => {
    await alice.client.sendToGroup("room", "quiet", "text", { noEcho: true });
    await alice.client.sendToGroup("room", "fence-1", "text");
    await waitFor(() => fromRoom(alice.log, (m) => m.data === "fence-1").length === 1, "alice's fence");
    await waitFor(() => fromRoom(bob.log, (m) => m.data === "fence-1").length === 1, "bob's fence");
    assert.equal(fromRoom(alice.log, (m) => m.data === "quiet").length, 0, "alice must not get her noEcho message");
    assert.equal(fromRoom(bob.log, (m) => m.data === "quiet").length, 1, "bob gets alice's noEcho message once");
  });

  test("fireAndForget sends are delivered", async () => {
    await alice.client.sendToGroup("room", { fast: true }, "json", { fireAndForget: true });
    await waitFor(() => fromRoom(bob.log, (m) => m.data?.fast === true).length === 1, "fire-and-forget message at bob");
  });

  test("a repeated ackId is answered Duplicate (isDuplicated) and delivered only once", async () => {
    const first = await alice.client.sendToGroup("room", "once", "text", { ackId: 9000 });
    assert.equal(first.ackId, 9000);
    assert.equal(first.isDuplicated, false);
    const second = await alice.client.sendToGroup("room", "once", "text", { ackId: 9000 });
    assert.equal(second.isDuplicated, true);
    await alice.client.sendToGroup("room", "fence-2", "text");
    await waitFor(() => fromRoom(bob.log, (m) => m.data === "fence-2").length === 1, "bob's fence");
    assert.equal(fromRoom(bob.log, (m) => m.data === "once").length, 1);
  });

  test("after leaveGroup no more group messages arrive", async () => {
    const carol = await fx.client({ userId: "carol", roles: chatRoles });
    await carol.client.joinGroup("room");
    await alice.client.sendToGroup("room", "before-leave", "text");
    await waitFor(() => fromRoom(carol.log, (m) => m.data === "before-leave").length === 1, "carol in the room");
    await carol.client.leaveGroup("room");
    await alice.client.sendToGroup("room", "after-leave", "text");
    // A fence on another path: a server message to carol, sent after the group message was acked.
    await fx.serviceClient.sendToConnection(connectionIdOf(carol.log), "fence-3", { contentType: "text/plain" });
    await waitFor(() => carol.log.server.some((m) => m.data === "fence-3"), "carol's fence");
    assert.equal(fromRoom(carol.log, (m) => m.data === "after-leave").length, 0);
    carol.client.stop();
  });

  test("a client on the non-reliable json.webpubsub.azure.v1 protocol chats with reliable ones", async () => {
    const dave = await fx.client({ userId: "dave", roles: chatRoles }, { protocol: sdk.WebPubSubJsonProtocol() });
    await dave.client.joinGroup("room");
    await dave.client.sendToGroup("room", { from: "dave" }, "json");
    const atBob = await waitFor(() => fromRoom(bob.log, (m) => m.data?.from === "dave")[0], "dave's message at bob");
    assert.equal(atBob.fromUserId, "dave");
    assert.equal(typeof atBob.sequenceId, "number");
    await bob.client.sendToGroup("room", "to dave", "text");
    const atDave = await waitFor(() => fromRoom(dave.log, (m) => m.data === "to dave")[0], "bob's message at dave");
    assert.equal(atDave.sequenceId, undefined, "no sequenceId on the non-reliable protocol");
    dave.client.stop();
  });

  test("many messages keep their order", async () => {
    const n = 200;
    const sends = [];
    for (let i = 0; i < n; i++) sends.push(alice.client.sendToGroup("room", { seq: i }, "json"));
    await Promise.all(sends);
    await waitFor(() => fromRoom(bob.log, (m) => typeof m.data?.seq === "number").length >= n, `bob receiving ${n} messages`);
    const seqs = fromRoom(bob.log, (m) => typeof m.data?.seq === "number").map((m) => m.data.seq);
    assert.deepEqual(seqs, [...Array(n).keys()]);
  });
});
