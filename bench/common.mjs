// Shared by the benchmarks: where the tools and the README are, and the built site served by
// `trustctl serve` on a free loopback port.
// Environment: TRUSTCTL (default target/debug/trustctl), APP_DIR (default target/trunk),
// CHROMIUM (default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TRUSTCTL = resolve(process.env.TRUSTCTL ?? join(ROOT, 'target/debug/trustctl'));
export const APP_DIR = resolve(process.env.APP_DIR ?? join(ROOT, 'target/trunk'));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const README = join(ROOT, 'bench/README.md');

/** Serves `dir` with `trustctl`; resolves to { origin, stop }. */
export async function serve(trustctl, dir) {
  const child = spawn(trustctl, ['serve', dir, '--addr', '127.0.0.1:0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const origin = await new Promise((ok, fail) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`trustctl serve exited with ${code}: ${out}`)));
  });
  return { origin, stop: async () => { child.kill(); await once(child, 'exit'); } };
}
