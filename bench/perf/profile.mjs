// The mobile profile and one measured page load, shared by `run.mjs` (the performance budget)
// and `variants.mjs` (FCP of variants of one page).
import { execFileSync } from 'node:child_process';
import { BUILD_DAY } from './build.mjs';

// Lighthouse's mobile profile ("Slow 4G"): 150 ms RTT, 1.6 Mbps down, 750 kbps up, 4× CPU.
export const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A page's HTML without scripts, links or stylesheets: the same text as plain as it gets. */
export const plain = (html) => html
  .replace(/<script\b[\s\S]*?<\/script>/g, '')
  .replace(/<link\b[^>]*>/g, '')
  .replace(/<style\b[\s\S]*?<\/style>/g, '');

/**
 * Writes `.br` and `.gz` copies of the pages under `dir` with the site's own compressor
 * (`trustctl compress`), so that a page measured against the site's travels compressed as they
 * do. It compresses at brotli's best quality, the site's pages at the build's page quality, a
 * few per cent larger: if anything the pages compressed here arrive a little sooner.
 */
export function compressPages(trustctl, dir) {
  execFileSync(trustctl, ['compress', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const OBSERVE = () => {
  window.__perf = { fcp: null, lcp: 0, cls: 0, longTasks: [], hydrated: null };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.__perf.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__perf.lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__perf.cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__perf.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long task API: TBT reads 0 */ }
  // The init script may run before <html> exists: watch the document until it does.
  new MutationObserver((_, obs) => {
    if (document.documentElement?.hasAttribute('data-hydrated')) { window.__perf.hydrated = performance.now(); obs.disconnect(); }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });
};

/** What the renderer's main thread does before the first paint, as trace events name it. */
const PHASES = {
  parse: ['ParseHTML'], // the inline stylesheet is parsed within it
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize'],
  script: ['v8.compileModule', 'v8.evaluateModule', 'v8.compile', 'EvaluateScript', 'FunctionCall', 'TimerFire'],
};

/**
 * Milliseconds of (slowed) main-thread work per phase from the navigation to the first
 * contentful paint, out of a Chromium trace. Nested events of one phase are not double counted:
 * each phase's names do not nest within one another.
 */
function phasesBeforePaint(events) {
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  // The navigation that paint belongs to (the renderer also logs about:blank's and others).
  const id = fcp?.args?.data?.navigationId;
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.navigationId === id)?.ts;
  if (!fcp || start === undefined) return null;
  const out = Object.fromEntries(Object.keys(PHASES).map((k) => [k, 0]));
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== fcp.pid || e.tid !== fcp.tid || e.ts < start || e.ts > fcp.ts) continue;
    const phase = Object.keys(PHASES).find((k) => PHASES[k].includes(e.name));
    if (phase) out[phase] += e.dur / 1000;
  }
  return out;
}

/**
 * The pause before each load (SETTLE_MS, 1000). A load right after one of the site's pages
 * painted 20-30 ms later than one right after a plain page (`/certifications/`, 40 pairs in
 * alternating order), and not when two seconds apart; a visitor's first page has nothing
 * before it. Its cause was not found (bench/README.md, thirteenth pass).
 */
export const SETTLE_MS = Number(process.env.SETTLE_MS ?? 1000);

/**
 * One cold load of `url` on the mobile profile, in a fresh context, SETTLE_MS after the call;
 * with `app`, until the islands have hydrated and half a second more (late shifts and long
 * tasks), otherwise until the load event and the first paint. With `trace`, also the main
 * thread's work before the first paint by phase (`phases`), from a Chromium trace of the load.
 */
export async function load(browser, url, { app, trace = false }) {
  await new Promise((settled) => { setTimeout(settled, SETTLE_MS); });
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  // Read on the day the site was built, as a site rebuilt daily is: a later day would have the
  // app recount the objection window and its new words move the text below (a stale page's
  // shift, not hydration's).
  await page.clock.setFixedTime(new Date(`${BUILD_DAY}T12:00:00`));
  await page.addInitScript(OBSERVE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8'] });
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  await page.waitForFunction(() => window.__perf.fcp !== null, null, { timeout: 120000 });
  const phases = trace ? phasesBeforePaint(JSON.parse((await browser.stopTracing()).toString()).traceEvents) : null;
  if (app) {
    await page.waitForFunction(() => window.__perf.hydrated !== null, null, { timeout: 120000 });
    await page.waitForTimeout(500);
  }
  const p = await page.evaluate(() => window.__perf);
  await context.close();
  const end = p.hydrated ?? p.lcp;
  const tbt = p.longTasks.filter(([s]) => s >= (p.fcp ?? 0) && s <= end).reduce((t, [, d]) => t + Math.max(0, d - 50), 0);
  return { fcp: p.fcp, lcp: p.lcp, cls: p.cls, tbt, hydrated: p.hydrated, phases };
}
