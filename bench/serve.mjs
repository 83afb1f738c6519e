// Shared by the benchmarks: the built site served by `trustctl serve` on a free loopback port.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

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
