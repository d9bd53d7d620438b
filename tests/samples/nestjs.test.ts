import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { beforeAll, expect, it } from 'vitest';
import { describeBooksApi, startSample } from '../support/sample-server';

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

describeBooksApi(SAMPLE, start, {
  firstBook: { id: 1, title: 'Programming TypeScript', author: 'Boris Cherny' },
  // What the article says useSecurityHeaders() turns on: the common protective headers.
  checkHeaders: (headers) => {
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.has('content-security-policy')).toBe(true);
  },
  timeoutMs: 25_000,
});
