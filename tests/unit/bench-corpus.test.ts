import { describe, expect, it } from 'vitest';
import {
  fillerBody,
  prng,
  syntheticCorpus,
  syntheticFramework,
  syntheticTrend,
  syntheticVersusFiles,
} from '../../scripts/lib/corpus.mjs';
import { frameworkSchema, trendSchema, versusSchema } from '../../src/content.config';
import { pickKeysProblem } from '../../src/lib/versus/editorial';
import { allPairs, pairSlug } from '../../src/lib/versus/pairs';
import { frameworkEntries } from '../support/collections';
import { entryIdsIn, readEntryFile } from '../../src/content-files/entries';
import { countWords } from '../../src/lib/reading-time';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const frameworkIds = entryIdsIn('content/frameworks');

/** Parses generated MDX the way the tests read real entries (frontmatter through YAML, then the real schema). */
function parsed(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  try {
    writeFileSync(join(dir, 'entry.mdx'), text);
    return readEntryFile(join(dir, 'entry.mdx'), 'entry');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('prng', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = prng(42);
    const b = prng(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(prng(43)()).not.toBe(prng(42)());
  });
});

describe('fillerBody', () => {
  it.each([1, 2, 500, 1999])('seed %i gives about 1,000 words with H2 sections', (seed) => {
    const body = fillerBody(seed);
    expect(countWords(body)).toBeGreaterThanOrEqual(1000);
    expect(countWords(body)).toBeLessThanOrEqual(1250);
    expect(body.match(/^## /gm)?.length).toBeGreaterThanOrEqual(5);
    expect(body).toContain('```js');
  });

  it('has unique headings (one anchor each)', () => {
    const headings = fillerBody(7).match(/^#{2,3} .*$/gm) ?? [];
    expect(new Set(headings).size).toBe(headings.length);
  });
});

describe('synthetic trends', () => {
  it.each([0, 1, 99, 1999])('entry %i passes the real trend schema and references real frameworks', (i) => {
    const entry = syntheticTrend(i, frameworkIds);
    const mdx = parsed(entry.text);
    const data = trendSchema.parse(mdx.data);
    for (const s of data.support) expect(frameworkIds).toContain(s.framework.id);
    expect(entry.path).toBe(`${entry.id}.md`);
    expect(countWords(mdx.body)).toBeGreaterThanOrEqual(1000);
  });

  it('are deterministic, with unique ids and titles', () => {
    const corpus = syntheticCorpus('trends', 300, frameworkIds);
    expect(syntheticCorpus('trends', 300, frameworkIds)).toEqual(corpus);
    expect(new Set(corpus.map((e: { id: string }) => e.id)).size).toBe(300);
    const titles = corpus.map((e: { text: string }) => /^title: (.*)$/m.exec(e.text)?.[1]);
    expect(new Set(titles).size).toBe(300);
  });

  it('need a framework to reference', () => {
    expect(() => syntheticTrend(0, [])).toThrow(/framework id/);
  });
});

describe('synthetic frameworks', () => {
  it.each([0, 1, 42, 1999])('entry %i passes the real framework schema', (i) => {
    const entry = syntheticFramework(i);
    const mdx = parsed(entry.text);
    expect(() => frameworkSchema.parse(mdx.data)).not.toThrow();
    expect(entry.path).toBe(`${entry.id}/index.mdx`);
    expect(frameworkIds).not.toContain(entry.id);
  });

  it('bring a valid versus file for every new pair, named as the pair pages are', () => {
    const corpus = syntheticCorpus('frameworks', 3);
    const all = [
      ...frameworkEntries.map((f) => ({ id: f.id, data: { order: f.data.order } })),
      ...corpus.map((e: { id: string }, i: number) => ({ id: e.id, data: { order: 1000 + i } })),
    ];
    const files = syntheticVersusFiles(
      all,
      corpus.map((e: { id: string }) => e.id),
    );
    const newPairs = allPairs(all)
      .map(([a, b]) => pairSlug(a, b))
      .filter((slug) => corpus.some((e: { id: string }) => slug.split('-vs-').includes(e.id)));
    expect(files.map((f: { id: string }) => f.id)).toEqual(newPairs);
    expect(files).toHaveLength(frameworkEntries.length * 3 + 3);
    for (const file of files) {
      const data = versusSchema.parse(parsed(file.text).data);
      expect(pickKeysProblem(file.id, Object.keys(data.pick))).toBeUndefined();
      expect(file.path).toBe(`${file.id}.mdx`);
    }
  });

  it('rejects an unknown kind', () => {
    expect(() => syntheticCorpus('faq', 1)).toThrow(/unknown corpus kind/);
  });
});
