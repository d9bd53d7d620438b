import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { accepts, getJson, startSample, stopSample, type SampleServer } from '../support/sample-server';

/**
 * The NestJS sample, run for real on the project's Node with NestJS 12 from node_modules. Node cannot run decorators
 * from TypeScript source, so the file the article shows is compiled first as `nest new`'s tsconfig compiles a project
 * (CommonJS, experimentalDecorators, emitDecoratorMetadata: the container reads constructor types from that
 * metadata), with the TypeScript compiler the project already has; nothing else is changed.
 */
const SAMPLE = 'content/frameworks/nestjs/sample.ts';
const COMPILED = '.tmp/samples/nestjs-sample.cjs';

beforeAll(() => {
  const { outputText, diagnostics } = ts.transpileModule(readFileSync(SAMPLE, 'utf8'), {
    fileName: SAMPLE,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2023,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
  });
  expect(diagnostics ?? []).toEqual([]);
  mkdirSync('.tmp/samples', { recursive: true });
  writeFileSync(COMPILED, outputText);
});

const start = (env: { PORT: string; HOST?: string }) => startSample(COMPILED, env, SAMPLE, 20_000);

it('type-checks in strict mode against the types NestJS ships', () => {
  const program = ts.createProgram([SAMPLE], {
    strict: true,
    noEmit: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    skipLibCheck: true,
    types: ['node'],
  });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  expect(problems).toEqual([]);
}, 30_000);

describe(`${SAMPLE}, started on 127.0.0.1 (HOST and PORT)`, () => {
  let server: SampleServer | undefined;
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    server = await start({ PORT: String(port), HOST: '127.0.0.1' });
  }, 25_000);
  afterAll(() => stopSample(server));

  it('listens where HOST and PORT say', () => {
    expect(server!.bound).toMatchObject({ address: '127.0.0.1', port });
    expect(server!.origin).toBe(`http://127.0.0.1:${port}`);
  });

  it('GET /api/books/1 answers 200 with the book as JSON, with security headers and without X-Powered-By', async () => {
    const { status, type, headers, body } = await getJson(`${server!.origin}/api/books/1`);
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json\b/);
    expect(body).toEqual({ id: 1, title: 'Programming TypeScript', author: 'Boris Cherny' });
    expect(headers.has('x-powered-by')).toBe(false);
    // What the article says useSecurityHeaders() turns on: the common protective headers.
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.has('content-security-policy')).toBe(true);
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

describe(`${SAMPLE} without HOST`, () => {
  let server: SampleServer | undefined;
  afterAll(() => stopSample(server));

  it('binds loopback only (localhost), as the article says', async () => {
    const port = await freePort();
    server = await start({ PORT: String(port) });
    expect(['127.0.0.1', '::1'], `bound ${JSON.stringify(server.bound)}`).toContain(server.bound.address);
    expect(server.origin).toBe(`http://localhost:${port}`);
    expect((await getJson(`${server.origin}/api/books/2`)).status).toBe(200);
  }, 25_000);
});
