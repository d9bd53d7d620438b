/**
 * The search index is kept across builds (src/integrations/pagefind.ts). On the built site: the copy kept is the one
 * this build wrote, file for file; and the step itself, run again over copies of the built pages, reuses the index
 * when nothing it reads changed and indexes again when a page's text did.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const BUILT = 'dist/client/pagefind';
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
const sameFiles = (a: string, b: string) =>
  filesIn(a).length === filesIn(b).length &&
  filesIn(a).every((f, i) => f === filesIn(b)[i] && readFileSync(join(a, f)).equals(readFileSync(join(b, f))));

describe('search index cache', () => {
  it('keeps one index, the one in dist/ (without the compressed copies written after it)', () => {
    const cacheDir = process.env['PAGEFIND_CACHE_DIR'] ?? 'node_modules/.cache/pagefind';
    const kept = readdirSync(cacheDir);
    expect(kept).toHaveLength(1);
    expect(filesIn(BUILT).length).toBeGreaterThan(3);
    expect(sameFiles(join(cacheDir, kept[0]!), BUILT)).toBe(true);
  });

  const work = mkdtempSync(join(tmpdir(), 'guide-pagefind-'));
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(work, { recursive: true, force: true });
  });

  it('reuses the index for the same pages and indexes again when a page’s text changes', async () => {
    const site = join(work, 'site');
    const pages = readdirSync('dist/client', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    for (const page of pages) {
      mkdirSync(dirname(join(site, page)), { recursive: true });
      cpSync(join('dist/client', page), join(site, page));
    }
    vi.stubEnv('PAGEFIND_CACHE_DIR', join(work, 'cache'));
    const { pagefind } = await import('../../src/integrations/pagefind');
    const run = async () => {
      const said: string[] = [];
      const hook = pagefind().hooks['astro:build:done'] as unknown as (options: {
        dir: URL;
        logger: { info: (m: string) => void };
      }) => Promise<void>;
      await hook({ dir: pathToFileURL(`${site}/`), logger: { info: (m) => said.push(m) } });
      return said.join('\n');
    };

    expect(await run()).toMatch(/^indexed \d+ pages/);
    const first = join(work, 'first');
    cpSync(join(site, 'pagefind'), first, { recursive: true });
    rmSync(join(site, 'pagefind'), { recursive: true });

    expect(await run()).toMatch(/^reused the index/);
    expect(sameFiles(join(site, 'pagefind'), first)).toBe(true);
    rmSync(join(site, 'pagefind'), { recursive: true });

    const faq = join(site, 'faq/index.html');
    writeFileSync(faq, readFileSync(faq, 'utf8').replace('</h1>', ' zebracorn</h1>'));
    expect(await run()).toMatch(/^indexed \d+ pages/);
    expect(sameFiles(join(site, 'pagefind'), first)).toBe(false);
  }, 60_000);
});
