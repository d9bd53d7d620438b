/**
 * Runs an article's code sample as a real server for the sample tests: the project's Node (process.execPath)
 * starts the file, and the helpers below wait for it, call it and stop it. Loopback only.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { connect, type AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port';

export type SampleServer = { child: ChildProcessByStdio<null, Readable, Readable>; origin: string; bound: AddressInfo };

/**
 * Preloaded into the sample's process to report the address its server really bound (the sample's own log
 * only echoes HOST). It observes `listen`; the sample runs unchanged.
 */
const REPORT_BOUND_ADDRESS = `data:text/javascript,${encodeURIComponent(`
import { Server } from 'node:net';
const listen = Server.prototype.listen;
Server.prototype.listen = function (...args) {
  this.once('listening', () => console.error('bound ' + JSON.stringify(this.address())));
  return listen.apply(this, args);
};`)}`;

/**
 * Starts `file` (named `shown` in errors: the file the article shows) with `env` (HOST and PORT from this shell are
 * dropped, so each test states its own); resolves once it logged "listening on <origin>" and its server is bound.
 */
export function startSample(
  file: string,
  env: { PORT: string; HOST?: string },
  shown = file,
  timeoutMs = 10_000,
): Promise<SampleServer> {
  const { HOST: _host, PORT: _port, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', REPORT_BOUND_ADDRESS, file], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`${shown} ${why}:\n${output}`));
    };
    const timer = setTimeout(() => fail(`did not log "listening on" within ${timeoutMs / 1000} s`), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const origin = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const bound = /^bound (\{.*\})$/m.exec(output)?.[1];
      if (origin && bound) {
        clearTimeout(timer);
        resolve({ child, origin, bound: JSON.parse(bound) as AddressInfo });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before listening`));
  });
}

export async function stopSample(server: SampleServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export async function getJson(url: string) {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    headers: response.headers,
    body: (await response.json()) as unknown,
  };
}

/**
 * The tests every sample's server gets, the endpoint every article implements: `GET /api/books/:id` on HOST and
 * PORT, 200 with `firstBook` as JSON and no X-Powered-By (plus `checkHeaders`), 404 JSON for an unknown or
 * non-numeric id, a clean stop on SIGTERM, and loopback only when HOST is unset.
 */
export function describeBooksApi(
  sample: string,
  start: (env: { PORT: string; HOST?: string }) => Promise<SampleServer>,
  {
    firstBook,
    checkHeaders = () => {},
    timeoutMs = 15_000,
  }: { firstBook: unknown; checkHeaders?: (headers: Headers) => void; timeoutMs?: number },
): void {
  describe(`${sample}, started on 127.0.0.1 (HOST and PORT)`, () => {
    let server: SampleServer | undefined;
    let port = 0;
    beforeAll(async () => {
      port = await freePort();
      server = await start({ PORT: String(port), HOST: '127.0.0.1' });
    }, timeoutMs);
    afterAll(() => stopSample(server));

    it('listens where HOST and PORT say', () => {
      expect(server!.bound).toMatchObject({ address: '127.0.0.1', port });
      expect(server!.origin).toBe(`http://127.0.0.1:${port}`);
    });

    it('GET /api/books/1 answers 200 with the book as JSON, without X-Powered-By', async () => {
      const { status, type, headers, body } = await getJson(`${server!.origin}/api/books/1`);
      expect(status).toBe(200);
      expect(type).toMatch(/^application\/json\b/);
      expect(body).toEqual(firstBook);
      expect(headers.has('x-powered-by')).toBe(false);
      checkHeaders(headers);
    });

    it.each(['999', 'abc', '1.5'])('GET /api/books/%s answers 404 with a JSON error', async (id) => {
      const { status, type, body } = await getJson(`${server!.origin}/api/books/${id}`);
      expect(status).toBe(404);
      expect(type).toMatch(/^application\/json\b/);
      expect(body).toEqual({ error: 'Book not found' });
    });

    it('stops on SIGTERM and frees its port', async () => {
      await stopSample(server);
      expect(await accepts(port)).toBe(false);
    });
  });

  describe(`${sample} without HOST`, () => {
    let server: SampleServer | undefined;
    afterAll(() => stopSample(server));

    it(
      'binds loopback only (localhost), as the article says',
      async () => {
        const port = await freePort();
        server = await start({ PORT: String(port) });
        expect(['127.0.0.1', '::1'], `bound ${JSON.stringify(server.bound)}`).toContain(server.bound.address);
        expect(server.origin).toBe(`http://localhost:${port}`);
        expect((await getJson(`${server.origin}/api/books/2`)).status).toBe(200);
      },
      timeoutMs,
    );
  });
}
