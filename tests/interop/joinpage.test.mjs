// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//
// The guest page (`hubbub-service --join-page`, service.md) in a real browser: headless Chromium
// from Debian driven by puppeteer-core, found by the accessible names the contract gives ("Your
// name", "Join", "Message", "Send"). A hubbub-cli sits in the same room as the speaker's side.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, test } from "node:test";

import { Fixture, TcpProxy, loadSdks, sleep, waitFor, watchProblems } from "./helpers.mjs";

const sdk = await loadSdks();
const { default: puppeteer } = await import("puppeteer-core");
const chromium = process.env.HUBBUB_CHROMIUM || "/usr/bin/chromium";
if (!existsSync(chromium)) throw new Error(`${chromium} not found: run scripts/setup.sh (Debian package chromium)`);

const INVITE = "joinpage-test-invite-0123456789";
const HUB = "hubbub";
const ROOM = "lobby";
const fx = new Fixture(sdk);
let browser;
let joinUrl;
let cli;

const fromGuest = (name) =>
  cli.events.filter((e) => e.event === "group-message" && e.group === ROOM && e.fromUserId === `guest:${name}`);

async function openPage(context = browser.defaultBrowserContext(), url = joinUrl) {
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const problems = watchProblems(page);
  await page.goto(url, { waitUntil: "load" });
  return { page, problems };
}

async function join(page, name) {
  await page.locator("::-p-aria(Your name)").fill(name);
  await page.locator('::-p-aria(Join[role="button"])').click();
}

before(async () => {
  await fx.start(HUB, ["--join-page", "--invite", INVITE]);
  joinUrl = fx.service.ready.joinUrl;
  assert.ok(joinUrl, `the ready line has joinUrl: ${JSON.stringify(fx.service.ready)}`);
  assert.equal(fx.service.ready.invite, INVITE);
  const { url } = await fx.serviceClient.getClientAccessToken({
    userId: "speaker",
    roles: ["webpubsub.joinLeaveGroup", "webpubsub.sendToGroup"],
  });
  cli = fx.cli(["--url", url, "--log-level", "warning"]);
  await cli.waitEvent((e) => e.event === "connected", "hubbub-cli connected");
  assert.equal((await cli.command({ op: "join", group: ROOM })).ok, true);
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // CI runs as root, where Chromium's sandbox cannot start.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
});
after(async () => {
  if (browser) await browser.close();
  await fx.close();
});

describe("the guest page", () => {
  test("is served only with the invite, self-contained and locked down", async () => {
    const base = new URL(joinUrl);
    const wrong = new URL(joinUrl);
    wrong.searchParams.set("invite", "not-the-invite-at-all");
    assert.equal((await fetch(wrong)).status, 403, "a wrong invite");
    assert.equal((await fetch(`${base.origin}/join`)).status, 403, "no invite");
    const ok = await fetch(joinUrl);
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get("content-type"), /^text\/html/);
    const csp = ok.headers.get("content-security-policy");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-/);
    assert.equal(ok.headers.get("referrer-policy"), "no-referrer", "the URL holds the invite");
    const html = await ok.text();
    assert.ok(html.length < 100 * 1024, `under 100 KB (${html.length} bytes)`);
    assert.doesNotMatch(html, /(src|href)\s*=\s*["']?(https?:)?\/\//i, "no external resources");
    for (const link of html.match(/<link\b[^>]*>/gi) ?? []) assert.match(link, /href="data:/, `only inline links: ${link}`);
    assert.doesNotMatch(html, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, "text only, never markup");
  });

  test("a guest joins by name, sends, and reads the room as plain text", async () => {
    const { page, problems } = await openPage();
    // The message field appears only once the guest has joined.
    assert.equal(await page.$eval("#room", (e) => e.hidden), true);
    await join(page, "Ada");
    const message = page.locator("::-p-aria(Message)");
    await message.fill("hello from the phone");
    await page.locator('::-p-aria(Send[role="button"])').click();
    const got = await cli.waitEvent(
      (e) => e.event === "group-message" && e.fromUserId === "guest:Ada" && e.data?.kind === "message",
      "the guest's message at hubbub-cli",
      20000,
    );
    assert.equal(got.group, ROOM);
    assert.equal(got.dataType, "json");
    assert.equal(got.data.kind, "message", "the app's envelope (docs/message-envelope.md)");
    assert.equal(got.data.text, "hello from the phone");
    assert.match(got.data.id, /^[0-9a-f-]{36}$/);
    assert.ok(
      fromGuest("Ada").some((e) => e.data?.kind === "presence" && e.data.state === "online"),
      "the guest says it is here, as the app does",
    );

    // The speaker's side: markup arrives as text, a plain text message too, presence shows them.
    const markup = '<img src=x onerror="window.pwned=1"><b>bold</b> & <script>window.pwned=2</script>';
    const sent = await cli.command({
      op: "send", group: ROOM, dataType: "json",
      data: { kind: "message", id: "7f0c3a52-0000-4000-8000-000000000001", text: markup, sender: "<i>x</i>", ts: new Date().toISOString() },
    });
    assert.equal(sent.ok, true, JSON.stringify(sent));
    assert.equal((await cli.command({ op: "send", group: ROOM, dataType: "text", data: "plain from the cli" })).ok, true);
    await cli.command({
      op: "send", group: ROOM, dataType: "json",
      data: { kind: "presence", instance: "cli-1", sender: "Speaker", state: "online", ts: new Date().toISOString() },
    });
    await page.waitForFunction(
      (want) => [...document.querySelectorAll("#messages .body")].some((b) => b.textContent === want),
      { timeout: 20000 },
      markup,
    );
    await page.waitForFunction(
      () => [...document.querySelectorAll("#messages .body")].some((b) => b.textContent === "plain from the cli"),
      { timeout: 20000 },
    );
    assert.equal(await page.evaluate(() => document.querySelector("#messages img, #messages b, #messages script")), null);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    const names = await page.$$eval("#messages .name", (els) => els.map((e) => e.textContent));
    assert.ok(names.includes("speaker"), `named by the service's fromUserId, not the payload: ${names}`);
    assert.ok(!names.includes("<i>x</i>"));
    await page.waitForFunction(() => document.querySelector("#people-count").textContent === "2 people here", {
      timeout: 20000,
    });
    assert.deepEqual(problems, [], "no script errors (CSP violations included)");
    await page.close();
  });

  test("an announcement sent through the REST API shows on the page", async () => {
    const { page, problems } = await openPage();
    await join(page, "Cleo");
    await page.locator("::-p-aria(Message)").wait();
    // What the app's Present mode sends (Service::announce): a server message to the whole hub.
    await fx.serviceClient.sendToAll("Doors close in 5 minutes", { contentType: "text/plain" });
    await page.waitForFunction(
      () => [...document.querySelectorAll("#messages li.announcement")].some(
        (li) => li.textContent === "Announcement: Doors close in 5 minutes"),
      { timeout: 20000 },
    );
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a name held by another device is refused with a suggestion", async () => {
    const context = await browser.createBrowserContext(); // its own storage: another device key
    const { page } = await openPage(context);
    await join(page, "ada"); // names compare case-insensitively
    const alert = await page.waitForFunction(
      () => document.querySelector("#join-problem").textContent,
      { timeout: 20000 },
    );
    const text = await alert.jsonValue();
    assert.match(text, /taken/);
    assert.match(text, /such as “ada \d+”/);
    assert.equal(await page.$eval("#room", (e) => e.hidden), true, "no message field without a join");
    // The suggestion works.
    await page.locator('::-p-aria(Join[role="button"])').click();
    await page.locator("::-p-aria(Message)").wait();
    await context.close();
  });

  test("a phone that loses its link for a moment recovers without a gap", async () => {
    // The page is opened through a proxy, as a phone reaches the laptop; cutting the proxy's
    // sockets is the Wi-Fi dropping (a reset, no close frame).
    const proxy = await new TcpProxy(Number(new URL(joinUrl).port)).listen();
    try {
      const context = await browser.createBrowserContext();
      const { page } = await openPage(context, proxy.route(joinUrl));
      await join(page, "Grace");
      await page.locator("::-p-aria(Message)").wait();
      await waitFor(() => fromGuest("Grace").some((e) => e.data?.kind === "presence"), "Grace is here");
      proxy.refuseFor(1500);
      proxy.cut();
      for (let i = 0; i < 5; i++)
        assert.equal((await cli.command({ op: "send", group: ROOM, dataType: "text", data: `during the drop ${i}` })).ok, true);
      await page.locator("::-p-aria(Message)").fill("after the drop");
      await page.locator('::-p-aria(Send[role="button"])').click();
      await waitFor(() => fromGuest("Grace").some((e) => e.data?.text === "after the drop"), "the guest's message after the drop", 30000);
      await page.waitForFunction(
        () => [...document.querySelectorAll("#messages .body")].filter((b) => b.textContent.startsWith("during the drop")).length === 5,
        { timeout: 30000 },
      );
      await sleep(500); // a late duplicate would show up now
      const bodies = await page.$$eval("#messages .body", (els) => els.map((e) => e.textContent));
      for (let i = 0; i < 5; i++) assert.equal(bodies.filter((b) => b === `during the drop ${i}`).length, 1, `message ${i} once`);
      const notices = await page.$$eval("#messages .notice-row", (els) => els.map((e) => e.textContent));
      assert.deepEqual(notices, [], "recovered: no gap to report");
      assert.ok(proxy.accepted >= 3, `the page connected again through the proxy (${proxy.accepted} connections)`);
      await context.close();
    } finally {
      await proxy.close();
    }
  });

  test("the same device rejoins under its name after a reload", async () => {
    const { page } = await openPage();
    await join(page, "Ada");
    await page.locator("::-p-aria(Message)").fill("back again");
    await page.locator('::-p-aria(Send[role="button"])').click();
    await waitFor(() => fromGuest("Ada").some((e) => e.data?.text === "back again"), "the rejoined guest's message", 20000);
    await page.close();
  });
});
