// Shared set-up for the end-to-end tests: the built site served by `trustctl serve` on a free
// loopback port, and a headless Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const SITE_DIR = process.env.SITE_DIR;
const TRUSTCTL = process.env.TRUSTCTL;
if (!SITE_DIR || !TRUSTCTL) {
  throw new Error('SITE_DIR and TRUSTCTL must be set; run the tests with `make test-e2e`');
}

/** Starts the static host on a free port; resolves to { origin, stop }. */
export async function startServer(dir = SITE_DIR) {
  const quiet = process.env.E2E_SERVER_LOG ? [] : ['--quiet'];
  const child = spawn(TRUSTCTL, ['serve', dir, '--addr', '127.0.0.1:0', ...quiet], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const origin = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`trustctl serve exited with ${code}: ${out}`)));
  });
  return {
    origin,
    async stop() {
      child.kill();
      await once(child, 'exit');
    },
  };
}

/** A browser context, remembering whether scripts run in it. */
export async function newContext(browser, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled });
  context.javaScriptEnabled = javaScriptEnabled;
  return context;
}

/** Launches Debian's Chromium headless, with nothing that reaches the internet. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Opens a page that records console errors, uncaught exceptions and failed requests, so a test
 * can assert the console stayed clean.
 */
export async function openPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => {
    // With JavaScript off, Chromium blocks the module preload and reports it as a failed
    // request; that is the browser honouring the setting, not a fault of the site.
    const blockedScript = !context.javaScriptEnabled && req.resourceType() === 'script';
    if (!blockedScript) problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  return { page, problems };
}

/**
 * Opens `url` in a fresh context, as a new visitor would, and waits for the app unless scripts
 * are off. `beforeLoad(page)` runs before navigation, to watch requests from the first one.
 * Resolves to { context, page, problems }; the caller closes the context.
 */
export async function visit(browser, url, { javaScriptEnabled = true, beforeLoad } = {}) {
  const context = await newContext(browser, { javaScriptEnabled });
  const { page, problems } = await openPage(context);
  await beforeLoad?.(page);
  await page.goto(url);
  if (javaScriptEnabled) await waitForApp(page);
  return { context, page, problems };
}

/**
 * Waits until the Wasm app has hydrated the page (it marks <html data-hydrated>).
 *
 * The app once sometimes never started on the first page of a fresh browser: the preview host
 * (tiny_http then) left a second keep-alive connection waiting behind the first. That host is
 * replaced; should a page still not start, it is reloaded once and the event reported loudly
 * on stderr ("KNOWN FLAKE"), so that a regression is seen without failing the run on a single
 * slow start. A second failure fails the test.
 */
export async function waitForApp(page) {
  const hydrated = () => page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 10000 });
  try {
    await hydrated();
  } catch {
    process.stderr.write(`KNOWN FLAKE: the app did not start on ${page.url()}; reloading once\n`);
    await page.reload();
    await hydrated();
  }
}

/**
 * Registers the suite's set-up and tear-down: one static host and one browser shared by the
 * tests of a file. Returns an object whose `server` and `browser` are set once the suite starts.
 */
export function useSite() {
  const site = {};
  before(async () => {
    site.server = await startServer();
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.stop();
  });
  return site;
}

/**
 * Renders every part of the page that waits until it nears the viewport (the stylesheet's
 * `content-visibility: auto`), as a reader scrolling through the page would: until then its text
 * is not in `innerText`. (pages.test.mjs checks that rendering them in place moves nothing.)
 */
export async function renderAll(page) {
  await page.evaluate(() => {
    for (const e of document.querySelectorAll('body *')) {
      if (getComputedStyle(e).contentVisibility === 'auto') e.style.contentVisibility = 'visible';
    }
  });
}
