/** The real production server (scripts/server.mjs) on a free loopback port, for benchmarks. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
  probe.close();
  await once(probe, 'close');
  return port;
}

/**
 * Starts `node scripts/server.mjs` on 127.0.0.1 and resolves when `/` answers; `stop()` ends it. `cwd` serves another
 * checkout (a baseline build) with its own server.
 */
export async function startServer({ timeoutMs = 20_000, cwd = process.cwd() } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/server.mjs'], {
    cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`scripts/server.mjs exited with ${child.exitCode} before answering`);
    try {
      const res = await fetch(`${url}/`);
      await res.arrayBuffer();
      if (res.ok) return { url, port, stop };
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`scripts/server.mjs did not answer on ${url}/ within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
