#!/usr/bin/env node
// FCP of variants of one built page on the mobile profile (`make bench-fcp-variants`): what a
// part of the page costs its first paint, by loading the page with that part taken out. Each
// variant is written beside the page under /lab/<variant>/ with its brotli and gzip copies and
// served by `trustctl serve` with the site's headers; the variants are loaded in turn, RUNS
// (21) times each, so that a slow spell of the machine falls on all of them alike. Prints the
// median FCP of each and its spread; it writes nothing into the README (bench/README.md quotes
// the runs that informed the performance work).
// Environment: SITE_DIR (a built site, required), TRUSTCTL, CHROMIUM, ROUTE (/security/),
// RUNS (21), VARIANTS (comma-separated names below; all by default).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, TRUSTCTL, serve } from '../common.mjs';
import { load, median, plain } from './profile.mjs';

/** Each variant: the page's HTML with one part taken out. Removing keeps the CSP's hashes valid. */
const ALL = {
  site: (html) => html,
  plain,
  'no-style': (html) => html.replace(/<style\b[\s\S]*?<\/style>/g, ''),
  'no-scripts': (html) => html.replace(/<script\b[\s\S]*?<\/script>/g, ''),
  'no-links': (html) => html.replace(/<link\b[^>]*>/g, ''),
  'plain-with-links': (html) => html.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<style\b[\s\S]*?<\/style>/g, ''),
  'sans-serif': (html) => html.replace(/font: 16px\/1\.6 [^;]*;/, 'font: 16px/1.6 sans-serif;'),
};
const ROUTE = process.env.ROUTE ?? '/security/';
const RUNS = Number(process.env.RUNS ?? 21);
const NAMES = process.env.VARIANTS?.split(',') ?? Object.keys(ALL);
for (const name of NAMES) if (!ALL[name]) throw new Error(`unknown variant ${name}; known: ${Object.keys(ALL).join(', ')}`);
if (!process.env.SITE_DIR) throw new Error('SITE_DIR: the built site to measure (make build writes dist/)');

const work = mkdtempSync(join(os.tmpdir(), 'bench-variants-'));
try {
  cpSync(process.env.SITE_DIR, work, { recursive: true });
  const page = readFileSync(join(work, ROUTE, 'index.html'), 'utf8');
  for (const name of NAMES) {
    const html = ALL[name](page);
    const dir = join(work, 'lab', name, ROUTE);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'index.html.br'), zlib.brotliCompressSync(html));
    writeFileSync(join(dir, 'index.html.gz'), zlib.gzipSync(html));
  }
  const server = await serve(TRUSTCTL, work);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-quic'] });
  const fcps = Object.fromEntries(NAMES.map((name) => [name, []]));
  try {
    for (let i = 0; i < RUNS; i += 1) {
      for (const name of NAMES) fcps[name].push((await load(browser, `${server.origin}/lab/${name}${ROUTE}`, { app: false })).fcp);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`${ROUTE}, ${RUNS} loads of each variant in turn, FCP in ms on the mobile profile:`);
  for (const [name, xs] of Object.entries(fcps)) {
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    console.log(`${name.padEnd(18)} median ${median(xs).toFixed(0).padStart(4)}   min ${Math.min(...xs).toFixed(0).padStart(4)}   sd ${sd.toFixed(0).padStart(3)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
