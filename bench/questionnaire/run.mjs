#!/usr/bin/env node
// The questionnaire benchmark (`make bench-questionnaire`):
// - accuracy: `cargo bench --bench questionnaire` matches bench/questionnaire/eval.json (tuned on)
//   and holdout.json (never tuned on) against the example answer library (top-1, top-3, how
//   often each confidence band is right);
// - speed: the example content scaled to 2,000 answers (bench/search/scale.mjs), built and served
//   on loopback; a 300-question CSV is dropped on /questionnaire/ in headless Chromium and the
//   time to match it is taken, as the worker reports it and as the visitor waits for the table
//   (median of 5, a fresh page each).
// Prints the results and writes them into bench/README.md.
//
// Environment: TRUSTCTL (default target/debug/trustctl), APP_DIR (default target/trunk),
// CHROMIUM (default /usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { APP_DIR, CHROMIUM, README, ROOT, TRUSTCTL, serve } from '../common.mjs';
import { scaleContent } from '../search/scale.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const BEGIN = '<!-- questionnaire:begin -->';
const END = '<!-- questionnaire:end -->';
const ANSWERS = 2000;
const QUESTIONS = 300;
const RUNS = 5;
const ENV = { ...process.env, TRUST_TODAY: '2026-11-22' };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** 300 questions as a questionnaire would have them: the evaluation set's, then variants of them. */
function questionnaire() {
  const eval_ = JSON.parse(readFileSync(join(HERE, 'eval.json'), 'utf8')).questions.map((q) => q.question);
  const rows = [];
  for (let i = 0; rows.length < QUESTIONS; i += 1) {
    const q = eval_[i % eval_.length];
    rows.push(i < eval_.length ? q : `${q} Please also state the scope (item ${i + 1}).`);
  }
  const cell = (s) => `"${s.replaceAll('"', '""')}"`;
  return ['Ref,Question,Comments', ...rows.map((q, i) => `Q-${i + 1},${cell(q)},`)].join('\r\n');
}

function accuracy() {
  const out = execFileSync('cargo', ['bench', '--quiet', '--bench', 'questionnaire'], { cwd: ROOT, encoding: 'utf8' });
  return out.trim().split('\n');
}

async function speed() {
  const work = mkdtempSync(join(os.tmpdir(), 'bench-questionnaire-'));
  try {
    const content = join(work, 'content');
    const dist = join(work, 'dist');
    scaleContent(ANSWERS, content);
    execFileSync(TRUSTCTL, ['build', '--content', content, '--app', APP_DIR, '--out', dist], { env: ENV, stdio: ['ignore', 'ignore', 'inherit'] });
    const server = await serve(TRUSTCTL, dist);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
    });
    const csv = Buffer.from(questionnaire());
    const worker = [];
    const waited = [];
    try {
      for (let run = 0; run < RUNS; run += 1) {
        const page = await browser.newPage();
        await page.goto(`${server.origin}/questionnaire/`);
        await page.waitForFunction(() => /Ready: \d+ published answers/.test(document.querySelector('.questionnaire-status')?.textContent ?? ''), null, { timeout: 30000 });
        const ready = await page.locator('.questionnaire-status').innerText();
        if (!ready.includes(`${ANSWERS}`)) throw new Error(`expected ${ANSWERS} answers: ${ready}`);
        await page.setInputFiles('#questionnaire-file', { name: 'q.csv', mimeType: 'text/csv', buffer: csv });
        await page.waitForSelector('.questionnaire-columns');
        const t0 = Date.now();
        await page.getByRole('button', { name: 'Match questions' }).click();
        await page.waitForFunction((n) => document.querySelectorAll('table.review tbody tr').length === n, QUESTIONS, { timeout: 60000 });
        waited.push(Date.now() - t0);
        const status = await page.locator('.questionnaire-status').innerText();
        worker.push(Number(status.match(/in (\d+) ms/)[1]));
        await page.close();
      }
    } finally {
      await browser.close();
      await server.stop();
    }
    return { worker: median(worker), waited: median(waited), workerAll: worker, waitedAll: waited };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const lines = accuracy();
for (const l of lines) console.log(l);
const s = await speed();
console.log(`match ${QUESTIONS} questions against ${ANSWERS} answers: worker ${s.worker} ms (median of ${RUNS}: ${s.workerAll.join(', ')}), until the table shows ${s.waited} ms (${s.waitedAll.join(', ')})`);

const top1Of = (set) => Number(lines.find((l) => l.startsWith(`${set} top-1`)).match(/= ([\d.]+)%/)[1]);
const top1 = top1Of('eval');
const holdout = top1Of('holdout');
const verdict = (ok) => (ok ? '**met**' : '**not met**');
const section = [
  BEGIN,
  `Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), Chromium headless.`,
  '',
  '```',
  ...lines,
  `match ${QUESTIONS} questions against ${ANSWERS} answers: worker ${s.worker} ms, until the review table shows ${s.waited} ms (medians of ${RUNS})`,
  '```',
  '',
  'Goals:',
  '',
  `- 300 questions against 2,000 answers matched in ≤ 300 ms: ${s.worker} ms in the worker, ${s.waited} ms until the table is on screen, ${verdict(s.worker <= 300)}.`,
  `- Top-1 ≥ 85% on the evaluation set: ${top1}%, ${verdict(top1 >= 85)} (hold-out set, never tuned on: ${holdout}%).`,
  END,
].join('\n');
const readme = readFileSync(README, 'utf8');
const next = readme.includes(BEGIN)
  ? readme.replace(new RegExp(`${BEGIN}[\\s\\S]*?${END}`), section)
  : `${readme.trimEnd()}\n\n## Questionnaire assistant (\`make bench-questionnaire\`)\n\n${section}\n`;
writeFileSync(README, next);
console.log(`wrote ${README}`);
