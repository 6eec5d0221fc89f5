// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// A phone in the audience, for e2e.phonejoin: headless Chromium emulating a Pixel 5 (small
// viewport, touch, mobile user agent) opens the URL the presenter's QR code decoded to, joins by
// tapping, waits for the speaker's words, and answers. It runs as a child of the C++ test, which
// owns the app; the two talk in JSON lines: this script prints {"step": …} as it goes and exits 0
// only if everything a phone user needs held.
//
// usage: node phonejoin.mjs JOIN_URL NAME SPEAKER_TEXT REPLY_TEXT

import { existsSync } from "node:fs";

import { watchProblems } from "./helpers.mjs";

const [joinUrl, name, speakerText, replyText] = process.argv.slice(2);
const chromium = process.env.HUBBUB_CHROMIUM || "/usr/bin/chromium";
const say = (step, extra = {}) => process.stdout.write(JSON.stringify({ step, ...extra }) + "\n");
const fail = (why) => {
  say("failed", { why: String(why) });
  process.exit(1);
};
if (!replyText) fail("usage: node phonejoin.mjs JOIN_URL NAME SPEAKER_TEXT REPLY_TEXT");
if (!existsSync(chromium)) fail(`${chromium} not found: run scripts/setup.sh (Debian package chromium)`);

let puppeteer;
try {
  ({ default: puppeteer } = await import("puppeteer-core"));
} catch (e) {
  fail(`puppeteer-core is missing (run scripts/setup.sh): ${e}`);
}
const { KnownDevices } = await import("puppeteer-core");

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  // CI runs as root, where Chromium's sandbox cannot start.
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(30000);
  const problems = watchProblems(page);
  await page.emulate(KnownDevices["Pixel 5"]);
  const response = await page.goto(joinUrl, { waitUntil: "load" });
  if (!response || response.status() !== 200) fail(`the join page answered ${response && response.status()}`);

  // What a thumb needs: nothing wider than the screen, targets of at least 44 CSS pixels.
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    join: document.querySelector("#join").getBoundingClientRect().height,
    name: document.querySelector("#name").getBoundingClientRect().height,
  }));
  if (layout.scrollWidth > layout.innerWidth) fail(`the page scrolls sideways on a phone: ${JSON.stringify(layout)}`);
  if (layout.join < 44 || layout.name < 44) fail(`touch targets under 44 px: ${JSON.stringify(layout)}`);

  await page.tap("#name");
  await page.keyboard.type(name);
  await page.tap("#join");
  await page.locator("::-p-aria(Message)").wait();
  say("joined");

  await page.waitForFunction(
    (want) => [...document.querySelectorAll("#messages .body")].some((b) => b.textContent === want),
    { timeout: 30000 },
    speakerText,
  );
  say("read");

  await page.tap("#message");
  await page.keyboard.type(replyText);
  const send = await page.evaluate(() => document.querySelector("#send").getBoundingClientRect().height);
  if (send < 44) fail(`the Send button is ${send} px high`);
  await page.tap("#send");
  await page.waitForFunction(
    (want) => [...document.querySelectorAll("#messages li.own .body")].some((b) => b.textContent === want),
    { timeout: 30000 },
    replyText,
  );
  if (problems.length) fail(`script errors on the page: ${problems.join(" | ")}`);
  say("sent");
} catch (e) {
  fail(e);
} finally {
  await browser.close();
}
