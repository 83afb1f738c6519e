#!/usr/bin/env node
// FCP of variants of one built page on the mobile profile (`make bench-fcp-variants`): what a
// part of the page costs its first paint, by loading the page with that part taken out or
// changed. Each variant is written beside the page under /lab/<variant>/ with its brotli and
// gzip copies and served by `trustctl serve` with the site's headers; the variants are loaded in
// turn, RUNS (21) times each, so that a slow spell of the machine falls on all of them alike.
// Prints the median FCP of each and its spread, and with TRACE=1 the median main-thread time
// before the first paint by phase, from a Chromium trace of each load (tracing slows the loads
// a little; compare phases between variants, not their FCP with an untraced run). It writes
// nothing into the README (bench/README.md quotes the runs that informed the performance work).
// Environment: SITE_DIR (a built site, required), TRUSTCTL, CHROMIUM, ROUTE (/security/),
// RUNS (21), VARIANTS (comma-separated names below; all by default), TRACE, SETTLE_MS (1000).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { transform } from 'lightningcss';
import { PurgeCSS } from 'purgecss';
import { chromium } from 'playwright-core';
import { CHROMIUM, TRUSTCTL, serve } from '../common.mjs';
import { compressPages, load, median, plain } from './profile.mjs';

const STYLE = /<style\b([^>]*)>([\s\S]*?)<\/style>/;
/** The page with its inline stylesheet replaced by `f(css, html)`. */
const restyle = (f) => async (html) => {
  const [whole, attrs, css] = html.match(STYLE);
  const styled = await f(css, html.replace(whole, ''));
  return html.replace(whole, () => `<style${attrs}>${styled}</style>`);
};
// The build minifies the stylesheet already (lightningcss); this keeps PurgeCSS's output as small.
const minify = (css) => transform({ code: Buffer.from(css), minify: true }).code.toString();
/** Only the rules whose selectors the page's own markup can match (PurgeCSS), minified: what a
 *  per-page critical stylesheet would weigh. Not a page a visitor could be given as is: rules
 *  for states the app creates later (search results, menus) are gone. */
const pruned = async (css, html) => minify((await new PurgeCSS().purge({ content: [{ raw: html, extension: 'html' }], css: [{ raw: css }], variables: false }))[0].css);

/** The page with the app's starter (inline, at the end of the body) put back by `put(html
 *  without it, starter)`. */
const moveStarter = (put) => (html) => {
  const [starter] = html.match(/<script type="module">[\s\S]*?<\/script>/);
  return put(html.replace(starter, ''), starter);
};

/** The minified deep-link rule: the deferred parts' `:is(…)` list, then the `:has(~:target…)`
 *  selectors, then its declarations. */
const TARGET_RULE = /(:is\((?:[^()]|\([^()]*\))*\)):has\(~:target[^{}]*\{([^{}]*)\}/g;

/** Each variant: the page's HTML with one part taken out or changed. The CSP hashes only the
 *  starter script, so removing it is the only change that could break the page, and that
 *  variant has no app. */
const ALL = {
  site: (html) => html,
  plain,
  'no-style': (html) => html.replace(/<style\b[\s\S]*?<\/style>/g, ''),
  'no-scripts': (html) => html.replace(/<script\b[\s\S]*?<\/script>/g, ''),
  'no-links': (html) => html.replace(/<link\b[^>]*>/g, ''),
  // The whole stylesheet linked for print, as the app's starter could have switched it on:
  // Chromium fetches it while the page loads and parses it when it arrives.
  'whole-print-link': (html) => html.replace(/<meta name="trust-stylesheet" content="([^"]*)">/, '<link rel="stylesheet" href="$1" media="print">'),
  // Without the icon link (the logo, an SVG).
  'no-icon': (html) => html.replace(/<link rel="icon"[^>]*>/, ''),
  // Without the feeds' `<link rel="alternate">` and the canonical link.
  'no-alternates': (html) => html.replace(/<link rel="(alternate|canonical)"[^>]*>/g, ''),
  'plain-with-links': (html) => html.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<style\b[\s\S]*?<\/style>/g, ''),
  'sans-serif': (html) => html.replace(/font:16px\/1\.6 [^;}]*/, 'font:16px/1.6 sans-serif'),
  // The body as a plain block instead of a full-height flex column (the footer stays at the
  // bottom of short pages only with the flex column).
  'body-block': restyle((css) => css.replace(/(^|\})(body\{[^}]*?)display:flex/, '$1$2display:block')),
  'pruned-css': restyle(pruned),
  // The whole stylesheet inline, as every page carried it before each page got only the rules
  // its markup can match (the whole sheet is the file the page names for the app's starter).
  'whole-css': restyle((css, html) => readFileSync(join(process.env.SITE_DIR, html.match(/<meta name="trust-stylesheet" content="[^"]*?\/?([^"/]+\.css)">/)[1]), 'utf8')),
  // Without the rules that select with `:has()` (each asks about an element's descendants or
  // later siblings when styles are resolved). That takes the deferral rule too (its selector
  // has one: a part that holds parts is not deferred), so the parts below the first screen no
  // longer wait either.
  'no-has': restyle((css) => css.replace(/[^{}]*:has\([^{}]*\{[^{}]*\}/g, '')),
  // Without the rule that renders every part before the one a link into the page names
  // (`:has(~ :target, ~ * :target)`: each part asks about its later siblings' subtrees).
  'no-target-rule': restyle((css) => css.replace(TARGET_RULE, '')),
  // That rule asked once, of the root: with a link into the page every part is rendered.
  'root-target': restyle((css) => css.replace(TARGET_RULE, (_, parts, body) => `:root:has(:target) ${parts}{${body}}`)),
  // The head keeps only the rules the site's header can match; the page's whole sheet follows
  // the header, in the body. Chromium parses the page in slices of time and paints after each;
  // the inline sheet's parse takes part of the first, so with less to parse in the head the
  // first slice can more often reach the header. The whole sheet after it repeats every rule
  // in order, so every element ends with the styles it has now.
  'header-first': async (html) => {
    const [whole, attrs, css] = html.match(STYLE);
    const header = html.match(/<header class="site-header">[\s\S]*?<\/header>/)?.[0];
    if (!header) throw new Error('header-first: the page has no <header class="site-header">');
    // The head's styles after the sheet (the site's brand colour) must still come after it.
    const head = html.slice(0, html.indexOf('</head>'));
    const later = head.slice(head.indexOf(whole) + whole.length).match(/<style\b[^>]*>[\s\S]*?<\/style>/g) ?? [];
    const first = await pruned(css, `<html><body>${header}</body></html>`);
    if (first.length >= css.length) throw new Error('header-first: the header can match every rule of the sheet');
    return html.replace(whole, () => `<style${attrs}>${first}</style>`).replace(header, () => `${header}<style${attrs}>${css}</style>${later.join('')}`);
  },
  // The starter script in the head, where it was before it moved to the end of the body (why
  // it moved: src/client.rs).
  'head-script': moveStarter((html, starter) => html.replace('<title>', () => `${starter}<title>`)),
  // The starter moved into the body, after the site's header or after the page's own header:
  // a parser that yields at a script in the body can paint what came before it.
  'script-after-header': moveStarter((html, starter) => html.replace('</header><main', () => `</header>${starter}<main`)),
  'script-after-h1': moveStarter((html, starter) => html.replace(/<header class="page-header">[\s\S]*?<\/header>/, (h) => `${h}${starter}`)),
  // The starter without its comments.
  'lean-starter': (html) => html.replace(/<script type="module">[\s\S]*?<\/script>/, (s) => s.replace(/^\s*\/\/.*\n/gm, '')),
  // The logo and the icon link naming it taken out: an SVG image is decoded as a document of its
  // own, on the main thread, and on the traces its decoding often fell before the first paint.
  'no-logo': (html) => html.replace(/<img [^>]*class="logo"[^>]*>/, '').replace(/<link rel="icon"[^>]*>/, ''),
  // Without the parts of the page that wait to be rendered until they near the viewport (the
  // stylesheet's `@supports (content-visibility: auto)` block): every part laid out and painted
  // before the first paint.
  'no-deferred': restyle((css) => { const at = css.indexOf('@supports (content-visibility:auto)'); if (at < 0) return css; let depth = 0; let end = at; for (; end < css.length; end += 1) { if (css[end] === '{') depth += 1; else if (css[end] === '}' && --depth === 0) break; } return css.slice(0, at) + css.slice(end + 1); }),
  // The cards of a grid (the documents, the regions) also wait for the viewport.
  'cards-deferred': restyle((css) => `${css}@supports (content-visibility:auto){.cards>.card{content-visibility:auto;contain-intrinsic-size:auto 12rem}}`),
  // The same layout with nothing painted but text: no backgrounds, borders, shadows or rounded
  // corners (what the compositor has to rasterise beyond the plain page's).
  'text-only-paint': restyle((css) => `${css}*,*::before,*::after{background:none!important;border-color:transparent!important;box-shadow:none!important;border-radius:0!important}`),
  // On a phone every grid of the site has one column: the same look from block layout.
  'phone-block': restyle((css) => `${css}@media (max-width:30rem){.cards,.facts,.columns,.controls,.answers{display:block}.cards>*+*{margin-top:1rem}.facts>*+*{margin-top:.5rem}.controls>*+*{margin-top:.75rem}}`),
};
const ROUTE = process.env.ROUTE ?? '/security/';
const RUNS = Number(process.env.RUNS ?? 21);
const TRACE = Boolean(process.env.TRACE);
const NAMES = process.env.VARIANTS?.split(',') ?? Object.keys(ALL);
for (const name of NAMES) if (!ALL[name]) throw new Error(`unknown variant ${name}; known: ${Object.keys(ALL).join(', ')}`);
if (!process.env.SITE_DIR) throw new Error('SITE_DIR: the built site to measure (make build writes dist/)');

const work = mkdtempSync(join(os.tmpdir(), 'bench-variants-'));
try {
  cpSync(process.env.SITE_DIR, work, { recursive: true });
  const sizes = {};
  const page = readFileSync(join(work, ROUTE, 'index.html'), 'utf8');
  for (const name of NAMES) {
    const html = await ALL[name](page);
    if (html === page && name !== 'site') throw new Error(`variant ${name} changed nothing on ${ROUTE}: the page no longer has what it takes out`);
    mkdirSync(join(work, 'lab', name, ROUTE), { recursive: true });
    writeFileSync(join(work, 'lab', name, ROUTE, 'index.html'), html);
  }
  compressPages(TRUSTCTL, join(work, 'lab'));
  for (const name of NAMES) sizes[name] = statSync(join(work, 'lab', name, ROUTE, 'index.html.br')).size;
  const server = await serve(TRUSTCTL, work);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-quic'] });
  const fcps = Object.fromEntries(NAMES.map((name) => [name, []]));
  const lcps = Object.fromEntries(NAMES.map((name) => [name, []]));
  const phases = Object.fromEntries(NAMES.map((name) => [name, []]));
  try {
    for (let i = 0; i < RUNS; i += 1) {
      for (const name of NAMES) {
        const run = await load(browser, `${server.origin}/lab/${name}${ROUTE}`, { app: false, trace: TRACE });
        fcps[name].push(run.fcp);
        lcps[name].push(run.lcp);
        if (run.phases) phases[name].push(run.phases);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`${ROUTE}, ${RUNS} loads of each variant in turn${TRACE ? ', traced' : ''}, FCP and LCP in ms on the mobile profile:`);
  for (const [name, xs] of Object.entries(fcps)) {
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    let line = `${name.padEnd(18)} ${(sizes[name] / 1024).toFixed(1).padStart(5)} KB br   median ${median(xs).toFixed(0).padStart(4)}   min ${Math.min(...xs).toFixed(0).padStart(4)}   sd ${sd.toFixed(0).padStart(3)}   LCP median ${median(lcps[name]).toFixed(0).padStart(4)}`;
    // Main-thread milliseconds (4× slowed) before the first paint, median of each phase.
    if (phases[name].length) {
      const by = Object.keys(phases[name][0]).map((k) => [k, median(phases[name].map((p) => p[k]))]);
      line += `   before paint: ${by.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}, total ${by.reduce((t, [, v]) => t + v, 0).toFixed(0)}`;
    }
    console.log(line);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
