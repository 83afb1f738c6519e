#!/usr/bin/env node
// Build time of the example content and of the content scaled 10× and 100× (answers,
// subprocessors, documents and updates multiplied), with the release `trustctl`: part of
// `make bench-perf`, and on its own `make bench-build` (prints the table, writes nothing), for
// checking the build goal without half an hour of browser loads. Each build is timed into memory
// (a tmpfs: the build's own time, which the goal is judged on) and onto the disk, beside the time
// the disk takes to create the same files with nothing computed (see `writeFloor`).
// Environment: TRUSTCTL (default target/release/trustctl here), APP_DIR, SCALES (1,10,100).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'smol-toml';
import { APP_DIR, ROOT } from '../common.mjs';
import { median } from './profile.mjs';

/** The `trustctl` timed (and, in `run.mjs`, serving the built example). */
export const TRUSTCTL = resolve(process.env.TRUSTCTL ?? join(ROOT, 'target/release/trustctl'));
/** How many times the example content is multiplied, per build; the last is judged. */
const SCALES = (process.env.SCALES ?? '1,10,100').split(',').map(Number);
/** The goal for the largest content, in seconds. */
const GOAL_SECONDS = 5;
/** The day the example content describes, and is built and read as of. */
export const BUILD_DAY = '2026-11-22';
const ENV = { ...process.env, TRUST_TODAY: BUILD_DAY };
/** The example content with answers, subprocessors, documents and updates multiplied by `factor`. */
export function scaled(factor, out) {
  cpSync(join(ROOT, 'content'), out, { recursive: true });
  for (let n = 2; n <= factor; n += 1) {
    for (const f of readdirSync(join(out, 'answers')).filter((f) => /^[a-z-]+\.toml$/.test(f))) {
      const data = parse(readFileSync(join(ROOT, 'content/answers', f), 'utf8'));
      data.category = `${data.category} ${n}`;
      for (const a of data.answer) { a.id = `${a.id}-${n}`; a.question = `${a.question} (${n})`; }
      writeFileSync(join(out, 'answers', f.replace('.toml', `-${n}.toml`)), stringify(data));
    }
    for (const f of readdirSync(join(ROOT, 'content/subprocessors'))) {
      const data = parse(readFileSync(join(ROOT, 'content/subprocessors', f), 'utf8'));
      data.name = `${data.name} ${n}`;
      data.since ??= parse('d = 2025-01-01').d;
      writeFileSync(join(out, 'subprocessors', f.replace('.toml', `-${n}.toml`)), stringify(data));
    }
    for (const f of readdirSync(join(ROOT, 'content/documents'))) {
      const text = readFileSync(join(ROOT, 'content/documents', f), 'utf8');
      if (/^kind = "dpa"/m.test(text)) continue; // one DPA
      writeFileSync(join(out, 'documents', f.replace('.md', `-${n}.md`)), text.replace(/^title = "(.*)"$/m, `title = "$1 (${n})"`));
    }
    for (const f of readdirSync(join(ROOT, 'content/updates'))) {
      writeFileSync(join(out, 'updates', f.replace('.md', `-${n}.md`)), readFileSync(join(ROOT, 'content/updates', f), 'utf8'));
    }
  }
}

/** Runs one build of `content` into `out`; its wall time in seconds. */
function timedBuild(content, out) {
  const t = process.hrtime.bigint();
  execFileSync(TRUSTCTL, ['build', '--content', content, '--app', APP_DIR, '--out', out], { env: ENV, stdio: ['ignore', 'ignore', 'inherit'] });
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/**
 * The filesystem's share: seconds to create `site`'s directories and files again under `out`,
 * each file with as many bytes as the original and nothing computed. On this machine's ext4 (no
 * journal, a virtual disk) creating files is at times ten times slower than at others, and
 * slowest right after many were deleted (the kernel skips recently freed inodes one by one);
 * this control, timed next to the builds, tells that cost from the build's own.
 */
function writeFloor(site, out) {
  // What to write, read before the clock starts: only the creating is timed.
  const entries = readdirSync(site, { recursive: true, withFileTypes: true }).map((e) => {
    const from = join(e.parentPath, e.name);
    return { to: join(out, relative(site, from)), dir: e.isDirectory(), size: e.isFile() ? statSync(from).size : -1 };
  }).filter((e) => e.dir || e.size >= 0);
  const buffer = Buffer.alloc(Math.max(0, ...entries.map((e) => e.size)));
  const t = process.hrtime.bigint();
  mkdirSync(out);
  for (const e of entries) {
    if (e.dir) mkdirSync(e.to, { recursive: true });
    else {
      mkdirSync(dirname(e.to), { recursive: true });
      writeFileSync(e.to, buffer.subarray(0, e.size));
    }
  }
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/**
 * Build times of `content`, medians of 3 each:
 * - `disk`: from scratch into a fresh directory under `work` (a deployment's build), and
 *   `floor`, the same files written with nothing computed (see `writeFloor`);
 * - `memory`: from scratch into a fresh directory on a tmpfs (`/dev/shm`), where creating files
 *   costs what it costs on a healthy disk, so that the figure is the build's own; and `rebuild`
 *   there over the previous output of the same content (an author's next build: unchanged files
 *   keep their compressed copies).
 * The last disk output stays at `dist` (the benchmark serves it); nothing is deleted before the
 * caller is done, because on this disk a deletion slows the next minutes' file creation.
 */
function buildTime(content, dist, shm) {
  const fresh = [1, 2, 3].map((i) => `${dist}-cold-${i}`);
  const disk = median(fresh.map((out) => timedBuild(content, out)));
  renameSync(fresh.at(-1), dist);
  const floor = median([1, 2, 3].map((i) => writeFloor(dist, `${dist}-floor-${i}`)));
  const inMemory = [1, 2, 3].map((i) => join(shm, `${basename(dist)}-cold-${i}`));
  const memory = median(inMemory.map((out) => timedBuild(content, out)));
  const rebuild = median([1, 2, 3].map(() => timedBuild(content, inMemory.at(-1))));
  return { disk, floor, memory, rebuild };
}

/**
 * Scales the example by each of `scales`, builds each (see `buildTime`) and returns
 * `{ factor, pages, disk, floor, memory, rebuild }` per scale. The example's output stays at
 * `work/dist-<factor>`; the caller deletes `work`.
 */
export function buildTimes(work, scales = SCALES) {
  if (!existsSync('/dev/shm')) console.error('no /dev/shm: the "in memory" builds are written to the disk too');
  const shm = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/bench-build-') : mkdtempSync(join(work, 'memory-'));
  try {
    const builds = [];
    for (const factor of scales) {
      const content = join(work, `content-${factor}`);
      scaled(factor, content);
      const dist = join(work, `dist-${factor}`);
      const times = buildTime(content, dist, shm);
      const pages = readdirSync(dist, { recursive: true }).filter((f) => f.endsWith('.html')).length;
      builds.push({ factor, pages, ...times });
      console.error(`build ${factor}×: ${times.memory.toFixed(2)} s in memory, ${times.disk.toFixed(2)} s to disk (writing its files alone: ${times.floor.toFixed(2)} s), ${times.rebuild.toFixed(2)} s rebuild, ${pages} HTML files`);
    }
    return builds;
  } finally {
    rmSync(shm, { recursive: true, force: true });
  }
}

/** The build table's Markdown lines. */
export function buildTable(builds) {
  return [
    '| Content | HTML files | From scratch, in memory | Rebuild over the previous output, in memory | From scratch, onto the disk | The disk creating the same files alone |',
    '|---|---:|---:|---:|---:|---:|',
    ...builds.map((b) => `| example ×${b.factor} | ${b.pages} | ${b.memory.toFixed(2)} s | ${b.rebuild.toFixed(2)} s | ${b.disk.toFixed(2)} s | ${b.floor.toFixed(2)} s |`),
  ];
}

/**
 * The goal's line: judged on the 100× content built from scratch into memory (the build's own
 * time), with the disk's figures beside it whether met or not.
 */
export function buildGoal(builds) {
  const last = builds.find((b) => b.factor === 100);
  if (!last) return `- Build of content scaled 100× ≤ ${GOAL_SECONDS} s: **not measured** (SCALES has no 100)`;
  const met = last.memory <= GOAL_SECONDS;
  return `- Build of content scaled 100× ≤ ${GOAL_SECONDS} s: **${met ? 'met' : 'not met'}** (${last.memory.toFixed(2)} s from scratch in memory; ${last.disk.toFixed(2)} s onto this machine's disk, where creating its files with nothing computed takes ${last.floor.toFixed(2)} s)`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const work = mkdtempSync(join(os.tmpdir(), 'bench-build-'));
  try {
    const builds = buildTimes(work);
    console.log([...buildTable(builds), '', buildGoal(builds)].join('\n'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
