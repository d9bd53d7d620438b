/**
 * Content entries read straight from disk, for what runs before or outside Astro's content layer: the
 * redirects and sitemap dates in astro.config.mjs, the loaders' checks in the content config, the newsletter
 * CLI, the benchmarks and the tests. The ids follow the glob loader's rules; frontmatter goes through the one
 * reader, src/lib/frontmatter.ts. The content schemas still validate everything at sync time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseFrontmatter } from '../lib/frontmatter.ts';
import { countWords } from '../lib/reading-time.ts';

/** Entry files are Markdown, or MDX where the text needs components. */
const ENTRY_EXTENSIONS = ['.md', '.mdx'];

/** The glob loader's pattern for them, in every folder below its base; drafts (named `_…`) left out. */
export const ENTRY_PATTERN = `**/[^_]*.{${ENTRY_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

/** Whether `name` is an entry file: Markdown or MDX, not a draft. */
export const isEntryFileName = (name: string): boolean =>
  !name.startsWith('_') && ENTRY_EXTENSIONS.some((e) => name.endsWith(e));

/** The entry file of `name` in `dir`: `name.md(x)`, or `name/index.md(x)` when `name` is a folder. */
function entryFile(dir: string, name: string): string | undefined {
  return ENTRY_EXTENSIONS.flatMap((ext) => [join(dir, name, `index${ext}`), join(dir, `${name}${ext}`)]).find(
    existsSync,
  );
}

/**
 * The ids the glob loader gives the entries in `dir`: `name.md` or `name.mdx` → "name", `name/index.mdx` → "name".
 * Names starting with `_` are drafts and have no id.
 */
export function entryIdsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('_'))
    .flatMap((d) => {
      if (d.isDirectory()) return entryFile(dir, d.name) ? [d.name] : [];
      return isEntryFileName(d.name) ? [d.name.replace(/\.[^.]+$/, '')] : [];
    })
    .sort();
}

/** The ids of the YAML entry files directly in `dir` (`nodejs.yaml` → "nodejs"; drafts, named `_…`, left out). */
export function yamlIdsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('_') && name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/** The Markdown entry files directly in `dir` (drafts, named `_…`, left out); none when `dir` does not exist. */
export function markdownFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('_') && name.endsWith('.md'))
    .sort();
}

export interface EntryFile {
  id: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

export function readEntryFile(file: string, id: string): EntryFile {
  const { data, body } = parseFrontmatter(readFileSync(file, 'utf8'));
  if (!data) throw new Error(`${file}: no frontmatter`);
  return { id, file, data, body };
}

/** Every entry in `dir`, by id: a folder entry (`name/index.mdx`) or a flat file (`name.md`, `name.mdx`). */
export function readEntryCollection(dir: string): EntryFile[] {
  return entryIdsIn(dir).map((id) => readEntryFile(entryFile(dir, id)!, id));
}

/**
 * Each entry in `dir` with the `order` of its frontmatter, for the places that run before the content layer
 * does (astro.config.mjs, loaders). This only has to find the field, and fails loudly when it cannot.
 */
export function entryOrdersIn(dir: string): { id: string; data: { order: number } }[] {
  return readEntryCollection(dir).map(({ id, file, data }) => {
    const order = data['order'];
    if (typeof order !== 'number') throw new Error(`${file}: no "order: <number>" line in the frontmatter`);
    return { id, data: { order } };
  });
}

export function readYamlList(file: string): Record<string, unknown>[] {
  return parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
}

/**
 * Words in an article's source file, for its reading time. Read from the file: the content layer keeps no entry's
 * source (`retainBody: false` in src/content.config.ts), which at 2,000 entries was a third of its cache.
 */
export function wordsInEntry(entry: { id: string; filePath?: string | undefined }): number {
  if (!entry.filePath) throw new Error(`${entry.id}: the content layer gave no source file to count words in`);
  return countWords(readFileSync(entry.filePath, 'utf8'));
}
