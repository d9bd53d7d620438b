/**
 * A memory soak of the real production server: 20,000 requests for distinct missing paths must not grow it by
 * what it keeps per path. Part of `npm run bench` (`--only load`), not `npm test`: a minute of requests.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../integration/support/server';

let server: TestServer;
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

beforeAll(async () => {
  server = await startServer({ NEWSLETTER_RATE_LIMIT: 'off' });
}, 60_000);
afterAll(async () => {
  agent.destroy();
  await server?.dispose();
});

/** The memory the server process holds, from /proc. */
function rssMb(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)![1]) / 1024;
}

/** The status of a HEAD request (no body to send or decode: the server does the same work as for a GET). */
function head(path: string): Promise<number> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'HEAD', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer to HEAD ${path.slice(0, 80)}`)));
    req.on('error', reject);
    req.end();
  });
}

/** Sends `count` requests, `concurrency` at a time; how many got each status. */
async function flood(count: number, concurrency: number, path: () => string) {
  let sent = 0;
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < count) {
        sent++;
        const status = await head(path());
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

describe('memory', () => {
  it('stays bounded over 20,000 distinct missing paths, once the heap has grown to its working size', async () => {
    // Paths of about 1.8 KB (nine 200-character folders, then x<N>.html), so that anything kept per path shows:
    // an old lookup cache kept about 6 KB for each (122 MB over 20,000).
    let next = 0;
    const chunk = async () => {
      const statuses = await flood(2_500, 16, () => `${'/y'.padEnd(201, 'y').repeat(9)}/x${next++}.html`);
      expect([...statuses.keys()]).toEqual([404]);
      return rssMb();
    };
    // Whatever the paths, RSS rises by tens of MB over the first thousands of requests while V8 sizes its heap:
    // go on until two chunks in a row add less than 4 MB each (at most 8 chunks; a leak never gets there).
    let last = rssMb();
    for (let n = 0, calm = 0; n < 8 && calm < 2; n++) {
      const now = await chunk();
      calm = now - last < 4 ? calm + 1 : 0;
      last = now;
    }
    const before = rssMb();
    for (let n = 0; n < 8; n++) await chunk();
    const after = rssMb();
    console.log(
      `server RSS ${before.toFixed(1)} MB → ${after.toFixed(1)} MB over 20,000 distinct missing paths (${next} in all)`,
    );
    // The old server grew about 122 MB over 20,000 such paths; a busy machine moved the new one's RSS by up to 35 MB.
    expect(after - before).toBeLessThan(60);
  }, 300_000);
});
