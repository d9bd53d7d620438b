/**
 * `npm run facts:refresh`: brings the endoflife.date data in `content/releases/*.yaml` up to date and prints what
 * changed, line by line, so an editor can see which facts on the site move. Only the `endoflife` block of each file
 * is rewritten; comments and our own `overrides` stay as they are.
 *
 *   npm run facts:refresh                 read the public API (https://endoflife.date/api/v1/products/<product>/)
 *   npm run facts:refresh -- --dry-run    print the changes, write nothing
 *   npm run facts:refresh -- --snapshot DIR --as-of 2026-08-22
 *                                         read endoflife.date's own product files (products/<product>.md) instead
 *
 * Every product is read before anything is written: a network error leaves every file as it was. ENDOFLIFE_API
 * replaces the API's base URL (the tests serve recorded responses from loopback).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMap, parseDocument, type Document } from 'yaml';
import {
  byNewest,
  cyclesFromApi,
  cyclesFromProductYaml,
  describeChanges,
  type ReleaseCycle,
} from '../src/lib/releases.ts';
import { parseFrontmatter } from '../src/lib/frontmatter.ts';

const RELEASES_DIR = process.env.RELEASES_DIR ?? 'content/releases';
const API = (process.env.ENDOFLIFE_API ?? 'https://endoflife.date/api/v1').replace(/\/$/, '');
const TIMEOUT_MS = 15_000;

const { values: args } = parseArgs({
  options: { 'dry-run': { type: 'boolean' }, snapshot: { type: 'string' }, 'as-of': { type: 'string' } },
});
if (args.snapshot && !/^\d{4}-\d{2}-\d{2}$/.test(args['as-of'] ?? ''))
  fail('--snapshot needs --as-of YYYY-MM-DD: the day the snapshot was taken');

interface Entry {
  file: string;
  doc: Document;
  product: string;
  stored: ReleaseCycle[];
}

function fail(message: string): never {
  console.error(`facts:refresh: ${message}`);
  process.exit(1);
}

function readEntries(): Entry[] {
  const files = readdirSync(RELEASES_DIR)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .sort();
  return files.flatMap((name) => {
    const file = join(RELEASES_DIR, name);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    if (doc.errors.length > 0) fail(`${file}: ${doc.errors[0]!.message}`);
    const product = doc.getIn(['endoflife', 'product']);
    if (product === undefined) return []; // our own data only, nothing to refresh
    if (typeof product !== 'string') fail(`${file}: endoflife.product must be a name such as "django"`);
    const stored = (doc.getIn(['endoflife', 'cycles']) as { toJSON(): ReleaseCycle[] } | undefined)?.toJSON() ?? [];
    return [{ file, doc, product, stored }];
  });
}

async function fromApi(product: string): Promise<ReleaseCycle[]> {
  const url = `${API}/products/${product}/`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
  } catch (error) {
    throw new Error(
      `${url}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`,
      { cause: error },
    );
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  try {
    return cyclesFromApi(await response.json());
  } catch (error) {
    throw new Error(`${url}: ${(error as Error).message}`, { cause: error });
  }
}

function fromSnapshot(dir: string, product: string): ReleaseCycle[] {
  const file = join(dir, `${product}.md`);
  const { data } = parseFrontmatter(readFileSync(file, 'utf8'));
  if (!data) throw new Error(`${file}: no front matter`);
  return cyclesFromProductYaml(data);
}

const today = new Date().toISOString().slice(0, 10);
const entries = readEntries();
if (entries.length === 0) fail(`no file in ${RELEASES_DIR} names an endoflife.date product`);

// Read everything first: one failure, and nothing is written.
const fresh = new Map<string, ReleaseCycle[]>();
const errors: string[] = [];
for (const product of new Set(entries.map((e) => e.product))) {
  try {
    fresh.set(product, byNewest(args.snapshot ? fromSnapshot(args.snapshot, product) : await fromApi(product)));
  } catch (error) {
    errors.push((error as Error).message);
  }
}
if (errors.length > 0) fail(`nothing was written; could not read:\n  ${errors.join('\n  ')}`);

let changed = 0;
for (const entry of entries) {
  const cycles = fresh.get(entry.product)!;
  const changes = describeChanges(entry.stored, cycles);
  console.log(changes.length === 0 ? `${entry.file}: no changes` : `${entry.file}:\n  ${changes.join('\n  ')}`);
  changed += changes.length;
  for (const line of redundantOverrides(entry, cycles)) console.log(`  note: ${line}`);
  if (args['dry-run']) continue;
  const node = entry.doc.createNode(cycles);
  for (const item of node.items) if (isMap(item)) item.flow = true; // one line per cycle: readable diffs
  entry.doc.setIn(['endoflife', 'cycles'], node);
  entry.doc.setIn(['endoflife', 'checkedAt'], args['as-of'] ?? today);
  writeFileSync(entry.file, entry.doc.toString({ lineWidth: 0 }));
}
console.log(
  `\n${changed} change(s) in ${entries.length} file(s)${args['dry-run'] ? ' (dry run: nothing written)' : ''}.`,
);

/** Overrides whose every field the data now gives too: the editor can delete them. */
function redundantOverrides(entry: Entry, cycles: ReleaseCycle[]): string[] {
  const overrides = (entry.doc.get('overrides') as { toJSON(): Record<string, unknown>[] } | undefined)?.toJSON() ?? [];
  return overrides.flatMap(({ source: _source, ...fields }) => {
    const data = cycles.find((c) => c.cycle === fields['cycle']) as Record<string, unknown> | undefined;
    const same = data && Object.entries(fields).every(([k, v]) => String(data[k]) === String(v));
    return same
      ? [`the override of cycle ${String(fields['cycle'])} now says only what endoflife.date says: it can go`]
      : [];
  });
}
