// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// The official client's reliable-protocol recovery against hubbub-service: after a lost link it
// reconnects with awps_connection_id/awps_reconnection_token and must get every message sent
// meanwhile exactly once and in order, keep its connection id and groups, and fire no
// `disconnected`. When recovery is impossible it opens a new connection and rejoins its groups.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { Fixture, TcpProxy, abortTransport, connectionIdOf, loadSdks, sleep, waitFor } from "./helpers.mjs";

const sdk = await loadSdks();
const fx = new Fixture(sdk);
const chatRoles = ["webpubsub.joinLeaveGroup", "webpubsub.sendToGroup"];
let proxy;

before(async () => {
  await fx.start("recovery");
  proxy = await new TcpProxy(Number(new URL(fx.service.endpoint).port)).listen();
});
after(async () => {
  await fx.close();
  await proxy?.close();
});

const tagged = (log, prefix, kind = "group") =>
  log[kind].filter((m) => typeof m.data?.tag === "string" && m.data.tag.startsWith(prefix)).map((m) => m.data.n);
const range = (n) => [...Array(n).keys()];

describe("recovery of the official client", () => {
  test("aborting the client's socket: recovered, same connection, nothing lost or duplicated", async () => {
    const alice = await fx.client({ userId: "alice", roles: chatRoles });
    const bob = await fx.client({ userId: "bob", roles: chatRoles });
    await alice.client.joinGroup("r1");
    await bob.client.joinGroup("r1");
    const before = connectionIdOf(alice.log);

    for (let n = 0; n < 5; n++) await bob.client.sendToGroup("r1", { tag: "a-", n }, "json");
    await waitFor(() => tagged(alice.log, "a-").length === 5, "the first five messages");
    abortTransport(alice.client);
    for (let n = 5; n < 30; n++) await bob.client.sendToGroup("r1", { tag: "a-", n }, "json");

    await waitFor(() => tagged(alice.log, "a-").length >= 30, "all thirty messages after recovery");
    await sleep(300); // a late duplicate would show up here
    assert.deepEqual(tagged(alice.log, "a-"), range(30));
    assert.equal(alice.log.disconnected.length, 0, "recovery is silent");
    assert.equal(alice.log.connected.length, 1, "no new connection");
    assert.equal(await fx.serviceClient.connectionExists(before), true);

    // Still a member of r1 and able to send on the recovered connection.
    await alice.client.sendToGroup("r1", { tag: "b-", n: 0 }, "json");
    await waitFor(() => tagged(bob.log, "b-").length === 1, "alice's message after recovery");
    alice.client.stop();
    bob.client.stop();
  });

  test("a network outage with refused reconnects: messages and sends queued meanwhile all arrive once, in order", async () => {
    const alice = await fx.client(
      { userId: "alice2", roles: chatRoles },
      // Sends issued during the outage are retried (same ackId) until the link is back.
      { messageRetryOptions: { maxRetries: 10, retryDelayInMs: 1000 } },
      { via: proxy },
    );
    const bob = await fx.client({ userId: "bob2", roles: chatRoles });
    await alice.client.joinGroup("r2");
    await bob.client.joinGroup("r2");
    const cid = connectionIdOf(alice.log);

    proxy.refuseFor(3000);
    proxy.cut();
    const aliceSends = [];
    for (let n = 0; n < 20; n++) {
      await bob.client.sendToGroup("r2", { tag: "g-", n }, "json");
      await fx.serviceClient.sendToConnection(cid, { tag: "s-", n });
      if (n % 5 === 0) aliceSends.push(alice.client.sendToGroup("r2", { tag: "from-alice-", n }, "json"));
    }
    await Promise.all(aliceSends);

    await waitFor(() => tagged(alice.log, "g-").length >= 20 && tagged(alice.log, "s-", "server").length >= 20, "every message after the outage", 40000);
    await waitFor(() => tagged(bob.log, "from-alice-").length >= 4, "alice's queued sends at bob");
    await sleep(300);
    assert.deepEqual(tagged(alice.log, "g-"), range(20));
    assert.deepEqual(tagged(alice.log, "s-", "server"), range(20));
    // Each retried send is delivered once; the SDK retries them on independent timers, so their
    // relative order is not something it promises.
    assert.deepEqual(tagged(bob.log, "from-alice-").sort((a, b) => a - b), [0, 5, 10, 15]);
    assert.ok(proxy.refused > 0, "the outage refused at least one reconnect attempt");
    assert.equal(alice.log.disconnected.length, 0);
    assert.equal(alice.log.connected.length, 1);
    assert.equal(connectionIdOf(alice.log), cid);
    alice.client.stop();
    bob.client.stop();
  });

  test("when the service refuses recovery (connection closed over REST) the client reconnects and rejoins", async () => {
    const carol = await fx.client({ userId: "carol", roles: chatRoles });
    await carol.client.joinGroup("r3");
    const first = connectionIdOf(carol.log);
    await fx.serviceClient.closeConnection(first, { reason: "make way" });

    await waitFor(() => carol.log.connected.length === 2, "a new connection");
    const second = connectionIdOf(carol.log);
    assert.notEqual(second, first);
    assert.equal(carol.log.disconnected.length, 1);
    assert.equal(carol.log.rejoinFailed.length, 0);
    // The SDK rejoins r3 before announcing the new connection.
    await fx.serviceClient.group("r3").sendToAll({ tag: "after-", n: 0 });
    await waitFor(() => tagged(carol.log, "after-").length === 1, "a group message on the new connection");
    carol.client.stop();
  });
});
