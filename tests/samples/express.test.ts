import { freePort } from '../support/free-port';
import {
  accepts,
  getJson,
  startSample as start,
  stopSample as stop,
  type SampleServer,
} from '../support/sample-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The Express sample, run for real: the project's Node (process.execPath) starts the very file the article
 * shows, with `express@5` from node_modules, on a free loopback port; the tests call its endpoint over HTTP.
 */
const SAMPLE = 'content/frameworks/express/sample.js';
const startSample = (env: { PORT: string; HOST?: string }) => start(SAMPLE, env);

describe(`${SAMPLE}, started on 127.0.0.1 (HOST and PORT)`, () => {
  let server: SampleServer | undefined;
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    server = await startSample({ PORT: String(port), HOST: '127.0.0.1' });
  }, 15_000);
  afterAll(() => stop(server));

  it('listens where HOST and PORT say', () => {
    expect(server!.bound).toMatchObject({ address: '127.0.0.1', port });
    expect(server!.origin).toBe(`http://127.0.0.1:${port}`);
  });

  it('GET /api/books/1 answers 200 with the book as JSON, without X-Powered-By', async () => {
    const { status, type, headers, body } = await getJson(`${server!.origin}/api/books/1`);
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json\b/);
    expect(body).toEqual({ id: 1, title: 'Eloquent JavaScript', author: 'Marijn Haverbeke' });
    expect(headers.has('x-powered-by')).toBe(false);
  });

  it.each(['999', 'abc', '1.5'])('GET /api/books/%s answers 404 with a JSON error', async (id) => {
    const { status, type, body } = await getJson(`${server!.origin}/api/books/${id}`);
    expect(status).toBe(404);
    expect(type).toMatch(/^application\/json\b/);
    expect(body).toEqual({ error: 'Book not found' });
  });

  it('stops on SIGTERM and frees its port', async () => {
    await stop(server);
    expect(await accepts(port)).toBe(false);
  });
});

describe(`${SAMPLE} without HOST`, () => {
  let server: SampleServer | undefined;
  afterAll(() => stop(server));

  it('binds loopback only (localhost), as the article says', async () => {
    const port = await freePort();
    server = await startSample({ PORT: String(port) });
    expect(['127.0.0.1', '::1'], `bound ${JSON.stringify(server.bound)}`).toContain(server.bound.address);
    expect(server.origin).toBe(`http://localhost:${port}`);
    expect((await getJson(`${server.origin}/api/books/2`)).status).toBe(200);
  }, 15_000);
});
