// Drives Debian's Firefox ESR for tests/browsers/drivers.py: one JSON command per stdin line,
// one JSON answer per stdout line. puppeteer-core speaks WebDriver BiDi to Firefox itself, so
// no geckodriver is needed (FINDINGS.md, "Other browsers").
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
// Firefox's first start after its files have left the page cache pages in its 295 MB install at
// random from this machine's slow disk: 23 s once the cache was dropped (3.4 s warm), and past
// puppeteer's default 30 s in a CI run, where both first launches failed. So it gets 2 minutes.
const LAUNCH_TIMEOUT_MS = 120_000;
const browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true, timeout: LAUNCH_TIMEOUT_MS });
let page = null;
let consoleErrors = [];

async function newPage() {
  // A fresh profile-like context per page, as a first visit: no cache, no storage.
  const context = await browser.createBrowserContext();
  page = await context.newPage();
  consoleErrors = [];
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
}

const ops = {
  async goto({ url }) {
    if (page === null) await newPage();
    await page.goto(url);
  },
  reload: () => page.reload(),
  evaluate: ({ expression }) => page.evaluate(expression),
  waitFor: ({ expression, timeout }) => page.waitForFunction(expression, { timeout, polling: 250 }).then(() => null),
  async fill({ element, text }) {
    const handle = await page.evaluateHandle(element);
    await handle.asLocator().fill(text);
  },
  async click({ element }) {
    const handle = await page.evaluateHandle(element);
    await handle.click();
  },
  consoleErrors: () => consoleErrors,
};

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const { op, ...args } = JSON.parse(line);
  if (op === "close") break;
  try {
    const value = await ops[op](args);
    process.stdout.write(JSON.stringify({ ok: true, value: value ?? null }) + "\n");
  } catch (error) {
    process.stdout.write(JSON.stringify({ ok: false, error: String(error?.stack || error) }) + "\n");
  }
}
await browser.close();
