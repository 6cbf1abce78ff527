// Firefox ESR (Debian's /usr/bin/firefox-esr) for the cross-engine tests, driven by puppeteer-core
// over WebDriver BiDi (no geckodriver, nothing downloaded). Python (devtools/engines/firefox.py) starts
// this script and speaks JSON lines: one request {id, op, args} a line on stdin, one answer
// {id, ok, value} or {id, ok: false, error} a line on stdout. Each test gets a fresh user context
// (BiDi's equivalent of an incognito profile): "newContext" closes the previous one.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const FIREFOX = process.env.FIREFOX_BIN || "/usr/bin/firefox-esr";
const profile = mkdtempSync(join(tmpdir(), "engines-firefox-"));

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: FIREFOX,
  headless: true,
  userDataDir: profile,
  extraPrefsFirefox: {
    // The clipboard API for pages, as the site's copy buttons use it (readText for the checks).
    "dom.events.asyncClipboard.readText": true,
    "dom.events.testing.asyncClipboard": true,
    "browser.shell.checkDefaultBrowser": false,
  },
});

let context = null;
let page = null;
let dialogs = [];
let dialogAction = "accept";

async function newContext({ initScript }) {
  if (context) await context.close();
  context = await browser.createBrowserContext();
  page = await context.newPage();
  dialogs = [];
  page.on("dialog", async (dialog) => {
    dialogs.push({ type: dialog.type(), message: dialog.message() });
    if (dialogAction === "accept") await dialog.accept();
    else await dialog.dismiss();
  });
  if (initScript) await page.evaluateOnNewDocument(initScript);
  return true;
}

// The function's source, called with JSON arguments, as an expression evaluated by BiDi (which,
// unlike the page's own eval, the page's Content Security Policy does not block).
const call = (source, args = []) => page.evaluate(`(${source})(...${JSON.stringify(args)})`);

const ops = {
  version: async () => browser.version(),
  newContext,
  goto: async ({ url }) => {
    await page.goto(url, { waitUntil: "load" });
    return page.url();
  },
  url: async () => page.url(),
  viewport: async ({ width, height }) => {
    await page.setViewport({ width, height });
    return true;
  },
  click: async ({ selector }) => {
    const el = await page.waitForSelector(selector, { visible: true, timeout: 20_000 });
    // Puppeteer over BiDi misses elements below the fold or in the theme's scrolled sidebar
    // ("not clickable", or a click that lands elsewhere): bring the element to the middle of the
    // window first, as a reader scrolls to what they click.
    await el.evaluate((e) => e.scrollIntoView({ block: "center" }));
    try {
      await el.click();
    } catch (error) {
      // Still no clickable point (a link of the theme's sidebar, in a nested list that clips
      // it): the element's own click(), an untrusted click event the page handles the same way.
      if (!/not clickable/.test(String(error))) throw error;
      process.stderr.write(`firefox: DOM click() for ${selector}: ${error.message}\n`);
      await el.evaluate((e) => e.click());
    }
    return true;
  },
  type: async ({ selector, text }) => {
    const el = await page.waitForSelector(selector, { visible: true, timeout: 20_000 });
    await el.type(text);
    return true;
  },
  press: async ({ key }) => {
    await page.keyboard.press(key);
    return true;
  },
  evaluate: async ({ source, args }) => call(source, args),
  waitFor: async ({ source, args, timeout }) => {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await call(source, args);
        if (last) return last;
      } catch (error) {
        // A navigation in progress destroys the execution context: try again.
        last = String(error);
      }
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms: ${source} (last: ${last})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  },
  setFiles: async ({ selector, paths }) => {
    const el = await page.waitForSelector(selector, { timeout: 20_000 });
    await el.uploadFile(...paths);
    return true;
  },
  dialogs: async ({ action }) => {
    if (action) dialogAction = action;
    const seen = dialogs;
    dialogs = [];
    return seen;
  },
  close: async () => {
    if (context) await context.close();
    context = null;
    return true;
  },
};

const lines = createInterface({ input: process.stdin });
const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
// The browser's pid too: puppeteer starts it in a process group of its own, which Python kills
// should this driver die first.
send({ id: 0, ok: true, value: { version: await browser.version(), pid: browser.process()?.pid ?? null } });
for await (const line of lines) {
  if (!line.trim()) continue;
  const { id, op, args } = JSON.parse(line);
  try {
    if (op === "quit") break;
    const value = await ops[op](args || {});
    send({ id, ok: true, value: value === undefined ? null : value });
  } catch (error) {
    send({ id, ok: false, error: String(error?.stack || error) });
  }
}
await browser.close();
rmSync(profile, { recursive: true, force: true });
