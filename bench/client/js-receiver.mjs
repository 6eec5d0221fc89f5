// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The official @azure/web-pubsub-client as a benchmark receiver: `node js-receiver.mjs URL N`.
// Counts group messages; at N prints `done N <VmHWM kB> <CPU ms>` and keeps running (so that its sequenceAck
// goes out) until bench-client-throughput ends it.
//
// The SDK is resolved from NODE_PATH's first entry if set, else from tests/interop/node_modules
// (ES modules ignore NODE_PATH, hence createRequire).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [url, countText] = process.argv.slice(2);
const expected = Number(countText);
if (!url || !Number.isInteger(expected) || expected <= 0) {
  console.error("usage: node js-receiver.mjs URL N");
  process.exit(2);
}

const here = dirname(fileURLToPath(import.meta.url));
const modules = (process.env.NODE_PATH || "").split(":").filter(Boolean)[0]
  ?? join(here, "..", "..", "tests", "interop", "node_modules");
const require = createRequire(join(modules, "..", "resolver.js"));
const { WebPubSubClient } = require("@azure/web-pubsub-client");

function peakRssKb() {
  const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return match ? Number(match[1]) : -1;
}

let received = 0;
const client = new WebPubSubClient(url, { autoReconnect: false });
client.on("group-message", () => {
  received += 1;
  if (received === expected) {
    const cpu = process.cpuUsage();
    process.stdout.write(`done ${received} ${peakRssKb()} ${Math.round((cpu.user + cpu.system) / 1000)}\n`);
  }
});
client.on("stopped", () => process.exit(0));
await client.start();
