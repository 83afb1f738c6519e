#!/usr/bin/env node
// The site search benchmark (`make bench-search`): our Wasm engine against MiniSearch, FlexSearch,
// Lunr and Fuse.js, in the same headless Chromium, on the example content scaled to 1,000 and
// 10,000 answers. Prints a table per scale and writes them into bench/README.md.
//
// Usage: node run.mjs [--scales 1000,10000] [--no-readme]
// Environment: TRUSTCTL (default target/debug/trustctl), APP_DIR (default target/trunk),
// CHROMIUM (default /usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { APP_DIR, CHROMIUM, README, ROOT, TRUSTCTL, serve } from '../common.mjs';
import { scaleContent } from './scale.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const BEGIN = '<!-- search:begin -->';
const END = '<!-- search:end -->';

const ENGINES = [
  { id: 'ours', label: 'ours (Rust → Wasm)' },
  { id: 'minisearch', label: 'MiniSearch', pkg: 'minisearch', scripts: ['minisearch/dist/umd/index.js'] },
  { id: 'flexsearch', label: 'FlexSearch', pkg: 'flexsearch', scripts: ['flexsearch/dist/flexsearch.bundle.min.js'] },
  { id: 'lunr', label: 'Lunr', pkg: 'lunr', scripts: ['lunr/lunr.min.js'] },
  // Fuse.js 7 ships ES modules only.
  { id: 'fuse', label: 'Fuse.js', pkg: 'fuse.js', module: { file: 'fuse.js/dist/fuse.min.mjs', global: 'Fuse' } },
];

// Whole queries: 5 timed batches each; typed prefixes (many more of them): 3. An engine slower
// than 20 ms a call gets a minute for each, on a sample of the queries if need be.
const SETTINGS = {
  loads: 5,
  keyword: { samples: 5, batchMs: 5, slowMs: 20, budgetMs: 60000 },
  keystroke: { samples: 3, batchMs: 3, slowMs: 20, budgetMs: 60000 },
};
// The content's dates are judged as of the day the example describes, as `make build` does.
const ENV = { ...process.env, TRUST_TODAY: '2026-11-22' };

const { values: args } = parseArgs({
  options: { scales: { type: 'string', default: '1000,10000' }, 'no-readme': { type: 'boolean', default: false } },
});
const scales = args.scales.split(',').map(Number);
const labelled = JSON.parse(readFileSync(join(HERE, 'queries.json'), 'utf8')).queries;
const queries = labelled.map((l) => l.query);

/**
 * A fresh page of the site with the app started and `engine`'s bundle and the harness loaded.
 * One page per engine, so that no engine runs in a heap another one filled.
 */
async function openPage(browser, origin, corpusJson, engine) {
  // The harness injects its engines as scripts, which the site's Content-Security-Policy (rightly)
  // refuses: the benchmark's pages are the site's with that one rule off.
  const page = await browser.newPage({ bypassCSP: true });
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  // Bench files come from node_modules and memory, never from the site under test.
  await page.route(`${origin}/_bench/**`, (route) => {
    const path = new URL(route.request().url()).pathname.slice('/_bench/'.length);
    if (path === 'corpus.json') return route.fulfill({ body: corpusJson, contentType: 'application/json' });
    return route.fulfill({ path: join(HERE, 'node_modules', path), contentType: 'text/javascript' });
  });
  // The questionnaire page's app exports the engine (src/bin/questionnaire_app.rs); the one the
  // other pages load exports nothing it does not need. Not waiting for `load`: see below.
  await page.goto(`${origin}/questionnaire/`, { waitUntil: 'domcontentloaded' });
  const started = () => page.waitForFunction(() => window.wasmBindings, null, { timeout: 15000 });
  try {
    await started();
  } catch {
    // The flake the e2e harness reports: sometimes the responses for the Wasm module and the
    // icon never finish arriving from `trustctl serve`, so neither `load` nor the app comes.
    // A reload fetches them again.
    process.stderr.write('KNOWN FLAKE: the app did not start; reloading once\n');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await started();
  }
  if (!(await page.evaluate(() => 'SearchEngine' in window.wasmBindings))) {
    throw new Error(`the app in ${APP_DIR} does not export SearchEngine; rebuild it (make app)`);
  }
  // The page's worker loads the answer library as the page opens: done before anything is timed.
  await page.waitForFunction(() => /Ready: /.test(document.querySelector('.questionnaire-status')?.textContent ?? ''));
  for (const script of engine.scripts ?? []) await page.addScriptTag({ path: join(HERE, 'node_modules', script) });
  if (engine.module) {
    await page.evaluate(async ({ file, global }) => { window[global] = (await import(`/_bench/${file}`)).default; }, engine.module);
  }
  await page.addScriptTag({ path: join(HERE, 'engines.js') });
  return page;
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** p50 and p95, and which share of the queries they cover when an engine was too slow for all. */
function timing({ times, timed, of }) {
  return { p50: percentile(times, 50), p95: percentile(times, 95), sampled: timed < of ? `${timed} of ${of}` : null };
}

/** MRR over the top 10 and recall@5, against the labelled expected URLs. */
function relevance(results) {
  let rr = 0;
  let recall = 0;
  results.forEach((urls, i) => {
    const expected = new Set(labelled[i].expected);
    const first = urls.findIndex((u) => expected.has(u));
    rr += first < 0 ? 0 : 1 / (first + 1);
    recall += urls.slice(0, 5).filter((u) => expected.has(u)).length / expected.size;
  });
  return { mrr: rr / results.length, recall5: recall / results.length };
}

/** Generates, builds and serves one scale; measures every engine on it. */
async function runScale(browser, answers) {
  const work = mkdtempSync(join(os.tmpdir(), `bench-search-${answers}-`));
  try {
    const content = join(work, 'content');
    const dist = join(work, 'dist');
    scaleContent(answers, content);
    process.stderr.write(`${answers} answers: building the site\n`);
    execFileSync(TRUSTCTL, ['build', '--content', content, '--app', APP_DIR, '--out', dist], { env: ENV, stdio: ['ignore', 'ignore', 'inherit'] });
    const corpusJson = execFileSync(TRUSTCTL, ['corpus', '--content', content], { env: ENV, maxBuffer: 1 << 30 }).toString();
    const corpus = JSON.parse(corpusJson);
    const urls = new Set(corpus.map((d) => d.url));
    const unknown = labelled.flatMap((l) => l.expected.filter((u) => !urls.has(u)).map((u) => `${l.query}: ${u}`));
    if (unknown.length) throw new Error(`queries.json expects results the corpus does not have:\n  ${unknown.join('\n  ')}`);

    const server = await serve(TRUSTCTL, dist);
    const rows = [];
    try {
      for (const engine of ENGINES) {
        process.stderr.write(`${answers} answers: ${engine.label}\n`);
        const page = await openPage(browser, server.origin, corpusJson, engine);
        const m = await page.evaluate(([id, settings]) => window.searchBench.measure(id, settings), [engine.id, { ...SETTINGS, queries }]);
        await page.close();
        const shipped = m.shipped === null ? readFileSync(join(dist, '_search/index.bin')) : Buffer.from(m.shipped);
        rows.push({
          engine,
          raw: shipped.length,
          gzip: gzipSync(shipped, { level: 9 }).length,
          loadMs: m.loadMs,
          keyword: timing(m.keyword),
          keystroke: timing(m.keystroke),
          results: m.results,
          ...relevance(m.results),
        });
      }
    } finally {
      await server.stop();
    }
    return { answers, docs: corpus.length, rows };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const size = (bytes) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);
const ms = (x) => (x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(0));

function table(scale) {
  const lines = [
    `**${scale.answers.toLocaleString('en')} answers** (${scale.docs.toLocaleString('en')} documents indexed)`,
    '',
    '| engine | index raw | index gzip | load ms | query p50 / p95 ms | keystroke p50 / p95 ms | MRR@10 | recall@5 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const notes = [];
  const cell = (t, what, engine) => {
    if (t.sampled) notes.push(`${engine.label}: ${what} timed on ${t.sampled} (every k-th), being slow.`);
    return `${ms(t.p50)} / ${ms(t.p95)}${t.sampled ? '*' : ''}`;
  };
  for (const r of scale.rows) {
    lines.push(`| ${r.engine.label} | ${size(r.raw)} | ${size(r.gzip)} | ${ms(r.loadMs)} | ${cell(r.keyword, 'queries', r.engine)} `
      + `| ${cell(r.keystroke, 'keystrokes', r.engine)} | ${r.mrr.toFixed(3)} | ${r.recall5.toFixed(3)} |`);
  }
  if (notes.length) lines.push('', ...notes.map((n) => `\\* ${n}`));
  return lines.join('\n');
}

/** Where each engine ranked the first expected result of each query: what to look at when tuning. */
function ranks(scale) {
  const head = ['query', ...scale.rows.map((r) => r.engine.id)];
  const lines = [head.join(' | '), head.map(() => '---').join(' | ')];
  labelled.forEach((l, i) => {
    const expected = new Set(l.expected);
    const cells = scale.rows.map((r) => {
      const first = r.results[i].findIndex((u) => expected.has(u));
      return first < 0 ? '–' : String(first + 1);
    });
    lines.push([l.query, ...cells].join(' | '));
  });
  return lines.join('\n');
}

/** The goals, judged on the largest scale. */
function goals(scale) {
  const ours = scale.rows.find((r) => r.engine.id === 'ours');
  const peers = scale.rows.filter((r) => r.engine.id !== 'ours');
  const best = (key) => peers.reduce((a, b) => (b[key] > a[key] ? b : a));
  const mini = peers.find((r) => r.engine.id === 'minisearch');
  const verdict = (ok) => (ok ? '**met**' : '**not met**');
  const n = scale.answers.toLocaleString('en');
  return [
    `- p95 per keystroke ≤ 1 ms at ${n} answers: ${ms(ours.keystroke.p95)} ms, ${verdict(ours.keystroke.p95 <= 1)}.`,
    `- Relevance at least the best peer's: MRR ${ours.mrr.toFixed(3)} against ${best('mrr').mrr.toFixed(3)} (${best('mrr').engine.label}), `
      + `recall@5 ${ours.recall5.toFixed(3)} against ${best('recall5').recall5.toFixed(3)} (${best('recall5').engine.label}), `
      + `${verdict(ours.mrr >= best('mrr').mrr && ours.recall5 >= best('recall5').recall5)}.`,
    `- Index gzip no larger than MiniSearch's: ${size(ours.gzip)} against ${size(mini.gzip)}, ${verdict(ours.gzip <= mini.gzip)}.`,
  ].join('\n');
}

function section(results, chromiumVersion) {
  const versions = ENGINES.filter((e) => e.pkg)
    .map((e) => `${e.pkg} ${JSON.parse(readFileSync(join(HERE, 'node_modules', e.pkg, 'package.json'), 'utf8')).version}`);
  const cpus = os.cpus();
  const largest = results[results.length - 1];
  return `${BEGIN}
## Site search (\`make bench-search\`)

What it measures: our engine (\`src/search\`, compiled into the site's Wasm as the site compiles
it and called through \`window.wasmBindings.SearchEngine\`, which the questionnaire page's app
exports) against MiniSearch, FlexSearch, Lunr and Fuse.js, in one
headless Chromium, each in a fresh page of the built site. Content: the example trust center
plus generated questionnaire answers (\`bench/search/scale.mjs\`: realistic distractors across 20
security topics) up to 1,000 and 10,000 answers; every engine indexes the same entries
(\`trustctl corpus\`), with titles weighted above keywords above text, and ships what a result
shows (URL, section, title, context, a 240-character excerpt). Peers are configured for search as
you type: MiniSearch with prefix, fuzzy 0.2 and boosts; FlexSearch Document with forward
tokenisation, the LatinBalance encoder and suggestions; Lunr with each word exact, as a prefix
and within one edit; Fuse.js with token search. Sources: \`bench/search/\`.

- **index**: what the browser downloads: ours \`/_search/index.bin\`, peers their serialised
  index with the stored fields; gzip at level 9.
- **load**: decoding the downloaded index into a searchable one (median of ${SETTINGS.loads}).
- **query**: the ${queries.length} labelled queries, whole; **keystroke**: every prefix of them as typed
  letter by letter. Calls under a few milliseconds are timed in batches and divided, since the
  page's clock ticks in 0.1 ms.
- **MRR@10, recall@5**: against \`bench/search/queries.json\`, queries phrased the way reviewers
  ask (keywords, questions, acronyms, misspellings), each with the results a reviewer wants first.

Run on ${new Date().toISOString().slice(0, 10)}: ${cpus.length} cores (${cpus[0].model.trim()}), `
  + `${Math.round(os.totalmem() / 2 ** 30)} GiB, ${chromiumVersion}, Node ${process.version}; ${versions.join(', ')}.

${results.map(table).join('\n\n')}

Goals (at ${largest.answers.toLocaleString('en')} answers):

${goals(largest)}
${END}`;
}

function writeReadme(text) {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  const next = start >= 0 && end > start
    ? readme.slice(0, start) + text + readme.slice(end + END.length)
    : `${readme.trimEnd()}\n\n${text}\n`;
  writeFileSync(README, next);
}

for (const file of [TRUSTCTL, join(APP_DIR, 'index.html')]) {
  try {
    statSync(file);
  } catch {
    console.error(`${file} is missing: build trustctl and the app first (make trustctl app)`);
    process.exit(1);
  }
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const chromiumVersion = `Chromium ${browser.version()}`;
const results = [];
try {
  for (const answers of scales) {
    const scale = await runScale(browser, answers);
    results.push(scale);
    console.log(`\n${table(scale)}\n\nRank of the first expected result (– = not in the top 10):\n\n${ranks(scale)}\n`);
  }
} finally {
  await browser.close();
}
const text = section(results, chromiumVersion);
console.log(goals(results[results.length - 1]));
if (!args['no-readme']) {
  writeReadme(text);
  console.log(`\nwrote ${README}`);
}
