// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// Tokens minted by the official server SDK are what real app servers hand out, so hubbub-service
// must accept exactly those (roles, initial groups, userId) and refuse forged or expired ones
// before the WebSocket upgrade, as Azure does (HTTP 401).

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { ACCESS_KEY, CLIENT_DEFAULTS, Fixture, SERVICE_CLIENT_OPTIONS, loadSdks, waitFor, within } from "./helpers.mjs";

const sdk = await loadSdks();
const fx = new Fixture(sdk);

before(async () => {
  await fx.start("tokens");
});
after(async () => {
  await fx.close();
});

// The HTTP status of a raw WebSocket handshake (101 when it upgraded).
function handshakeStatus(url, protocol = "json.webpubsub.azure.v1") {
  return new Promise((resolve, reject) => {
    const socket = fx.track(new sdk.WebSocket(url, protocol));
    socket.once("unexpected-response", (_req, res) => {
      resolve(res.statusCode);
      res.resume();
      socket.terminate();
    });
    socket.once("open", () => {
      resolve(101);
      socket.terminate();
    });
    // `on`, not `once`: terminating a socket that is still connecting emits a second error.
    socket.on("error", (err) => reject(err));
  });
}

describe("tokens from WebPubSubServiceClient.getClientAccessToken", () => {
  test("a token with userId, roles and groups connects with that identity and joins those groups", async () => {
    const { client, log } = await fx.client({
      userId: "alice",
      roles: ["webpubsub.sendToGroup.lobby", "webpubsub.joinLeaveGroup.lobby"],
      groups: ["lobby"],
    });
    await waitFor(() => log.connected.length === 1, "connected event");
    assert.equal(log.connected[0].userId, "alice");
    assert.match(log.connected[0].connectionId, /\S+/);

    // The `webpubsub.group` claim put the connection into `lobby` without a joinGroup.
    assert.equal(await fx.serviceClient.groupExists("lobby"), true);
    await fx.serviceClient.group("lobby").sendToAll("to the lobby", { contentType: "text/plain" });
    const got = await waitFor(() => log.group.find((m) => m.data === "to the lobby"), "message sent to the initial group");
    assert.equal(got.group, "lobby");
    assert.equal(got.dataType, "text");

    // The group-scoped roles allow that group and nothing else.
    const ack = await client.sendToGroup("lobby", "hello", "text");
    assert.equal(typeof ack.ackId, "number");
    await assert.rejects(client.sendToGroup("elsewhere", "hi", "text"), (err) => {
      assert.equal(err.name, "SendMessageError");
      assert.equal(err.errorDetail?.name, "Forbidden");
      return true;
    });
    await assert.rejects(client.joinGroup("elsewhere"), (err) => err.errorDetail?.name === "Forbidden");
    await client.joinGroup("lobby");
    client.stop();
  });

  test("a token without userId is anonymous and without roles may not join or send to groups", async () => {
    const { client, log } = await fx.client({});
    await waitFor(() => log.connected.length === 1, "connected event");
    assert.ok(log.connected[0].userId == null, `anonymous userId, got ${log.connected[0].userId}`);
    await assert.rejects(client.joinGroup("g"), (err) => err.errorDetail?.name === "Forbidden");
    await assert.rejects(client.sendToGroup("g", { a: 1 }, "json"), (err) => err.errorDetail?.name === "Forbidden");
    client.stop();
  });

  test("broad roles allow any group", async () => {
    const { client } = await fx.client({ userId: "bob", roles: ["webpubsub.joinLeaveGroup", "webpubsub.sendToGroup"] });
    await client.joinGroup("any-1");
    await client.sendToGroup("any-2", "x", "text");
    await client.leaveGroup("any-1");
    client.stop();
  });

  test("the raw handshake with a valid token upgrades (101) on both subprotocols", async () => {
    const { url } = await fx.serviceClient.getClientAccessToken({ userId: "raw" });
    assert.equal(await handshakeStatus(url, "json.webpubsub.azure.v1"), 101);
    assert.equal(await handshakeStatus(url, "json.reliable.webpubsub.azure.v1"), 101);
  });
});

describe("tokens that must be refused", () => {
  test("a token signed with another key: the client's start() fails and the handshake is 401", async () => {
    const forger = new sdk.WebPubSubServiceClient(
      fx.service.connectionString.replace(ACCESS_KEY, "not-the-right-key-but-long-enough-0123456789"),
      fx.hub,
      SERVICE_CLIENT_OPTIONS,
    );
    const { url } = await forger.getClientAccessToken({ userId: "mallory", roles: ["webpubsub.sendToGroup"] });
    const client = new sdk.WebPubSubClient(url, { ...CLIENT_DEFAULTS, autoReconnect: false });
    fx.clients.push(client);
    await assert.rejects(within(client.start(), "start() with a forged token"));
    assert.equal(await handshakeStatus(url), 401);
  });

  test("an expired token: start() fails and the handshake is 401", async () => {
    // 10 minutes in the past: beyond any clock-skew allowance.
    const { url } = await fx.serviceClient.getClientAccessToken({ userId: "late", expirationTimeInMinutes: -10 });
    const client = new sdk.WebPubSubClient(url, { ...CLIENT_DEFAULTS, autoReconnect: false });
    fx.clients.push(client);
    await assert.rejects(within(client.start(), "start() with an expired token"));
    assert.equal(await handshakeStatus(url), 401);
  });

  test("a token for another hub is refused on this hub (audience check)", async () => {
    const other = new sdk.WebPubSubServiceClient(fx.service.connectionString, "otherhub", SERVICE_CLIENT_OPTIONS);
    const { token, baseUrl } = await other.getClientAccessToken({ userId: "wrong-hub" });
    const thisHubUrl = baseUrl.replace(/otherhub$/, fx.hub) + `?access_token=${token}`;
    assert.equal(await handshakeStatus(thisHubUrl), 401);
    // …and accepted on the hub it was minted for.
    assert.equal(await handshakeStatus(`${baseUrl}?access_token=${token}`), 101);
  });

  test("no token at all is refused", async () => {
    const { baseUrl } = await fx.serviceClient.getClientAccessToken({});
    assert.equal(await handshakeStatus(baseUrl), 401);
  });

  test("a tampered payload (signature no longer matches) is refused", async () => {
    const { token, baseUrl } = await fx.serviceClient.getClientAccessToken({ userId: "eve" });
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    claims.role = ["webpubsub.sendToGroup", "webpubsub.joinLeaveGroup"];
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
    assert.equal(await handshakeStatus(`${baseUrl}?access_token=${tampered}`), 401);
  });
});
