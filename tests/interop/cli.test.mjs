// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// hubbub-cli (our C++ client library behind a JSON-lines front end) and the official JS client in
// one group on hubbub-service: each must understand what the other sends, in both directions,
// with a URL minted by the official server SDK.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { Fixture, bytesOf, loadSdks, waitFor } from "./helpers.mjs";

const sdk = await loadSdks();
const fx = new Fixture(sdk);
const chatRoles = ["webpubsub.joinLeaveGroup", "webpubsub.sendToGroup"];

let js;
let cli;
const fromJs = () => cli.events.filter((e) => e.event === "group-message" && e.group === "room" && e.fromUserId === "js-user");

before(async () => {
  await fx.start("clichat");
  js = await fx.client({ userId: "js-user", roles: chatRoles });
  await js.client.joinGroup("room");
  const { url } = await fx.serviceClient.getClientAccessToken({ userId: "cli-user", roles: chatRoles });
  cli = fx.cli(["--url", url, "--log-level", "warning"]);
  const connected = await cli.waitEvent((e) => e.event === "connected", "hubbub-cli connected");
  assert.equal(connected.userId, "cli-user");
  assert.equal(connected.reconnect, false);
  const joined = await cli.command({ op: "join", group: "room" });
  assert.equal(joined.ok, true, JSON.stringify(joined));
});
after(async () => {
  await fx.close();
});

describe("hubbub-cli and the official JS client in one group", () => {
  test("JS → CLI: text and json", async () => {
    await js.client.sendToGroup("room", "hello from js", "text");
    await js.client.sendToGroup("room", { from: "js", list: [1, "two", null], ok: true }, "json");
    await waitFor(() => fromJs().length >= 2, "two messages at the CLI");
    const [text, json] = fromJs();
    assert.equal(text.dataType, "text");
    assert.equal(text.data, "hello from js");
    assert.equal(typeof text.sequenceId, "number", "the CLI uses the reliable protocol by default");
    assert.equal(json.dataType, "json");
    assert.deepEqual(json.data, { from: "js", list: [1, "two", null], ok: true });
  });

  test("JS → CLI: binary arrives base64-encoded", async () => {
    await js.client.sendToGroup("room", Uint8Array.from([0xde, 0xad, 0xbe, 0xef]).buffer, "binary");
    const msg = await waitFor(() => fromJs().find((e) => e.dataType === "binary"), "binary at the CLI");
    assert.equal(msg.data, Buffer.from([0xde, 0xad, 0xbe, 0xef]).toString("base64"));
  });

  test("CLI → JS: text, json and binary", async () => {
    const r1 = await cli.command({ op: "send", group: "room", dataType: "text", data: "hello from cli" });
    const r2 = await cli.command({ op: "send", group: "room", dataType: "json", data: { from: "cli", n: 7 } });
    const r3 = await cli.command({ op: "send", group: "room", dataType: "binary", data: Buffer.from("bin!").toString("base64") });
    for (const r of [r1, r2, r3]) assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r1.op, "send");
    const atJs = () => js.log.group.filter((m) => m.group === "room" && m.fromUserId === "cli-user");
    await waitFor(() => atJs().length >= 3, "three CLI messages at the JS client");
    const [text, json, binary] = atJs();
    assert.equal(text.dataType, "text");
    assert.equal(text.data, "hello from cli");
    assert.equal(json.dataType, "json");
    assert.deepEqual(json.data, { from: "cli", n: 7 });
    assert.equal(binary.dataType, "binary");
    assert.equal(bytesOf(binary.data).toString("utf8"), "bin!");
  });

  test("CLI noEcho: the JS client gets it, the CLI does not", async () => {
    const r = await cli.command({ op: "send", group: "room", dataType: "text", data: "cli quiet", noEcho: true });
    assert.equal(r.ok, true, JSON.stringify(r));
    await cli.command({ op: "send", group: "room", dataType: "text", data: "cli fence" });
    await waitFor(() => js.log.group.some((m) => m.data === "cli fence"), "the fence at the JS client");
    await cli.waitEvent((e) => e.event === "group-message" && e.data === "cli fence", "the CLI's own fence");
    assert.ok(js.log.group.some((m) => m.data === "cli quiet"));
    assert.ok(!cli.events.some((e) => e.event === "group-message" && e.data === "cli quiet"));
  });

  test("the CLI gets server messages sent over REST by the official server SDK", async () => {
    await fx.serviceClient.sendToUser("cli-user", { notice: "from the app server" });
    const msg = await cli.waitEvent((e) => e.event === "server-message" && e.data?.notice, "a server message at the CLI");
    assert.equal(msg.dataType, "json");
    assert.deepEqual(msg.data, { notice: "from the app server" });
  });

  test("a CLI send with a caller-chosen ackId, repeated, is a Duplicate and delivered once", async () => {
    const first = await cli.command({ op: "send", group: "room", dataType: "text", data: "dup?", ackId: 777 });
    const again = await cli.command({ op: "send", group: "room", dataType: "text", data: "dup?", ackId: 777 });
    assert.equal(first.ok, true);
    assert.equal(first.ackId, 777);
    assert.equal(again.ok, true, "Duplicate is not a failure");
    assert.equal(again.duplicated, true);
    await cli.command({ op: "send", group: "room", dataType: "text", data: "dup fence" });
    await waitFor(() => js.log.group.some((m) => m.data === "dup fence"), "the fence at the JS client");
    assert.equal(js.log.group.filter((m) => m.data === "dup?").length, 1);
  });

  test("the CLI recovers after a drop and the JS client's messages sent meanwhile arrive", async () => {
    const dropped = await cli.command({ op: "drop" });
    assert.equal(dropped.ok, true);
    for (let n = 0; n < 10; n++) await js.client.sendToGroup("room", { during: n }, "json");
    await cli.waitEvent((e) => e.event === "recovered", "the CLI recovered");
    await waitFor(() => fromJs().filter((e) => typeof e.data?.during === "number").length >= 10, "ten messages at the CLI");
    assert.deepEqual(
      fromJs().filter((e) => typeof e.data?.during === "number").map((e) => e.data.during),
      [...Array(10).keys()],
    );
    assert.equal(cli.events.filter((e) => e.event === "connected").length, 1, "recovered, not reconnected");
  });

  test("a bad command gets BadCommand and the CLI goes on", async () => {
    const r = await cli.command({ op: "no-such-op" });
    assert.equal(r.ok, false);
    assert.equal(r.error?.name, "BadCommand");
    const state = cli.send({ op: "state" });
    const s = await cli.waitEvent((e) => e.event === "state" && e.state, `state answer to ${state}`);
    assert.equal(s.state, "Connected");
    assert.deepEqual(s.groups, ["room"]);
  });

  test("when standard input ends the CLI prints stopped and exits 0", async () => {
    cli.endInput();
    await cli.waitEvent((e) => e.event === "stopped", "stopped");
    const exit = await cli.waitExit();
    assert.equal(exit.code, 0);
  });
});
