/**
 * `npm run facts:refresh` against a stand-in for the endoflife.date API on loopback. The responses are built in
 * the API's v1 shape (`result.releases[]`, as documented by endoflife.date) from the data in content/releases, then
 * changed the way a real refresh would find them changed: no network is reachable here to record real ones.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReleaseCycle } from '../../src/lib/releases';

type Answer = { status: number; body: string };
let answers: Map<string, Answer>;
let requests: string[];
let api: Server;
let apiUrl: string;
let dir: string;

/** The files facts:refresh maintains: those with endoflife.date data (FastAPI, NestJS and Gin are kept by hand). */
const files = () =>
  readdirSync(dir).filter((f) => f.endsWith('.yaml') && /^endoflife:/m.test(readFileSync(join(dir, f), 'utf8')));
const handKept = () =>
  readdirSync(dir).filter((f) => f.endsWith('.yaml') && !/^endoflife:/m.test(readFileSync(join(dir, f), 'utf8')));
const snapshot = () => Object.fromEntries(files().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const stored = (file: string) =>
  parse(readFileSync(join(dir, file), 'utf8')) as {
    endoflife: { product: string; checkedAt: string; cycles: ReleaseCycle[] };
    overrides: unknown[];
  };

/** A product's data as the API would send it. */
function apiBody(cycles: ReleaseCycle[]): string {
  const date = (m: string | boolean) => (typeof m === 'string' ? m : null);
  const releases = cycles.map((c) => ({
    name: c.cycle,
    label: c.cycle,
    releaseDate: c.releaseDate,
    isLts: c.lts,
    ltsFrom: c.ltsFrom ?? null,
    isEoas: c.eoas === true,
    eoasFrom: date(c.eoas),
    isEol: c.eol === true,
    eolFrom: date(c.eol),
    isMaintained: true,
    latest: c.latest ? { name: c.latest, date: c.latestDate ?? null, link: null } : null,
  }));
  return JSON.stringify({ schema_version: '1.2.0', result: { name: 'x', releases } });
}

function refresh(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', 'scripts/facts-refresh.ts', ...args],
      { env: { ...process.env, ENDOFLIFE_API: apiUrl, RELEASES_DIR: dir }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  api = createServer((req, res) => {
    requests.push(req.url ?? '');
    const answer = answers.get(req.url ?? '') ?? { status: 404, body: '{"message":"not found"}' };
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'releases-'));
  cpSync('content/releases', dir, { recursive: true });
  requests = [];
  // Every product answers with exactly what is stored: nothing to change.
  answers = new Map(
    files().map((f) => [
      `/products/${stored(f).endoflife.product}/`,
      { status: 200, body: apiBody(stored(f).endoflife.cycles) },
    ]),
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('facts:refresh', () => {
  it('asks the API once per product and, with nothing new, says so and only moves checkedAt', async () => {
    const before = snapshot();
    const ownData = Object.fromEntries(handKept().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    expect(Object.keys(ownData).length).toBeGreaterThan(0);
    const { code, stdout } = await refresh();
    expect(code).toBe(0);
    expect(new Set(requests)).toEqual(new Set(answers.keys()));
    expect(requests).toHaveLength(answers.size);
    for (const f of files()) expect(stdout).toContain(`${join(dir, f)}: no changes`);
    expect(stdout).toContain(`0 change(s) in ${files().length} file(s)`);
    const today = new Date().toISOString().slice(0, 10);
    for (const f of files()) {
      expect(stored(f).endoflife.checkedAt).toBe(today);
      expect(readFileSync(join(dir, f), 'utf8').replace(/checkedAt: .*/, '')).toBe(
        before[f]!.replace(/checkedAt: .*/, ''),
      );
    }
    // Files with no endoflife.date data are ours alone: not asked for, not touched.
    for (const [f, text] of Object.entries(ownData)) expect(readFileSync(join(dir, f), 'utf8')).toBe(text);
  });

  it('writes what changed, prints each change, and keeps our comments and overrides', async () => {
    const django = stored('django.yaml');
    const [newest, ...rest] = django.endoflife.cycles;
    const changed: ReleaseCycle[] = [
      {
        cycle: '9.9',
        releaseDate: '2099-01-01',
        lts: false,
        eoas: false,
        eol: false,
        latest: '9.9.0',
        latestDate: '2099-01-01',
      },
      { ...newest!, latest: `${newest!.cycle}.99`, latestDate: '2099-01-02' },
      ...rest,
    ];
    answers.set('/products/django/', { status: 200, body: apiBody(changed) });
    const dotnetBefore = readFileSync(join(dir, 'dotnet.yaml'), 'utf8');

    const { code, stdout } = await refresh();
    expect(code).toBe(0);
    expect(stdout).toContain(
      `${join(dir, 'django.yaml')}:\n  9.9: new cycle, released 2099-01-01, latest 9.9.0\n  ${newest!.cycle}: latest ${newest!.latest} → ${newest!.cycle}.99\n  ${newest!.cycle}: latestDate ${newest!.latestDate} → 2099-01-02`,
    );
    expect(stdout).toContain('3 change(s)');
    expect(stored('django.yaml').endoflife.cycles.slice(0, 2)).toEqual(changed.slice(0, 2));
    // The comments at the top, the overrides and their comments are untouched.
    const dotnetAfter = readFileSync(join(dir, 'dotnet.yaml'), 'utf8');
    expect(dotnetAfter.split('endoflife:')[0]).toBe(dotnetBefore.split('endoflife:')[0]);
    expect(dotnetAfter.split('overrides:')[1]).toBe(dotnetBefore.split('overrides:')[1]);
  });

  it('with --dry-run prints the changes and writes nothing', async () => {
    const django = stored('django.yaml');
    answers.set('/products/django/', { status: 200, body: apiBody(django.endoflife.cycles.slice(1)) });
    const before = snapshot();
    const { code, stdout } = await refresh('--dry-run');
    expect(code).toBe(0);
    expect(stdout).toContain(`${django.endoflife.cycles[0]!.cycle}: no longer listed`);
    expect(stdout).toContain('dry run: nothing written');
    expect(snapshot()).toEqual(before);
  });

  it('says when an override now only repeats the data, so the editor can delete it', async () => {
    const dotnet = stored('dotnet.yaml');
    const { source: _, ...eleven } = dotnet.overrides[0] as ReleaseCycle & { source: string };
    answers.set('/products/dotnet/', { status: 200, body: apiBody([eleven, ...dotnet.endoflife.cycles]) });
    const { code, stdout } = await refresh('--dry-run');
    expect(code).toBe(0);
    expect(stdout).toContain(
      `note: the override of cycle ${eleven.cycle} now says only what endoflife.date says: it can go`,
    );
  });

  it.each([
    ['an HTTP error', { status: 503, body: 'busy' }, /\/products\/php\/: HTTP 503/],
    ['a body that is not JSON', { status: 200, body: '<html>' }, /\/products\/php\/: .*JSON/],
    [
      'JSON of another shape',
      { status: 200, body: '{"result":{"name":"php"}}' },
      /\/products\/php\/: not an endoflife.date product response: result.releases is missing/,
    ],
  ])('on %s for one product, names it, exits 1 and writes no file at all', async (_label, answer, message) => {
    answers.set('/products/php/', answer);
    const django = stored('django.yaml');
    answers.set('/products/django/', { status: 200, body: apiBody(django.endoflife.cycles.slice(1)) }); // a change that must not land
    const before = snapshot();
    const { code, stderr } = await refresh();
    expect(code).toBe(1);
    expect(stderr).toMatch(/nothing was written/);
    expect(stderr).toMatch(message);
    expect(snapshot()).toEqual(before);
  });

  it('with the API unreachable, exits 1 and writes nothing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const before = snapshot();
    const saved = apiUrl;
    apiUrl = `http://127.0.0.1:${port}`;
    try {
      const { code, stderr } = await refresh();
      expect(code).toBe(1);
      expect(stderr).toMatch(/nothing was written; could not read:/);
      expect(stderr).toMatch(/ECONNREFUSED/);
    } finally {
      apiUrl = saved;
    }
    expect(snapshot()).toEqual(before);
  });
});
