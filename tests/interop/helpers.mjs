// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// Shared plumbing of the interop tests: loads the official SDKs (failing loudly when they were
// never installed), runs a real hubbub-service on a free port, spawns hubbub-cli, and waits for
// asynchronous outcomes without fixed sleeps, so the tests hold on a slow shared CI machine.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

// A key the tests sign with; the service requires at least 32 characters.
export const ACCESS_KEY = "hubbub-interop-access-key-0123456789abcdef";

// Generous: ctest runs two jobs at once on a two-core machine shared with builds.
export const TIMEOUT_MS = Number(process.env.HUBBUB_INTEROP_TIMEOUT_MS ?? 15000);

function requireEnvExecutable(name) {
  const path = process.env[name];
  if (!path) {
    throw new Error(`${name} is not set: run these tests through ctest (tests/interop/CMakeLists.txt sets it)`);
  }
  if (!existsSync(path)) {
    throw new Error(`${name}=${path} does not exist: build it first`);
  }
  return path;
}

// The SDKs are loaded dynamically so that a missing install is a clear failure instead of a
// module-resolution stack trace, and never a silent skip.
export async function loadSdks() {
  for (const pkg of ["@azure/web-pubsub-client", "@azure/web-pubsub", "ws"]) {
    if (!existsSync(join(here, "node_modules", ...pkg.split("/"), "package.json"))) {
      throw new Error(
        `tests/interop/node_modules lacks ${pkg}: run scripts/setup.sh (it runs "npm ci" in tests/interop)`,
      );
    }
  }
  const client = await import("@azure/web-pubsub-client");
  const server = await import("@azure/web-pubsub");
  const ws = await import("ws");
  return { ...client, ...server, WebSocket: ws.WebSocket ?? ws.default };
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Polls \a predicate until it returns a truthy value (which is returned) or the time runs out.
export async function waitFor(predicate, what, timeoutMs = TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

// Resolves with the outcome of \a promise, or rejects after \a timeoutMs naming \a what.
//! The page's script errors (CSP violations included) as they happen, for a final assertion.
export function watchProblems(page) {
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  return problems;
}

export function within(promise, what, timeoutMs = TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Reads one JSON object per line from a child's stdout and keeps them all for waitFor().
class JsonLines {
  constructor(stream, label) {
    this.items = [];
    this.garbage = [];
    this.label = label;
    createInterface({ input: stream }).on("line", (line) => {
      if (!line.trim()) return;
      try {
        this.items.push(JSON.parse(line));
      } catch {
        this.garbage.push(line);
      }
    });
  }
}

function collectText(stream, limit = 64 * 1024) {
  const box = { text: "" };
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    box.text = (box.text + chunk).slice(-limit);
  });
  return box;
}

function waitExit(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
    }, timeoutMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

// A running hubbub-service: `endpoint`, `connectionString`, `stop()`.
export async function startService(extraArgs = []) {
  const exe = requireEnvExecutable("HUBBUB_SERVICE");
  const child = spawn(exe, ["--port", "0", "--access-key", ACCESS_KEY, "--log-level", "warning", ...extraArgs], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr = collectText(child.stderr);
  const lines = new JsonLines(child.stdout, "service");
  let exited = null;
  child.once("exit", (code, signal) => {
    exited = { code, signal };
  });
  const ready = await waitFor(
    () => {
      if (exited) {
        throw new Error(`hubbub-service exited (${JSON.stringify(exited)}) before its ready line: ${stderr.text}`);
      }
      return lines.items.find((l) => l.event === "ready");
    },
    "the hubbub-service ready line",
    TIMEOUT_MS,
  );
  return {
    endpoint: ready.endpoint,
    connectionString: ready.connectionString,
    ready,
    process: child,
    stderr,
    get exited() {
      return exited;
    },
    async stop() {
      if (!exited) child.kill("SIGTERM");
      return waitExit(child, 5000);
    },
  };
}

// A spawned hubbub-cli: `events` (parsed stdout lines), `send(command)`, `waitEvent(pred)`,
// `endInput()`, `stop()`.
export function startCli(args) {
  const exe = requireEnvExecutable("HUBBUB_CLI");
  const child = spawn(exe, args, { stdio: ["pipe", "pipe", "pipe"] });
  const stderr = collectText(child.stderr);
  const lines = new JsonLines(child.stdout, "cli");
  let exited = null;
  child.once("exit", (code, signal) => {
    exited = { code, signal };
  });
  let nextId = 1;
  return {
    process: child,
    stderr,
    events: lines.items,
    garbage: lines.garbage,
    get exited() {
      return exited;
    },
    // Writes \a command with a fresh `id` and returns that id.
    send(command) {
      const id = command.id ?? `c${nextId++}`;
      child.stdin.write(JSON.stringify({ ...command, id }) + "\n");
      return id;
    },
    async waitEvent(predicate, what, timeoutMs = TIMEOUT_MS) {
      return waitFor(
        () => {
          const hit = lines.items.find(predicate);
          if (hit) return hit;
          if (exited) {
            throw new Error(`hubbub-cli exited (${JSON.stringify(exited)}) while waiting for ${what}: ${stderr.text}`);
          }
          return undefined;
        },
        what,
        timeoutMs,
      );
    },
    // Sends \a command and waits for its `result` event.
    async command(command, timeoutMs = TIMEOUT_MS) {
      const id = this.send(command);
      return this.waitEvent((e) => e.event === "result" && e.id === id, `result of ${JSON.stringify(command)}`, timeoutMs);
    },
    endInput() {
      child.stdin.end();
    },
    waitExit(timeoutMs = TIMEOUT_MS) {
      return waitExit(child, timeoutMs);
    },
    async stop() {
      if (!exited) child.kill("SIGTERM");
      return waitExit(child, 5000);
    },
  };
}

// Records what an official WebPubSubClient receives and emits.
export function record(client) {
  const log = { group: [], server: [], connected: [], disconnected: [], stopped: 0, rejoinFailed: [] };
  client.on("group-message", (e) => log.group.push(e.message));
  client.on("server-message", (e) => log.server.push(e.message));
  client.on("connected", (e) => log.connected.push(e));
  client.on("disconnected", (e) => log.disconnected.push(e));
  client.on("stopped", () => log.stopped++);
  client.on("rejoin-group-failed", (e) => log.rejoinFailed.push(e));
  return log;
}

// The service speaks plain http on loopback; the SDK only allows that when told to, as it must be
// for the official emulator too.
export const SERVICE_CLIENT_OPTIONS = { allowInsecureConnection: true };

// The SDK's keep-alive loops sleep a full interval even after stop() (20 s ping, 40 s timeout
// check by default), which would keep node alive that long after the last test. Short ones let
// the file end promptly and exercise ping/pong against the service as a bonus.
export const CLIENT_DEFAULTS = { keepAliveIntervalInMs: 2000, keepAliveTimeoutInMs: 15000 };

// Owns everything a test file starts, so `after()` can tear it all down and node exits.
export class Fixture {
  constructor(sdk) {
    this.sdk = sdk;
    this.clients = [];
    this.sockets = [];
    this.clis = [];
    this.service = null;
    this.serviceClient = null;
  }

  async start(hub = "interop", extraArgs = []) {
    this.service = await startService(extraArgs);
    this.hub = hub;
    this.serviceClient = new this.sdk.WebPubSubServiceClient(this.service.connectionString, hub, SERVICE_CLIENT_OPTIONS);
    return this;
  }

  // An official client with a token minted by the official server SDK; started unless told not to.
  // \a via: a TcpProxy the client connects through.
  async client(tokenOptions = {}, clientOptions = {}, { start = true, hub, via } = {}) {
    const serviceClient = hub
      ? new this.sdk.WebPubSubServiceClient(this.service.connectionString, hub, SERVICE_CLIENT_OPTIONS)
      : this.serviceClient;
    const minted = await serviceClient.getClientAccessToken(tokenOptions);
    const url = via ? via.route(minted.url) : minted.url;
    const client = new this.sdk.WebPubSubClient(url, {
      ...CLIENT_DEFAULTS,
      messageRetryOptions: { maxRetries: 0 },
      ...clientOptions,
    });
    const log = record(client);
    this.clients.push(client);
    if (start) await within(client.start(), "client.start()");
    return { client, log, url };
  }

  cli(args) {
    const cli = startCli(args);
    this.clis.push(cli);
    return cli;
  }

  track(socket) {
    this.sockets.push(socket);
    return socket;
  }

  async close() {
    await Promise.all(this.clients.map((client) => stopOfficialClient(client)));
    for (const socket of this.sockets) {
      try {
        socket.terminate();
      } catch {
        // already closed
      }
    }
    for (const cli of this.clis) await cli.stop();
    if (this.service) {
      const exit = await this.service.stop();
      this.serviceExit = exit;
    }
  }
}

// stop() on the official client only works from Connected: while it is recovering or
// reconnecting the SDK's loops carry on (and would keep node alive), so wait for a state in which
// stopping takes. Reads the SDK's private `_state` for lack of a public one.
export async function stopOfficialClient(client, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (client._state !== "Stopped" && Date.now() < deadline) {
    if (client._state === "Connected") {
      try {
        client.stop();
      } catch {
        // stopping already
      }
    }
    await sleep(50);
  }
}

// The connection id an official client got (the SDK keeps it in a private field; the
// `connected` event carries it too, which is what tests prefer).
export function connectionIdOf(log) {
  const last = log.connected[log.connected.length - 1];
  return last?.connectionId;
}

// Aborts the TCP connection under an official client without a close handshake, as a lost
// network would. The SDK keeps its transport in `_wsClient` (a wrapper around a `ws` socket).
export function abortTransport(client) {
  const socket = client._wsClient?._socket;
  if (!socket) throw new Error("the SDK's internal socket was not found (SDK internals changed?)");
  socket.terminate();
}

// Decodes what an official client delivers for `binary` data (an ArrayBuffer) to a Buffer.
export function bytesOf(data) {
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  throw new Error(`not binary data: ${typeof data}`);
}

// A loopback TCP proxy in front of the service, so a test can cut a client's network (both
// directions, no close handshake) and refuse reconnects for a while, as a flaky Wi-Fi would.
export class TcpProxy {
  constructor(targetPort) {
    this.targetPort = targetPort;
    this.pairs = new Set();
    this.refuseUntil = 0;
    this.accepted = 0;
    this.refused = 0;
  }

  async listen() {
    const net = await import("node:net");
    this.server = net.createServer((inbound) => {
      if (Date.now() < this.refuseUntil) {
        this.refused++;
        inbound.resetAndDestroy();
        return;
      }
      this.accepted++;
      const outbound = net.connect(this.targetPort, "127.0.0.1");
      const pair = { inbound, outbound };
      this.pairs.add(pair);
      const drop = () => {
        this.pairs.delete(pair);
        inbound.destroy();
        outbound.destroy();
      };
      inbound.on("error", drop).on("close", drop);
      outbound.on("error", drop).on("close", drop);
      inbound.pipe(outbound);
      outbound.pipe(inbound);
    });
    await new Promise((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = this.server.address().port;
    return this;
  }

  // Rewrites a client URL (ws://127.0.0.1:<service>/…) to go through this proxy.
  route(url) {
    const u = new URL(url);
    u.port = String(this.port);
    return u.toString();
  }

  // Resets every proxied connection (RST on the client side).
  cut() {
    for (const { inbound, outbound } of this.pairs) {
      inbound.resetAndDestroy();
      outbound.destroy();
    }
    this.pairs.clear();
  }

  refuseFor(ms) {
    this.refuseUntil = Date.now() + ms;
  }

  close() {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
