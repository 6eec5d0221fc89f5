// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// Every data-plane REST operation (protocol.md §6.3) driven by the official server SDK
// (@azure/web-pubsub, api-version 2024-12-01, bearer tokens signed the SDK's way), with official
// clients observing the effect. An app server written against Azure must work unchanged.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { Fixture, bytesOf, connectionIdOf, loadSdks, waitFor } from "./helpers.mjs";

const sdk = await loadSdks();
const fx = new Fixture(sdk);
const chatRoles = ["webpubsub.joinLeaveGroup", "webpubsub.sendToGroup"];

// u1 has two connections, u2 one, plus an anonymous one.
let u1a;
let u1b;
let u2;
let anon;
let everyone;
let fenceNo = 0;

before(async () => {
  await fx.start("rest");
  u1a = await fx.client({ userId: "u1", roles: chatRoles });
  u1b = await fx.client({ userId: "u1", roles: chatRoles });
  u2 = await fx.client({ userId: "u2", roles: chatRoles });
  anon = await fx.client({ roles: chatRoles });
  everyone = [u1a, u1b, u2, anon];
  for (const c of everyone) await waitFor(() => connectionIdOf(c.log), "connectionId");
});
after(async () => {
  await fx.close();
});

const id = (c) => connectionIdOf(c.log);
const serverTexts = (c) => c.log.server.map((m) => m.data);
const groupTexts = (c, group) => c.log.group.filter((m) => m.group === group).map((m) => m.data);

// Sends a marker to every connection after the operation under test and waits until all have it:
// sends are processed in order per connection, so anything the operation was going to deliver has
// been delivered by then and "not received" assertions are meaningful.
async function fenceAll(clients = everyone) {
  const marker = `fence-${++fenceNo}`;
  await fx.serviceClient.sendToAll(marker, { contentType: "text/plain" });
  await waitFor(() => clients.every((c) => serverTexts(c).includes(marker)), `${marker} at every client`);
}

describe("send operations", () => {
  test("sendToAll with json, text and binary bodies gives json, text and binary messages", async () => {
    await fx.serviceClient.sendToAll({ hello: "world", n: [1, 2] });
    await fx.serviceClient.sendToAll("plain words", { contentType: "text/plain" });
    await fx.serviceClient.sendToAll(Uint8Array.from([9, 8, 7]));
    await fx.serviceClient.sendToAll("a json string");
    for (const c of everyone) {
      await waitFor(() => c.log.server.length >= 4, "four server messages");
      const [json, text, binary, jsonString] = c.log.server.slice(-4);
      assert.equal(json.dataType, "json");
      assert.deepEqual(json.data, { hello: "world", n: [1, 2] });
      assert.equal(text.dataType, "text");
      assert.equal(text.data, "plain words");
      assert.equal(binary.dataType, "binary");
      assert.deepEqual([...bytesOf(binary.data)], [9, 8, 7]);
      assert.equal(jsonString.dataType, "json");
      assert.equal(jsonString.data, "a json string");
      assert.equal(typeof json.sequenceId, "number", "reliable clients get sequence ids on server messages");
    }
  });

  test("sendToAll with excluded connections skips them", async () => {
    await fx.serviceClient.sendToAll("not for u1a", { contentType: "text/plain", excludedConnections: [id(u1a)] });
    await fenceAll();
    assert.ok(!serverTexts(u1a).includes("not for u1a"));
    for (const c of [u1b, u2, anon]) assert.ok(serverTexts(c).includes("not for u1a"));
  });

  test("sendToAll with a filter reaches only the matching connections", async () => {
    await fx.serviceClient.sendToAll("only u2", { contentType: "text/plain", filter: "userId eq 'u2'" });
    await fenceAll();
    assert.deepEqual(
      everyone.map((c) => serverTexts(c).includes("only u2")),
      [false, false, true, false],
    );
  });

  test("sendToUser reaches every connection of that user, and its filter narrows it", async () => {
    await fx.serviceClient.sendToUser("u1", { to: "u1" });
    await fx.serviceClient.sendToUser("u1", "u1 but not u1a", {
      contentType: "text/plain",
      filter: sdk.odata`connectionId ne ${id(u1a)}`,
    });
    await fenceAll();
    assert.deepEqual(
      everyone.map((c) => c.log.server.some((m) => m.data?.to === "u1")),
      [true, true, false, false],
    );
    assert.deepEqual(
      everyone.map((c) => serverTexts(c).includes("u1 but not u1a")),
      [false, true, false, false],
    );
  });

  test("sendToConnection reaches exactly that connection", async () => {
    await fx.serviceClient.sendToConnection(id(anon), "just anon", { contentType: "text/plain" });
    await fx.serviceClient.sendToConnection(id(u2), Uint8Array.from([1, 2, 3]).buffer);
    await fenceAll();
    assert.deepEqual(
      everyone.map((c) => serverTexts(c).includes("just anon")),
      [false, false, false, true],
    );
    const bin = u2.log.server.findLast((m) => m.dataType === "binary");
    assert.ok(bin, "u2 got the binary message");
    assert.deepEqual([...bytesOf(bin.data)], [1, 2, 3]);
  });

  test("sending to nobody (unknown user, connection, group) is still accepted", async () => {
    await fx.serviceClient.sendToUser("nobody", "x", { contentType: "text/plain" });
    await fx.serviceClient.sendToConnection("no-such-connection", "x", { contentType: "text/plain" });
    await fx.serviceClient.group("no-such-group").sendToAll("x", { contentType: "text/plain" });
  });

  test("messageTtlSeconds is accepted", async () => {
    await fx.serviceClient.sendToConnection(id(u2), "with ttl", { contentType: "text/plain", messageTtlSeconds: 60 });
    await waitFor(() => serverTexts(u2).includes("with ttl"), "message with ttl");
  });
});

describe("groups", () => {
  test("group.sendToAll with excluded connections and a filter", async () => {
    for (const c of everyone) await c.client.joinGroup("g-send");
    const group = fx.serviceClient.group("g-send");
    await group.sendToAll("all members", { contentType: "text/plain" });
    await group.sendToAll("not u2", { contentType: "text/plain", excludedConnections: [id(u2)] });
    await group.sendToAll({ only: "u1" }, { filter: "userId eq 'u1'" });
    await group.sendToAll(Uint8Array.from([42]));
    await fenceAll();
    for (const c of everyone) {
      const got = c.log.group.filter((m) => m.group === "g-send");
      assert.equal(got[0].data, "all members");
      assert.equal(got[0].dataType, "text");
      assert.ok(got[0].fromUserId == null, "REST group messages have no fromUserId");
    }
    assert.deepEqual(
      everyone.map((c) => groupTexts(c, "g-send").includes("not u2")),
      [true, true, false, true],
    );
    assert.deepEqual(
      everyone.map((c) => groupTexts(c, "g-send").some((d) => d?.only === "u1")),
      [true, true, false, false],
    );
    for (const c of everyone) {
      const bin = c.log.group.find((m) => m.group === "g-send" && m.dataType === "binary");
      assert.deepEqual([...bytesOf(bin.data)], [42]);
    }
    for (const c of everyone) await c.client.leaveGroup("g-send");
  });

  test("addUser / removeUser put every connection of a user in or out of a group; userExists, groupExists", async () => {
    const group = fx.serviceClient.group("g-user");
    assert.equal(await fx.serviceClient.userExists("u1"), true);
    assert.equal(await fx.serviceClient.userExists("nobody"), false);
    assert.equal(await fx.serviceClient.groupExists("g-user"), false);

    await group.addUser("u1");
    assert.equal(await fx.serviceClient.groupExists("g-user"), true);
    await group.sendToAll("to g-user", { contentType: "text/plain" });
    await fenceAll();
    assert.deepEqual(
      everyone.map((c) => groupTexts(c, "g-user").includes("to g-user")),
      [true, true, false, false],
    );

    await group.removeUser("u1");
    assert.equal(await fx.serviceClient.groupExists("g-user"), false);
    await group.sendToAll("after removeUser", { contentType: "text/plain" });
    await fenceAll();
    for (const c of everyone) assert.ok(!groupTexts(c, "g-user").includes("after removeUser"));
  });

  test("addConnection / removeConnection", async () => {
    const group = fx.serviceClient.group("g-conn");
    await group.addConnection(id(anon));
    await group.sendToAll("to g-conn", { contentType: "text/plain" });
    await fenceAll();
    assert.deepEqual(
      everyone.map((c) => groupTexts(c, "g-conn").includes("to g-conn")),
      [false, false, false, true],
    );
    await group.removeConnection(id(anon));
    await group.sendToAll("after removeConnection", { contentType: "text/plain" });
    await fenceAll();
    assert.ok(!groupTexts(anon, "g-conn").includes("after removeConnection"));
    assert.equal(await fx.serviceClient.groupExists("g-conn"), false);
  });

  test("removeConnectionFromAllGroups and removeUserFromAllGroups", async () => {
    await u2.client.joinGroup("g-x");
    await u2.client.joinGroup("g-y");
    await fx.serviceClient.group("g-x").addUser("u1");
    assert.equal(await fx.serviceClient.groupExists("g-y"), true);

    await fx.serviceClient.removeConnectionFromAllGroups(id(u2));
    assert.equal(await fx.serviceClient.groupExists("g-y"), false);
    await fx.serviceClient.group("g-x").sendToAll("x after u2 removed", { contentType: "text/plain" });
    await fenceAll();
    assert.ok(!groupTexts(u2, "g-x").includes("x after u2 removed"));
    assert.ok(groupTexts(u1a, "g-x").includes("x after u2 removed"));

    await fx.serviceClient.removeUserFromAllGroups("u1");
    assert.equal(await fx.serviceClient.groupExists("g-x"), false);
  });

  test("addConnectionsToGroups / removeConnectionsFromGroups with a filter", async () => {
    await fx.serviceClient.addConnectionsToGroups(["g-bulk-1", "g-bulk-2"], "userId eq 'u1'");
    await fx.serviceClient.group("g-bulk-2").sendToAll("bulk", { contentType: "text/plain" });
    await fenceAll();
    assert.deepEqual(
      everyone.map((c) => groupTexts(c, "g-bulk-2").includes("bulk")),
      [true, true, false, false],
    );
    await fx.serviceClient.removeConnectionsFromGroups(["g-bulk-1", "g-bulk-2"], sdk.odata`connectionId eq ${id(u1a)}`);
    await fx.serviceClient.group("g-bulk-2").sendToAll("bulk-after", { contentType: "text/plain" });
    await fenceAll();
    assert.deepEqual(
      everyone.map((c) => groupTexts(c, "g-bulk-2").includes("bulk-after")),
      [false, true, false, false],
    );
    await fx.serviceClient.removeConnectionsFromGroups(["g-bulk-1", "g-bulk-2"], "userId eq 'u1'");
    assert.equal(await fx.serviceClient.groupExists("g-bulk-1"), false);
  });

  // In @azure/web-pubsub 1.2.0 listConnections returns a Promise of the paged iterator.
  test("group.listConnections pages through every member", async () => {
    for (const c of everyone) await c.client.joinGroup("g-list");
    const seen = [];
    for await (const member of await fx.serviceClient.group("g-list").listConnections({ maxPageSize: 2 })) {
      seen.push(member);
    }
    assert.deepEqual(seen.map((m) => m.connectionId).sort(), everyone.map(id).sort());
    const byId = new Map(seen.map((m) => [m.connectionId, m]));
    assert.equal(byId.get(id(u1a)).userId, "u1");
    assert.equal(byId.get(id(u2)).userId, "u2");
    assert.ok(byId.get(id(anon)).userId == null);

    const top = [];
    for await (const member of await fx.serviceClient.group("g-list").listConnections({ top: 1 })) top.push(member);
    assert.equal(top.length, 1);

    const empty = [];
    for await (const member of await fx.serviceClient.group("g-nobody").listConnections()) empty.push(member);
    assert.deepEqual(empty, []);
    for (const c of everyone) await c.client.leaveGroup("g-list");
  });
});

describe("permissions", () => {
  test("sending is forbidden until granted over REST, and again after revoking", async () => {
    const p = await fx.client({ userId: "perm", roles: ["webpubsub.joinLeaveGroup"] });
    await waitFor(() => id(p), "connectionId");
    const cid = id(p);
    await p.client.joinGroup("g-perm");
    const forbidden = (err) => err.errorDetail?.name === "Forbidden";

    await assert.rejects(p.client.sendToGroup("g-perm", "nope", "text"), forbidden);
    assert.equal(await fx.serviceClient.hasPermission(cid, "sendToGroup", { targetName: "g-perm" }), false);

    await fx.serviceClient.grantPermission(cid, "sendToGroup", { targetName: "g-perm" });
    assert.equal(await fx.serviceClient.hasPermission(cid, "sendToGroup", { targetName: "g-perm" }), true);
    await p.client.sendToGroup("g-perm", "now allowed", "text");
    await waitFor(() => groupTexts(p, "g-perm").includes("now allowed"), "the granted send echoed back");
    // Granted for that group only.
    await assert.rejects(p.client.sendToGroup("g-other", "nope", "text"), forbidden);

    await fx.serviceClient.revokePermission(cid, "sendToGroup", { targetName: "g-perm" });
    assert.equal(await fx.serviceClient.hasPermission(cid, "sendToGroup", { targetName: "g-perm" }), false);
    await assert.rejects(p.client.sendToGroup("g-perm", "nope again", "text"), forbidden);

    p.client.stop();
  });

  test("joinLeaveGroup can be granted and revoked too", async () => {
    const p = await fx.client({ userId: "perm2" });
    await waitFor(() => id(p), "connectionId");
    const cid = id(p);
    const forbidden = (err) => err.errorDetail?.name === "Forbidden";
    await assert.rejects(p.client.joinGroup("g-join"), forbidden);
    await fx.serviceClient.grantPermission(cid, "joinLeaveGroup", { targetName: "g-join" });
    assert.equal(await fx.serviceClient.hasPermission(cid, "joinLeaveGroup", { targetName: "g-join" }), true);
    await p.client.joinGroup("g-join");
    assert.equal(await fx.serviceClient.groupExists("g-join"), true);
    await fx.serviceClient.revokePermission(cid, "joinLeaveGroup", { targetName: "g-join" });
    await assert.rejects(p.client.leaveGroup("g-join"), forbidden);
    p.client.stop();
  });
});

describe("closing connections", () => {
  const closable = (userId) =>
    fx.client({ userId, roles: chatRoles }, { autoReconnect: false }).then(async (c) => {
      await waitFor(() => id(c), "connectionId");
      return c;
    });
  const closedWith = async (c, reason) => {
    await waitFor(() => c.log.stopped > 0, `client ${id(c)} stopped after being closed`);
    assert.equal(c.log.disconnected.length, 1);
    if (reason !== undefined) {
      const message = c.log.disconnected[0].message?.message ?? "";
      assert.ok(message.includes(reason), `disconnected message "${message}" should carry "${reason}"`);
    }
  };

  test("connectionExists and closeConnection with a reason", async () => {
    const c = await closable("closer");
    assert.equal(await fx.serviceClient.connectionExists(id(c)), true);
    assert.equal(await fx.serviceClient.connectionExists("no-such-connection"), false);
    await fx.serviceClient.closeConnection(id(c), { reason: "kicked by test" });
    await closedWith(c, "kicked by test");
    await waitFor(async () => !(await fx.serviceClient.connectionExists(id(c))), "the closed connection to be gone");
  });

  test("closeUserConnections closes every connection of the user", async () => {
    const a = await closable("leaver");
    const b = await closable("leaver");
    await fx.serviceClient.closeUserConnections("leaver", { reason: "user removed" });
    await closedWith(a, "user removed");
    await closedWith(b, "user removed");
    await waitFor(async () => !(await fx.serviceClient.userExists("leaver")), "the user to be gone");
    assert.equal(await fx.serviceClient.connectionExists(id(u1a)), true, "others stay");
  });

  test("group.closeAllConnections closes the group's members only", async () => {
    const a = await closable("member");
    const outsider = await closable("outsider");
    await a.client.joinGroup("g-close");
    await fx.serviceClient.group("g-close").closeAllConnections({ reason: "group closed" });
    await closedWith(a, "group closed");
    assert.equal(await fx.serviceClient.connectionExists(id(outsider)), true);
    assert.equal(outsider.log.stopped, 0);
    outsider.client.stop();
  });

  test("closeAllConnections with excluded keeps those", async () => {
    const a = await closable("bye-1");
    const b = await closable("bye-2");
    const keep = [u1a, u1b, u2, anon].map(id);
    await fx.serviceClient.closeAllConnections({ excluded: keep, reason: "maintenance" });
    await closedWith(a, "maintenance");
    await closedWith(b, "maintenance");
    for (const cid of keep) assert.equal(await fx.serviceClient.connectionExists(cid), true);

    // And without exclusions every connection goes; the official clients then open new ones.
    const before = everyone.map((c) => c.log.connected.length);
    await fx.serviceClient.closeAllConnections();
    await waitFor(async () => {
      for (const cid of keep) if (await fx.serviceClient.connectionExists(cid)) return false;
      return true;
    }, "every connection closed");
    await waitFor(() => everyone.every((c, i) => c.log.connected.length > before[i]), "every client reconnected");
    for (const c of everyone) assert.equal(await fx.serviceClient.connectionExists(id(c)), true);
  });
});

describe("tokens", () => {
  test("getClientAccessToken builds ws:// URLs on the service's endpoint", async () => {
    const { baseUrl, url, token } = await fx.serviceClient.getClientAccessToken({ userId: "x" });
    const endpoint = new URL(fx.service.endpoint);
    assert.equal(baseUrl, `ws://${endpoint.host}/client/hubs/rest`);
    assert.equal(url, `${baseUrl}?access_token=${token}`);
  });
});
