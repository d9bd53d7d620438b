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

/**
 * The ids the glob loader gives the MDX entries in `dir`: `name.mdx` → "name", `name/index.mdx` → "name".
 * Names starting with `_` are drafts and have no id.
 */
export function entryIdsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('_'))
    .flatMap((d) => {
      if (d.isDirectory()) return existsSync(join(dir, d.name, 'index.mdx')) ? [d.name] : [];
      return d.name.endsWith('.mdx') ? [d.name.slice(0, -'.mdx'.length)] : [];
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

export interface MdxFile {
  id: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

export function readMdx(file: string, id: string): MdxFile {
  const { data, body } = parseFrontmatter(readFileSync(file, 'utf8'));
  if (!data) throw new Error(`${file}: no frontmatter`);
  return { id, file, data, body };
}

/** Every MDX entry in `dir`, by id: a folder entry (`name/index.mdx`) or a flat file (`name.mdx`). */
export function readMdxCollection(dir: string): MdxFile[] {
  return entryIdsIn(dir).map((id) => {
    const folder = join(dir, id, 'index.mdx');
    return readMdx(existsSync(folder) ? folder : join(dir, `${id}.mdx`), id);
  });
}

/**
 * Each MDX entry in `dir` with the `order` of its frontmatter, for the places that run before the content layer
 * does (astro.config.mjs, loaders). This only has to find the field, and fails loudly when it cannot.
 */
export function entryOrdersIn(dir: string): { id: string; data: { order: number } }[] {
  return readMdxCollection(dir).map(({ id, file, data }) => {
    const order = data['order'];
    if (typeof order !== 'number') throw new Error(`${file}: no "order: <number>" line in the frontmatter`);
    return { id, data: { order } };
  });
}

export function readYamlList(file: string): Record<string, unknown>[] {
  return parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
}
