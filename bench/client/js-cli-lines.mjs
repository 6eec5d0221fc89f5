// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The official @azure/web-pubsub-client behind hubbub-cli's line interface, for the CLI benchmark:
// `node js-cli-lines.mjs URL`. Prints one `group-message` line per message on stdout, exactly the
// line hubbub-cli prints (spec/cli.md: event, group, fromUserId, dataType, data, sequenceId), and
// runs until bench-client-throughput ends it.
//
// The SDK is resolved from NODE_PATH's first entry if set, else from tests/interop/node_modules
// (ES modules ignore NODE_PATH, hence createRequire).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [url] = process.argv.slice(2);
if (!url) {
  console.error("usage: node js-cli-lines.mjs URL");
  process.exit(2);
}

const here = dirname(fileURLToPath(import.meta.url));
const modules = (process.env.NODE_PATH || "").split(":").filter(Boolean)[0]
  ?? join(here, "..", "..", "tests", "interop", "node_modules");
const require = createRequire(join(modules, "..", "resolver.js"));
const { WebPubSubClient } = require("@azure/web-pubsub-client");

function wireData(dataType, data) {
  if (dataType === "binary" || dataType === "protobuf")
    return Buffer.from(data).toString("base64");
  return data;
}

const client = new WebPubSubClient(url, { autoReconnect: false });
client.on("group-message", (e) => {
  const m = e.message;
  process.stdout.write(JSON.stringify({
    event: "group-message",
    group: m.group,
    fromUserId: m.fromUserId ?? null,
    dataType: m.dataType,
    data: wireData(m.dataType, m.data),
    sequenceId: m.sequenceId ?? null,
  }) + "\n");
});
client.on("stopped", () => process.exit(0));
await client.start();
