/**
 * The search index is kept across builds (src/integrations/pagefind.ts): the copy kept is the one this build wrote,
 * file for file, so the next build with the same pages reuses exactly this index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CACHE_DIR = process.env['PAGEFIND_CACHE_DIR'] ?? 'node_modules/.cache/pagefind';
const BUILT = 'dist/client/pagefind';
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('search index cache', () => {
  it('keeps one index, the one in dist/ (without the compressed copies written after it)', () => {
    const kept = readdirSync(CACHE_DIR);
    expect(kept).toHaveLength(1);
    const cached = join(CACHE_DIR, kept[0]!);
    expect(filesIn(cached)).toEqual(filesIn(BUILT));
    expect(filesIn(BUILT).length).toBeGreaterThan(3);
    for (const file of filesIn(BUILT))
      expect(readFileSync(join(cached, file)).equals(readFileSync(join(BUILT, file))), file).toBe(true);
  });
});
