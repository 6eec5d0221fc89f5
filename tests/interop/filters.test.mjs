// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// OData `filter` expressions (protocol.md §6.4) sent by the official server SDK: app servers use
// them to target users and group members, so each operator and function must select exactly the
// connections Azure would.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { Fixture, connectionIdOf, loadSdks, waitFor } from "./helpers.mjs";

const sdk = await loadSdks();
const fx = new Fixture(sdk);

// name → [userId, initial groups]
const people = {
  alice: ["alice", ["ga", "gb"]],
  bob: ["bob", ["gb"]],
  carol: ["Carol", []],
  dave: ["dave", ["ga"]],
};
const names = Object.keys(people);
const conns = {};

before(async () => {
  await fx.start("filters");
  for (const [name, [userId, groups]] of Object.entries(people)) {
    conns[name] = await fx.client({ userId, groups });
    await waitFor(() => connectionIdOf(conns[name].log), "connectionId");
  }
  await waitFor(async () => (await fx.serviceClient.groupExists("ga")) && (await fx.serviceClient.groupExists("gb")), "initial groups");
});
after(async () => {
  await fx.close();
});

let fenceNo = 0;
async function fence() {
  const marker = `fence-${++fenceNo}`;
  await fx.serviceClient.sendToAll(marker, { contentType: "text/plain" });
  await waitFor(() => names.every((n) => conns[n].log.server.some((m) => m.data === marker)), `${marker} everywhere`);
}

// Which of the four received the server message tagged \a tag.
function receivers(tag, kind = "server") {
  return names.filter((n) => conns[n].log[kind].some((m) => m.data?.tag === tag));
}

describe("OData filters on sendToAll", () => {
  const cases = [
    ["userId eq 'alice'", ["alice"]],
    ["userId ne 'alice'", ["bob", "carol", "dave"]],
    ["UserId eq 'bob'", ["bob"]],
    ["'ga' in groups", ["alice", "dave"]],
    ["'ga' in groups and 'gb' in groups", ["alice"]],
    ["'ga' in groups or userId eq 'bob'", ["alice", "bob", "dave"]],
    ["not ('gb' in groups)", ["carol", "dave"]],
    ["(userId eq 'alice' or userId eq 'bob') and not ('ga' in groups)", ["bob"]],
    ["userId in ('bob', 'Carol')", ["bob", "carol"]],
    ["userId eq 'carol'", []],
    ["tolower(userId) eq 'carol'", ["carol"]],
    ["toupper(userId) eq 'DAVE'", ["dave"]],
    ["startswith(userId, 'a') or endswith(userId, 've')", ["alice", "dave"]],
    ["contains(userId, 'o')", ["bob", "carol"]],
    ["length(userId) gt 3", ["alice", "carol", "dave"]],
    ["length(userId) le 3", ["bob"]],
    ["length(groups) eq 0", ["carol"]],
    ["length(groups) ge 2", ["alice"]],
    ["substring(userId, 1) eq 'ob'", ["bob"]],
    ["substring(userId, 0, 2) eq 'Ca'", ["carol"]],
    ["indexof(userId, 'a') eq 1", ["carol", "dave"]],
    ["concat(userId, '!') eq 'bob!'", ["bob"]],
    ["trim(userId) eq 'bob'", ["bob"]],
    [sdk.odata`userId eq ${"vic's"} or userId eq ${"dave"}`, ["dave"]],
  ];

  test("each expression selects exactly the matching connections", async () => {
    const connectionFilter = `connectionId eq '${connectionIdOf(conns.carol.log)}'`;
    const all = [...cases, [connectionFilter, ["carol"]]];
    for (const [i, [filter]] of all.entries()) {
      await fx.serviceClient.sendToAll({ tag: `f${i}` }, { filter });
    }
    await fence();
    const wrong = [];
    for (const [i, [filter, expected]] of all.entries()) {
      const got = receivers(`f${i}`);
      if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${filter}: expected ${expected}, got ${got}`);
    }
    assert.deepEqual(wrong, []);
  });
});

describe("filters on other operations", () => {
  test("group.sendToAll with a filter on the group's members", async () => {
    await fx.serviceClient.group("ga").sendToAll({ tag: "g1" }, { filter: "userId ne 'alice'" });
    await fx.serviceClient.group("gb").sendToAll({ tag: "g2" }, { filter: "'ga' in groups" });
    await fence();
    assert.deepEqual(receivers("g1", "group"), ["dave"]);
    assert.deepEqual(receivers("g2", "group"), ["alice"]);
  });

  test("sendToUser with a filter", async () => {
    await fx.serviceClient.sendToUser("alice", { tag: "u1" }, { filter: "'gb' in groups" });
    await fx.serviceClient.sendToUser("alice", { tag: "u2" }, { filter: "not ('gb' in groups)" });
    await fence();
    assert.deepEqual(receivers("u1"), ["alice"]);
    assert.deepEqual(receivers("u2"), []);
  });

  test("addConnectionsToGroups selects by filter", async () => {
    await fx.serviceClient.addConnectionsToGroups(["gc"], "length(groups) eq 0 or userId eq 'bob'");
    await fx.serviceClient.group("gc").sendToAll({ tag: "c1" });
    await fence();
    assert.deepEqual(receivers("c1", "group"), ["bob", "carol"]);
  });

  test("a malformed filter is a 400 from the REST API", async () => {
    for (const filter of ["userId eq", "userId eq 'a' and", "(userId eq 'a'", "'ga' in", "userId eq 'unterminated"]) {
      await assert.rejects(
        fx.serviceClient.sendToAll({ tag: "bad" }, { filter }),
        (err) => err.name === "RestError" && err.statusCode === 400,
        `filter ${filter} should be rejected with 400`,
      );
    }
  });
});
